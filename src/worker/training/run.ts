// The pieces of a training session's state: the network and its Trainer (with the mode and the epoch a step
// ends at), the test images cut into evaluation chunks, and the examples-per-second rate. Mini-batches too big for
// one slice are trained in parts (Trainer.stepPart), so a command never waits long for the loop.

import {
  placeImages,
  toSparse,
  toSparseSteps,
  Trainer,
  type PlacedImages,
  type SparseImages,
} from "../../engine/fast.ts";
import { learningRateAt, type Hyper } from "../../engine/hyper.ts";
import type { MnistSplit } from "../../engine/idx.ts";
import { MNIST_PIXELS } from "../../engine/mnist.ts";
import { parameterCount, type Network, type NetworkSpec } from "../../engine/network.ts";
import { passesOf, type ModelOrigin } from "../models.ts";
import { MeanCost } from "./history.ts";
import type { ExampleRate } from "./progress.ts";
import type { TrainingStats } from "./protocol.ts";
import { PaceClock, SHOWN_IMAGES, shownBatch, type ShownBatch } from "./pace.ts";
import { teachStep, TeachUndo, type Taught } from "./teach.ts";

/** What the session does between commands. "stepEpoch" trains until the current epoch ends. */
export type Mode = "paused" | "playing" | "stepBatch" | "stepEpoch";

/**
 * The work one part of a mini-batch may do, in examples × parameters (≈ multiply-adds of one forward pass): about
 * 15 ms of training on a slow laptop. A 784-512-512-512-512-10 network takes 4 examples per part; the videos'
 * 784-16-16-10 takes 384, so its batches are never split.
 */
export const PART_WORK = 5_000_000;

/** Examples per part of a mini-batch for a network of `spec` (at least 1). */
export function examplesPerPart(spec: NetworkSpec): number {
  return Math.max(1, Math.floor(PART_WORK / parameterCount(spec)));
}

/** What one slice of training did. */
export interface Slice {
  /** The clock after the last mini-batch. */
  readonly t: number;
  /** Mini-batch steps taken (0 when the slice only trained parts of a huge one). */
  readonly steps: number;
  /** A batch cost that was not finite (training stopped there), else null. */
  readonly badCost: number | null;
  readonly epochEnded: boolean;
  readonly stepDone: boolean;
}

/** The network, its training and where it came from. */
export class TrainingRun {
  mode: Mode = "paused";
  private trainer: Trainer | null = null;
  private train: SparseImages | null = null;
  /** The network before the training set arrives (the trainer takes it over then). */
  private looseNet: Network<Float32Array> | null = null;
  /** Where the weights came from when the network was installed; epochs trained since are counted on top. */
  private start: ModelOrigin = { kind: "untrained", seed: 1 };
  /** Examples per part of a mini-batch for the current network (examplesPerPart). */
  private partSize = 1;
  /** The epoch that ends a "stepEpoch" (set at its first slice). */
  private epochTarget: number | null = null;
  private readonly frameCost = new MeanCost();
  /** Drawings taught one step each since the network was installed (ModelOrigin "taught"), and the undo. */
  private taught = 0;
  private readonly teachUndo = new TeachUndo();
  /** Mini-batches per second when paced, and when the last one began. */
  readonly clock = new PaceClock();
  /** The mini-batch a paced slice trained last, until a frame takes it. */
  private shown: ShownBatch | null = null;

  constructor(
    /** The session's hyper-parameters, copied into every new Trainer. */
    private readonly hyper: Hyper,
    private readonly seed: () => number,
  ) {}

  /** The current network: the trainer's (its layers copied out of WebAssembly memory) or the loose one. */
  get network(): Network<Float32Array> | null {
    return this.trainer ? this.trainer.net : this.looseNet;
  }
  get examplesSeen(): number {
    return this.trainer?.position.examplesSeen ?? 0;
  }
  get epoch(): number {
    return this.trainer?.position.epoch ?? 0;
  }
  get trainCount(): number {
    return this.train?.count ?? 0;
  }
  /** Where the current weights came from, counting the epochs trained since (a fraction during the first). */
  get origin(): ModelOrigin {
    const seen = this.examplesSeen;
    const base: ModelOrigin =
      seen > 0 && this.trainCount > 0
        ? { kind: "trained", from: this.start, epochs: seen / this.trainCount }
        : this.start;
    return this.taught > 0 ? { kind: "taught", from: base, drawings: this.taught } : base;
  }

  /** One gradient step on the learner's drawing `x` labelled `label` (undoable until the network changes). */
  teach(x: Float32Array | null, label: number, eta: number): Omit<Taught, "net"> {
    const net = this.network;
    if (!net || !x)
      throw new Error(net ? "there is no drawing to learn from" : "the network is still loading");
    const { net: next, ...step } = teachStep(net, x, label, eta);
    this.teachUndo.keep(net);
    this.take(next, true);
    this.taught++;
    return step;
  }

