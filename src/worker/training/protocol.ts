// The one typed message map between the main thread and the training worker. Types only: both sides
// `import type` it. Commands go to the worker; events come back. Typed arrays travel as transferables.

import type { Hyper } from "../../engine/hyper.ts";
import type { NetworkSpec, Trace } from "../../engine/network.ts";
import type { ModelOrigin } from "../models.ts";
import type { Pace, ShownBatch } from "./pace.ts";

export type { Hyper, ModelOrigin };

/** What the network is looking at: a drawn image (784 activations 0…1) or a test image by index. */
export type Probe =
  | { readonly kind: "pixels"; readonly pixels: Float32Array }
  | { readonly kind: "test"; readonly index: number };

/** A command with no payload. */
export type Empty = object;

/** Weights to start from: a model file's URL or text, with where they came from. */
export type ModelSource =
  | { readonly url: string; readonly origin: ModelOrigin }
  | { readonly text: string; readonly origin: ModelOrigin };

/** Main thread → worker, by op name. */
export interface CommandMap {
  /**
   * Start: fetch the data from `dataUrl` (a folder with manifest.json, test set first) and take the weights
   * from `model` (a model file's URL or text; null for a fresh network of `spec` drawn from `seed`). `hyper` is
   * checked against the settings table; what is accepted comes back in a `hyper` event.
   */
  init: {
    dataUrl: string;
    model: ModelSource | null;
    spec: NetworkSpec;
    hyper: Hyper;
    seed: number;
  };
  play: Empty;
  pause: Empty;
  /** Train one mini-batch or the rest of the current epoch, then pause. */
  step: { unit: "batch" | "epoch" };
  /** One gradient step on the current probe (the learner's drawing) labelled `label`; answered by `taught`. */
  teach: { label: number };
  /** Back to the weights before the last taught step (if nothing changed them since); answered by `taught`. */
  undoTeach: Empty;
  /** How fast Play trains: mini-batches per second (one of PACES in pace.ts), or null for full speed. */
  setPace: { batchesPerSecond: Pace };
  /** A new untrained network: `spec` with weights drawn from `seed`; counters and history restart. */
  reset: { spec: NetworkSpec; seed: number };
  /** Values are checked against the settings table (src/engine/hyper.ts); answered by a `hyper` event. */
  setHyper: { hyper: Partial<Record<keyof Hyper, unknown>> };
  /**
   * Replace the network by a model file's contents (validated in the worker at once). `request` comes back in the
   * `network` event (or the error), so the page can tell which of several requests was applied. Like `reset`, the
   * network is built before the next slice: of several resets and loads in a row, only the last valid one is built.
   */
  loadModel: { text: string; origin: ModelOrigin; request: number };
  /** Choose what the frames' activations show; `id` comes back in the next frame as `probeId`. */
  setProbe: { probe: Probe | null; id: number };
  /** Go back to the last good weights (see the `lastGood` event). */
  restoreLastGood: Empty;
  /** The main thread has painted the last frame: the worker may send the next. */
  frameDone: Empty;
  /** Ask for the per-example trace of the probe (z, a, ∂C/∂a, δ, ∂C/∂w, ∂C/∂b) — the lessons' numbers. */
  trace: { probe: Probe; label: number; id: number };
  /** The page's heartbeat: answered at once by a `pong` with the same id (a worker that stops answering is restarted). */
  ping: { id: number };
  /**
   * The last good weights as a model file's text, for saved work: written here, because on the page it is a long
   * task (tens of ms for the videos' network, a few hundred for `best`). Answered by `lastGoodText`.
   */
  lastGoodText: { id: number };
}

export type Command = { [K in keyof CommandMap]: { op: K } & CommandMap[K] }[keyof CommandMap];

/** The network's parameters, row-major as in the engine: w[l][j·n[l−1] + k], index 0 empty. */
export interface Weights {
  readonly w: Float32Array[];
  readonly b: Float32Array[];
}

/** The activations of every layer for the probe: a[0] is the input; z[0] empty. */
export interface ProbeActivations {
  readonly probeId: number;
  readonly z: Float32Array[];
  readonly a: Float32Array[];
  /**
   * Why the largest output won: `digit` is that output's index and saliency[i] = ∂a[L][digit]/∂x[i] · x[i], how
   * much input pixel i pushed it up (> 0) or down (< 0) (engine/saliency.ts).
   */
  readonly why?: { readonly digit: number; readonly saliency: Float32Array };
}

/** Training counters as of a frame. */
export interface TrainingStats {
  /** Epochs completed since the network was made, loaded or restored from a file. */
  readonly epoch: number;
  /** Where the weights came from, counting the epochs trained since. */
  readonly origin: ModelOrigin;
  readonly examplesSeen: number;
  /** Examples per second over the last second of training (0 while paused). */
  readonly examplesPerSecond: number;
  /**
   * The η in force: the learner's, lowered by the schedule when it is on (engine learningRateAt); null (or absent)
   * until the worker's first frame of a network.
   */
  readonly learningRate?: number | null;
  /** The pass over the training set being trained, counted from 1 since the weights were random (passesOf). */
  readonly pass?: number | null;
  /** Mean cost of the mini-batches since the previous frame (NaN if none). */
  readonly trainCost: number;
  /** Playing or stepping. */
  readonly running: boolean;
  /**
   * A mini-batch too big for one slice is trained in parts (a huge batch on a big network): the examples of the
   * current one done so far, of its m. Null (or absent) when no batch is part done. Pause drops it, weights untouched.
   */
  readonly batch?: { readonly done: number; readonly total: number } | null;
}

