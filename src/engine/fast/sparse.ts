// Images as the fast path reads them: only each image's ink. MNIST images are ~80 % zeros and 0 · w adds
// nothing, so a pass over an image's ~150 inked pixels gives the same weighted sums as one over all 784.

/** Labelled images, pixels row-major 0–255 (an MNIST split). */
export interface Dataset {
  readonly count: number;
  /** Pixels per image (MNIST_PIXELS, 784, for MNIST). */
  readonly size: number;
  /** count × size bytes; image i is pixels[i*size … (i+1)*size). */
  readonly pixels: Uint8Array;
  /** count labels 0–9. */
  readonly labels: Uint8Array;
}

/** Each image's non-zero pixels: image i's are index/value[offsets[i] … offsets[i+1]), value = pixel / 255. */
export interface SparseImages {
  readonly count: number;
  readonly size: number;
  /** count + 1 entries; offsets[count] is the number of inked pixels in all. */
  readonly offsets: Uint32Array;
  /** Pixel number k (0 … size − 1) of each inked pixel. */
  readonly index: Uint16Array;
  /** Its activation xₖ = pixel / 255. */
  readonly value: Float32Array;
  readonly labels: Uint8Array;
}

/** The ink of every image, once, so each pass reads ~150 numbers per image instead of MNIST_PIXELS. */
export function toSparse(data: Dataset): SparseImages {
  const steps = toSparseSteps(data, Math.max(1, data.count));
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * toSparse a part at a time: each `next()` goes over at most `imagesPerStep` more images (twice over the set: once
 * to count the ink, once to copy it), and the last returns the same SparseImages toSparse does. A worker converting
 * the 60,000 training images (~0.2 s at once) can answer its messages between steps.
 */
export function* toSparseSteps(data: Dataset, imagesPerStep: number): Generator<void, SparseImages, void> {
  const { count, size, pixels } = data;
  let nnz = 0;
  for (let from = 0; from < count; from += imagesPerStep) {
    const end = Math.min(count, from + imagesPerStep) * size;
    for (let i = from * size; i < end; i++) if (pixels[i] !== 0) nnz++;
    yield;
  }
  const offsets = new Uint32Array(count + 1);
  const index = new Uint16Array(nnz);
  const value = new Float32Array(nnz);
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % imagesPerStep === 0) yield;
    offsets[i] = p;
    const base = i * size;
    for (let k = 0; k < size; k++) {
      const v = pixels[base + k]!;
      if (v !== 0) {
        index[p] = k;
        value[p] = v / 255;
        p++;
      }
    }
  }
  offsets[count] = p;
  return { count, size, offsets, index, value, labels: data.labels };
}
