// Named starting points: a network's architecture with the hyper-parameters and seed that train it, shared by
// the headless trainer (`npm run train -- --preset 3b1b`) and the app.

import { MNIST_CLASSES, MNIST_PIXELS } from "./mnist.ts";
import { sameSpec, type NetworkSpec } from "./spec.ts";

/** "3b1b": the videos' network; "best": the lessons' improvements combined. */
export type PresetName = "3b1b" | "best";

/**
 * The hyper-parameters a preset fixes (shuffling is always on): the four of `Hyper` in hyper.ts, the table that
 * checks them. Written here because hyper.ts reads its defaults from PRESETS, so presets.ts may not import it.
 */
export interface PresetTraining {
  /** η. */
  learningRate: number;
  /** m, examples per mini-batch. */
  batchSize: number;
  /** λ: L2 weight decay (0 for none). */
  weightDecay: number;
  /** μ: momentum (0 for none). */
  momentum: number;
}

/**
 * A step decay of the learning rate: η for epoch e (counted from 1) is η₀ · factor^k, where k counts the
 * epochs D in `after` with D < e. "×0.3 after 25, 38" means η₀ for epochs 1–25, 0.3η₀ for 26–38, then 0.09η₀.
 */
export interface LrSchedule {
  readonly factor: number;
  readonly after: readonly number[];
}

/** η for epoch e (from 1) under a step decay; η₀ itself without one. */
export function scheduledLearningRate(eta0: number, schedule: LrSchedule | null, epoch: number): number {
  if (!schedule) return eta0;
  const k = schedule.after.filter((d) => d < epoch).length;
  return eta0 * Math.pow(schedule.factor, k);
}

/** An architecture and how to train it. */
export interface Preset {
  readonly label: string;
  readonly description: string;
  readonly spec: NetworkSpec;
  /** η, m, λ and μ. */
  readonly train: PresetTraining;
  /** How η is lowered as the epochs go by: by the headless trainer, and by the app while its η schedule is on. */
  readonly schedule: LrSchedule | null;
  /** Passes over the 60,000 training images. */
  readonly epochs: number;
  /** Seed of the initial weights and of the shuffles. */
  readonly seed: number;
}

/** The presets by name. */
export const PRESETS: { readonly [name in PresetName]: Preset } = {
  "3b1b": {
    label: "The videos' network",
    description:
      "784-16-16-10 with sigmoid everywhere and squared-error cost, trained by plain mini-batch SGD as in " +
      "3Blue1Brown's videos and Nielsen's book.",
    spec: {
      sizes: [MNIST_PIXELS, 16, 16, MNIST_CLASSES],
      hidden: ["sigmoid", "sigmoid"],
      output: "sigmoid",
      cost: "mse",
    },
    train: { learningRate: 1.5, batchSize: 10, weightDecay: 5e-5, momentum: 0 },
    schedule: { factor: 0.3, after: [15, 22, 27] },
    epochs: 30,
    seed: 1,
  },
  best: {
    label: "A better network",
    description:
      "784-100-10 with ReLU hidden neurons, a softmax output and cross-entropy cost, trained with momentum: " +
      "what the lessons' fixes add up to.",
    spec: {
      sizes: [MNIST_PIXELS, 100, MNIST_CLASSES],
      hidden: ["relu"],
      output: "softmax",
      cost: "crossEntropy",
    },
    train: { learningRate: 0.05, batchSize: 32, weightDecay: 5e-4, momentum: 0.9 },
    schedule: { factor: 0.1, after: [20, 27] },
    epochs: 30,
    seed: 1,
  },
};

/**
 * The step decay of η that training a network of `spec` follows when the η schedule is on: its preset's, or the
 * videos' network's for any other network.
 */
export function scheduleFor(spec: NetworkSpec): LrSchedule | null {
  return PRESETS[presetOfSpec(spec) ?? "3b1b"].schedule;
}

/** Every preset name, in menu order. */
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** The preset whose architecture `spec` is, or null for any other network (a "Custom" one). */
export function presetOfSpec(spec: NetworkSpec): PresetName | null {
  return PRESET_NAMES.find((name) => sameSpec(PRESETS[name].spec, spec)) ?? null;
}