/** One point of the cost curve. */
export interface HistoryPoint {
  readonly examplesSeen: number;
  /** Mean training cost of the mini-batches since the previous point. */
  readonly trainCost: number;
  /** Test cost and accuracy when evaluated at this point, else null. */
  readonly testCost: number | null;
  readonly testAccuracy: number | null;
  /**
   * How many test images that evaluation used: the fixed subset (the first 1,000, often while the curve is steep)
   * or all 10,000 (at each epoch's end, a step's end and for a new network); null when not evaluated.
   */
  readonly testImages: number | null;
  /** Which test images those were: the fixed subset or the whole test set (null when not evaluated). */
  readonly testSet: EvaluationSet | null;
  /**
   * The η in force for the mini-batches since the previous point (the last one's, when the learner moved it in
   * between); null (or absent) when none trained.
   */
  readonly learningRate?: number | null;
}

/** Which test images an evaluation uses: the fixed subset (history.ts's SUBSET_IMAGES), or all of them. */
export type EvaluationSet = "subset" | "full";

/** Why the worker is unhappy; `message` is a sentence for the user (shown as text, never as HTML). */
export type ErrorKind = "data" | "model" | "spec" | "diverged" | "collapsed" | "internal";

/** Worker → main thread, by type. */
export interface EventMap {
  /** Data download progress, test set first. */
  progress: { phase: "test" | "train"; loaded: number; total: number };
  /** The test set is in: probes and classification work (training waits for `ready`). */
  testReady: { testCount: number };
  /** Everything is loaded; `spec` is the network's, `origin` where its weights came from. */
  ready: { spec: NetworkSpec; trainCount: number; testCount: number; origin: ModelOrigin };
  /** Per-frame data for the canvas painters; sent only after `frameDone` for the previous one. */
  /** `batch`: the mini-batch trained since the last frame when paced (its first images), else null. */
  frame: {
    stats: TrainingStats;
    weights: Weights;
    probe: ProbeActivations | null;
    history: HistoryPoint[];
    batch: ShownBatch | null;
  };
  /**
   * The activations for a probe just set, sent at once (not held back like frames, whose next one may wait
   * for the page to paint): the drawing pad's prediction appears within a few milliseconds of the ink.
   */
  probed: { probe: ProbeActivations | null };
  /**
   * A network replacing the current one (reset, load): its shape and where its weights came from. `request` is
   * the loadModel request it answers, else null. (The first network is announced by `ready`.)
   */
  network: { spec: NetworkSpec; origin: ModelOrigin; request: number | null };
  /**
   * A `teach` step was taken (the drawing's input x — 784 values in 0…1, what the step learned from — its label,
   * and its cost C₀ before and after the step), or undone (`step` null). Training was paused first; the next
   * frame shows the new outputs.
   */
  taught: { step: { x: Float32Array; label: number; costBefore: number; costAfter: number } | null };
  /** The hyper-parameters in force after an init or setHyper, and one sentence per value refused (kept as it was). */
  hyper: { hyper: Hyper; problems: readonly { key: keyof Hyper; message: string }[] };
  /**
   * The weights "Restore last good weights" and a crash restart return to: the weights of a new, loaded or
   * restored network, of a stop, or a copy a test evaluation found healthy that training then ran past for a second
   * with every cost and parameter finite (lastGood.ts). Posted each time they change.
   */
  lastGood: { spec: NetworkSpec; weights: Weights; origin: ModelOrigin };
  /** Training stopped (end of a step, a divergence, a collapse, or a command while it ran). */
  paused: { reason: "step" | "diverged" | "collapsed" | "command" };
  /** Test-set image for a "test" probe, so the UI can show it with its label. */
  testImage: { index: number; pixels: Uint8Array; label: number };
  traced: { id: number; trace: Trace<Float32Array> };
  /**
   * `request` is the loadModel request that failed, if any. A "diverged" or "collapsed" run (training paused) comes
   * with a smaller learning rate worth trying.
   */
  error: {
    kind: ErrorKind;
    message: string;
    recoverable: boolean;
    request?: number;
    suggestedLearningRate?: number;
  };
  /** Answers a `ping`. */
  pong: { id: number };
  /**
   * Answers `lastGoodText`: the model file of the weights the last `lastGood` event posted (null before any). Events
   * arrive in order, so they are the weights of the latest `lastGood` the page has heard.
   */
  lastGoodText: { id: number; text: string | null };
}

export type WorkerEvent = { [K in keyof EventMap]: { type: K } & EventMap[K] }[keyof EventMap];
