// Trainer.setData(data): one trainer can take a new image set (an augmented copy each epoch) and keep its network,
// momentum and position, while the kernels' memory stays the size of one set; dispose() gives it all back.
import { describe, expect, it } from "vitest";
import { augmentBytes, LIGHT_AUGMENT } from "../../../src/engine/augment.ts";
import { toSparse, Trainer, wasmMemoryBytes } from "../../../src/engine/fast.ts";
import { MNIST_PIXELS } from "../../../src/engine/mnist.ts";
import {
  applyGradient,
  cloneNetwork,
  createNetwork,
  createVelocity,
  SpecError,
  traceBatch,
  type Network,
  type NetworkSpec,
} from "../../../src/engine/network.ts";
import { augmentationPlans } from "../../../src/engine/runs.ts";
import { loadMnist } from "../../../scripts/lib/mnist.ts";
import { batchOf, maxDiff, tinyData } from "./tinyData.ts";

const spec: NetworkSpec = { sizes: [25, 16, 4], hidden: ["relu"], output: "softmax", cost: "crossEntropy" };
const options = { learningRate: 0.3, batchSize: 6, weightDecay: 0, momentum: 0.9, shuffle: false };

describe("Trainer.setData(data)", () => {
  it("keeps the momentum: the steps after it are the reference's with the velocity carried over", () => {
    const first = tinyData(12, 1);
    const second = tinyData(12, 2);
    const start = createNetwork(spec, 4) as Network<Float32Array>;

    // The reference: one velocity through both image sets.
    const ref = cloneNetwork(start);
    const velocity = createVelocity(ref);
    for (const data of [first, second])
      for (const from of [0, 6])
        applyGradient(ref, traceBatch(ref, batchOf(data, from, 6)).mean, options, velocity);

    const trainer = new Trainer(cloneNetwork(start), toSparse(first), options);
    trainer.epoch();
    // Where momentum would restart: a new trainer for the second set, as the runs worker did before setData.
    const restarted = new Trainer(cloneNetwork(trainer.net), toSparse(second), options);
    restarted.epoch();
    trainer.setData(toSparse(second));
    trainer.epoch();

    expect(maxDiff(trainer.net, ref)).toBeLessThan(1e-5);
    expect(maxDiff(restarted.net, ref)).toBeGreaterThan(1e-3);
    trainer.dispose();
    restarted.dispose();
  });

  it("carries the epoch count and examples seen on, and restarts the cursor in the new set", () => {
    const trainer = new Trainer(createNetwork(spec, 1) as Network<Float32Array>, toSparse(tinyData(23, 3)), {
      batchSize: 10,
    });
    trainer.epoch();
    trainer.step();
    expect(trainer.position).toEqual({ epoch: 1, cursor: 10, examplesSeen: 33 });
    const seven = toSparse(tinyData(7, 4));
    trainer.setData(seven);
    expect(trainer.data).toBe(seven);
    expect(trainer.position).toEqual({ epoch: 1, cursor: 0, examplesSeen: 33 });
    trainer.epoch(); // one batch of 7: the order was made for the new count
    expect(trainer.position).toEqual({ epoch: 2, cursor: 0, examplesSeen: 40 });
    trainer.dispose();
  });

  it("is deterministic: the same sets in the same order give bit-identical weights", () => {
    const sets = [5, 6, 7].map((seed) => toSparse(tinyData(20, seed)));
    const run = () => {
      const t = new Trainer(createNetwork(spec, 2) as Network<Float32Array>, sets[0]!, { batchSize: 4 }, 9);
      for (const set of sets) {
        if (set !== sets[0]) t.setData(set);
        t.epoch();
      }
      t.dispose();
      return t.net;
    };
    const [a, b] = [run(), run()];
    a.w.forEach((v, l) => expect(Buffer.from(v.buffer).equals(Buffer.from(b.w[l]!.buffer))).toBe(true));
    a.b.forEach((v, l) => expect(Buffer.from(v.buffer).equals(Buffer.from(b.b[l]!.buffer))).toBe(true));
  });

  it("refuses images of another size", () => {
    const trainer = new Trainer(createNetwork(spec, 1) as Network<Float32Array>, toSparse(tinyData(5, 1)));
    expect(() => trainer.setData(toSparse(tinyData(5, 1, 16)))).toThrow(SpecError);
    trainer.dispose();
  });
});

describe("Trainer.dispose()", () => {
  it("gives the kernels' memory back: 100 trainers one after another take no more than the first", () => {
    const data = tinyData(500, 8);
    const make = () => new Trainer(createNetwork(spec, 1) as Network<Float32Array>, toSparse(data));
    make().dispose();
    const before = wasmMemoryBytes();
    for (let i = 0; i < 100; i++) make().dispose();
    expect(wasmMemoryBytes()).toBe(before);
  });

  it("leaves the network readable, ends training, and may be called twice", () => {
    const trainer = new Trainer(createNetwork(spec, 1) as Network<Float32Array>, toSparse(tinyData(12, 1)));
    trainer.step();
    trainer.dispose();
    trainer.dispose();
    expect(trainer.net.w[1]!.every(Number.isFinite)).toBe(true);
    expect(() => trainer.step()).toThrow(/disposed/);
    expect(() => trainer.setData(toSparse(tinyData(12, 2)))).toThrow(/disposed/);
  });
});

describe("20 augmented epochs with one trainer", () => {
  it("do not grow the kernels' memory after the second epoch", { timeout: 120_000 }, () => {
    const count = 2000;
    const { train } = loadMnist();
    const pixels = train.pixels.subarray(0, count * MNIST_PIXELS);
    const labels = train.labels.subarray(0, count);
    // LIGHT_AUGMENT without rotation, its slow part: the stroke thickness is what changes an image's ink.
    const augment = { ...LIGHT_AUGMENT, rotate: 0 };
    const epochImages = (epoch: number) =>
      toSparse({
        count,
        size: MNIST_PIXELS,
        pixels: augmentBytes(pixels, count, augment, 1 + epoch * count),
        labels,
      });
    const [, run] = augmentationPlans(1, augment);
    const trainer = new Trainer(
      createNetwork(run.spec, 1),
      epochImages(0),
      { ...run.train, shuffle: true },
      1,
    );
    const bytes: number[] = [];
    for (let epoch = 0; epoch < 20; epoch++) {
      if (epoch > 0) trainer.setData(epochImages(epoch));
      trainer.epoch();
      bytes.push(wasmMemoryBytes());
    }
    trainer.dispose();
    expect(trainer.position.epoch).toBe(20);
    expect(bytes.slice(1)).toEqual(Array<number>(19).fill(bytes[1]!));
  });
});
