// The trainer: mini-batch SGD over an image set it owns in the kernels' memory, batch after batch, with the
// hyper-parameters read at every step. It can take a new image set (an augmented copy each epoch) and keep
// its network, momentum and position, and train a huge mini-batch a few examples per call (stepPart).

import type { PresetTraining } from "../presets.ts";
import type { Network } from "../network.ts";
import { SpecError } from "../spec.ts";
import { createRng, shuffleInPlace, type Rng } from "../rng.ts";
import { BatchBuffers, type BatchContext } from "./batch.ts";
import { placeImages, replaceImages, type PlacedImages } from "./placement.ts";
import { ResidentNetwork } from "./resident.ts";
import type { SparseImages } from "./sparse.ts";
import { accumulateGradients, applySummedGradients, sgdStep } from "./step.ts";

/** PresetTraining-parameters the trainer reads at every mini-batch, so they can change while it runs. */
export interface TrainOptions extends PresetTraining {
  /** Reshuffle the training order every epoch. */
  shuffle: boolean;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  learningRate: 3,
  batchSize: 10,
  weightDecay: 0,
  momentum: 0,
  shuffle: true,
};

/** Where a trainer is in its run. */
export interface TrainerPosition {
  /** Completed epochs. */
  epoch: number;
  /** Position within the current epoch's order. */
  cursor: number;
  /** Examples trained on in all. */
  examplesSeen: number;
}

/** A mini-batch being trained in parts: its size, the examples done so far and the sum of their costs. */
interface PartialBatch {
  readonly m: number;
  done: number;
  cost: number;
}

/** What one call of `stepPart` did. */
export interface PartResult {
  /** Examples of the mini-batch this call covered. */
  readonly examples: number;
  /** The mini-batch's mean cost before its step once the step is taken; null while parts remain. */
  readonly cost: number | null;
}

/** 0 … count − 1, shuffled by `rng` when `shuffle`. */
function visitOrder(count: number, shuffle: boolean, rng: Rng): Uint32Array {
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  if (shuffle) shuffleInPlace(order, rng);
  return order;
}

function checkSize(net: Network, data: SparseImages): void {
  if (net.spec.sizes[0] !== data.size)
    throw new SpecError(
      `the network takes ${net.spec.sizes[0]} inputs, but the images have ${data.size} pixels`,
    );
}

/**
 * Mini-batch SGD over a training set. PresetTraining-parameters live in `options` and are read at every batch,
 * so a learning-rate scrubber acts at once. Deterministic: same network, data, options and seed give
 * bit-identical weights.
 *
 * The trainer takes over the network it is given: every layer trains in the kernels' memory, so read the
 * current weights through `trainer.net` (which copies them back when they have changed), never through
 * the object passed to the constructor. It copies its images into the kernels' memory and owns that copy:
 * `setData` replaces it, `dispose` releases it.
 */
export class Trainer {
  readonly options: TrainOptions;
  readonly position: TrainerPosition = { epoch: 0, cursor: 0, examplesSeen: 0 };
  private order: Uint32Array;
  private readonly rng: Rng;
  private images: PlacedImages;
  private readonly resident: ResidentNetwork;
  private buffers: BatchBuffers;
  private dirty = false;
  private disposed = false;
  private part: PartialBatch | null = null;
  private readonly network: Network<Float32Array>;

  constructor(net: Network<Float32Array>, data: SparseImages, options: Partial<TrainOptions> = {}, seed = 1) {
    checkSize(net, data);
    this.network = net;
    this.options = { ...DEFAULT_TRAIN_OPTIONS, ...options };
    this.rng = createRng(seed ^ 0x5eed);
    this.order = visitOrder(data.count, this.options.shuffle, this.rng);
    this.images = placeImages(data);
    this.resident = new ResidentNetwork(net.spec, true);
    this.resident.load(net);
    this.buffers = new BatchBuffers(net.spec, this.options.batchSize);
  }

  /** The images being trained on. */
  get data(): SparseImages {
    return this.images.data;
  }

  /** The network with every layer current (copied out of the kernels' memory if it changed). */
  get net(): Network<Float32Array> {
    if (this.dirty) {
      this.resident.store(this.network);
      this.dirty = false;
    }
    return this.network;
  }

  /**
   * Trains on `data` from now on, in place of the current images (whose copy in the kernels' memory is
   * released, or reused when the new set fits in it). The network, the momentum velocity, the epoch count and
   * examplesSeen carry on; the cursor restarts at 0 and the visiting order is made afresh for data.count
   * images, shuffled by the trainer's own generator when `options.shuffle`. Called at an epoch's end (cursor 0)
   * this is one long run over a new copy of the images each epoch, e.g. augmented ones.
   */
  setData(data: SparseImages): void {
    this.assertLive();
    checkSize(this.network, data);
    this.images = replaceImages(this.images, data);
    this.order = visitOrder(data.count, this.options.shuffle, this.rng);
    this.position.cursor = 0;
    this.part = null;
  }

