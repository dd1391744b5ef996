// Training runs compared: what one run is (a network, how it trains, on which data), the points it reports as it
// goes, the label shuffle of the memorisation experiment, and the runs of a sweep over one setting. No DOM.

import type { Activation } from "./activations.ts";
import type { AugmentOptions } from "./augment.ts";
import type { Cost } from "./costs.ts";
import type { TrainOptions } from "./fast.ts";
import type { NetworkSpec } from "./network.ts";
import { PRESETS } from "./presets.ts";
import { createRng, shuffleInPlace } from "./rng.ts";

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
export interface RunSpec {
  /** Shown in the legend. */
  readonly label: string;
  readonly spec: NetworkSpec;
  readonly train: Pick<TrainOptions, "learningRate" | "batchSize" | "weightDecay" | "momentum">;
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
export const SWEEP_SETTING_LABELS: Record<SweepSetting, string> = {
  learningRate: "learning rate η",
  batchSize: "mini-batch size m",
  hidden: "hidden layer sizes",
  activation: "hidden activation",
  cost: "cost function",
};

/** Fewest and most runs side by side. */
export const MIN_RUNS = 2;
export const MAX_RUNS = 6;

/** What every run of a sweep shares; the swept setting overrides one part of it. */
export interface SweepBase {
  readonly spec: NetworkSpec;
  readonly train: RunSpec["train"];
  readonly trainLimit: number;
  readonly testEval: number;
  readonly epochs: number;
  readonly pointEvery: number;
}

/** The videos' network (784-16-16-10, sigmoid, squared error) and its training, on all 60,000 images. */
export const SWEEP_BASE_3B1B: SweepBase = {
  spec: PRESETS["3b1b"].spec,
  train: { ...PRESETS["3b1b"].train, weightDecay: 0 },
  trainLimit: 60_000,
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

/** One setting's values as typed (comma-separated); `error` says what is wrong, in one sentence. */
export type ParsedSweep =
  { readonly ok: true; readonly values: readonly string[] } | { readonly ok: false; readonly error: string };

const ACTIVATION_NAMES: readonly Activation[] = ["sigmoid", "relu", "tanh"];
const COST_NAMES: readonly Cost[] = ["mse", "crossEntropy"];

/**
 * Parses the comma-separated values of a setting: positive numbers for η, whole numbers 1–1000 for m, layer
 * sizes joined by "-" for the hidden layers ("16-16", "100", "none"), names for activation and cost.
 */
export function parseSweepValues(setting: SweepSetting, text: string): ParsedSweep {
  const values = text
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (values.length < MIN_RUNS || values.length > MAX_RUNS)
    return { ok: false, error: `Give ${MIN_RUNS} to ${MAX_RUNS} values separated by commas.` };
  if (new Set(values).size !== values.length) return { ok: false, error: "Each value may appear once." };
  for (const v of values) {
    const bad = (why: string): ParsedSweep => ({ ok: false, error: `“${v}” ${why}.` });
    switch (setting) {
      case "learningRate": {
        const n = Number(v);
        if (!/^[\d.eE+-]+$/.test(v) || !(n > 0) || n > 100) return bad("is not a learning rate in (0, 100]");
        break;
      }
      case "batchSize": {
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 1 || n > 1000) return bad("is not a mini-batch size from 1 to 1000");
        break;
      }
      case "hidden":
        if (v !== "none" && !/^\d{1,3}(-\d{1,3}){0,3}$/.test(v))
          return bad("is not hidden layer sizes such as 16-16 (up to four layers) or none");
        if (v !== "none" && v.split("-").some((n) => Number(n) < 1 || Number(n) > 512))
          return bad("has a layer outside 1–512 neurons");
        break;
      case "activation":
        if (!(ACTIVATION_NAMES as readonly string[]).includes(v))
          return bad(`is not one of ${ACTIVATION_NAMES.join(", ")}`);
        break;
      case "cost":
        if (!(COST_NAMES as readonly string[]).includes(v))
          return bad(`is not one of ${COST_NAMES.join(", ")}`);
        break;
    }
  }
  return { ok: true, values };
}

/** A spec with other hidden layers, each with the base's first hidden activation (sigmoid if it had none). */
function withHidden(spec: NetworkSpec, sizes: readonly number[]): NetworkSpec {
  const f = spec.hidden[0] ?? "sigmoid";
  return { ...spec, sizes: [spec.sizes[0]!, ...sizes, spec.sizes.at(-1)!], hidden: sizes.map(() => f) };
}

/**
 * The runs of a sweep: one per value, each the base with `setting` set to that value, all from the same `seed`
 * (so runs of one shape start from the same weights, and all see the images in the same first order). Cross-entropy runs get a softmax output.
 * `values` must have passed parseSweepValues.
 */
export function sweepRuns(
  base: SweepBase,
  setting: SweepSetting,
  values: readonly string[],
  seed: number,
): RunSpec[] {
  return values.map((v) => {
    let spec = base.spec;
    let train = base.train;
    let label: string;
    switch (setting) {
      case "learningRate":
        train = { ...train, learningRate: Number(v) };
        label = `η = ${v}`;
        break;
      case "batchSize":
        train = { ...train, batchSize: Number(v) };
        label = `m = ${v}`;
        break;
      case "hidden": {
        const sizes = v === "none" ? [] : v.split("-").map(Number);
        spec = withHidden(spec, sizes);
        label = spec.sizes.join("-");
        break;
      }
      case "activation":
        spec = { ...spec, hidden: spec.hidden.map(() => v as Activation) };
        label = v;
        break;
      case "cost":
        spec =
          v === "crossEntropy"
            ? { ...spec, cost: "crossEntropy", output: "softmax" }
            : { ...spec, cost: v as Cost, output: "sigmoid" };
        label = v === "crossEntropy" ? "cross-entropy + softmax" : "squared error";
        break;
    }
    return {
      label,
      spec,
      train,
      seed,
      trainLimit: base.trainLimit,
      labelSeed: null,
      augment: null,
      trainEval: 0,
      testEval: base.testEval,
      epochs: base.epochs,
      pointEvery: Math.min(base.pointEvery, base.trainLimit),
    };
  });
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
export function memorisationRuns(
  seed: number,
  size: MemorisationSize = MEMORISATION_SIZE,
): [RunSpec, RunSpec] {
  const common = {
    spec: {
      sizes: [784, size.hidden, 10],
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
    { ...common, label: "true labels", labelSeed: null },
    { ...common, label: "shuffled labels", labelSeed: seed },
  ];
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

export const AUGMENTATION_SIZE: AugmentationSize = { trainLimit: 10_000, epochs: 10, testEval: 10_000 };

/**
 * The augmentation pair: one network (784-100-10, ReLU, softmax, cross-entropy) from the same seed, trained the
 * same way on the same images, once as they are and once on a fresh `augment`ed copy each epoch. One point per epoch.
 */
export function augmentationRuns(
  seed: number,
  augment: AugmentOptions,
  size: AugmentationSize = AUGMENTATION_SIZE,
): [RunSpec, RunSpec] {
  const common = {
    spec: {
      sizes: [784, 100, 10],
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
    { ...common, label: "plain images", augment: null },
    { ...common, label: "augmented images", augment },
  ];
}
