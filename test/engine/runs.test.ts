// The runs' pure parts: the label shuffle is a seeded permutation, a sweep's runs differ only in the setting swept,
// typed sweep values are checked against the hyper-parameter table, and the pairs share everything but one part.
import { describe, expect, it } from "vitest";
import { createNetwork } from "../../src/engine/network.ts";
import { LIGHT_AUGMENT } from "../../src/engine/augment.ts";
import { HYPER_RULES } from "../../src/engine/hyper.ts";
import {
  ACCURACY_MILESTONES,
  AUGMENTATION_SIZE,
  augmentationPlans,
  augmentSeed,
  checkSweepValues,
  epochsToReach,
  LEARNING_RATE_SWEEP,
  MEMORISATION_SPEED_SIZE,
  memorisationPlans,
  shuffleLabels,
  SWEEP_BASE_3B1B,
  SWEEP_DEFAULTS,
  SWEEP_SETTINGS,
  sweepPlans,
} from "../../src/engine/runs.ts";
import { pointAt as at } from "../experiments/runs/points.ts";

const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 10);

function counts(a: Uint8Array): number[] {
  const c = Array<number>(10).fill(0);
  for (const v of a) c[v] = c[v]! + 1;
  return c;
}

describe("shuffleLabels", () => {
  it("shuffleLabels(labels, seed) keeps every class's count", () => {
    expect(counts(shuffleLabels(labels, 3))).toEqual(counts(labels));
  });
  it("moves most labels, like a random permutation (about 90 % of 10 classes differ)", () => {
    const out = shuffleLabels(labels, 3);
    const same = out.filter((v, i) => v === labels[i]).length;
    expect(same).toBeGreaterThan(50);
    expect(same).toBeLessThan(150);
  });
  it("is a function of the seed: same seed, same labels; other seed, other labels", () => {
    expect(shuffleLabels(labels, 7)).toEqual(shuffleLabels(labels, 7));
    expect(shuffleLabels(labels, 7)).not.toEqual(shuffleLabels(labels, 8));
  });
  it("leaves its input alone", () => {
    const copy = Uint8Array.from(labels);
    shuffleLabels(labels, 1);
    expect(labels).toEqual(copy);
  });
});

describe("checkSweepValues", () => {
  it("accepts every setting's default values", () => {
    for (const s of SWEEP_SETTINGS) expect(checkSweepValues(s, SWEEP_DEFAULTS[s]).ok).toBe(true);
  });
  it("reads the learning-rate sweep as five values", () => {
    expect(checkSweepValues("learningRate", LEARNING_RATE_SWEEP)).toEqual({
      ok: true,
      values: ["0.01", "0.1", "1", "3", "10"],
    });
  });
  it("wants 2 to 6 distinct values", () => {
    expect(checkSweepValues("learningRate", "1")).toEqual({
      ok: false,
      problem: { kind: "count", count: 1 },
    });
    expect(checkSweepValues("learningRate", "1,2,3,4,5,6,7")).toMatchObject({ problem: { kind: "count" } });
    expect(checkSweepValues("learningRate", "1, 1")).toEqual({
      ok: false,
      problem: { kind: "repeated", value: "1" },
    });
  });
  it("names the bad value and its kind of problem", () => {
    expect(checkSweepValues("learningRate", "1, -2")).toEqual({
      ok: false,
      problem: { kind: "invalid", value: "-2" },
    });
    expect(checkSweepValues("batchSize", "10, 2.5")).toMatchObject({
      problem: { kind: "invalid", value: "2.5" },
    });
    expect(checkSweepValues("hidden", "16-16, 600")).toMatchObject({
      problem: { kind: "layerSize", value: "600" },
    });
    expect(checkSweepValues("hidden", "16-16, 1-2-3-4-5")).toMatchObject({ problem: { kind: "invalid" } });
    expect(checkSweepValues("activation", "relu, softplus")).toMatchObject({ problem: { kind: "invalid" } });
    expect(checkSweepValues("cost", "mse, hinge")).toMatchObject({ problem: { kind: "invalid" } });
  });
  it("bounds η and m by the hyper-parameter table, HYPER_RULES", () => {
    const { learningRate: eta, batchSize: m } = HYPER_RULES;
    expect(checkSweepValues("learningRate", `${eta.min}, ${eta.max}`).ok).toBe(true);
    expect(checkSweepValues("learningRate", `1, ${eta.max * 2}`).ok).toBe(false);
    expect(checkSweepValues("learningRate", `1, ${eta.min / 2}`).ok).toBe(false);
    expect(checkSweepValues("batchSize", `${m.min}, ${m.max}`).ok).toBe(true);
    expect(checkSweepValues("batchSize", `1, ${m.max + 1}`).ok).toBe(false);
  });
});

