// The neuron scene's helpers: the largest terms of a weighted sum, the matrix excerpt, the first neuron shown.
import { describe, expect, it } from "vitest";
import { contributions, excerptCols, excerptRows, weightRow } from "../../src/lessons/neuron/parts.ts";
import { defaultNeuron } from "../../src/lessons/neuron/steps.ts";

describe("contributions", () => {
  it("contributions(w, a) lists the inked inputs' products, largest |w·a| first", () => {
    const w = [0.5, -2, 3, 1];
    const a = [1, 0.5, 0, 0.25];
    expect(contributions(w, a)).toEqual([
      { k: 1, w: -2, a: 0.5, product: -1 },
      { k: 0, w: 0.5, a: 1, product: 0.5 },
      { k: 3, w: 1, a: 0.25, product: 0.25 },
    ]);
  });

  it("weightRow(w, nIn, j) is row j", () => {
    expect(Array.from(weightRow(Float32Array.from([1, 2, 3, 4, 5, 6]), 3, 1))).toEqual([4, 5, 6]);
  });
});

describe("matrix excerpt", () => {
  it("excerptRows shows rows 0–3, then the chosen row after a gap", () => {
    expect(excerptRows(16, 2)).toEqual([0, 1, 2, 3, null]);
    expect(excerptRows(16, 9)).toEqual([0, 1, 2, 3, null, 9, null]);
    expect(excerptRows(16, 4)).toEqual([0, 1, 2, 3, 4, null]);
    expect(excerptRows(16, 15)).toEqual([0, 1, 2, 3, null, 15]);
    expect(excerptRows(3, 1)).toEqual([0, 1, 2]);
  });

  it("excerptCols centres a window on a column and keeps it inside the matrix", () => {
    expect(excerptCols(784, 409)).toEqual([null, 408, 409, 410, 411, null]);
    expect(excerptCols(784, 0)).toEqual([0, 1, 2, 3, null]);
    expect(excerptCols(784, 783)).toEqual([null, 780, 781, 782, 783]);
    expect(excerptCols(3, 1)).toEqual([0, 1, 2]);
  });
});

describe("defaultNeuron", () => {
  it("picks, of the neurons with 0 ≤ z ≤ 2, the one with the most negative bias", () => {
    expect(defaultNeuron([5, 1.2, 0.3, -0.1], [-1, -1.9, -0.5, -3])).toBe(1);
  });

  it("falls back to the z closest to 0", () => {
    expect(defaultNeuron([5, -0.4, -3], [0, 0, 0])).toBe(1);
  });
});