  /** Puts back the weights from before the last taught step; false when there is none to undo. */
  undoTeach(): boolean {
    const before = this.teachUndo.take();
    if (!before) return false;
    this.take(before, true);
    this.taught--;
    return true;
  }
  /** Whether a slice of training would run now. */
  get canTrain(): boolean {
    return this.mode !== "paused" && this.trainer !== null;
  }

  /** How far a mini-batch trained in parts has got, or null (see TrainingStats.batch). */
  get batchProgress(): { readonly done: number; readonly total: number } | null {
    return this.trainer?.partial ?? null;
  }

  /** Sets the mode; false when it was already that. Pausing drops a mini-batch half trained in parts. */
  setMode(mode: Mode): boolean {
    if (mode === this.mode) return false;
    this.mode = mode;
    this.epochTarget = null;
    if (mode === "paused") this.trainer?.cancelPart();
    return true;
  }

  setHyper(accepted: Partial<Hyper>): void {
    if (!this.trainer) return;
    Object.assign(this.trainer.options, accepted);
    this.applyLearningRate();
  }

  /** The pass being trained, counted from 1 since the weights were random (passesOf the start, then this run's). */
  get pass(): number {
    return Math.floor(passesOf(this.start) + this.epoch) + 1;
  }

  /** The η in force: the session's η, lowered for this pass when the schedule is on (learningRateAt). */
  get learningRate(): number {
    const net = this.network;
    return net ? learningRateAt(this.hyper, net.spec, this.pass) : this.hyper.learningRate;
  }

  /** Gives the trainer the η in force (at a new trainer, a new η or schedule, and each epoch's end). */
  private applyLearningRate(): void {
    if (this.trainer) this.trainer.options.learningRate = this.learningRate;
  }

  /** The training set is in (its ink: trainingInk): a Trainer takes over the network. */
  setTrainingSet(train: SparseImages): void {
    this.train = train;
    if (this.looseNet) this.take(this.looseNet, false);
  }

  /** Makes `net` the current network (taken over, not copied) from `origin`; counters restart. */
  install(net: Network<Float32Array>, origin: ModelOrigin): void {
    this.start = origin;
    this.epochTarget = null;
    this.taught = 0;
    this.teachUndo.forget();
    this.take(net, false);
  }

  /** Puts back earlier weights of the same run: the origin and the counters carry on (momentum restarts). */
  restore(net: Network<Float32Array>): void {
    this.take(net, true);
  }

  private take(net: Network<Float32Array>, keepPosition: boolean): void {
    // The old trainer lets go of its images in WebAssembly memory before the new one places them.
    const position = this.trainer && keepPosition ? { ...this.trainer.position } : null;
    this.partSize = examplesPerPart(net.spec);
    this.trainer?.dispose();
    this.trainer = null;
    if (this.train) {
      this.trainer = new Trainer(net, this.train, { ...this.hyper, shuffle: true }, this.seed());
      if (position) Object.assign(this.trainer.position, position);
      this.applyLearningRate();
      this.looseNet = null;
    } else this.looseNet = net;
  }

  /**
   * Mini-batches for `budgetMs` of `now()`, or to the end of a step or an epoch, or until `stopAt` examples have
   * been seen (where the cost curve evaluates next); a mini-batch too big for one slice goes a part at a time
   * (examplesPerPart), its step taken by the slice that finishes it.
   */
  slice(
    now: () => number,
    budgetMs: number,
    onCost: (cost: number, examples: number, learningRate: number) => void,
    stopAt = Infinity,
  ): Slice {
    const trainer = this.trainer!;
    const pos = trainer.position;
    this.teachUndo.forget(); // training moves on from a taught step: it can no longer be undone alone
    if (this.mode === "stepEpoch") this.epochTarget ??= pos.epoch + 1;
    const start = now();
    let t: number;
    let badCost: number | null = null;
    let epochEnded = false;
    let stepDone = false;
    let steps = 0;
    do {
      const seen = pos.examplesSeen;
      const epoch = pos.epoch;
      const { cost } = trainer.stepPart(this.partSize);
      t = now();
      if (cost === null) continue; // a part of a mini-batch: its step comes with the last part
      steps++;
      if (!Number.isFinite(cost)) {
        badCost = cost;
        break;
      }
      this.frameCost.add(cost, pos.examplesSeen - seen);
      onCost(cost, pos.examplesSeen - seen, trainer.options.learningRate);
      epochEnded = pos.epoch !== epoch;
      stepDone =
        this.mode === "stepBatch" || (this.mode === "stepEpoch" && pos.epoch >= (this.epochTarget ?? 0));
    } while (!epochEnded && !stepDone && pos.examplesSeen < stopAt && t - start < budgetMs);
    if (epochEnded) this.applyLearningRate();
    return { t, steps, badCost, epochEnded, stepDone };
  }

