// Vector drawings → MNIST's 28×28: a pen proportional to the drawing, so size and place do not change what the
// network sees; the stroke-width estimator; re-inking a stroke.
import { describe, expect, it } from "vitest";
import {
  drawingStages,
  drawingToMnist,
  fitFrame,
  inkStrokes,
  MNIST_STROKE_WIDTH,
  padFrame,
  penWidthFor,
  strokeWidth,
  type Strokes,
} from "../../src/engine/drawing.ts";
import { MNIST_BOX } from "../../src/engine/preprocess.ts";
import { drawnDigits } from "../../scripts/lib/digitStrokes.ts";

/** A "7" whose box is `size` units high with its top-left corner at (x, y). */
function seven(x: number, y: number, size: number): Strokes {
  const at = (u: number, v: number, t: number) => ({ x: x + u * size, y: y + v * size, t });
  const points = [];
  for (let i = 0; i <= 20; i++) points.push(at((0.6 * i) / 20, 0, i));
  for (let i = 1; i <= 40; i++) points.push(at(0.6 - (0.35 * i) / 40, i / 40, 20 + i));
  return [points];
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return m;
};

describe("penWidthFor", () => {
  it("is S·L / (20 − S), L the longer side of the drawing's box", () => {
    expect(penWidthFor(seven(0, 0, 100))).toBeCloseTo(
      (MNIST_STROKE_WIDTH * 100) / (MNIST_BOX - MNIST_STROKE_WIDTH),
    );
    expect(penWidthFor(seven(10, 10, 50))).toBeCloseTo(penWidthFor(seven(0, 0, 100)) / 2);
  });

  it("inks a dot as if it were minSide across", () => {
    expect(penWidthFor([[{ x: 5, y: 5, t: 0 }]], 8)).toBeCloseTo(penWidthFor(seven(0, 0, 8)));
  });
});

describe("drawingToMnist", () => {
  it("is null for no strokes", () => {
    expect(drawingToMnist([])).toBeNull();
    expect(fitFrame([], 1)).toBeNull();
  });

  it("sees the same digit whatever its size and place on the pad", () => {
    const big = drawingToMnist(seven(20, 20, 240))!;
    for (const [x, y, size] of [
      [5, 5, 60],
      [200, 190, 70],
      [100, 0, 150],
    ] as const) {
      const other = drawingToMnist(seven(x, y, size))!;
      expect(maxDiff(other, big)).toBeLessThan(0.05);
    }
  });

  it("gives strokes as wide as MNIST's, in pixels of the 20 × 20 box, at any size", () => {
    for (const size of [40, 120, 260]) {
      const width = strokeWidth(drawingToMnist(seven(10, 10, size))!, 28, 28)!;
      expect(Math.abs(width - MNIST_STROKE_WIDTH)).toBeLessThan(0.4);
    }
  });

  it("matches MNIST's median stroke width over the bench's corpus", () => {
    const widths = drawnDigits(280)
      .map((d) => strokeWidth(drawingToMnist(d.strokes)!, 28, 28)!)
      .sort((a, b) => a - b);
    expect(widths[widths.length >> 1]).toBeGreaterThan(MNIST_STROKE_WIDTH - 0.2);
    expect(widths[widths.length >> 1]).toBeLessThan(MNIST_STROKE_WIDTH + 0.2);
  });
});

describe("inkStrokes", () => {
  it("inks a horizontal segment pen-wide, with full ink on its centre line", () => {
    const ink = inkStrokes(
      [
        [
          { x: 10, y: 20, t: 0 },
          { x: 30, y: 20, t: 1 },
        ],
      ],
      6,
      padFrame(40),
    );
    let column = 0;
    for (let y = 0; y < 40; y++) column += ink.pixels[y * 40 + 20]!;
    expect(column).toBeCloseTo(6, 1);
    expect(ink.pixels[19 * 40 + 20]).toBe(1);
    expect(ink.pixels[20 * 40 + 5]).toBe(0);
  });
});

describe("drawingStages", () => {
  it("with every step on is what the pad sends, in a frame fitted to the drawing", () => {
    const strokes = seven(20, 30, 100);
    const stages = drawingStages(strokes, 280)!;
    expect(stages.input).toEqual(drawingToMnist(strokes));
    expect(stages.pen).toBeCloseTo(penWidthFor(strokes));
    expect(stages.frame.width).toBeLessThan(120);
    // The ink's box, back in pad units: the 7's 60 × 100 box plus the pen.
    expect(stages.padBox.x).toBeCloseTo(20 - stages.pen / 2, 0);
    expect(stages.padBox.height).toBeCloseTo(100 + stages.pen, 0);
  });

  it("with a step off works on the whole pad, where the drawing was", () => {
    const stages = drawingStages(seven(20, 30, 100), 280, { crop: false, scale: true, centre: true })!;
    expect(stages.frame).toEqual(padFrame(280));
    expect(stages.padBox).toEqual({ x: 0, y: 0, width: 280, height: 280 });
  });
});

describe("strokeWidth", () => {
  it("measures a band's width and is null for a blank image", () => {
    const image = new Float32Array(28 * 28);
    for (let y = 10; y < 13; y++) for (let x = 4; x < 24; x++) image[y * 28 + x] = 1;
    expect(strokeWidth(image, 28, 28)).toBeGreaterThan(2.5);
    expect(strokeWidth(image, 28, 28)).toBeLessThan(3.3);
    expect(strokeWidth(new Float32Array(784), 28, 28)).toBeNull();
  });
});
