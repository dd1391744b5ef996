// The calculus scene's helpers: each chain-rule factor is the trace's, the factors multiply to the trace's
// gradient, selections are clamped into the network, and the finite difference agrees with backpropagation.
import { describe, expect, it } from "vitest";
import { sigmoidPrime } from "../../src/engine/activations.ts";
import { getParam } from "../../src/engine/experiments.ts";
import { costOf } from "../../src/engine/gradcheck.ts";
import { traceExample } from "../../src/engine/network.ts";
import { argmaxAbs } from "../../src/lessons/backprop/nudges.ts";
import {
  chainOf,
  defaultParam,
  deltaFactors,
  finiteDifference,
  float64Copy,
  largestWeight,
  paramAt,
  powerOfTen,
  relativeDifference,
  sumFocus,
  verdict,
} from "../../src/lessons/calculus/chain.ts";
import { checkpointNet, checkpointText, VIDEO_SPEC } from "./backpropFixtures.ts";
import { example } from "./fakeLab.ts";
import { fakeTestSet } from "./fixtures.ts";

const net = checkpointNet(checkpointText());
const test = fakeTestSet(10);
const { x, y } = example(test, 2);
const trace = traceExample(net, x, y);

describe("chainOf", () => {
  it("reads a last-layer weight's three factors from the trace; their product is the trace's dw", () => {
    const p = { kind: "w" as const, layer: 3, index: 2 * 16 + 7 };
    const c = chainOf(net, trace, p);
    expect(c.dzdp).toBe(trace.a[2]![7]!);
    expect(c.dadz).toBe(sigmoidPrime(trace.z[3]![2]!));
    expect(c.dCda).toBe(trace.dCda[3]![2]!);
    expect(c.dCda).toBeCloseTo(2 * (trace.a[3]![2]! - 1), 6);
    expect(c.gradient).toBe(trace.dw[3]![39]!);
    expect(c.multiplied).toBe(c.dzdp * c.dadz * c.dCda);
    expect(Math.abs(c.multiplied - c.gradient)).toBeLessThan(1e-6 * Math.abs(c.gradient) + 1e-12);
    expect(c.y).toBe(1);
  });

  it("has 1 as the first factor of a bias, and the backward sum as ∂C₀/∂a below the output", () => {
    const b = chainOf(net, trace, { kind: "b", layer: 3, index: 4 });
    expect(b.dzdp).toBe(1);
    expect(b.gradient).toBe(trace.db[3]![4]!);
    expect(b.gradient).toBe(b.delta);
    const deep = chainOf(net, trace, { kind: "w", layer: 1, index: 5 * 784 + 400 });
    expect(deep.dzdp).toBe(trace.a[0]![400]!);
    expect(deep.dCda).toBe(trace.dCda[1]![5]!);
    expect(deep.y).toBeNull();
    expect(Math.abs(deep.multiplied - deep.gradient)).toBeLessThan(1e-6 * Math.abs(deep.gradient) + 1e-12);
  });

  it("deltaFactors(net, trace, l) gives each δ as σ′(z) · ∂C₀/∂a", () => {
    deltaFactors(net, trace, 2).forEach((f, i) => {
      expect(f.delta).toBe(trace.delta[2]![i]!);
      expect(f.dadz * f.dCda).toBeCloseTo(f.delta, 7);
    });
  });
});

describe("choosing a parameter", () => {
  it("defaultParam is the correct output's weight with the largest |∂C₀/∂w|", () => {
    const p = defaultParam(net, trace);
    const k = argmaxAbs(trace.dw[3]!.subarray(32, 48));
    expect(p).toEqual({ kind: "w", layer: 3, index: 2 * 16 + k });
    expect(largestWeight(trace, 1)).toEqual({ kind: "w", layer: 1, index: argmaxAbs(trace.dw[1]!) });
  });

  it("paramAt clamps layer, row and column into the network", () => {
    expect(paramAt(VIDEO_SPEC, "w", 3, 2, 7)).toEqual({ kind: "w", layer: 3, index: 39 });
    expect(paramAt(VIDEO_SPEC, "w", 4, 12, 20)).toEqual({ kind: "w", layer: 3, index: 9 * 16 + 15 });
    expect(paramAt(VIDEO_SPEC, "w", 0, -1, 783)).toEqual({ kind: "w", layer: 1, index: 783 });
    expect(paramAt(VIDEO_SPEC, "b", 2, 15, -1)).toEqual({ kind: "b", layer: 2, index: 15 });
  });

  it("sumFocus is the activation whose ∂C₀/∂a is a sum over the next layer", () => {
    expect(sumFocus(VIDEO_SPEC, trace, { kind: "w", layer: 3, index: 39 })).toEqual({ layer: 2, k: 7 });
    expect(sumFocus(VIDEO_SPEC, trace, { kind: "w", layer: 2, index: 3 * 16 + 1 })).toEqual({
      layer: 2,
      k: 3,
    });
    expect(sumFocus(VIDEO_SPEC, trace, { kind: "b", layer: 1, index: 9 })).toEqual({ layer: 1, k: 9 });
    expect(sumFocus(VIDEO_SPEC, trace, { kind: "b", layer: 3, index: 0 })).toEqual({
      layer: 2,
      k: argmaxAbs(trace.dCda[2]!),
    });
  });
});

describe("finiteDifference", () => {
  it("estimates ∂C₀/∂p with costOf on a float64 copy, restores p, and agrees with backpropagation", () => {
    const net64 = float64Copy(net);
    for (const p of [
      { kind: "w" as const, layer: 3, index: 39 },
      { kind: "b" as const, layer: 2, index: 3 },
      largestWeight(trace, 1),
    ]) {
      const before = getParam(net64, p);
      const fd = finiteDifference(net64, x, y, p, 1e-5);
      expect(getParam(net64, p)).toBe(before);
      expect(fd.estimate).toBe((fd.plus - fd.minus) / 2e-5);
      expect(
        relativeDifference((p.kind === "w" ? trace.dw : trace.db)[p.layer]![p.index]!, fd.estimate),
      ).toBeLessThan(1e-4);
    }
    expect(costOf(net64, x, y)).toBeCloseTo(trace.cost, 6);
  });

  it("relativeDifference is |a − n| / √(a² + n²); powerOfTen writes 10⁻⁵", () => {
    expect(relativeDifference(1, 1)).toBe(0);
    expect(relativeDifference(3, 4)).toBeCloseTo(1 / 5, 12);
    expect(powerOfTen(1e-5)).toBe("10⁻⁵");
    expect(powerOfTen(1e-10)).toBe("10⁻¹⁰");
    expect(powerOfTen(0.1)).toBe("10⁻¹");
  });
});

describe("verdict", () => {
  it("counts the images that would raise, lower or leave the parameter", () => {
    expect(verdict([-0.1, 0.2, 0, -0.3])).toBe(
      "Of the 4 images, 2 would raise it (blue: a negative derivative), 1 would lower it (red), 1 has no say at all (exactly 0, as for a pixel left blank). A training step follows their mean.",
    );
    expect(verdict([0.1, 0.2])).toMatch(/^Of the 2 images, 2 would lower it \(red\)\. /);
  });
});
