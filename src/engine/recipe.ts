// The learning-rate recipe of the source notes: start with a rate so high that the network stalls, then halve it
// until training begins to converge. One run per rate, each one pass over the same small training subset from the
// same seed, measured as it goes; the first rate that converges is the one the recipe settles on.
import { MNIST_CLASSES } from "./mnist.ts";
import { PRESETS } from "./presets.ts";
import type { RunPlan, RunPoint } from "./runs.ts";

export const RECIPE = {
  /** The first rate tried, the highest a setting allows: it throws the `best` network's weights about. */
  start: 10,
  /** Most halvings tried after it (the last rate is start / 2^halvings). */
  halvings: 10,
  /** Each run is one pass over the first trainLimit training images … */
  trainLimit: 5_000,
  /** … measured every pointEvery examples on the first testEval test images. */
  pointEvery: 250,
  testEval: 1_000,
} as const;

/** The rates tried, highest first: start, start/2, …, start/2^halvings. */
export function recipeRates(start: number = RECIPE.start, halvings: number = RECIPE.halvings): number[] {
  return Array.from({ length: halvings + 1 }, (_, i) => start / 2 ** i);
}

/**
 * A run "begins to converge" when, after its pass, the network gets more than twice chance of the test images
 * right. A stalled network answers the same digit for everything, which is chance (1 in 10).
 */
export const CONVERGING_ACCURACY = 2 / MNIST_CLASSES;

/** The pass's last measurement, once the pass is over (null before). */
export function passEnd(points: readonly RunPoint[]): RunPoint | null {
  const last = points.at(-1);
  return last !== undefined && last.epoch >= 1 ? last : null;
}

export function converges(points: readonly RunPoint[]): boolean {
  const end = passEnd(points);
  return end !== null && end.testAccuracy > CONVERGING_ACCURACY;
}

/**
 * The run of one rate: the `best` preset's network and settings (784-100-10, ReLU, softmax, cross-entropy,
 * momentum 0.9; η aside) from `seed`, one pass over `trainLimit` images. (The videos' sigmoid network still
 * learns at the highest rate a setting allows, so it would have nothing to halve.)
 */
export function recipePlan(
  learningRate: number,
  seed: number,
  trainLimit: number = RECIPE.trainLimit,
): RunPlan {
  const best = PRESETS.best;
  return {
    spec: best.spec,
    train: { ...best.train, learningRate },
    seed,
    trainLimit,
    labelSeed: null,
    augment: null,
    trainEval: 0,
    testEval: RECIPE.testEval,
    epochs: 1,
    pointEvery: Math.min(RECIPE.pointEvery, trainLimit),
  };
}

/** Where the recipe is: the index of the rate it settled on, "running" (more to try) or "none" (all stalled). */
export function recipeOutcome(finished: readonly (readonly RunPoint[])[], rates: readonly number[]) {
  const settled = finished.findIndex((points) => converges(points));
  if (settled >= 0) return { kind: "settled", index: settled } as const;
  return finished.length < rates.length ? ({ kind: "running" } as const) : ({ kind: "none" } as const);
}
