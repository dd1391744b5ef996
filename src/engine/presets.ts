// Named starting points: a network's architecture with the hyper-parameters and seed that train it, shared by
// the headless trainer (`npm run train -- --preset 3b1b`) and the app.

import type { TrainOptions } from "./fast.ts";
import type { NetworkSpec } from "./network.ts";

/** "3b1b": the videos' network; "best": the lessons' improvements combined. */
export type PresetName = "3b1b" | "best";

/** The hyper-parameters a preset fixes (shuffling is always on). */
export type PresetTraining = Pick<TrainOptions, "learningRate" | "batchSize" | "weightDecay" | "momentum">;

/** An architecture and how to train it. */
export interface Preset {
  readonly label: string;
  readonly description: string;
  readonly spec: NetworkSpec;
  /** η, m, λ and μ. */
  readonly train: PresetTraining;
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
    spec: { sizes: [784, 16, 16, 10], hidden: ["sigmoid", "sigmoid"], output: "sigmoid", cost: "mse" },
    train: { learningRate: 3, batchSize: 10, weightDecay: 0, momentum: 0 },
    epochs: 30,
    seed: 1,
  },
  best: {
    label: "A better network",
    description:
      "784-100-10 with ReLU hidden neurons, a softmax output and cross-entropy cost, trained with momentum: " +
      "what the lessons' fixes add up to.",
    spec: { sizes: [784, 100, 10], hidden: ["relu"], output: "softmax", cost: "crossEntropy" },
    // Placeholders until tuned on the full run.
    train: { learningRate: 0.01, batchSize: 10, weightDecay: 0.0001, momentum: 0.9 },
    epochs: 30,
    seed: 1,
  },
};

/** Every preset name, in menu order. */
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];
