// `npm run bench`: trains a full 60,000-example epoch single-threaded in Node with the engine the worker runs,
// and prints one JSON line per network. Batch 10, η 3, squared error, sigmoid, seed 1; a short warm-up first
// so the JIT has compiled the hot loops. `--repeat N` runs each epoch N times and reports the median.
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { evaluate, toSparse, Trainer } from "../src/engine/fast.ts";
import { createNetwork, parameterCount, type Network, type NetworkSpec } from "../src/engine/network.ts";
import { loadMnist } from "./lib/mnist.ts";

const { values } = parseArgs({ options: { repeat: { type: "string", default: "3" } } });
const repeat = Math.max(1, Number(values.repeat) | 0);

const { train, test } = loadMnist();
const trainSet = toSparse({
  count: train.count,
  size: train.rows * train.cols,
  pixels: train.pixels,
  labels: train.labels,
});
const testSet = toSparse({
  count: test.count,
  size: test.rows * test.cols,
  pixels: test.pixels,
  labels: test.labels,
});

const sigmoidMse = (hidden: number[]): NetworkSpec => ({
  sizes: [784, ...hidden, 10],
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
      node: process.version,
      cpu: cpus()[0]?.model ?? "unknown",
    }),
  );
}
