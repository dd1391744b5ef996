// Light data augmentation for 28×28 digits: whole-pixel shifts, small rotations and a thicker or thinner stroke
// (3×3 dilation / erosion). Pure: each function returns a new image; randomness only from the Rng passed in.
//
// Images are row-major 28×28, x[y·28 + x] in 0…1 (ink 1), pixel centres at (x + ½, y + ½).

import { MNIST_PIXELS, MNIST_SIDE } from "./mnist.ts";
import { createRng, type Rng } from "./rng.ts";

const N = MNIST_SIDE;

/** The image moved right by dx and down by dy whole pixels; ink pushed past an edge is cut, new pixels are 0. */
export function shift(x: ArrayLike<number>, dx: number, dy: number): Float32Array {
  const out = new Float32Array(MNIST_PIXELS);
  for (let r = 0; r < N; r++) {
    const sr = r - dy;
    if (sr < 0 || sr >= N) continue;
    for (let c = 0; c < N; c++) {
      const sc = c - dx;
      if (sc >= 0 && sc < N) out[r * N + c] = x[sr * N + sc]!;
    }
  }
  return out;
}

/** Bilinear sample of x at (u, v) in pixel-centre coordinates (pixel (c, r) at u = c, v = r); 0 outside. */
function sample(x: ArrayLike<number>, u: number, v: number): number {
  const c0 = Math.floor(u);
  const r0 = Math.floor(v);
  const fu = u - c0;
  const fv = v - r0;
  const at = (r: number, c: number) => (r >= 0 && r < N && c >= 0 && c < N ? x[r * N + c]! : 0);
  return (
    (1 - fv) * ((1 - fu) * at(r0, c0) + fu * at(r0, c0 + 1)) +
    fv * ((1 - fu) * at(r0 + 1, c0) + fu * at(r0 + 1, c0 + 1))
  );
}

/**
 * The image turned by `degrees` clockwise on screen about the field's centre (14, 14), bilinear interpolation;
 * values stay in 0…1 (a convex mix of the input's). rotate(x, 0) equals x.
 */
export function rotate(x: ArrayLike<number>, degrees: number): Float32Array {
  const out = new Float32Array(MNIST_PIXELS);
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const o = N / 2 - 0.5; // the centre (14, 14) in pixel-centre coordinates
  for (let r = 0; r < N; r++)
    for (let c = 0; c < N; c++) {
      // Inverse map: where in the input does output pixel (c, r) come from (turn back by −t).
      const px = c - o;
      const py = r - o;
      out[r * N + c] = sample(x, cos * px + sin * py + o, -sin * px + cos * py + o);
    }
  return out;
}

/** 3×3 grey dilation (`grow` true: each pixel the max of its neighbourhood, a thicker stroke) or erosion (min, thinner). */
export function thicken(x: ArrayLike<number>, grow: boolean): Float32Array {
  const out = new Float32Array(MNIST_PIXELS);
  for (let r = 0; r < N; r++)
    for (let c = 0; c < N; c++) {
      let v = grow ? 0 : 1;
      for (let i = -1; i <= 1; i++)
        for (let j = -1; j <= 1; j++) {
          const rr = r + i;
          const cc = c + j;
          const s = rr >= 0 && rr < N && cc >= 0 && cc < N ? x[rr * N + cc]! : 0;
          v = grow ? Math.max(v, s) : Math.min(v, s);
        }
      out[r * N + c] = v;
    }
  return out;
}

/** Which augmentations to draw from, and how far. */
export interface AugmentOptions {
  /** Largest shift, whole px, each axis: dx, dy uniform in −shift…shift (0: off). */
  readonly shift: number;
  /** Largest rotation, degrees: the angle is uniform in ±rotate (0: off). */
  readonly rotate: number;
  /** When true: a third of the time a 3×3 dilation, a third an erosion, a third neither. */
  readonly thickness: boolean;
}

/** The videos-sized defaults: shifts of ±2 px, rotations of ±12°, stroke thickness on. */
export const LIGHT_AUGMENT: AugmentOptions = { shift: 2, rotate: 12, thickness: true };

/** No augmentation: augment returns a copy of its input. */
export const NO_AUGMENT: AugmentOptions = { shift: 0, rotate: 0, thickness: false };

/**
 * One random variant of x: thickness, then rotation, then shift, each drawn from `rng` only when switched on,
 * so the same seed gives the same variant. Values stay in 0…1.
 */
export function augment(x: ArrayLike<number>, options: AugmentOptions, rng: Rng): Float32Array {
  let y: Float32Array = Float32Array.from(x);
  if (options.thickness) {
    const k = Math.floor(rng.next() * 3);
    if (k !== 0) y = thicken(y, k === 1);
  }
  if (options.rotate > 0) y = rotate(y, (2 * rng.next() - 1) * options.rotate);
  if (options.shift > 0) {
    const span = 2 * options.shift + 1;
    const dx = Math.floor(rng.next() * span) - options.shift;
    const dy = Math.floor(rng.next() * span) - options.shift;
    y = shift(y, dx, dy);
  }
  return y;
}

/**
 * A fresh augmented copy of `count` MNIST images stored as bytes (pixels[i·784 + k] in 0…255, as in a Dataset),
 * image i drawn with its own generator createRng(seed + i) so any image's variant can be reproduced alone. For
 * training on a new variant of every image each epoch: augmentBytes(pixels, count, options, seed + epoch·count).
 */
export function augmentBytes(
  pixels: Uint8Array,
  count: number,
  options: AugmentOptions,
  seed: number,
): Uint8Array {
  const size = MNIST_PIXELS;
  const out = new Uint8Array(count * size);
  const x = new Float32Array(size);
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < size; k++) x[k] = pixels[i * size + k]! / 255;
    const y = augment(x, options, createRng((seed + i) >>> 0));
    for (let k = 0; k < size; k++) out[i * size + k] = Math.round(255 * y[k]!);
  }
  return out;
}
