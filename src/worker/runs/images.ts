// The images a run trains and measures on, as the fast engine's sparse images: the first n of a split (with
// other labels when the run shuffles them), and an epoch's augmented copy made a slice at a time.
import { augmentBytes, type AugmentOptions } from "../../engine/augment.ts";
import { toSparse, type SparseImages } from "../../engine/fast.ts";
import type { MnistSplit } from "../../engine/idx.ts";
import { MNIST_PIXELS } from "../../engine/mnist.ts";

/**
 * The first n images of a split (fewer when it, or `labels`, has fewer), with `labels` instead of the split's own
 * when given.
 */
export function firstImages(split: MnistSplit, n: number, labels?: Uint8Array): SparseImages {
  const count = Math.min(n, split.count, labels?.length ?? n);
  return toSparse({
    count,
    size: MNIST_PIXELS,
    pixels: split.pixels.subarray(0, count * MNIST_PIXELS),
    labels: labels?.subarray(0, count) ?? split.labels.subarray(0, count),
  });
}

/** Images augmented per slice (a few hundred ms), so a stop is read between slices. */
const AUGMENT_SLICE = 1000;

/**
 * The first `labels.length` images of `pixels` augmented with augmentBytes(pixels, count, options, seed), made
 * slice by slice (image i's variant depends only on seed + i, so slicing changes nothing). `pause` runs between
 * slices and says whether to go on; null when it said stop.
 */
export async function augmentedImages(
  pixels: Uint8Array,
  labels: Uint8Array,
  options: AugmentOptions,
  seed: number,
  pause: () => Promise<boolean>,
): Promise<SparseImages | null> {
  const count = labels.length;
  const out = new Uint8Array(count * MNIST_PIXELS);
  for (let i = 0; i < count; i += AUGMENT_SLICE) {
    const n = Math.min(AUGMENT_SLICE, count - i);
    const slice = pixels.subarray(i * MNIST_PIXELS, (i + n) * MNIST_PIXELS);
    out.set(augmentBytes(slice, n, options, seed + i), i * MNIST_PIXELS);
    if (!(await pause())) return null;
  }
  return toSparse({ count, size: MNIST_PIXELS, pixels: out, labels });
}
