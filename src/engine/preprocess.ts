// A drawing → the 28×28 image MNIST would have made of it: crop the ink, scale it to fit 20×20 with area
// averaging, and centre its centre of mass in the 28×28 field (LeCun et al.'s preprocessing). No DOM.

/** Side of an MNIST image, and of the box the ink is scaled to fit inside it. */
export const MNIST_SIDE = 28;
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

/**
 * The 784 input activations (0…1, row-major: pixels[y·28 + x]) MNIST's preprocessing makes of an ink image,
 * or null if there is no ink.
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
  const unit = alpha instanceof Uint8ClampedArray ? 1 / 255 : 1;
  const cut = INK_THRESHOLD / unit;

  // 1. Bounding box of the ink.
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((alpha[y * width + x] ?? 0) > cut) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return null;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;

  // 2. Scale the box to fit 20×20.
  const s = MNIST_BOX / Math.max(bw, bh);
  const dw = Math.max(1, Math.min(MNIST_BOX, Math.round(bw * s)));
  const dh = Math.max(1, Math.min(MNIST_BOX, Math.round(bh * s)));
  const box = resample(alpha, width, y0 * width + x0, bw, bh, dw, dh, unit);

  // 3. Centre of mass of the scaled ink, then the whole-pixel shift that brings it to (14, 14).
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < dh; y++) {
    for (let x = 0; x < dw; x++) {
      const v = box[y * dw + x] ?? 0;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  if (mass <= 0) return null;
  const centre = MNIST_SIDE / 2;
  const ox = Math.round(centre - mx / mass);
  const oy = Math.round(centre - my / mass);

  const pixels = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  for (let y = 0; y < dh; y++) {
    const ty = y + oy;
    if (ty < 0 || ty >= MNIST_SIDE) continue;
    for (let x = 0; x < dw; x++) {
      const tx = x + ox;
      if (tx < 0 || tx >= MNIST_SIDE) continue;
      pixels[ty * MNIST_SIDE + tx] = Math.min(1, Math.max(0, box[y * dw + x] ?? 0));
    }
  }
  return pixels;
}
