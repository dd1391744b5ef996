// The pieces of a training session's state: the network and its Trainer (with the mode and the epoch a step
// ends at), the test images cut into evaluation chunks, and the examples-per-second rate.

import { placeImages, toSparse, Trainer, type PlacedImages, type SparseImages } from "../../engine/fast.ts";
import type { Hyper } from "../../engine/hyper.ts";
import type { MnistSplit } from "../../engine/idx.ts";
import { MNIST_PIXELS } from "../../engine/mnist.ts";
import type { Network } from "../../engine/network.ts";
import type { ModelOrigin } from "../models.ts";
import { MeanCost } from "./history.ts";

/** What the session does between commands. "stepEpoch" trains until the current epoch ends. */
export type Mode = "paused" | "playing" | "stepBatch" | "stepEpoch";

/** What one slice of training did. */
export interface Slice {
  /** The clock after the last mini-batch. */
  readonly t: number;
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
  /** The epoch that ends a "stepEpoch" (set at its first slice). */
  private epochTarget: number | null = null;
  private readonly frameCost = new MeanCost();

  constructor(
    /** The session's hyper-parameters, copied into every new Trainer. */
    private readonly hyper: Hyper,
    private readonly seed: () => number,
  ) {}

  /** The current network: the trainer's (with layer 1 copied out of WebAssembly memory) or the loose one. */
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
  /** Where the current weights came from, counting the epochs trained since. */
  get origin(): ModelOrigin {
    return this.epoch > 0 ? { kind: "trained", from: this.start, epochs: this.epoch } : this.start;
  }
  /** Whether a slice of training would run now. */
  get canTrain(): boolean {
    return this.mode !== "paused" && this.trainer !== null;
  }

  /** Sets the mode; false when it was already that. */
  setMode(mode: Mode): boolean {
    if (mode === this.mode) return false;
    this.mode = mode;
    this.epochTarget = null;
    return true;
  }

  setHyper(accepted: Partial<Hyper>): void {
    if (this.trainer) Object.assign(this.trainer.options, accepted);
  }

  /** The training set is in: a Trainer takes over the network. */
  setTrainingSet(split: MnistSplit): void {
    this.train = toSparse({
      count: split.count,
      size: MNIST_PIXELS,
      pixels: split.pixels,
      labels: split.labels,
    });
    if (this.looseNet) this.take(this.looseNet, false);
  }

  /** Makes `net` the current network (taken over, not copied) from `origin`; counters restart. */
  install(net: Network<Float32Array>, origin: ModelOrigin): void {
    this.start = origin;
    this.take(net, false);
  }

  /** Puts back earlier weights of the same run: the origin and the counters carry on (momentum restarts). */
  restore(net: Network<Float32Array>): void {
    this.take(net, true);
  }

  private take(net: Network<Float32Array>, keepPosition: boolean): void {
    // The old trainer lets go of its images in WebAssembly memory before the new one places them.
    const position = this.trainer && keepPosition ? { ...this.trainer.position } : null;
    this.trainer?.dispose();
    this.trainer = null;
    if (this.train) {
      this.trainer = new Trainer(net, this.train, { ...this.hyper, shuffle: true }, this.seed());
      if (position) Object.assign(this.trainer.position, position);
      this.looseNet = null;
    } else this.looseNet = net;
  }

  /** Mini-batches for `budgetMs` of `now()`, or to the end of a step or an epoch. */
  slice(now: () => number, budgetMs: number, onCost: (cost: number, examples: number) => void): Slice {
    const trainer = this.trainer!;
    const pos = trainer.position;
    if (this.mode === "stepEpoch") this.epochTarget ??= pos.epoch + 1;
    const start = now();
    let t: number;
    let badCost: number | null = null;
    let epochEnded = false;
    let stepDone = false;
    do {
      const seen = pos.examplesSeen;
      const epoch = pos.epoch;
      const cost = trainer.step();
      t = now();
      if (!Number.isFinite(cost)) {
        badCost = cost;
        break;
      }
      this.frameCost.add(cost, pos.examplesSeen - seen);
      onCost(cost, pos.examplesSeen - seen);
      epochEnded = pos.epoch !== epoch;
      stepDone =
        this.mode === "stepBatch" || (this.mode === "stepEpoch" && pos.epoch >= (this.epochTarget ?? 0));
    } while (!epochEnded && !stepDone && t - start < budgetMs);
    return { t, badCost, epochEnded, stepDone };
  }

  /** Mean cost of the mini-batches since the last call (NaN if none). */
  takeFrameCost(): number {
    return this.frameCost.take();
  }
}

/** Test images per evaluation chunk: the engine's own batch, so chunking adds almost nothing. */
const EVAL_CHUNK = 100;

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

/** Examples per second over the last second of training. */
export class ExampleRate {
  private points: { t: number; seen: number }[] = [];
  constructor(private readonly now: () => number) {}
  clear(): void {
    this.points = [];
  }
  start(seen: number): void {
    if (this.points.length === 0) this.points = [{ t: this.now(), seen }];
  }
  add(t: number, seen: number): void {
    this.points.push({ t, seen });
    while (this.points.length > 2 && this.points[1]!.t <= t - 1000) this.points.shift();
  }
  perSecond(): number {
    const first = this.points[0];
    const last = this.points.at(-1);
    const dt = first && last ? last.t - first.t : 0;
    return first && last && dt > 0 ? ((last.seen - first.seen) * 1000) / dt : 0;
  }
}
