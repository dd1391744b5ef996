// Trainer.stepPart(k): a mini-batch trained a few examples at a time takes the same step as the whole batch at once
// (the reference's traceBatch + applyGradient), and a batch half done can be dropped without touching the weights.
import { describe, expect, it } from "vitest";
import { toSparse, Trainer } from "../../../src/engine/fast.ts";
import {
  applyGradient,
  cloneNetwork,
  createNetwork,
  createVelocity,
  traceBatch,
  type Network,
  type NetworkSpec,
} from "../../../src/engine/network.ts";
import { batchOf, maxDiff, tinyData } from "./tinyData.ts";

const spec: NetworkSpec = {
  sizes: [25, 12, 8, 4],
  hidden: ["relu", "sigmoid"],
  output: "softmax",
  cost: "crossEntropy",
};

describe("Trainer.stepPart(maxExamples)", () => {
  it("takes the whole batch's step once the last part is in: plain, with decay, with momentum", () => {
    const data = tinyData(40, 5);
    for (const extra of [{}, { weightDecay: 0.01 }, { momentum: 0.9, weightDecay: 0.001 }]) {
      const start = createNetwork(spec, 3) as Network<Float32Array>;
      const ref = cloneNetwork(start);
      const velocity = createVelocity(ref);
      const options = { learningRate: 0.4, batchSize: 20, shuffle: false, ...extra };
      const trainer = new Trainer(cloneNetwork(start), toSparse(data), options);
      for (const from of [0, 20]) {
        const bt = traceBatch(ref, batchOf(data, from, 20));
        applyGradient(ref, bt.mean, { learningRate: 0.4, ...extra }, velocity);
        // Parts of 7, 7 and 6: the third call takes the step.
        const results = [1, 2, 3].map(() => trainer.stepPart(7));
        expect(results.map((r) => r.examples)).toEqual([7, 7, 6]);
        expect(results.map((r) => r.cost === null)).toEqual([true, true, false]);
        expect(results[2]!.cost).toBeCloseTo(bt.cost, 5);
      }
      expect(maxDiff(trainer.net, ref)).toBeLessThan(1e-5);
      expect(trainer.position).toEqual({ epoch: 1, cursor: 0, examplesSeen: 40 });
      trainer.dispose();
    }
  });

  it("is step() itself when the batch fits in one part", () => {
    const data = tinyData(12, 2);
    const options = { learningRate: 0.5, batchSize: 6, shuffle: false };
    const a = new Trainer(createNetwork(spec, 1) as Network<Float32Array>, toSparse(data), options);
    const b = new Trainer(createNetwork(spec, 1) as Network<Float32Array>, toSparse(data), options);
    expect(a.stepPart(6)).toEqual({ examples: 6, cost: b.step() });
    expect(maxDiff(a.net, b.net)).toBe(0);
    a.dispose();
    b.dispose();
  });

  it("reports its progress, and cancelPart drops a batch half done without changing a weight", () => {
    const data = tinyData(30, 4);
    const options = { learningRate: 0.5, batchSize: 30, shuffle: false };
    const trainer = new Trainer(createNetwork(spec, 2) as Network<Float32Array>, toSparse(data), options);
    const before = cloneNetwork(trainer.net);
    expect(trainer.partial).toBeNull();
    trainer.stepPart(10);
    trainer.stepPart(10);
    expect(trainer.partial).toEqual({ done: 20, total: 30 });
    trainer.cancelPart();
    expect(trainer.partial).toBeNull();
    expect(maxDiff(trainer.net, before)).toBe(0);
    expect(trainer.position.examplesSeen).toBe(0);
    // The batch starts again from its first example: three parts of 10 take the same step as one of 30.
    for (let i = 0; i < 3; i++) trainer.stepPart(10);
    const whole = new Trainer(cloneNetwork(before), toSparse(data), options);
    whole.step();
    expect(maxDiff(trainer.net, whole.net)).toBeLessThan(1e-6);
    trainer.dispose();
    whole.dispose();
  });

  it("leaves no part sum behind when a momentum batch is dropped half way: the next step is a fresh trainer's", () => {
    const data = tinyData(20, 7);
    const options = { learningRate: 0.3, batchSize: 20, momentum: 0.9, weightDecay: 0.001, shuffle: false };
    const dropped = new Trainer(createNetwork(spec, 4) as Network<Float32Array>, toSparse(data), options);
    dropped.stepPart(8);
    dropped.cancelPart();
    dropped.step();
    const fresh = new Trainer(createNetwork(spec, 4) as Network<Float32Array>, toSparse(data), options);
    fresh.step();
    expect(maxDiff(dropped.net, fresh.net)).toBe(0);
    expect(maxDiff(fresh.net, createNetwork(spec, 4))).toBeGreaterThan(1e-3);
    dropped.dispose();
    fresh.dispose();
  });

  it("keeps the batch size a batch began with when the option changes half way", () => {
    const data = tinyData(24, 6);
    const trainer = new Trainer(createNetwork(spec, 5) as Network<Float32Array>, toSparse(data), {
      batchSize: 12,
      shuffle: false,
    });
    trainer.stepPart(5);
    trainer.options.batchSize = 4;
    expect(trainer.stepPart(5).cost).toBeNull();
    expect(trainer.stepPart(5)).toMatchObject({ examples: 2 });
    expect(trainer.position.examplesSeen).toBe(12);
    trainer.dispose();
  });
});
