// `npm run bench`: the training engine single-threaded in Node, one JSON line per measure. First the WebAssembly
// memory's high-water mark over 20 augmented epochs; then the roof, the GFLOP/s of the kernels' f32x4 multiply-add
// loop; then per network the fast path (the worker's engine, full 60,000-example epochs) and the readable reference
// (network.ts, float32) timed alternately, with the ratio pair by pair and the step's GFLOP/s against the roof; last
// the `best` preset with momentum against the same network without, alternately. Warm-ups first, so that the timed
// runs measure compiled code; `--repeat N` alternates N times (5; the momentum turns 10 N) and figures are medians.
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { augmentBytes, LIGHT_AUGMENT } from "../src/engine/augment.ts";
import { evaluate, placeImages, Trainer, wasmMemoryBytes } from "../src/engine/fast.ts";
import type { PresetTraining } from "../src/engine/presets.ts";
import { MNIST_CLASSES, MNIST_PIXELS } from "../src/engine/mnist.ts";
import { createNetwork, parameterCount, type NetworkSpec } from "../src/engine/network.ts";
import { PRESETS } from "../src/engine/presets.ts";
import { augmentationPlans, augmentSeed } from "../src/engine/runs.ts";
import {
  alternate,
  fastEpoch,
  fastTurns,
  firstImages,
  meanInk,
  median,
  quantile,
  referenceRun,
  roofGflops,
  stepFlops,
} from "./lib/benchSpeed.ts";
import { loadMnist } from "./lib/mnist.ts";

const { values } = parseArgs({ options: { repeat: { type: "string", default: "5" } } });
const repeat = Math.max(1, Number(values.repeat) | 0);

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

const machine = { node: process.version, cpu: cpus()[0]?.model ?? "unknown" };
const round = (v: number, digits = 2) => Number(v.toFixed(digits));

const roofRuns = roofGflops(repeat);
const roof = median(roofRuns);
console.log(
  JSON.stringify({
    roof: "f32x4 multiply + add, 12 independent accumulators (src/engine/wasm/roof.as.ts)",
    gflops: round(roof),
    gflops_runs: roofRuns.map((g) => round(g)),
    ...machine,
  }),
);

const sigmoidMse = (hidden: number[]): NetworkSpec => ({
  sizes: [MNIST_PIXELS, ...hidden, MNIST_CLASSES],
  hidden: hidden.map(() => "sigmoid" as const),
  output: "sigmoid",
  cost: "mse",
});
const plain = (learningRate: number): PresetTraining => ({
  learningRate,
  batchSize: 10,
  weightDecay: 0,
  momentum: 0,
});
const best = PRESETS.best;
const bestPlain: PresetTraining = { ...best.train, momentum: 0 };
// The two benchmark networks at η 3, and 784-100-10 again at η 0.5: at η 3 its sigmoid outputs saturate
// (this cost has no ½, so η 3 is Nielsen's η 6) and a saturated network's δs underflow to zero, which is
// cheaper to train; the η 0.5 line times a network that is really learning. Then the `best` preset, and the same
// network without momentum.
const runs = [
  { name: "784-16-16-10 sigmoid mse", spec: sigmoidMse([16, 16]), train: plain(3) },
  { name: "784-100-10 sigmoid mse", spec: sigmoidMse([100]), train: plain(3) },
  { name: "784-100-10 sigmoid mse", spec: sigmoidMse([100]), train: plain(0.5) },
  { name: "best: 784-100-10 relu softmax cross-entropy", spec: best.spec, train: best.train },
  { name: "best without momentum", spec: best.spec, train: bestPlain },
];
const ink = meanInk(trainSet);

/** Reference examples (dense x, one-hot y) the reference cycles through, and its time per timed call. */
const REFERENCE_EXAMPLES = 2000;
const REFERENCE_SECONDS = 0.4;

for (const { name, spec, train: hyper } of runs) {
  warmUp(spec, hyper);
  let accuracy = 0;
  const fast = fastEpoch(spec, hyper, trainSet, (t) => (accuracy = evaluate(t.net, testSet).accuracy));
  const reference = referenceRun(spec, hyper, train, REFERENCE_EXAMPLES, REFERENCE_SECONDS);
  reference();
  const r = alternate(fast, reference, repeat);
  const rate = median(r.a);
  const gflops = (stepFlops(spec, ink) * rate) / 1e9;
  console.log(
    JSON.stringify({
      network: name,
      sizes: spec.sizes.join("-"),
      parameters: parameterCount(spec),
      ...hyper,
      examples: trainSet.count,
      examples_per_s: Math.round(rate),
      examples_per_s_runs: r.a.map(Math.round),
      epoch_s: round(trainSet.count / rate, 3),
      reference_examples_per_s: Math.round(median(r.b)),
      reference_examples_per_s_runs: r.b.map(Math.round),
      speedup_vs_reference: round(median(r.ratios), 1),
      speedup_runs: r.ratios.map((x) => round(x, 1)),
      mean_ink_pixels: round(ink, 1),
      step_gflops: round(gflops, 2),
      step_gflops_dense_equivalent: round((stepFlops(spec, MNIST_PIXELS) * rate) / 1e9, 2),
      share_of_roof: round(gflops / roof, 3),
      test_accuracy_after_epoch: accuracy,
      wasm_memory_bytes: wasmMemoryBytes(),
      ...machine,
    }),
  );
}

// Momentum's cost: the `best` preset against the same network without momentum, fast path, in turns of 6,000
// examples (a tenth of an epoch), ten turns each per repeat, so that the pairs see the same machine.
const turns = (train: PresetTraining) => fastTurns(best.spec, train, trainSet, 6000);
const withMomentum = turns(best.train);
const without = turns(bestPlain);
withMomentum();
without();
const mo = alternate(withMomentum, without, 10 * repeat);
console.log(
  JSON.stringify({
    momentum:
      "best (μ 0.9) against the same network and settings with μ 0, fast path, alternate turns of 6,000 examples",
    examples_per_s_momentum: Math.round(median(mo.a)),
    examples_per_s_without: Math.round(median(mo.b)),
    speed_ratio: round(median(mo.ratios), 2),
    speed_ratio_quartiles: [quantile(mo.ratios, 0.25), quantile(mo.ratios, 0.75)].map((x) => round(x)),
    turns: mo.ratios.length,
    ...machine,
  }),
);

/** 300 mini-batches by the fast path, so that the timed epochs measure compiled code. */
function warmUp(spec: NetworkSpec, hyper: PresetTraining): void {
  const warm = new Trainer(createNetwork(spec, 99), trainSet, hyper, 99);
  for (let i = 0; i < 300; i++) warm.step();
  warm.dispose();
}
