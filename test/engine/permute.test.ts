// Reordering hidden neurons leaves a network's function unchanged; the optimal assignment is checked against
// brute force; and a network whose neurons were shuffled is matched back to the original exactly.
import { describe, expect, it } from "vitest";
import { forward, createNetwork, type Network, type NetworkSpec } from "../../src/engine/network.ts";
import {
  alignNetwork,
  assignment,
  isPermutation,
  matchNeurons,
  permuteHidden,
} from "../../src/engine/permute.ts";
import { createRng, shuffleInPlace, type Rng } from "../../src/engine/rng.ts";
import type { LabelledImages } from "../../src/engine/lesions.ts";

const SPEC: NetworkSpec = {
  sizes: [784, 16, 16, 10],
  hidden: ["sigmoid", "sigmoid"],
  output: "sigmoid",
  cost: "mse",
};

/** `count` images of uniform noise in 0…255, labels i % 10. */
function noise(count: number, seed: number, nIn = 784): LabelledImages {
  const rng = createRng(seed);
  return {
    pixels: Uint8Array.from({ length: count * nIn }, () => rng.int(256)),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
    count,
    scale: 1 / 255,
  };
}

function randomPermutation(n: number, rng: Rng): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  shuffleInPlace(p, rng);
  return p;
}

function allPermutations(n: number): number[][] {
  if (n === 0) return [[]];
  return allPermutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]),
  );
}

function totalCost(cost: ArrayLike<number>, n: number, perm: readonly number[]): number {
  return perm.reduce((s, j, i) => s + cost[i * n + j]!, 0);
}

/** Every weight and bias of both networks, bit for bit. */
function expectSameNumbers(x: Network, y: Network) {
  expect(x.w.map((v) => Array.from(v))).toEqual(y.w.map((v) => Array.from(v)));
  expect(x.b.map((v) => Array.from(v))).toEqual(y.b.map((v) => Array.from(v)));
}

describe("permuteHidden", () => {
  it("moves neuron perm[j] to j: its row of w[l], its bias and its column of w[l+1]", () => {
    const net = createNetwork({ sizes: [2, 3, 2], hidden: ["relu"], output: "sigmoid", cost: "mse" }, 3);
    const p = permuteHidden(net, 1, [2, 0, 1]);
    expect(Array.from(p.w[1]!)).toEqual([
      ...net.w[1]!.slice(4, 6),
      ...net.w[1]!.slice(0, 2),
      ...net.w[1]!.slice(2, 4),
    ]);
    expect(Array.from(p.b[1]!)).toEqual([net.b[1]![2], net.b[1]![0], net.b[1]![1]]);
    const w2 = net.w[2]!;
    expect(Array.from(p.w[2]!)).toEqual([w2[2], w2[0], w2[1], w2[5], w2[3], w2[4]]);
  });

  it("leaves the network's outputs exactly as they were", () => {
    const net = createNetwork(SPEC, 11);
    const rng = createRng(5);
    const p = permuteHidden(permuteHidden(net, 1, randomPermutation(16, rng)), 2, randomPermutation(16, rng));
    const { pixels } = noise(5, 2);
    for (let i = 0; i < 5; i++) {
      const x = Array.from({ length: 784 }, (_, k) => pixels[i * 784 + k]! / 255);
      expect(Array.from(forward(p, x))).toEqual(Array.from(forward(net, x)));
    }
    expect(p.w[1]).not.toEqual(net.w[1]);
  });

  it("refuses a layer that is not hidden and a list that is not a permutation", () => {
    const net = createNetwork(SPEC, 1);
    expect(() => permuteHidden(net, 3, [])).toThrow(RangeError);
    expect(() => permuteHidden(net, 1, [0, 0, ...Array.from({ length: 14 }, (_, i) => i + 2)])).toThrow(
      RangeError,
    );
    expect(isPermutation([1, 0, 2], 3)).toBe(true);
    expect(isPermutation([1, 1, 2], 3)).toBe(false);
    expect(isPermutation([0, 1], 3)).toBe(false);
  });
});

describe("assignment", () => {
  it("finds the least total cost that brute force finds, for every n up to 7", () => {
    const rng = createRng(42);
    for (let n = 1; n <= 7; n++) {
      const perms = allPermutations(n);
      for (let trial = 0; trial < 20; trial++) {
        // Whole numbers 0…9 make ties common, which the method must handle too.
        const cost = Array.from({ length: n * n }, () => (trial % 2 ? rng.int(10) : rng.gaussian()));
        const best = Math.min(...perms.map((p) => totalCost(cost, n, p)));
        const found = assignment(cost, n);
        expect(isPermutation(found, n)).toBe(true);
        expect(totalCost(cost, n, found)).toBeCloseTo(best, 10);
      }
    }
  });

  it("picks the one cheap entry of each row out of a shuffled diagonal", () => {
    const n = 12;
    const p = randomPermutation(n, createRng(9));
    const cost = Array.from({ length: n * n }, (_, k) => (p[Math.floor(k / n)] === k % n ? -1 : 1));
    expect(assignment(cost, n)).toEqual(p);
  });
});

describe("matchNeurons and alignNetwork", () => {
  it("match a copy with shuffled neurons back to the original, bit for bit", () => {
    const images = noise(300, 1);
    for (const seed of [1, 2, 3]) {
      const a = createNetwork(SPEC, seed);
      const rng = createRng(100 + seed);
      const p1 = randomPermutation(16, rng);
      const p2 = randomPermutation(16, rng);
      const b = permuteHidden(permuteHidden(a, 1, p1), 2, p2);
      const matches = matchNeurons(a, b, images);
      // A's neuron j is B's neuron k where p[k] = j: the inverse permutation.
      const inverse = (p: number[]) => p.map((_, j) => p.indexOf(j));
      expect(matches.map((m) => m.perm)).toEqual([inverse(p1), inverse(p2)]);
      for (const m of matches) {
        expect(m.after).toBeCloseTo(1, 6);
        expect(m.before).toBeLessThan(0.5);
        m.pairs.forEach((c) => expect(c).toBeCloseTo(1, 6));
      }
      expectSameNumbers(alignNetwork(b, matches), a);
    }
  });

  it("match a network with itself by the identity", () => {
    const a = createNetwork(SPEC, 4);
    const matches = matchNeurons(a, a, noise(100, 3));
    expect(matches.map((m) => m.perm)).toEqual([0, 1].map(() => Array.from({ length: 16 }, (_, i) => i)));
    expect(matches.map((m) => m.before)).toEqual(matches.map((m) => m.after));
  });

  it("pair two unrelated networks' neurons better than their given order does, but not perfectly", () => {
    const images = noise(300, 1);
    const matches = matchNeurons(createNetwork(SPEC, 1), createNetwork(SPEC, 2), images);
    for (const m of matches) {
      expect(isPermutation(m.perm, 16)).toBe(true);
      expect(m.after).toBeGreaterThan(m.before);
      expect(m.after).toBeLessThan(0.99);
    }
  });
});