describe("sweepPlans", () => {
  it("sweepPlans(base, 'learningRate', …) changes η only", () => {
    const runs = sweepPlans(SWEEP_BASE_3B1B, "learningRate", ["0.1", "3"], 5);
    expect(runs.map((r) => r.train.learningRate)).toEqual([0.1, 3]);
    for (const r of runs) {
      expect(r.spec).toEqual(SWEEP_BASE_3B1B.spec);
      expect(r.seed).toBe(5);
      expect(r.train.batchSize).toBe(SWEEP_BASE_3B1B.train.batchSize);
      expect(r.labelSeed).toBeNull();
      expect(r.augment).toBeNull();
    }
  });
  it("gives runs of one shape the same initial weights", () => {
    const [a, b] = sweepPlans(SWEEP_BASE_3B1B, "batchSize", ["1", "100"], 9);
    expect(createNetwork(a!.spec, a!.seed).w).toEqual(createNetwork(b!.spec, b!.seed).w);
    expect([a!.train.batchSize, b!.train.batchSize]).toEqual([1, 100]);
  });
  it("builds hidden layers, activations and costs into valid specs", () => {
    const hidden = sweepPlans(SWEEP_BASE_3B1B, "hidden", ["none", "100", "32-32-32"], 1);
    expect(hidden.map((r) => r.spec.sizes.join("-"))).toEqual(["784-10", "784-100-10", "784-32-32-32-10"]);
    expect(hidden[2]!.spec.hidden).toEqual(["sigmoid", "sigmoid", "sigmoid"]);
    const act = sweepPlans(SWEEP_BASE_3B1B, "activation", ["relu", "tanh"], 1);
    expect(act.map((r) => r.spec.hidden)).toEqual([
      ["relu", "relu"],
      ["tanh", "tanh"],
    ]);
    const cost = sweepPlans(SWEEP_BASE_3B1B, "cost", ["mse", "crossEntropy"], 1);
    expect(cost.map((r) => [r.spec.cost, r.spec.output])).toEqual([
      ["mse", "sigmoid"],
      ["crossEntropy", "softmax"],
    ]);
    for (const r of [...hidden, ...act, ...cost]) expect(() => createNetwork(r.spec, 1)).not.toThrow();
  });
});

describe("memorisationPlans", () => {
  it("pairs a true-label run with a shuffled one that differs only in its labels", () => {
    const [truth, shuffled] = memorisationPlans(4);
    expect(truth.labelSeed).toBeNull();
    expect(shuffled.labelSeed).toBe(4);
    expect([truth.augment, shuffled.augment]).toEqual([null, null]);
    expect({ ...shuffled, labelSeed: null }).toEqual(truth);
  });
  it("takes a smaller size, measuring training accuracy on at most the images trained on", () => {
    const [run] = memorisationPlans(1, {
      trainLimit: 500,
      epochs: 2,
      pointEvery: 250,
      trainEval: 2000,
      testEval: 500,
      hidden: 32,
    });
    expect(run.trainEval).toBe(500);
    expect(run.spec.sizes).toEqual([784, 32, 10]);
  });
});

describe("augmentationPlans", () => {
  it("pairs a plain run with an augmented one that differs only in `augment`", () => {
    const [plain, augmented] = augmentationPlans(3, LIGHT_AUGMENT);
    expect(plain.augment).toBeNull();
    expect(augmented.augment).toEqual(LIGHT_AUGMENT);
    expect({ ...augmented, augment: null }).toEqual(plain);
    expect([plain.seed, plain.trainLimit, plain.epochs]).toEqual([3, AUGMENTATION_SIZE.trainLimit, 10]);
    expect(plain.pointEvery).toBe(plain.trainLimit);
    expect(() => createNetwork(plain.spec, 1)).not.toThrow();
  });
  it("takes a smaller size", () => {
    const [run] = augmentationPlans(1, LIGHT_AUGMENT, { trainLimit: 500, epochs: 2, testEval: 300 });
    expect([run.trainLimit, run.epochs, run.testEval, run.pointEvery]).toEqual([500, 2, 300, 500]);
  });
});

describe("augmentSeed", () => {
  it("augmentSeed(seed, epoch, count) gives every (epoch, image) its own generator seed", () => {
    const seeds = new Set<number>();
    for (let epoch = 0; epoch < 4; epoch++)
      for (let i = 0; i < 10; i++) seeds.add(augmentSeed(7, epoch, 10) + i);
    expect(seeds.size).toBe(40);
    expect(augmentSeed(7, 0, 10)).toBe(7);
  });
});

describe("epochsToReach", () => {
  const points = [at(0, 0.1), at(1, 0.48), at(2, 0.5), at(3, 0.93), at(4, 0.91), at(5, 0.995)];

  it("epochsToReach(points, t) is the epoch of the first point at or above t", () => {
    expect(ACCURACY_MILESTONES.map((t) => epochsToReach(points, t))).toEqual([2, 3, 5]);
  });
  it("is null when no point reaches t, and for no points", () => {
    expect(epochsToReach(points.slice(0, 5), 0.99)).toBeNull();
    expect(epochsToReach([], 0.5)).toBeNull();
  });
  it("counts a later dip as already reached: the first crossing is what is timed", () => {
    expect(epochsToReach([at(1, 0.92), at(2, 0.4)], 0.9)).toBe(1);
  });
});

describe("MEMORISATION_SPEED_SIZE", () => {
  it("measures every training image it trains on, the whole test set, and caps the epochs", () => {
    expect(MEMORISATION_SPEED_SIZE.trainEval).toBe(MEMORISATION_SPEED_SIZE.trainLimit);
    expect(MEMORISATION_SPEED_SIZE.testEval).toBe(10_000);
    expect(MEMORISATION_SPEED_SIZE.pointEvery).toBe(MEMORISATION_SPEED_SIZE.trainLimit);
    expect(memorisationPlans(1, MEMORISATION_SPEED_SIZE)[1].epochs).toBe(100);
  });
});
