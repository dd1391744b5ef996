// Training at a pace a person can follow: a number of mini-batches per second, or full speed. Paced, the session
// trains one mini-batch per slice, waits between them, and shows the images of the batch it just trained.
import type { SparseImages } from "../../engine/fast.ts";
import { MNIST_PIXELS } from "../../engine/mnist.ts";

/** The paces offered, mini-batches per second; null is full speed. */
export const PACES = [0.5, 1, 2, 5, 10, 30] as const;

/** Mini-batches per second, or null for full speed. */
export type Pace = number | null;

/** Whether `value` is a pace the session takes: one of PACES, or null. */
export function isPace(value: unknown): value is Pace {
  return value === null || PACES.some((p) => p === value);
}

/** At most this many of a paced batch's images go out with a frame. */
export const SHOWN_IMAGES = 10;

/** A mini-batch as shown while paced: its first images (MNIST_PIXELS bytes each, row-major) and their labels. */
export interface ShownBatch {
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
  /** The batch's size (it may hold more images than are shown). */
  readonly size: number;
}

/** Images `indices` of a sparse set as bytes, with their labels. */
export function shownBatch(data: SparseImages, indices: ArrayLike<number>, size: number): ShownBatch {
  const n = Math.min(indices.length, SHOWN_IMAGES);
  const pixels = new Uint8Array(n * MNIST_PIXELS);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const image = indices[i]!;
    labels[i] = data.labels[image]!;
    for (let k = data.offsets[image]!; k < data.offsets[image + 1]!; k++)
      pixels[i * MNIST_PIXELS + data.index[k]!] = Math.round(255 * data.value[k]!);
  }
  return { pixels, labels, size };
}

/** When the next paced batch may train: 1/pace seconds after the last one began. */
export class PaceClock {
  private current: Pace = null;
  private last = -Infinity;

  get pace(): Pace {
    return this.current;
  }

  /** Takes a pace on offer (PACES, or null for full speed); throws on any other value. */
  setPace(value: unknown): void {
    if (!isPace(value))
      throw new Error(`${JSON.stringify(value)} is not a pace on offer (${PACES.join(", ")} or null)`);
    this.current = value;
  }

  /** Ms to wait before the next batch (0 at full speed or when it is due). */
  waitMs(now: number): number {
    return this.pace === null ? 0 : Math.max(0, this.last + 1000 / this.pace - now);
  }

  /** A paced batch begins now. */
  mark(now: number): void {
    this.last = now;
  }
}
