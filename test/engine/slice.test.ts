// The cost along the line between two networks: its ends are the networks themselves, the barrier is measured
// against the chord between the ends, and a network compared with a shuffled copy of itself is flat once aligned.
import { describe, expect, it } from "vitest";
import type { LabelledImages } from "../../src/engine/lesions.ts";
import { createNetwork, type NetworkSpec } from "../../src/engine/network.ts";
import { permuteHidden } from "../../src/engine/permute.ts";
import { createRng } from "../../src/engine/rng.ts";
import {
  barrier,
  compareNetworks,
  costSlice,
  interpolate,
  relativeDistance,
  score,
  sliceTs,
  type SlicePoint,
} from "../../src/engine/slice.ts";

const SPEC: NetworkSpec = {
  sizes: [784, 8, 6, 10],
  hidden: ["sigmoid", "sigmoid"],
  output: "sigmoid",
  cost: "mse",
};

function noise(count: number, seed: number): LabelledImages {
  const rng = createRng(seed);
  return {
    pixels: Uint8Array.from({ length: count * 784 }, () => rng.int(256)),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
    count,
    scale: 1 / 255,
  };
}

const at = (t: number, cost: number): SlicePoint => ({ t, cost, accuracy: 0 });

describe("the slice between two networks", () => {
  const a = createNetwork(SPEC, 1);
  const b = createNetwork(SPEC, 2);
  const images = noise(40, 7);

  it("sliceTs spaces points evenly with exact ends", () => {
    expect(sliceTs(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const ts = sliceTs(-0.2, 1.2, 29);
    expect(ts).toHaveLength(29);
    expect(ts).toContain(0);
    expect(ts).toContain(1);
    expect(ts[14]).toBe(0.5);
  });

  it("interpolate(a, b, t) is a at 0, b at 1 and the midpoint of every weight at ½", () => {
    expect(interpolate(a, b, 0).w).toEqual(a.w);
    expect(interpolate(a, b, 1).b).toEqual(b.b);
    const mid = interpolate(a, b, 0.5);
    expect(mid.w[2]![3]).toBeCloseTo((a.w[2]![3]! + b.w[2]![3]!) / 2, 6);
    expect(() => interpolate(a, createNetwork({ ...SPEC, sizes: [784, 9, 6, 10] }, 1), 0.5)).toThrow(
      RangeError,
    );
  });

  it("costSlice's ends score a and b themselves", () => {
    const [start, end] = costSlice(a, b, images, [0, 1]);
    expect(start).toEqual({ t: 0, ...score(a, images) });
    expect(end).toEqual({ t: 1, ...score(b, images) });
    expect(start!.cost).toBeGreaterThan(0);
  });

  it("barrier is the largest rise above the chord within [0, 1], ignoring points beyond", () => {
    expect(barrier([at(-0.5, 9), at(0, 1), at(0.5, 3), at(1, 2)])).toEqual({ height: 1.5, t: 0.5 });
    expect(barrier([at(0, 1), at(0.5, 1), at(1, 1)])).toEqual({ height: 0, t: 0 });
    expect(barrier([at(0.5, 5)])).toEqual({ height: 0, t: 0 });
  });

  it("relativeDistance is 0 for a network and itself and scales with the difference", () => {
    expect(relativeDistance(a, a)).toBe(0);
    const double = {
      spec: a.spec,
      w: a.w.map((v) => v.map((x) => 2 * x)),
      b: a.b.map((v) => v.map((x) => 2 * x)),
    };
    expect(relativeDistance(a, double)).toBeCloseTo(1, 6);
  });

  it("compareNetworks finds a shuffled copy at distance 0 once aligned, with a flat slice between", () => {
    const shuffled = permuteHidden(permuteHidden(a, 1, [3, 1, 7, 0, 2, 6, 5, 4]), 2, [5, 4, 3, 2, 1, 0]);
    const c = compareNetworks(a, shuffled, images, [0, 0.5, 1]);
    expect(c.distance.before).toBeGreaterThan(0.5);
    expect(c.distance.after).toBe(0);
    expect(c.after.map((p) => p.cost)).toEqual([c.after[0]!.cost, c.after[0]!.cost, c.after[0]!.cost]);
    // Before aligning, the midpoint is a different network (mostly averaged-away weights).
    expect(c.before[1]!.cost).not.toBe(c.before[0]!.cost);
    expect(c.before[2]!.cost).toBe(c.before[0]!.cost);
  });
});
