// @vitest-environment jsdom
// The preprocessing experiment's table of ready-made drawings: one row per drawing, each cell the engine's answer
// with those steps, marked where it differs from the answer with every step.
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { readDrawing } from "../../src/engine/drawing.ts";
import { ALL_STEPS } from "../../src/engine/preprocess.ts";
import { PreprocessingExamples } from "../../src/experiments/PreprocessingExamples.tsx";
import { DRAWINGS, drawingStrokes } from "../../src/render/drawings.ts";
import { PAD_SIDE } from "../../src/render/pad.ts";
import { fakeSource } from "./fixtures.ts";

afterEach(cleanup);

describe("PreprocessingExamples", () => {
  it("answers each drawing with every step, without each and without any, as the engine does", () => {
    const net = fakeSource().net(30);
    render(<PreprocessingExamples net={net} />);
    const table = screen.getByRole("table", { name: "What this network reads each ready-made drawing as" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.getAttribute("data-drawing"))).toEqual(DRAWINGS.map((d) => d.name));
    DRAWINGS.forEach((d, i) => {
      const strokes = drawingStrokes(d.strokes, PAD_SIDE);
      const all = readDrawing(net, strokes, PAD_SIDE)!.digit;
      const noCentre = readDrawing(net, strokes, PAD_SIDE, { ...ALL_STEPS, centre: false })!.digit;
      const cell = (column: string) => rows[i]!.querySelector(`[data-column="${column}"]`)!;
      expect(cell("all").getAttribute("data-digit")).toBe(String(all));
      expect(cell("no-centre").getAttribute("data-digit")).toBe(String(noCentre));
      expect(cell("no-centre").classList.contains("changed")).toBe(noCentre !== all);
    });
  });
});
