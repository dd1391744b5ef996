// The network diagram's edges: the strongest-edge selection and the input edges' share per neuron.
import { describe, expect, it } from "vitest";
import { inputEdgesPerNeuron, strongestEdges } from "../../src/render/networkEdges.ts";
import { THEME } from "../../src/render/theme.ts";

describe("strongestEdges(w, offset, n, a, k, out)", () => {
  it("picks the k largest |w·a|, largest first, skipping zero contributions", () => {
    const w = [9, 0.5, -3, 2, -1, 4];
    const a = [0, 1, 1, 1, 1, 1];
    const out = new Int32Array(3);
    expect(strongestEdges(w, 0, 6, a, 3, out)).toBe(3);
    expect(Array.from(out)).toEqual([5, 2, 3]); // |4|, |−3|, |2|; pixel 0 is dark
  });
  it("reads a neuron's outgoing weights with a stride", () => {
    // w[i·3 + j] for 2 next-layer neurons i and 3 neurons j: neuron j = 1's outgoing weights are w[1], w[4].
    const w = [0, -6, 0, 0, 2, 0];
    const out = new Int32Array(2);
    expect(strongestEdges(w, 1, 2, null, 2, out, 3)).toBe(2);
    expect(Array.from(out)).toEqual([0, 1]);
  });
  it("uses |w| without activations, reads a neuron's row at its offset, and finds fewer when few are non-zero", () => {
    const out = new Int32Array(2);
    expect(strongestEdges([7, 7, 0, -5, 1], 2, 3, null, 2, out)).toBe(2);
    expect(Array.from(out)).toEqual([1, 2]); // row [0, −5, 1]
    expect(strongestEdges([0, 0, 0], 0, 3, null, 2, out)).toBe(0);
  });
});

describe("inputEdgesPerNeuron(n)", () => {
  it("shares the input edge budget among the first layer's neurons, at least one and at most the cap each", () => {
    const { inputEdgeBudget, inputEdgesPerNeuron: most } = THEME.network;
    expect(inputEdgesPerNeuron(1)).toBe(Math.min(most, inputEdgeBudget));
    expect(inputEdgesPerNeuron(inputEdgeBudget * 2)).toBe(1);
    const n = Math.ceil(inputEdgeBudget / most) * 2;
    expect(inputEdgesPerNeuron(n)).toBe(Math.max(1, Math.min(most, Math.floor(inputEdgeBudget / n))));
    expect(inputEdgesPerNeuron(n) * n).toBeLessThanOrEqual(inputEdgeBudget);
  });
});