  /**
   * One paced mini-batch (or a part of a huge one): it begins now, and its first images are kept for the next
   * frame. Returns what `slice` returns.
   */
  pacedSlice(
    now: () => number,
    onCost: (cost: number, examples: number, learningRate: number) => void,
  ): Slice {
    const trainer = this.trainer!;
    this.clock.mark(now());
    const indices = trainer.upcoming(SHOWN_IMAGES);
    const size = Math.min(trainer.options.batchSize, this.trainCount);
    this.shown = shownBatch(this.train!, indices, size);
    return this.slice(now, 0, onCost);
  }

  /** The paced batch trained since the last frame, if any (taken: the next frame has none unless one trains). */
  takeShown(): ShownBatch | null {
    const shown = this.shown;
    this.shown = null;
    return shown;
  }

  /** The counters for a frame; the mean cost is of the mini-batches since the last frame. */
  stats(rate: ExampleRate): TrainingStats {
    const running = this.mode !== "paused";
    return {
      epoch: this.epoch,
      origin: this.origin,
      examplesSeen: this.examplesSeen,
      examplesPerSecond: running ? rate.perSecond() : 0,
      learningRate: this.learningRate,
      pass: this.pass,
      trainCost: this.frameCost.take(),
      running,
      batch: this.batchProgress,
    };
  }
}

/** Training images converted to their ink per step (~10 ms): the worker answers messages between steps. */
const INK_IMAGES_PER_STEP = 4000;

/** The training split's ink (toSparse), converted a step at a time with `schedule` between the steps. */
export async function trainingInk(
  split: MnistSplit,
  schedule: (fn: () => void) => void,
): Promise<SparseImages> {
  const { count, pixels, labels } = split;
  const steps = toSparseSteps({ count, size: MNIST_PIXELS, pixels, labels }, INK_IMAGES_PER_STEP);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((next) => schedule(next));
  }
}

/**
 * Test images per evaluation chunk: small enough that one chunk through the largest network (784-512×4-10) stays
 * within ~30 ms, so an evaluation never holds a command up for long.
 */
const EVAL_CHUNK = 20;
/** The test images the health checks run through the network (collapse.ts). */
const PROBE_IMAGES = 20;

/**
 * The test set, with its ink split into chunks of EVAL_CHUNK images evaluated a few per slice, placed in the
 * kernels' memory once for the whole session (an evaluation every two seconds reads them where they are).
 */
export class TestImages {
  readonly chunks: readonly PlacedImages[];
  constructor(readonly split: MnistSplit) {
    const sparse = toSparse({
      count: split.count,
      size: MNIST_PIXELS,
      pixels: split.pixels,
      labels: split.labels,
    });
    this.chunks = chunkImages(sparse, EVAL_CHUNK).map(placeImages);
  }

  /** The first PROBE_IMAGES test images' input activations, for the health checks. */
  probeInputs(): Float32Array[] {
    return Array.from({ length: Math.min(PROBE_IMAGES, this.split.count) }, (_, i) => this.input(i));
  }

  private check(index: number): void {
    const { count } = this.split;
    if (!Number.isInteger(index) || index < 0 || index >= count)
      throw new RangeError(`there is no test image ${index} (they are numbered 0 to ${count - 1})`);
  }

  /** Image `index`'s 784 input activations, pixel / 255. Throws if there is no such image. */
  input(index: number): Float32Array {
    this.check(index);
    const pixels = this.split.pixels.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS);
    return Float32Array.from(pixels, (p) => p / 255);
  }

  /** A copy of image `index`'s pixels (0–255), and its label. */
  image(index: number): { pixels: Uint8Array; label: number } {
    this.check(index);
    const { pixels, labels } = this.split;
    return { pixels: pixels.slice(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS), label: labels[index]! };
  }
}

/** Images [from, from + size) of `data` as their own SparseImages (offsets rebased, the rest views). */
function chunkImages(data: SparseImages, size: number): SparseImages[] {
  const chunks: SparseImages[] = [];
  for (let from = 0; from < data.count; from += size) {
    const to = Math.min(data.count, from + size);
    const base = data.offsets[from]!;
    const end = data.offsets[to]!;
    chunks.push({
      count: to - from,
      size: data.size,
      offsets: Uint32Array.from(data.offsets.subarray(from, to + 1), (o) => o - base),
      index: data.index.subarray(base, end),
      value: data.value.subarray(base, end),
      labels: data.labels.subarray(from, to),
    });
  }
  return chunks;
}
