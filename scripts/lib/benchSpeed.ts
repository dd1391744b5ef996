// What `npm run bench` times and how: the readable reference (network.ts, float32: traceBatch + applyGradient)
// and the fast Trainer as functions that train for a while and return examples per second, run alternately so a
// ratio holds while the machine's speed drifts; the kernels' roof; and the FLOPs one training example costs.
import { toSparse, Trainer, type SparseImages } from "../../src/engine/fast.ts";
import type { PresetTraining } from "../../src/engine/presets.ts";
import type { MnistSplit } from "../../src/engine/idx.ts";
import { MNIST_PIXELS } from "../../src/engine/mnist.ts";
import {
  applyGradient,
  createNetwork,
  createVelocity,
  oneHot,
  traceBatch,
  type Example,
  type Network,
  type NetworkSpec,
} from "../../src/engine/network.ts";
import { kernels } from "../../src/engine/wasm/kernels.ts";

/** A timed run: trains for a while and returns the examples per second it trained at. */
export type Timed = () => number;

/** The value at fraction q of the sorted values (q = 0.5: the median, the upper one for an even count). */
export const quantile = (v: number[], q: number) =>
  [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) * q + 0.5)]!;
export const median = (v: number[]) => quantile(v, 0.5);

/** Runs a and b in turn, `rounds` times each (a first); each one's rates and the ratios a/b pair by pair. */
export function alternate(a: Timed, b: Timed, rounds: number) {
  const ra: number[] = [];
  const rb: number[] = [];
  for (let r = 0; r < rounds; r++) {
    ra.push(a());
    rb.push(b());
  }
  return { a: ra, b: rb, ratios: ra.map((x, i) => x / rb[i]!) };
}

/** The first `count` images of a split (all by default) with `pixels` in place of its own when given. */
export function firstImages(split: MnistSplit, count = split.count, pixels?: Uint8Array): SparseImages {
  return toSparse({
    count,
    size: MNIST_PIXELS,
    pixels: pixels ?? split.pixels.subarray(0, count * MNIST_PIXELS),
    labels: split.labels.subarray(0, count),
  });
}

/**
 * The fast path: one full epoch of `data` by a Trainer made afresh (seed 1) each call, timed. `after` sees the
 * trainer before it is disposed (to evaluate it).
 */
export function fastEpoch(
  spec: NetworkSpec,
  train: PresetTraining,
  data: SparseImages,
  after?: (t: Trainer) => void,
): Timed {
  return () => {
    const trainer = new Trainer(createNetwork(spec, 1) as Network<Float32Array>, data, train, 1);
    const t0 = performance.now();
    trainer.epoch();
    const s = (performance.now() - t0) / 1000;
    after?.(trainer);
    trainer.dispose();
    return data.count / s;
  };
}

/**
 * The fast path in short turns: one Trainer (seed 1) that trains whole mini-batches of at least `examples` examples a
 * call, carrying on from call to call; a short turn lets two runs alternate many times within a few seconds.
 */
export function fastTurns(
  spec: NetworkSpec,
  train: PresetTraining,
  data: SparseImages,
  examples: number,
): Timed {
  const trainer = new Trainer(createNetwork(spec, 1) as Network<Float32Array>, data, train, 1);
  return () => {
    const t0 = performance.now();
    let done = 0;
    while (done < examples) {
      done += Math.min(train.batchSize, data.count - trainer.position.cursor);
      trainer.step();
    }
    return done / ((performance.now() - t0) / 1000);
  };
}

/**
 * The reference: float32 network.ts, traceBatch + applyGradient (with a velocity for momentum) over the first
 * `count` images as dense examples, one training run carried on from call to call; each call trains whole
 * mini-batches for at least `seconds`.
 */
export function referenceRun(
  spec: NetworkSpec,
  train: PresetTraining,
  split: MnistSplit,
  count: number,
  seconds: number,
): Timed {
  const examples: Example[] = Array.from({ length: count }, (_, i) => ({
    x: Float32Array.from(split.pixels.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), (p) => p / 255),
    y: oneHot(split.labels[i]!, 10),
  }));
  const net = createNetwork(spec, 1);
  const velocity = createVelocity(net);
  const m = train.batchSize;
  let cursor = 0;
  return () => {
    let done = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < seconds) {
      if (cursor + m > count) cursor = 0;
      const bt = traceBatch(net, examples.slice(cursor, cursor + m));
      applyGradient(net, bt.mean, train, velocity);
      cursor += m;
      done += m;
      elapsed = (performance.now() - t0) / 1000;
    }
    return done / elapsed;
  };
}

/** FLOPs per round of the roof kernel (roof.as.ts): 12 accumulators × 4 lanes × one multiply and one add. */
const ROOF_FLOPS_PER_ROUND = 96;

/** The roof: GFLOP/s of the kernels' f32x4 multiply-add loop, `rounds` rounds per timing, one per run. */
export function roofGflops(runs: number, rounds = 3e7): number[] {
  const { fn } = kernels();
  fn.roof(1e6);
  return Array.from({ length: runs }, () => {
    const t0 = performance.now();
    fn.roof(rounds);
    return (ROOF_FLOPS_PER_ROUND * rounds) / ((performance.now() - t0) / 1000) / 1e9;
  });
}

/**
 * Multiply-add FLOPs of one training example's step, counting 2 per multiply-add: forward 2·in·out per layer,
 * backward 2·in·out for ∂C/∂w and, for layers after the first, 2·in·out more for δ of the layer before.
 * `inputs` is layer 1's in: the ink the kernels visit (executed FLOPs) or all 784 pixels (what a dense engine does).
 */
export function stepFlops(spec: NetworkSpec, inputs: number): number {
  let flops = 0;
  for (let l = 1; l < spec.sizes.length; l++) {
    const nIn = l === 1 ? inputs : spec.sizes[l - 1]!;
    flops += 2 * nIn * spec.sizes[l]! * (l === 1 ? 2 : 3);
  }
  return flops;
}

/** Mean inked pixels per image. */
export function meanInk(data: SparseImages): number {
  return data.offsets[data.count]! / data.count;
}