  /** One mini-batch (shorter at the end of an epoch); returns its mean cost before the step. */
  step(): number {
    this.assertLive();
    this.part = null;
    const m = this.batchLength();
    if (this.buffers.m < m || this.buffers.m !== this.options.batchSize)
      this.resizeBuffers(Math.max(m, this.options.batchSize));
    const cost = sgdStep(this.context(0, m), this.options);
    this.dirty = true;
    this.advance(m);
    return cost;
  }

  /**
   * The current mini-batch, at most `maxExamples` examples per call: each call adds the next examples' gradients
   * (all through the weights as they were when the batch began) and the call that completes the batch takes its
   * step, so a huge batch never runs long in one call. A batch that fits in one part is exactly `step()`. The batch
   * size is fixed when a batch begins; `step`, `setData` or `cancelPart` drop a batch half done.
   */
  stepPart(maxExamples: number): PartResult {
    this.assertLive();
    if (!this.part) {
      const m = this.batchLength();
      if (m <= maxExamples) return { examples: m, cost: this.step() };
      this.part = { m, done: 0, cost: 0 };
    }
    const part = this.part;
    const k = Math.max(1, Math.min(Math.floor(maxExamples), part.m - part.done));
    if (this.buffers.m < k) this.resizeBuffers(k);
    const ctx = this.context(part.done, k);
    part.cost += accumulateGradients(ctx, part.done === 0);
    part.done += k;
    if (part.done < part.m) return { examples: k, cost: null };
    applySummedGradients(ctx, this.options, part.m);
    this.part = null;
    this.dirty = true;
    this.advance(part.m);
    return { examples: k, cost: part.cost / part.m };
  }

  /** How far a mini-batch trained in parts has got (examples done of its m), or null when none is under way. */
  get partial(): { readonly done: number; readonly total: number } | null {
    return this.part ? { done: this.part.done, total: this.part.m } : null;
  }

  /** Drops a mini-batch half trained in parts: no weight has changed, and the next call starts the batch again. */
  cancelPart(): void {
    this.part = null;
  }

  /** The image indices of the next mini-batch (the first `limit` of them), in the visiting order. */
  upcoming(limit: number): Uint32Array {
    const { cursor } = this.position;
    return this.order.slice(cursor, cursor + Math.min(limit, this.batchLength()));
  }

  /** m for the batch at the cursor: the batch size, or what is left of the epoch. */
  private batchLength(): number {
    return Math.min(this.options.batchSize, this.images.data.count - this.position.cursor);
  }

  private resizeBuffers(rows: number): void {
    this.buffers.dispose();
    this.buffers = new BatchBuffers(this.network.spec, rows);
  }

  /** The examples [cursor + offset, cursor + offset + m) of the visiting order, in the batch buffers. */
  private context(offset: number, m: number): BatchContext {
    const { resident: net, images, order, buffers } = this;
    return { net, images, order, from: this.position.cursor + offset, m, buffers };
  }

  /** A step over m examples is done: the cursor moves on, and at an epoch's end the order is reshuffled. */
  private advance(m: number): void {
    const count = this.images.data.count;
    this.position.cursor += m;
    this.position.examplesSeen += m;
    if (this.position.cursor >= count) {
      this.position.cursor = 0;
      this.position.epoch++;
      if (this.options.shuffle) shuffleInPlace(this.order, this.rng);
    }
  }

  /** Steps until the current epoch ends; returns the mean cost over its batches, weighted by size. */
  epoch(onBatch?: (done: number, total: number) => void): number {
    const start = this.position.epoch;
    const count = this.images.data.count;
    let sum = 0;
    let n = 0;
    while (this.position.epoch === start) {
      const m = Math.min(this.options.batchSize, count - this.position.cursor);
      sum += this.step() * m;
      n += m;
      onBatch?.(this.position.cursor === 0 ? count : this.position.cursor, count);
    }
    return sum / n;
  }

  /**
   * Frees the kernels' memory this trainer holds (its images, the network, the batch buffers); `net` stays
   * readable, nothing else works afterwards. Calling it again does nothing.
   */
  dispose(): void {
    if (this.disposed) return;
    void this.net;
    this.disposed = true;
    this.images.release();
    this.resident.dispose();
    this.buffers.dispose();
  }

  private assertLive(): void {
    if (this.disposed) throw new Error("this trainer was disposed");
  }
}
