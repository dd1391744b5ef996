// Training runs compared: what one run is (a network, how it trains, on which data), the points it reports as it
// goes, the label shuffle of the memorisation experiment, and the runs of a sweep over one setting. No DOM, and
// no words for people: runs are named and problems are put into sentences by src/experiments/runs/labels.ts.

import { ACTIVATIONS, type Activation } from "./activations.ts";
import type { AugmentOptions } from "./augment.ts";
import { COSTS, type Cost } from "./costs.ts";
import { HYPER_RULES, parseSetting } from "./hyper.ts";
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_TEST_COUNT, MNIST_TRAIN_COUNT } from "./mnist.ts";
import { PRESETS, type PresetTraining } from "./presets.ts";
import { createRng, shuffleInPlace } from "./rng.ts";
import { MAX_HIDDEN_LAYERS, MAX_NEURONS, type NetworkSpec } from "./spec.ts";

/**
 * The labels in a seeded random order: a permutation of `labels`, so each class keeps its count but an image's
 * label no longer says what it shows (Zhang et al. 2017). The same labels and seed give the same result.
 */
export function shuffleLabels(labels: Uint8Array, seed: number): Uint8Array {
  const order = Uint32Array.from(labels, (_, i) => i);
  shuffleInPlace(order, createRng(seed ^ 0x1abe1));
  return Uint8Array.from(order, (i) => labels[i]!);
}

/** Everything a runs worker needs to train and measure one network. */
export interface RunPlan {
  readonly spec: NetworkSpec;
  readonly train: PresetTraining;
  /** Seed of the initial weights and of the training order. */
  readonly seed: number;
  /** Train on the first `trainLimit` training images. */
  readonly trainLimit: number;
  /** When not null, the training labels are `shuffleLabels(labels, labelSeed)`. */
  readonly labelSeed: number | null;
  /** When not null, every epoch trains on a fresh augmented copy of the images (see augmentSeed). */
  readonly augment: AugmentOptions | null;
  /** Training accuracy is measured on the first `trainEval` training images, with the labels trained on. */
  readonly trainEval: number;
  /** Test accuracy and cost are measured on the first `testEval` test images. */
  readonly testEval: number;
  /** Passes over the training images before the run stops by itself. */
  readonly epochs: number;
  /** A point is reported after every `pointEvery` training examples (and one before training); at most one epoch. */
  readonly pointEvery: number;
}

/** A run as a page starts it: its plan and the name its legend shows (the page's words; the engine never reads it). */
export interface RunSpec extends RunPlan {
  readonly label: string;
}

/** One measurement of a run, reported by its worker. */
export interface RunPoint {
  /** Training examples seen so far. */
  readonly examples: number;
  /** examples / trainLimit. */
  readonly epoch: number;
  /** Mean training cost of the mini-batches since the last point (its cost before training at 0). */
  readonly trainCost: number;
  /** Accuracy on the trainEval training images, against the labels trained on. */
  readonly trainAccuracy: number;
  /** Mean cost on the testEval test images, true labels. */
  readonly testCost: number;
  /** Accuracy on the testEval test images, true labels. */
  readonly testAccuracy: number;
  /** Training examples per second of this run since its last point (0 at the start). */
  readonly examplesPerSecond: number;
}

/** The settings a side-by-side comparison can vary, one at a time. */
export type SweepSetting = "learningRate" | "batchSize" | "hidden" | "activation" | "cost";
export const SWEEP_SETTINGS: readonly SweepSetting[] = [
  "learningRate",
  "batchSize",
  "hidden",
  "activation",
  "cost",
];

/** Fewest and most runs side by side. */
export const MIN_RUNS = 2;
export const MAX_RUNS = 6;

/** What every run of a sweep shares; the swept setting overrides one part of it. */
export interface SweepBase {
  readonly spec: NetworkSpec;
  readonly train: PresetTraining;
  readonly trainLimit: number;
  readonly testEval: number;
  readonly epochs: number;
  readonly pointEvery: number;
}

/** The videos' network (784-16-16-10, sigmoid, squared error) and its training, on all 60,000 images. */
export const SWEEP_BASE_3B1B: SweepBase = {
  spec: PRESETS["3b1b"].spec,
  train: { ...PRESETS["3b1b"].train, weightDecay: 0 },
  trainLimit: MNIST_TRAIN_COUNT,
  testEval: 2_000,
  epochs: 10,
  pointEvery: 6_000,
};

/** The learning-rate sweep preset: η over three decades on the videos' network. */
export const LEARNING_RATE_SWEEP = "0.01, 0.1, 1, 3, 10";

