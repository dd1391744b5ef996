// The ready-made drawings on the shipped 784-16-16-10 network, through the engine's own preprocessing: each is read
// as its digit with every step on, and as another digit with a step it shows skipped, and with every step skipped.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDrawing } from "../../src/engine/drawing.ts";
import { parseModel } from "../../src/engine/model.ts";
import { ALL_STEPS, type PreprocessSteps } from "../../src/engine/preprocess.ts";
import { DRAWING_POINT_MS, DRAWINGS, drawingStrokes, type ReadyDrawing } from "../../src/render/drawings.ts";
import { PAD_SIDE } from "../../src/render/pad.ts";

const net = parseModel(
  readFileSync(new URL("../../public/models/3b1b-epoch-30.json", import.meta.url), "utf8"),
).net;

/** What the network answers for a ready-made drawing drawn on the pad, with these steps. */
function read(drawing: ReadyDrawing, steps: PreprocessSteps): number {
  return readDrawing(net, drawingStrokes(drawing.strokes, PAD_SIDE), PAD_SIDE, steps)!.digit;
}

describe("DRAWINGS on the trained network", () => {
  for (const drawing of DRAWINGS)
    it(`${drawing.name}: a ${drawing.digit} with every step, another digit without ${drawing.shows.join(", ")} or without all`, () => {
      expect(read(drawing, ALL_STEPS)).toBe(drawing.digit);
      for (const step of drawing.shows)
        expect(read(drawing, { ...ALL_STEPS, [step]: false })).not.toBe(drawing.digit);
      expect(read(drawing, { crop: false, scale: false, centre: false })).not.toBe(drawing.digit);
    });

  it("between them they show every step", () => {
    expect(new Set(DRAWINGS.flatMap((d) => d.shows))).toEqual(new Set(Object.keys(ALL_STEPS)));
  });
});

describe("drawingStrokes(fractions, side, t0)", () => {
  it("scales to the pad, times the points a frame apart, and drops a repeated point", () => {
    const s = drawingStrokes(
      [
        [
          { x: 0, y: 0.5 },
          { x: 0, y: 0.5 },
          { x: 1, y: 1 },
        ],
        [{ x: 0.25, y: 0 }],
      ],
      200,
      10,
    );
    expect(s).toEqual([
      [
        { x: 0, y: 100, t: 10 },
        { x: 200, y: 200, t: 10 + 2 * DRAWING_POINT_MS },
      ],
      [{ x: 50, y: 0, t: 10 + 2 * DRAWING_POINT_MS }],
    ]);
  });
});
