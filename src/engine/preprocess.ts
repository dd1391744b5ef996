// A drawing → the 28×28 image MNIST would have made of it: crop the ink, scale it to fit 20×20 with area
// averaging, and centre its centre of mass in the 28×28 field (LeCun et al.'s preprocessing). One code path:
// preprocessStages runs the three steps and keeps every stage; toMnist is its last stage. No DOM.

import { MNIST_PIXELS, MNIST_SIDE } from "./mnist.ts";

export { MNIST_SIDE };

/** Side of the box the ink is scaled to fit inside the MNIST_SIDE × MNIST_SIDE field. */
export const MNIST_BOX = 20;

/** Ink at or below this (on the 0…1 scale) does not count towards the bounding box. */
export const INK_THRESHOLD = 0.05;

/** The alpha bytes of an RGBA buffer (as from getImageData): alpha[y·width + x]. */
export function alphaChannel(rgba: Uint8ClampedArray): Uint8ClampedArray {
  const alpha = new Uint8ClampedArray(rgba.length >> 2);
  for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[4 * i + 3] ?? 0;
  return alpha;
}

/** One output sample of a 1-D resampling: Σ weights[t] · src[first + t] (weights sum to 1). */
export interface Tap {
  readonly first: number;
  readonly weights: Float64Array;
}

/**
 * Filter taps mapping `srcLen` samples onto `dstLen`. Shrinking averages the source area each output
 * pixel covers (a box filter: pixel i covers source [i·r, (i+1)·r), r = srcLen / dstLen); growing
 * interpolates linearly between pixel centres, clamped at the edges.
 */
export function taps(srcLen: number, dstLen: number): Tap[] {
  const r = srcLen / dstLen;
  const out: Tap[] = [];
  for (let i = 0; i < dstLen; i++) {
    if (r >= 1) {
      const lo = i * r;
      const hi = (i + 1) * r;
      const first = Math.floor(lo);
      const last = Math.min(srcLen, Math.ceil(hi));
      const weights = new Float64Array(last - first);
      for (let j = first; j < last; j++) weights[j - first] = (Math.min(hi, j + 1) - Math.max(lo, j)) / r;
      out.push({ first, weights });
    } else {
      const u = Math.min(srcLen - 1, Math.max(0, (i + 0.5) * r - 0.5));
      const first = Math.min(srcLen - 2, Math.floor(u));
      if (first < 0) out.push({ first: 0, weights: Float64Array.of(1) });
      else out.push({ first, weights: Float64Array.of(first + 1 - u, u - first) });
    }
  }
  return out;
}

/**
 * Resamples the w×h region of `src` (row stride `stride`, starting at index `offset`) to dw×dh, separably:
 * rows first, then columns. Returns dst[y·dw + x].
 */
export function resample(
  src: ArrayLike<number>,
  stride: number,
  offset: number,
  w: number,
  h: number,
  dw: number,
  dh: number,
  unit: number,
): Float64Array {
  const tx = taps(w, dw);
  const ty = taps(h, dh);
  const rows = new Float64Array(h * dw);
  for (let y = 0; y < h; y++) {
    const row = offset + y * stride;
    for (let x = 0; x < dw; x++) {
      const { first, weights } = tx[x] as Tap;
      let s = 0;
      for (let t = 0; t < weights.length; t++)
        s += (weights[t] as number) * Math.min(1, Math.max(0, (src[row + first + t] ?? 0) * unit));
      rows[y * dw + x] = s;
    }
  }
  const dst = new Float64Array(dw * dh);
  for (let y = 0; y < dh; y++) {
    const { first, weights } = ty[y] as Tap;
    for (let x = 0; x < dw; x++) {
      let s = 0;
      for (let t = 0; t < weights.length; t++)
        s += (weights[t] as number) * (rows[(first + t) * dw + x] ?? 0);
      dst[y * dw + x] = s;
    }
  }
  return dst;
}

/** Which of preprocessing's three steps run. */
export interface PreprocessSteps {
  /** 1. Crop the pad to the bounding box of its ink; off: the whole pad is the box. */
  readonly crop: boolean;
  /** 2. Scale the box so its longer side is 20 px; off: shrink it by the pad-to-28×28 ratio (its drawn size). */
  readonly scale: boolean;
  /** 3. Shift it so its centre of mass is at the field's centre; off: it stays where it was on the pad. */
  readonly centre: boolean;
}

export const ALL_STEPS: PreprocessSteps = { crop: true, scale: true, centre: true };

/** A rectangle in pixels: left, top, width, height. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A single-channel image, values 0…1 row-major: pixels[y·width + x]. */
export interface Gray {
  readonly width: number;
  readonly height: number;
  readonly pixels: Float32Array;
}

/** Every intermediate image of preprocessing a drawing, for showing each stage. */
export interface PreprocessStages {
  readonly steps: PreprocessSteps;
  /** Stage 1: the box cut from the pad, pad px (the ink's bounding box, or the whole pad). */
  readonly box: Box;
  /** Stage 1's image: the pad inside `box`, ink 0…1. */
  readonly cropped: Gray;
  /** Stage 2: the box resampled (area averaging when shrinking), at most 28×28. */
  readonly scaled: Gray;
  /** The centre of mass of `scaled`, its px (pixel centres at x + ½). */
  readonly centreOfMass: { readonly x: number; readonly y: number };
  /** Stage 3: where `scaled`'s top-left corner lands in the 28×28 field (whole px; may be negative). */
  readonly offset: { readonly x: number; readonly y: number };
  /** The network's input: 28×28, 0…1; ink pushed past an edge is cut. */
  readonly input: Float32Array;
}

