// The learner's drawing in a lesson link: written by drawingSearch, read back by readDrawingParam to MNIST's
// precision, and every malformed link refused with a sentence (never a throw).
import { describe, expect, it } from "vitest";
import {
  DRAWING_PARAM,
  drawingSearch,
  encodeDrawing,
  readDrawingParam,
} from "../../src/store/drawingLink.ts";

const x = Float32Array.from({ length: 784 }, (_, k) => ((k * 37) % 256) / 255);

function problemOf(search: string): string {
  const read = readDrawingParam(search);
  if (read.kind !== "invalid") throw new Error(`expected a problem, got ${read.kind}`);
  return read.problem;
}

describe("drawing links", () => {
  it("drawingSearch(scene, x, label) reads back as the same pixels (bytes) and label", () => {
    const search = drawingSearch("backprop-calculus", x, 7);
    expect(new URLSearchParams(search).get("scene")).toBe("backprop-calculus");
    const read = readDrawingParam(search);
    if (read.kind !== "drawing") throw new Error(read.kind);
    expect(read.drawing.label).toBe(7);
    expect(read.drawing.x).toEqual(x);
    expect(read.drawing.code).toBe(encodeDrawing(x));
    expect(read.drawing.code).toMatch(/^[A-Za-z0-9_-]{1046}$/);
  });

  it("rounds to bytes and clamps to 0…1", () => {
    const y = new Float32Array(784);
    y[0] = 1.7;
    y[1] = -0.2;
    y[2] = 0.5;
    const read = readDrawingParam(drawingSearch("s", y, 0));
    if (read.kind !== "drawing") throw new Error(read.kind);
    expect(Array.from(read.drawing.x.subarray(0, 3))).toEqual([1, 0, Math.fround(128 / 255)]);
    expect(() => encodeDrawing(new Float32Array(10))).toThrow(/784 pixels, not 10/);
  });

  it("a query without a drawing has none", () => {
    expect(readDrawingParam("?scene=cost&label=3")).toEqual({ kind: "none" });
  });

  it("refuses malformed drawings and labels with a sentence", () => {
    const good = encodeDrawing(x);
    const at = (drawing: string, label: string | null = "4") =>
      `?${DRAWING_PARAM}=${encodeURIComponent(drawing)}${label === null ? "" : `&label=${encodeURIComponent(label)}`}`;
    expect(problemOf(at("<script>"))).toBe(
      "The drawing in this link could not be read: it has characters that base64url does not use.",
    );
    expect(problemOf(at("A"))).toBe("The drawing in this link could not be read: it is not base64url.");
    expect(problemOf(at(good.slice(0, 400)))).toBe(
      "The drawing in this link could not be read: it has 300 pixels where a 28 × 28 image has 784.",
    );
    expect(problemOf(at(good, null))).toMatch(/does not say which digit it is/);
    expect(problemOf(at(good, "12"))).toBe(
      "The drawing in this link could not be read: its label must be one digit 0–9, not “12”.",
    );
    expect(problemOf(at(good, "x".repeat(500)))).toMatch(/not “x{20}…”\.$/);
  });
});
