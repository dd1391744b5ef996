// `npm run bench`: trains a full 60,000-example epoch single-threaded in Node with the engine the worker runs,
// and prints one JSON line per network. Batch 10, η 3, squared error, sigmoid, seed 1; a short warm-up first
// so the JIT has compiled the hot loops. `--repeat N` runs each epoch N times and reports the median.
// First, one JSON line on memory: the WebAssembly memory's high-water mark over 20 augmented epochs.
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { augmentBytes, LIGHT_AUGMENT } from "../src/engine/augment.ts";
import {
  evaluate,
  placeImages,
  toSparse,
  Trainer,
  wasmMemoryBytes,
  type SparseImages,
} from "../src/engine/fast.ts";
import type { MnistSplit } from "../src/engine/idx.ts";
import { MNIST_CLASSES, MNIST_PIXELS } from "../src/engine/mnist.ts";
import { createNetwork, parameterCount, type Network, type NetworkSpec } from "../src/engine/network.ts";
import { augmentationPlans, augmentSeed } from "../src/engine/runs.ts";
import { loadMnist } from "./lib/mnist.ts";

const { values } = parseArgs({ options: { repeat: { type: "string", default: "3" } } });
const repeat = Math.max(1, Number(values.repeat) | 0);

/** The first `count` images of a split (all by default) with `pixels` in place of its own when given. */
function firstImages(split: MnistSplit, count = split.count, pixels?: Uint8Array): SparseImages {
  return toSparse({
    count,
    size: MNIST_PIXELS,
    pixels: pixels ?? split.pixels.subarray(0, count * MNIST_PIXELS),
    labels: split.labels.subarray(0, count),
  });
}

const { train, test } = loadMnist();
const trainSet = firstImages(train);
const testSet = firstImages(test);

/**
 * The augmentation comparison's augmented run, shrunk to 2,000 images and 20 epochs: one Trainer given a fresh
 * augmented copy every epoch (setData), 1,000 test images placed once and evaluated after each epoch. Run first,
 * while the process's WebAssembly memory holds nothing else, so its size is this run's high-water mark.
 */
function augmentedMemory(count = 2000, epochs = 20, testCount = 1000) {
  const augment = LIGHT_AUGMENT;
  const [, run] = augmentationPlans(1, augment, { trainLimit: count, epochs, testEval: testCount });
  const pixels = train.pixels.subarray(0, count * MNIST_PIXELS);
  const epochImages = (epoch: number) =>
    firstImages(train, count, augmentBytes(pixels, count, augment, augmentSeed(run.seed, epoch, count)));
  const start = wasmMemoryBytes();
  const heldOut = placeImages(firstImages(test, testCount));
  const trainer = new Trainer(
    createNetwork(run.spec, run.seed),
    epochImages(0),
    { ...run.train, shuffle: true },
    run.seed,
  );
  const perEpoch: number[] = [];
  let accuracy = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    if (epoch > 0) trainer.setData(epochImages(epoch));
    trainer.epoch();
    accuracy = evaluate(trainer.net, heldOut).accuracy;
    perEpoch.push(wasmMemoryBytes());
  }
  trainer.dispose();
  heldOut.release();
  return {
    memory: `${epochs} augmented epochs, one trainer, setData each epoch`,
    network: run.spec.sizes.join("-"),
    images: count,
    epochs,
    augment,
    wasm_memory_bytes_before: start,
    wasm_memory_bytes_per_epoch: perEpoch,
    wasm_memory_high_water_bytes: wasmMemoryBytes(),
    test_accuracy_after: accuracy,
    test_images: testCount,
    node: process.version,
  };
}

console.log(JSON.stringify(augmentedMemory()));

const sigmoidMse = (hidden: number[]): NetworkSpec => ({
  sizes: [MNIST_PIXELS, ...hidden, MNIST_CLASSES],
  hidden: hidden.map(() => "sigmoid" as const),
  output: "sigmoid",
  cost: "mse",
});
// The two benchmark networks at η 3, and 784-100-10 again at η 0.5: at η 3 its sigmoid outputs saturate
// (this cost has no ½, so η 3 is Nielsen's η 6) and a saturated network's δs underflow to zero, which is
// cheaper to train; the η 0.5 line times a network that is really learning.
const runs = [
  { spec: sigmoidMse([16, 16]), learningRate: 3 },
  { spec: sigmoidMse([100]), learningRate: 3 },
  { spec: sigmoidMse([100]), learningRate: 0.5 },
];
const batchSize = 10;

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

for (const { spec, learningRate } of runs) {
  const options = { learningRate, batchSize };
  // Warm-up on 3,000 examples, so that the timed epoch measures compiled code.
  const warm = new Trainer(createNetwork(spec, 99) as Network<Float32Array>, trainSet, options, 99);
  for (let i = 0; i < 300; i++) warm.step();
  warm.dispose();

  const seconds: number[] = [];
  let accuracy = 0;
  for (let r = 0; r < repeat; r++) {
    const trainer = new Trainer(createNetwork(spec, 1) as Network<Float32Array>, trainSet, options, 1);
    const t0 = performance.now();
    trainer.epoch();
    seconds.push((performance.now() - t0) / 1000);
    accuracy = evaluate(trainer.net, testSet).accuracy;
    trainer.dispose();
  }
  const epoch = median(seconds);
  console.log(
    JSON.stringify({
      network: spec.sizes.join("-"),
      activation: "sigmoid",
      cost: "mse",
      parameters: parameterCount(spec),
      batch: options.batchSize,
      learning_rate: options.learningRate,
      examples: trainSet.count,
      examples_per_s: Math.round(trainSet.count / epoch),
      epoch_s: Number(epoch.toFixed(3)),
      epoch_s_runs: seconds.map((s) => Number(s.toFixed(3))),
      test_accuracy_after_epoch: accuracy,
      wasm_memory_bytes: wasmMemoryBytes(),
      node: process.version,
      cpu: cpus()[0]?.model ?? "unknown",
    }),
  );
}
