// The batched training path against the reference: one SGD step must move every parameter the same way.
import { describe, expect, it } from "vitest";
import { ACTIVATIONS, OUTPUT_ACTIVATIONS } from "../../src/engine/activations.ts";
import { COSTS } from "../../src/engine/costs.ts";
import { evaluate, toSparse, Trainer, type Dataset } from "../../src/engine/fast.ts";
import {
  applyGradient,
  cloneNetwork,
  createNetwork,
  createVelocity,
  exampleCost,
  forward,
  oneHot,
  traceBatch,
  type Network,
  type NetworkSpec,
} from "../../src/engine/network.ts";
import { createRng } from "../../src/engine/rng.ts";

/** A tiny random "MNIST": 5×5 images, ~half the pixels zero, labels 0–3. */
function tinyData(count: number, seed: number): Dataset {
  const rng = createRng(seed);
  const size = 25;
  const pixels = new Uint8Array(count * size);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rng.next() < 0.5 ? 0 : 1 + rng.int(255);
  const labels = Uint8Array.from({ length: count }, () => rng.int(4));
  return { count, size, pixels, labels };
}

function example(data: Dataset, i: number) {
  return {
    x: Array.from(data.pixels.subarray(i * data.size, (i + 1) * data.size), (p) => p / 255),
    y: oneHot(data.labels[i]!, 4),
  };
}

function maxDiff(a: Network, b: Network): number {
  let d = 0;
  a.w.forEach((v, l) => v.forEach((x, i) => (d = Math.max(d, Math.abs(x - b.w[l]![i]!)))));
  a.b.forEach((v, l) => v.forEach((x, i) => (d = Math.max(d, Math.abs(x - b.b[l]![i]!)))));
  return d;
}

/**
 * Two SGD steps of batch 6 by the Trainer and by the reference (traceBatch + applyGradient), plain, with weight
 * decay, and with momentum: the weights must agree to float32 rounding.
 */
function expectSameSteps(spec: NetworkSpec): void {
  const data = tinyData(12, 3);
  for (const extra of [{}, { weightDecay: 0.01 }, { momentum: 0.9, weightDecay: 0.001 }]) {
    const net = createNetwork(spec, 9) as Network<Float32Array>;
    const ref = cloneNetwork(net);
    const trainer = new Trainer(
      net,
      toSparse(data),
      { learningRate: 0.5, batchSize: 6, shuffle: false, ...extra },
      1,
    );
    const velocity = createVelocity(ref);
    for (let step = 0; step < 2; step++) {
      const batch = [0, 1, 2, 3, 4, 5].map((e) => example(data, step * 6 + e));
      const bt = traceBatch(ref, batch);
      const cost = trainer.step();
      expect(cost).toBeCloseTo(bt.cost, 5);
      applyGradient(ref, bt.mean, { learningRate: 0.5, ...extra }, velocity);
    }
    expect(maxDiff(trainer.net, ref)).toBeLessThan(1e-5);
    trainer.dispose();
  }
}

const combos = ACTIVATIONS.flatMap((h) =>
  OUTPUT_ACTIVATIONS.flatMap((o) => COSTS.map((c) => [h, o, c] as const)),
);

describe("Trainer.step()", () => {
  it.each(combos)(
    "takes the same SGD step as the reference: hidden %s, output %s, cost %s",
    (hidden, output, cost) =>
      expectSameSteps({ sizes: [25, 7, 5, 4], hidden: [hidden, hidden], output, cost }),
  );

  // Every layer runs in the kernels' 16-neuron SIMD blocks from 16 neurons on (the default 784-16-16-10 network's
  // path), with 4-neuron tails when the width is not a multiple of 16 (100 = 6 × 16 + 4; layer 2's 20 = 16 + 4).
  describe.each([16, 32, 64, 100])("with %i neurons in layer 1 (the SIMD blocks)", (width) => {
    it.each(combos)(
      "takes the same SGD step as the reference: hidden %s, output %s, cost %s",
      (hidden, output, cost) =>
        expectSameSteps({ sizes: [25, width, 20, 4], hidden: [hidden, hidden], output, cost }),
    );
  });

  it("is bit-identical for the same seed and settings", () => {
    const spec: NetworkSpec = { sizes: [25, 8, 4], hidden: ["sigmoid"], output: "sigmoid", cost: "mse" };
    const data = toSparse(tinyData(50, 1));
    const run = () => {
      const net = createNetwork(spec, 5) as Network<Float32Array>;
      const t = new Trainer(net, data, { learningRate: 3, batchSize: 7 }, 11);
      t.epoch();
      t.epoch();
      return t.net;
    };
    const a = run();
    const b = run();
    a.w.forEach((v, l) => expect(Buffer.from(v.buffer).equals(Buffer.from(b.w[l]!.buffer))).toBe(true));
    a.b.forEach((v, l) => expect(Buffer.from(v.buffer).equals(Buffer.from(b.b[l]!.buffer))).toBe(true));
  });

  it("counts epochs and examples, with a shorter last batch", () => {
    const spec: NetworkSpec = { sizes: [25, 4], hidden: [], output: "softmax", cost: "crossEntropy" };
    const t = new Trainer(createNetwork(spec, 1) as Network<Float32Array>, toSparse(tinyData(23, 2)), {
      batchSize: 10,
    });
    t.step();
    t.step();
    expect(t.position).toEqual({ epoch: 0, cursor: 20, examplesSeen: 20 });
    t.step();
    expect(t.position).toEqual({ epoch: 1, cursor: 0, examplesSeen: 23 });
  });
});

describe("evaluate(net, data)", () => {
  it("agrees with the reference forward pass on cost and accuracy", () => {
    const spec: NetworkSpec = {
      sizes: [25, 6, 4],
      hidden: ["tanh"],
      output: "softmax",
      cost: "crossEntropy",
    };
    const raw = tinyData(230, 4);
    const net = createNetwork(spec, 2) as Network<Float32Array>;
    let cost = 0;
    let correct = 0;
    for (let i = 0; i < raw.count; i++) {
      const { x, y } = example(raw, i);
      const a = forward(net, x);
      cost += exampleCost(spec, a, y).cost;
      if (a.indexOf(Math.max(...a)) === raw.labels[i]) correct++;
    }
    const ev = evaluate(net, toSparse(raw));
    expect(ev.cost).toBeCloseTo(cost / raw.count, 5);
    expect(ev.correct).toBe(correct);
  });

  describe.each([16, 32, 64, 100])("with %i neurons in layer 1 (the SIMD blocks)", (width) => {
    it.each(combos)("agrees with the reference: hidden %s, output %s, cost %s", (hidden, output, cost) => {
      const spec: NetworkSpec = { sizes: [25, width, 20, 4], hidden: [hidden, hidden], output, cost };
      const raw = tinyData(30, 6);
      const net = createNetwork(spec, 3) as Network<Float32Array>;
      let total = 0;
      for (let i = 0; i < raw.count; i++) {
        const { x, y } = example(raw, i);
        total += exampleCost(spec, forward(net, x), y).cost;
      }
      expect(evaluate(net, toSparse(raw)).cost).toBeCloseTo(total / raw.count, 5);
    });
  });
});
