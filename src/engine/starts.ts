// "Different starts, equally good valleys": the same network trained the same way from several seeds. What the
// runs are (their plans, their seeds derived from the page's), how the trained networks are compared (the images
// and the points of the slice), and the summary figures the page reads from them. No DOM, no words for people.

import { MNIST_TEST_COUNT, MNIST_TRAIN_COUNT } from "./mnist.ts";
import { SWEEP_BASE_3B1B, type RunPlan, type RunPoint } from "./runs.ts";
import { sliceTs } from "./slice.ts";

/** Fewest, most and, by default, how many runs start from different seeds. */
export const MIN_STARTS = 4;
export const MAX_STARTS = 8;
export const DEFAULT_STARTS = 6;

/** How big each run is: training images, passes over them, how often to measure, test images measured. */
export interface StartsSize {
  readonly trainLimit: number;
  readonly epochs: number;
  readonly pointEvery: number;
  readonly testEval: number;
}

/** Five passes over all 60,000 training images, measured four times a pass on the whole test set. */
export const STARTS_SIZE: StartsSize = {
  trainLimit: MNIST_TRAIN_COUNT,
  epochs: 5,
  pointEvery: 15_000,
  testEval: MNIST_TEST_COUNT,
};

/**
 * The seed of run i (0…MAX_STARTS−1) of page seed `seed`: seed·MAX_STARTS + i, modulo 2³². Different page seeds
 * give different runs (below 2²⁹), and the same page seed always the same ones.
 */
export function startSeed(seed: number, i: number): number {
  return (seed * MAX_STARTS + i) % 2 ** 32;
}

/**
 * `count` runs of the videos' network (784-16-16-10, sigmoid, squared error, η = 1.5, m = 10, no weight decay)
 * that differ only in their seed: the starting weights and the order the images come in.
 */
export function startsPlans(seed: number, count: number, size: StartsSize = STARTS_SIZE): RunPlan[] {
  return Array.from({ length: count }, (_, i) => ({
    spec: SWEEP_BASE_3B1B.spec,
    train: SWEEP_BASE_3B1B.train,
    seed: startSeed(seed, i),
    trainLimit: size.trainLimit,
    labelSeed: null,
    augment: null,
    trainEval: 0,
    testEval: size.testEval,
    epochs: size.epochs,
    pointEvery: Math.min(size.pointEvery, size.trainLimit),
  }));
}

/** Two trained networks are compared on the first SLICE_IMAGES test images … */
export const SLICE_IMAGES = 2_000;
/** … at these t along the line from A (t = 0) to B (t = 1), a little beyond both ends. */
export const SLICE_TS: readonly number[] = sliceTs(-0.2, 1.2, 29);

/** The spread of the runs' final test accuracies: the best, the worst and their difference (a share, 0…1). */
export function accuracySpread(finals: readonly RunPoint[]): { best: number; worst: number; spread: number } {
  const accuracies = finals.map((p) => p.testAccuracy);
  const best = Math.max(...accuracies);
  const worst = Math.min(...accuracies);
  return { best, worst, spread: best - worst };
}