/** The values a setting starts with when picked. */
export const SWEEP_DEFAULTS: Record<SweepSetting, string> = {
  learningRate: LEARNING_RATE_SWEEP,
  batchSize: "1, 10, 100",
  hidden: "16-16, 32, 100",
  activation: "sigmoid, relu, tanh",
  cost: "mse, crossEntropy",
};

/** What is wrong with a sweep's values as typed; src/experiments/runs/labels.ts says it in words. */
export type SweepProblem =
  /** Fewer than MIN_RUNS or more than MAX_RUNS values. */
  | { readonly kind: "count"; readonly count: number }
  /** A value given twice. */
  | { readonly kind: "repeated"; readonly value: string }
  /** η or m outside HYPER_RULES, hidden sizes not written as "16-16" or "none", or an unknown name. */
  | { readonly kind: "invalid"; readonly value: string }
  /** Hidden sizes with a layer of fewer than 1 or more than MAX_NEURONS neurons. */
  | { readonly kind: "layerSize"; readonly value: string };

/** One setting's values as typed (comma-separated): the values, or the first problem found. */
export type SweepValues =
  | { readonly ok: true; readonly values: readonly string[] }
  | { readonly ok: false; readonly problem: SweepProblem };

/** Hidden layer sizes as typed: "none", or up to MAX_HIDDEN_LAYERS whole numbers joined by "-". */
const HIDDEN_PATTERN = new RegExp(`^\\d+(-\\d+){0,${MAX_HIDDEN_LAYERS - 1}}$`);

/** The problem with one value of `setting`, or null if it is one. */
function valueProblem(setting: SweepSetting, v: string): SweepProblem | null {
  switch (setting) {
    case "learningRate":
    case "batchSize":
      return parseSetting(HYPER_RULES[setting], v) === null ? { kind: "invalid", value: v } : null;
    case "hidden":
      if (v === "none") return null;
      if (!HIDDEN_PATTERN.test(v)) return { kind: "invalid", value: v };
      if (v.split("-").some((n) => Number(n) < 1 || Number(n) > MAX_NEURONS))
        return { kind: "layerSize", value: v };
      return null;
    case "activation":
      return (ACTIVATIONS as readonly string[]).includes(v) ? null : { kind: "invalid", value: v };
    case "cost":
      return (COSTS as readonly string[]).includes(v) ? null : { kind: "invalid", value: v };
  }
}

/**
 * Checks the comma-separated values of a setting: η and m as HYPER_RULES accepts them, layer sizes joined by "-"
 * for the hidden layers ("16-16", "100", "none"), the engine's names for activation and cost.
 */
export function checkSweepValues(setting: SweepSetting, text: string): SweepValues {
  const values = text
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (values.length < MIN_RUNS || values.length > MAX_RUNS)
    return { ok: false, problem: { kind: "count", count: values.length } };
  const repeated = values.find((v, i) => values.indexOf(v) !== i);
  if (repeated !== undefined) return { ok: false, problem: { kind: "repeated", value: repeated } };
  for (const v of values) {
    const problem = valueProblem(setting, v);
    if (problem) return { ok: false, problem };
  }
  return { ok: true, values };
}

/** A spec with other hidden layers, each with the base's first hidden activation (sigmoid if it had none). */
function withHidden(spec: NetworkSpec, sizes: readonly number[]): NetworkSpec {
  const f = spec.hidden[0] ?? "sigmoid";
  return { ...spec, sizes: [spec.sizes[0]!, ...sizes, spec.sizes.at(-1)!], hidden: sizes.map(() => f) };
}

/** The base with `setting` set to the value `v` (one that passed checkSweepValues). */
function withSetting(base: SweepBase, setting: SweepSetting, v: string): Pick<RunPlan, "spec" | "train"> {
  const { spec, train } = base;
  switch (setting) {
    case "learningRate":
      return { spec, train: { ...train, learningRate: Number(v) } };
    case "batchSize":
      return { spec, train: { ...train, batchSize: Number(v) } };
    case "hidden":
      return { spec: withHidden(spec, v === "none" ? [] : v.split("-").map(Number)), train };
    case "activation":
      return { spec: { ...spec, hidden: spec.hidden.map(() => v as Activation) }, train };
    case "cost":
      return {
        spec:
          v === "crossEntropy"
            ? { ...spec, cost: "crossEntropy", output: "softmax" }
            : { ...spec, cost: v as Cost, output: "sigmoid" },
        train,
      };
  }
}

/**
 * The runs of a sweep: one per value, each the base with `setting` set to that value, all from the same `seed`
 * (so runs of one shape start from the same weights, and all see the images in the same first order).
 * Cross-entropy runs get a softmax output. `values` must have passed checkSweepValues.
 */
