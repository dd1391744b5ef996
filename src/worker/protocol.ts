// The one typed message map between the main thread and the training worker. Types only: both sides
// `import type` it. Commands go to the worker; events come back. Typed arrays travel as transferables.

import type { TrainOptions } from "../engine/fast.ts";
import type { NetworkSpec, Trace } from "../engine/network.ts";

/** What the network is looking at: a drawn image (784 activations 0…1) or a test image by index. */
export type Probe =
  | { readonly kind: "pixels"; readonly pixels: Float32Array }
  | { readonly kind: "test"; readonly index: number };

/** Hyper-parameters the UI can change while training runs. */
export type Hyper = Pick<TrainOptions, "learningRate" | "batchSize" | "weightDecay" | "momentum">;

/** A command with no payload. */
export type Empty = object;

/** Main thread → worker, by op name. */
export interface CommandMap {
  /**
   * Start: fetch the data from `dataUrl` (a folder with manifest.json, test set first) and take the weights
   * from `model` (a model file's URL or text; null for a fresh network of `spec` drawn from `seed`).
   */
  init: {
    dataUrl: string;
    model: { readonly url: string } | { readonly text: string; readonly label: string } | null;
    spec: NetworkSpec;
    hyper: Hyper;
    seed: number;
  };
  play: Empty;
  pause: Empty;
  /** Train one mini-batch or the rest of the current epoch, then pause. */
  step: { unit: "batch" | "epoch" };
  /** A new untrained network: `spec` with weights drawn from `seed`; counters and history restart. */
  reset: { spec: NetworkSpec; seed: number };
  setHyper: { hyper: Partial<Hyper> };
  /** Replace the network by a model file's contents (validated in the worker). */
  loadModel: { text: string; label: string };
  /** Choose what the frames' activations show; `id` comes back in the next frame as `probeId`. */
  setProbe: { probe: Probe | null; id: number };
  /** Go back to the last weights whose cost and parameters were all finite. */
  restoreLastGood: Empty;
  /** The main thread has painted the last frame: the worker may send the next. */
  frameDone: Empty;
  /** Ask for the per-example trace of the probe (z, a, ∂C/∂a, δ, ∂C/∂w, ∂C/∂b) — the lessons' numbers. */
  trace: { probe: Probe; label: number; id: number };
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
}

/** Training counters as of a frame. */
export interface TrainingStats {
  readonly epoch: number;
  readonly examplesSeen: number;
  /** Examples per second over the last second of training (0 while paused). */
  readonly examplesPerSecond: number;
  /** Mean cost of the mini-batches since the previous frame (NaN if none). */
  readonly trainCost: number;
  readonly running: boolean;
}

/** One point of the cost curve. */
export interface HistoryPoint {
  readonly examplesSeen: number;
  /** Mean training cost of the mini-batches since the previous point. */
  readonly trainCost: number;
  /** Test cost and accuracy when evaluated at this point (every few seconds of training), else null. */
  readonly testCost: number | null;
  readonly testAccuracy: number | null;
}

/** Why the worker is unhappy; `message` is a sentence for the user (shown as text, never as HTML). */
export type ErrorKind = "data" | "model" | "spec" | "diverged" | "internal";

/** Worker → main thread, by type. */
export interface EventMap {
  /** Data download progress, test set first. */
  progress: { phase: "test" | "train"; loaded: number; total: number };
  /** The test set is in: probes and classification work (training waits for `ready`). */
  testReady: { testCount: number };
  /** Everything is loaded; `spec` is the network's, `source` where its weights came from. */
  ready: { spec: NetworkSpec; trainCount: number; testCount: number; source: string };
  /** Per-frame data for the canvas painters; sent only after `frameDone` for the previous one. */
  frame: { stats: TrainingStats; weights: Weights; probe: ProbeActivations | null; history: HistoryPoint[] };
  /**
   * The activations for a probe just set, sent at once (not held back like frames, whose next one may wait
   * for the page to paint): the drawing pad's prediction appears within a few milliseconds of the ink.
   */
  probed: { probe: ProbeActivations | null };
  /** The network changed shape or source (reset, load). */
  network: { spec: NetworkSpec; source: string };
  /** Training stopped on its own (end of a step, or divergence). */
  paused: { reason: "step" | "diverged" | "command" };
  /** Test-set image for a "test" probe, so the UI can show it with its label. */
  testImage: { index: number; pixels: Uint8Array; label: number };
  traced: { id: number; trace: Trace<Float32Array> };
  error: { kind: ErrorKind; message: string; recoverable: boolean };
}

export type WorkerEvent = { [K in keyof EventMap]: { type: K } & EventMap[K] }[keyof EventMap];
