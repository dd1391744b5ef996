// The lesion core: what each kind of damage does to the parameters, that a silenced neuron is heard as 0, that the
// quick per-neuron scores equal lesioning each neuron and counting, and that bad lesions are refused.
import { describe, expect, it } from "vitest";
import {
  checkLesion,
  correctCount,
  lesionNetwork,
  NO_LESION,
  rankByDrop,
  silencedScores,
  type LabelledImages,
} from "../../src/engine/lesions.ts";
import {
  activateLayer,
  createNetwork,
  forward,
  forwardAll,
  type NetworkSpec,
} from "../../src/engine/network.ts";
import { createRng } from "../../src/engine/rng.ts";

const spec: NetworkSpec = {
  sizes: [12, 6, 5, 4],
  hidden: ["sigmoid", "sigmoid"],
  output: "sigmoid",
  cost: "mse",
};
const net = createNetwork(spec, 7);

/** 60 random images with labels the intact network gets mostly right: its own answers, a few changed. */
function images(): LabelledImages {
  const rng = createRng(3);
  const count = 60;
  const pixels = Float32Array.from({ length: count * 12 }, () => rng.next());
  const labels = Uint8Array.from({ length: count }, (_, i) => {
    const a = forward(net, pixels.subarray(i * 12, (i + 1) * 12));
    const best = a.indexOf(Math.max(...a));
    return i % 5 === 0 ? (best + 1) % 4 : best;
  });
  return { pixels, labels, count, scale: 1 };
}

describe("lesionNetwork(net, lesion)", () => {
  it("leaves the network alone for no lesion, and never changes its argument", () => {
    const before = net.w.map((w) => Array.from(w));
    const same = lesionNetwork(net, NO_LESION);
    expect(same.w.map((w) => Array.from(w))).toEqual(before);
    lesionNetwork(net, { ...NO_LESION, noise: 1, zeroWeights: [1, 2, 3], zeroBiases: [1] });
    expect(net.w.map((w) => Array.from(w))).toEqual(before);
  });

  it("zeroes a layer's weights or biases, and only those", () => {
    const cut = lesionNetwork(net, { ...NO_LESION, zeroWeights: [2], zeroBiases: [3] });
    expect(cut.w[2]!.every((v) => v === 0)).toBe(true);
    expect(Array.from(cut.w[1]!)).toEqual(Array.from(net.w[1]!));
    expect(cut.b[3]!.every((v) => v === 0)).toBe(true);
    expect(Array.from(cut.b[2]!)).toEqual(Array.from(net.b[2]!));
  });

  it("adds seeded Gaussian noise of size σ to every weight, the same for the same seed", () => {
    const a = lesionNetwork(net, { ...NO_LESION, noise: 0.5, seed: 4 });
    const b = lesionNetwork(net, { ...NO_LESION, noise: 0.5, seed: 4 });
    const c = lesionNetwork(net, { ...NO_LESION, noise: 0.5, seed: 5 });
    expect(Array.from(a.w[1]!)).toEqual(Array.from(b.w[1]!));
    expect(Array.from(a.w[1]!)).not.toEqual(Array.from(c.w[1]!));
    const d = Array.from(a.w[1]!, (v, i) => v - net.w[1]![i]!);
    const sd = Math.sqrt(d.reduce((s, v) => s + v * v, 0) / d.length);
    expect(sd).toBeGreaterThan(0.35);
    expect(sd).toBeLessThan(0.65);
    expect(Array.from(a.b[1]!)).toEqual(Array.from(net.b[1]!)); // biases untouched
  });

  it("silences a hidden neuron: the next layer gets what a 0 activation would give it", () => {
    const x = Float32Array.from({ length: 12 }, (_, k) => k / 12);
    const quiet = lesionNetwork(net, { ...NO_LESION, silenced: [{ layer: 1, neuron: 2 }] });
    const { a } = forwardAll(net, x);
    const a1 = a[1]!.slice();
    a1[2] = 0;
    const z2 = Float32Array.from({ length: 5 }, (_, j) => {
      let s = net.b[2]![j]!;
      for (let k = 0; k < 6; k++) s += net.w[2]![j * 6 + k]! * a1[k]!;
      return s;
    });
    const a2 = new Float32Array(5);
    activateLayer(spec, 2, z2, a2);
    expect(Array.from(forwardAll(quiet, x).a[2]!)).toEqual(Array.from(a2));
  });

  it("refuses a layer or neuron the network does not have", () => {
    expect(() => checkLesion(net, { ...NO_LESION, zeroWeights: [4] })).toThrow(
      "there is no layer 4 of weights (they are 1 to 3)",
    );
    expect(() => checkLesion(net, { ...NO_LESION, silenced: [{ layer: 3, neuron: 0 }] })).toThrow(
      "there is no hidden layer 3 (they are 1 to 2)",
    );
    expect(() => checkLesion(net, { ...NO_LESION, silenced: [{ layer: 2, neuron: 5 }] })).toThrow(
      "hidden layer 2 has no neuron 5",
    );
    expect(() => checkLesion(net, { ...NO_LESION, noise: -1 })).toThrow(
      "the weight noise must be 0 or more, not -1",
    );
  });
});

describe("correctCount and silencedScores", () => {
  const set = images();

  it("count the right answers: the intact network misses exactly the changed labels", () => {
    expect(correctCount(net, set)).toBe(48);
    expect(correctCount(net, set, 10)).toBe(8);
  });

  it("score each hidden neuron as lesioning it and counting does, and rank the largest drop first", () => {
    const scores = silencedScores(net, set);
    expect(scores).toHaveLength(6 + 5);
    for (const s of scores)
      expect(s.correct).toBe(correctCount(lesionNetwork(net, { ...NO_LESION, silenced: [s] }), set));
    const ranked = rankByDrop(scores);
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i]!.correct).toBeGreaterThanOrEqual(ranked[i - 1]!.correct);
    expect(ranked[0]!.correct).toBeLessThan(48);
  });
});