export function sweepPlans(
  base: SweepBase,
  setting: SweepSetting,
  values: readonly string[],
  seed: number,
): RunPlan[] {
  return values.map((v) => ({
    ...withSetting(base, setting, v),
    seed,
    trainLimit: base.trainLimit,
    labelSeed: null,
    augment: null,
    trainEval: 0,
    testEval: base.testEval,
    epochs: base.epochs,
    pointEvery: Math.min(base.pointEvery, base.trainLimit),
  }));
}

/** How big the memorisation experiment is: the training subset, passes over it, and how often to measure. */
export interface MemorisationSize {
  readonly trainLimit: number;
  readonly epochs: number;
  readonly pointEvery: number;
  readonly trainEval: number;
  readonly testEval: number;
  readonly hidden: number;
}

export const MEMORISATION_SIZE: MemorisationSize = {
  trainLimit: 5_000,
  epochs: 60,
  pointEvery: 5_000,
  trainEval: 2_000,
  testEval: 2_000,
  hidden: 256,
};

/**
 * The shuffled-labels pair: the same network from the same seed, trained the same way on the same images, once
 * with their true labels and once with the labels shuffled by `shuffleLabels(labels, seed)`.
 */
export function memorisationPlans(
  seed: number,
  size: MemorisationSize = MEMORISATION_SIZE,
): [truth: RunPlan, shuffled: RunPlan] {
  const common = {
    spec: {
      sizes: [MNIST_PIXELS, size.hidden, MNIST_CLASSES],
      hidden: ["relu"],
      output: "softmax",
      cost: "crossEntropy",
    } satisfies NetworkSpec,
    train: { learningRate: 0.05, batchSize: 32, weightDecay: 0, momentum: 0.9 },
    seed,
    trainLimit: size.trainLimit,
    augment: null,
    trainEval: Math.min(size.trainEval, size.trainLimit),
    testEval: size.testEval,
    epochs: size.epochs,
    pointEvery: Math.min(size.pointEvery, size.trainLimit),
  };
  return [
    { ...common, labelSeed: null },
    { ...common, labelSeed: seed },
  ];
}

/**
 * The memorisation pair timed (the memorisation-speed experiment): the same 5,000 images, every one of them measured
 * after each epoch, the whole test set, and a cap of 100 epochs, well past where the shuffled run usually reaches 99 %.
 */
export const MEMORISATION_SPEED_SIZE: MemorisationSize = {
  ...MEMORISATION_SIZE,
  epochs: 100,
  trainEval: 5_000,
  testEval: MNIST_TEST_COUNT,
};

/** The training accuracies the memorisation-speed experiment times a run to: 50 %, 90 % and 99 %. */
export const ACCURACY_MILESTONES = [0.5, 0.9, 0.99] as const;

/**
 * The epoch of the first point (in the order measured) whose training accuracy is at least `threshold`, or null when
 * none is: how long the run took to get that share of its training labels right.
 */
export function epochsToReach(points: readonly RunPoint[], threshold: number): number | null {
  return points.find((p) => p.trainAccuracy >= threshold)?.epoch ?? null;
}

/**
 * The seed of epoch `epoch`'s augmented copy of `count` images, for augmentBytes: image i of that epoch gets the
 * generator seed + epoch·count + i, so no two (epoch, image) pairs share one.
 */
export function augmentSeed(seed: number, epoch: number, count: number): number {
  return seed + epoch * count;
}

/** How big the augmentation comparison is: training images, passes over them, test images measured. */
export interface AugmentationSize {
  readonly trainLimit: number;
  readonly epochs: number;
  readonly testEval: number;
}

export const AUGMENTATION_SIZE: AugmentationSize = {
  trainLimit: 10_000,
  epochs: 10,
  testEval: MNIST_TEST_COUNT,
};

/**
 * The augmentation pair: one network (784-100-10, ReLU, softmax, cross-entropy) from the same seed, trained the
 * same way on the same images, once as they are and once on a fresh `augment`ed copy each epoch. One point per epoch.
 */
export function augmentationPlans(
  seed: number,
  augment: AugmentOptions,
  size: AugmentationSize = AUGMENTATION_SIZE,
): [plain: RunPlan, augmented: RunPlan] {
  const common = {
    spec: {
      sizes: [MNIST_PIXELS, 100, MNIST_CLASSES],
      hidden: ["relu"],
      output: "softmax",
      cost: "crossEntropy",
    } satisfies NetworkSpec,
    train: { learningRate: 0.05, batchSize: 32, weightDecay: 0, momentum: 0.9 },
    seed,
    trainLimit: size.trainLimit,
    labelSeed: null,
    trainEval: 0,
    testEval: size.testEval,
    epochs: size.epochs,
    pointEvery: size.trainLimit,
  };
  return [
    { ...common, augment: null },
    { ...common, augment },
  ];
}