/** Bounding box of the values above `cut`, or null if there are none. */
function inkBox(alpha: ArrayLike<number>, width: number, height: number, cut: number): Box | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if ((alpha[y * width + x] ?? 0) > cut) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * MNIST's preprocessing with each step switchable and every stage kept; null if there is no ink. With all
 * three steps on, `input` is toMnist's output. `alpha[y·width + x]` is the ink: bytes 0…255 (a
 * Uint8ClampedArray, as from a canvas) or 0…1 floats.
 *   1. crop:   the box is the bounding box of the pixels above INK_THRESHOLD (off: the whole pad);
 *   2. scale:  the box is resampled, aspect kept, so its longer side is 20 px (off: by 28 / the pad's longer
 *              side, so the ink keeps the size it had on the pad);
 *   3. centre: it is shifted by whole pixels so its centre of mass lies at (14, 14) (off: so the box's centre
 *              lies where it was on the pad, scaled to 28×28).
 * Ink pushed past the field's edge is cut, as in MNIST.
 */
export function preprocessStages(
  alpha: Float32Array | Uint8ClampedArray,
  width: number,
  height: number,
  steps: PreprocessSteps = ALL_STEPS,
): PreprocessStages | null {
  const unit = alpha instanceof Uint8ClampedArray ? 1 / 255 : 1;
  const ink = inkBox(alpha, width, height, INK_THRESHOLD / unit);
  if (!ink) return null;
  const box = steps.crop ? ink : { x: 0, y: 0, width, height };

  const cropped = new Float32Array(box.width * box.height);
  for (let y = 0; y < box.height; y++)
    for (let x = 0; x < box.width; x++)
      cropped[y * box.width + x] = clamp01((alpha[(box.y + y) * width + box.x + x] ?? 0) * unit);

  // Pad px → field px: fit the box's longer side to 20, or keep the pad's own scale (its longer side → 28).
  const s = steps.scale ? MNIST_BOX / Math.max(box.width, box.height) : MNIST_SIDE / Math.max(width, height);
  const limit = steps.scale ? MNIST_BOX : MNIST_SIDE;
  const dw = Math.max(1, Math.min(limit, Math.round(box.width * s)));
  const dh = Math.max(1, Math.min(limit, Math.round(box.height * s)));
  const scaled = resample(alpha, width, box.y * width + box.x, box.width, box.height, dw, dh, unit);

  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < dh; y++)
    for (let x = 0; x < dw; x++) {
      const v = scaled[y * dw + x]!;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  if (mass <= 0) return null;
  const centreOfMass = { x: mx / mass, y: my / mass };
  const centre = MNIST_SIDE / 2;
  const field = MNIST_SIDE / Math.max(width, height);
  const offset = steps.centre
    ? { x: Math.round(centre - centreOfMass.x), y: Math.round(centre - centreOfMass.y) }
    : {
        x: Math.round((box.x + box.width / 2) * field - dw / 2),
        y: Math.round((box.y + box.height / 2) * field - dh / 2),
      };

  const input = new Float32Array(MNIST_PIXELS);
  for (let y = 0; y < dh; y++) {
    const ty = y + offset.y;
    if (ty < 0 || ty >= MNIST_SIDE) continue;
    for (let x = 0; x < dw; x++) {
      const tx = x + offset.x;
      if (tx < 0 || tx >= MNIST_SIDE) continue;
      input[ty * MNIST_SIDE + tx] = clamp01(scaled[y * dw + x]!);
    }
  }
  return {
    steps,
    box,
    cropped: { width: box.width, height: box.height, pixels: cropped },
    scaled: { width: dw, height: dh, pixels: Float32Array.from(scaled, clamp01) },
    centreOfMass,
    offset,
    input,
  };
}

/**
 * The 784 input activations (0…1, row-major: pixels[y·28 + x]) MNIST's preprocessing makes of an ink image,
 * or null if there is no ink: preprocessStages' last stage, with all three steps on.
 *
 * `alpha[y·width + x]` is the ink: bytes 0…255 (a Uint8ClampedArray, as from a canvas) or 0…1 floats.
 * 1. The bounding box of the pixels above INK_THRESHOLD is cropped.
 * 2. The box is scaled, aspect ratio kept, so its longer side is 20 px (area averaging when shrinking).
 * 3. It is placed in the 28×28 field so its centre of mass (pixel centres at x + ½) lies at (14, 14),
 *    the shift rounded to whole pixels as LeCun's was; ink pushed past an edge is cut, as in MNIST.
 */
export function toMnist(
  alpha: Float32Array | Uint8ClampedArray,
  width: number,
  height: number,
): Float32Array | null {
  return preprocessStages(alpha, width, height, ALL_STEPS)?.input ?? null;
}
