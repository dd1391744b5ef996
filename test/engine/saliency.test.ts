// The input gradient of an output, checked against central differences, for sigmoid and softmax outputs and
// every hidden activation; saliency is it times the pixel.
import { describe, expect, it } from "vitest";
import { createNetwork, forward, type Network, type NetworkSpec } from "../../src/engine/network.ts";
import { createRng } from "../../src/engine/rng.ts";
import { outputInputGradient, saliency } from "../../src/engine/saliency.ts";

function numeric(net: Network, x: Float64Array, j: number, h = 1e-6): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const up = Float64Array.from(x);
    const down = Float64Array.from(x);
    up[i]! += h;
    down[i]! -= h;
    g[i] = (forward(net, up)[j]! - forward(net, down)[j]!) / (2 * h);
  }
  return g;
}

describe("outputInputGradient(net, x, j)", () => {
  for (const output of ["sigmoid", "softmax"] as const)
    for (const hidden of ["sigmoid", "relu", "tanh"] as const)
      it(`matches central differences: ${hidden} hidden, ${output} output`, () => {
        const spec: NetworkSpec = { sizes: [12, 7, 5, 4], hidden: [hidden, hidden], output, cost: "mse" };
        const net = createNetwork(spec, 3, { precision: "float64" });
        const rng = createRng(9);
        const x = Float64Array.from({ length: 12 }, () => rng.next());
        for (const j of [0, 3]) {
          const analytic = outputInputGradient(net, x, j);
          const fd = numeric(net, x, j);
          for (let i = 0; i < x.length; i++) expect(analytic[i]).toBeCloseTo(fd[i]!, 6);
        }
      });
});

describe("saliency(net, x, j)", () => {
  it("is the input gradient times the pixel, zero where there is no ink", () => {
    const spec: NetworkSpec = { sizes: [6, 4, 3], hidden: ["sigmoid"], output: "sigmoid", cost: "mse" };
    const net = createNetwork(spec, 1, { precision: "float64" });
    const x = Float64Array.of(0, 0.5, 1, 0, 0.25, 0.75);
    const s = saliency(net, x, 2);
    const g = outputInputGradient(net, x, 2);
    expect(Array.from(s)).toEqual(Array.from(g, (v, i) => (x[i] ? Math.fround(v * x[i]!) : 0)));
    expect(s[0]).toBe(0);
    expect(s[3]).toBe(0);
  });
});
