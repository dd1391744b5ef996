// Looking at a trained network from the outside: its answers to noise and simple shapes, what its first layer
// responds to, where it fails on the test set, and MNIST's preprocessing one stage at a time. Pure: no DOM.
//
// Notation as in network.ts: a¹ⱼ, z¹ⱼ are neuron j of layer 1; a^L the output layer. Images are row-major
// 28×28: x[y·28 + x] in 0…1 (ink 1), as the network's input a⁰.

import type { OutputActivation } from "./activations.ts";
import { argmax, depth, forwardAll, type Network } from "./network.ts";
import { INK_THRESHOLD, MNIST_BOX, MNIST_SIDE, resample } from "./preprocess.ts";
import { createRng, type Rng } from "./rng.ts";

/** Pixels of one 28×28 image. */
export const IMAGE_SIZE = MNIST_SIDE * MNIST_SIDE;

// ─── The network's answer ────────────────────────────────────────────────────────────────────────────────

/** A digit and how sure the network is of it. */
export interface Answer {
  readonly digit: number;
  /** 0…1: a[digit] for softmax outputs; a[digit] / Σa for sigmoid outputs (the explorable's definition). */
  readonly confidence: number;
}

/**
 * The network's answer from its output activations a (one per digit): the digit is argmax a (the first on a
 * tie); its confidence is a[digit] for softmax outputs, a[digit] / Σⱼ aⱼ for sigmoid outputs, 0 if Σ a = 0.
 * The explorable's output panel shows the same (src/components/OutputBars.tsx `predict` calls this).
 */
export function answer(a: ArrayLike<number>, output: OutputActivation): Answer {
  const digit = argmax(a);
  const top = a[digit] ?? 0;
  if (output === "softmax") return { digit, confidence: top };
  let total = 0;
  for (let j = 0; j < a.length; j++) total += a[j]!;
  return { digit, confidence: total > 0 ? top / total : 0 };
}

/** One output: a digit and its activation. */
export interface Output {
  readonly digit: number;
  readonly value: number;
}

/** The k largest outputs, largest first (the lower digit first on a tie). */
export function topOutputs(a: ArrayLike<number>, k: number): Output[] {
  return Array.from(a, (value, digit) => ({ digit, value }))
    .sort((p, q) => q.value - p.value || p.digit - q.digit)
    .slice(0, k);
}

// ─── Inputs that are not digits ──────────────────────────────────────────────────────────────────────────

/** `count` images of uniform noise, image i at x[i·784 … (i+1)·784), each pixel uniform in [0, 1). */
export function noiseImages(seed: number, count: number): Float32Array {
  const rng = createRng(seed);
  const x = new Float32Array(count * IMAGE_SIZE);
  for (let i = 0; i < x.length; i++) x[i] = rng.next();
  return x;
}

/** The simple shapes the noise experiment offers besides noise. */
export type Shape = "blank" | "square" | "circle" | "line";
export const SHAPES: readonly Shape[] = ["blank", "square", "circle", "line"];

/** Half the width of a shape's pen stroke, px: MNIST strokes are 2–3 px wide. */
const PEN_RADIUS = 1.2;

/** Ink at distance d from a stroke's centre line: 1 inside the pen, fading to 0 over one pixel. */
function penInk(d: number): number {
  return Math.min(1, Math.max(0, PEN_RADIUS + 0.5 - d));
}

/** Distance from (px, py) to the segment (x0, y0)–(x1, y1). */
function segmentDistance(px: number, py: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - x0) * dx + (py - y0) * dy) / len2)) : 0;
  return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}

/** A uniform number in [lo, hi). */
function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/**
 * A shape drawn with an anti-aliased pen about 2.4 px wide, its size and place drawn from `seed`: the outline
 * of an axis-aligned square (side 8–18 px), a circle (radius 4–9 px), a straight line (10–20 px long, any
 * angle), or a blank image. Always inside the 28×28 field; the same shape and seed give the same image.
 */
export function shapeImage(shape: Shape, seed: number): Float32Array {
  const x = new Float32Array(IMAGE_SIZE);
  if (shape === "blank") return x;
  const rng = createRng(seed);
  const margin = 4; // the pen's ink reaches 1.7 px beyond its centre line: rows 0–1 stay blank
  let distance: (px: number, py: number) => number;
  if (shape === "square") {
    const h = uniform(rng, 4, 9);
    const cx = uniform(rng, margin + h, MNIST_SIDE - margin - h);
    const cy = uniform(rng, margin + h, MNIST_SIDE - margin - h);
    // Distance to the outline: |Chebyshev distance from the centre − half the side| (exact inside and along the
    // sides, a little short only beyond the corners).
    distance = (px, py) => Math.abs(Math.max(Math.abs(px - cx), Math.abs(py - cy)) - h);
  } else if (shape === "circle") {
    const r = uniform(rng, 4, 9);
    const cx = uniform(rng, margin + r, MNIST_SIDE - margin - r);
    const cy = uniform(rng, margin + r, MNIST_SIDE - margin - r);
    distance = (px, py) => Math.abs(Math.hypot(px - cx, py - cy) - r);
  } else {
    const half = uniform(rng, 5, 10);
    const angle = uniform(rng, 0, Math.PI);
    const dx = half * Math.cos(angle);
    const dy = half * Math.sin(angle);
    const cx = uniform(rng, margin + Math.abs(dx), MNIST_SIDE - margin - Math.abs(dx));
    const cy = uniform(rng, margin + Math.abs(dy), MNIST_SIDE - margin - Math.abs(dy));
    distance = (px, py) => segmentDistance(px, py, cx - dx, cy - dy, cx + dx, cy + dy);
  }
  for (let y = 0; y < MNIST_SIDE; y++)
    for (let c = 0; c < MNIST_SIDE; c++) x[y * MNIST_SIDE + c] = penInk(distance(c + 0.5, y + 0.5));
  return x;
}

// ─── Many images through the network ─────────────────────────────────────────────────────────────────────

/** What the network makes of a stack of images. */
export interface Classified {
  readonly count: number;
  /** outputs[i·n[L] + j] = a^L_j of image i: the output layer. */
  readonly outputs: Float32Array;
  /** firstZ[i·n[1] + j] = z¹ⱼ of image i: the first layer's weighted sums. */
  readonly firstZ: Float32Array;
  /** firstA[i·n[1] + j] = a¹ⱼ of image i: the first layer's activations. */
  readonly firstA: Float32Array;
}

/**
 * Forward passes (network.ts forwardAll) of `count` images: image i is pixels[i·n[0] … (i+1)·n[0]) times
 * `scale` (1/255 for MNIST bytes, 1 for activations already in 0…1).
 */
export function classifyImages(
  net: Network<Float32Array>,
  pixels: ArrayLike<number>,
  count: number,
  scale = 1,
): Classified {
  const sizes = net.spec.sizes;
  const nIn = sizes[0]!;
  const n1 = sizes[1]!;
  const nOut = sizes[depth(net.spec)]!;
  const outputs = new Float32Array(count * nOut);
  const firstZ = new Float32Array(count * n1);
  const firstA = new Float32Array(count * n1);
  const x = new Float32Array(nIn);
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < nIn; k++) x[k] = pixels[i * nIn + k]! * scale;
    const { z, a } = forwardAll(net, x);
    outputs.set(a[a.length - 1]!, i * nOut);
    firstZ.set(z[1]!, i * n1);
    firstA.set(a[1]!, i * n1);
  }
  return { count, outputs, firstZ, firstA };
}

/** The answer for each of `count` images: digits[i] = argmax of image i's outputs, confidences[i] its confidence. */
export function answers(
  outputs: Float32Array,
  count: number,
  output: OutputActivation,
): { digits: Uint8Array; confidences: Float32Array } {
  const nOut = outputs.length / Math.max(1, count);
  const digits = new Uint8Array(count);
  const confidences = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const r = answer(outputs.subarray(i * nOut, (i + 1) * nOut), output);
    digits[i] = r.digit;
    confidences[i] = r.confidence;
  }
  return { digits, confidences };
}

/**
 * For each of the `columns` columns of a count × columns table (table[i·columns + j]), the rows of its k
 * largest values, largest first; ties go to the lower row. topRows(z¹, count, n[1], 5)[j] are the five images
 * that excite neuron j of layer 1 most (z¹ orders images as a¹ does, and tells apart the ones a saturated
 * sigmoid rounds to 1).
 */
export function topRows(table: ArrayLike<number>, count: number, columns: number, k: number): number[][] {
  return Array.from({ length: columns }, (_, j) => {
    const best: number[] = []; // rows, kept sorted by value descending
    const value = (i: number) => table[i * columns + j]!;
    for (let i = 0; i < count; i++) {
      const v = value(i);
      if (best.length === k && !(v > value(best[k - 1]!))) continue;
      let at = best.length;
      while (at > 0 && v > value(best[at - 1]!)) at--;
      best.splice(at, 0, i);
      if (best.length > k) best.pop();
    }
    return best;
  });
}

// ─── Where it fails ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The confusion matrix of `classes` classes: m[t·classes + p] = how many images labelled t the network called
 * p. Its entries sum to the number of images; its diagonal counts the correct answers.
 */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes = 10,
): Uint32Array {
  if (labels.length !== predicted.length)
    throw new RangeError(`${labels.length} labels but ${predicted.length} predictions`);
  const m = new Uint32Array(classes * classes);
  for (let i = 0; i < labels.length; i++) m[labels[i]! * classes + predicted[i]!]!++;
  return m;
}

/** The diagonal of a confusion matrix: correct answers per class, and in all. */
export function correctCounts(m: ArrayLike<number>, classes = 10): { perClass: number[]; total: number } {
  const perClass = Array.from({ length: classes }, (_, t) => m[t * classes + t]!);
  return { perClass, total: perClass.reduce((s, n) => s + n, 0) };
}

/** Images labelled t, per class: the row sums of a confusion matrix. */
export function classCounts(m: ArrayLike<number>, classes = 10): number[] {
  return Array.from({ length: classes }, (_, t) => {
    let s = 0;
    for (let p = 0; p < classes; p++) s += m[t * classes + p]!;
    return s;
  });
}

/**
 * Indices of the images labelled `label` and called `predicted` (either may be null: any), ordered by the
 * network's confidence, most confident first (the lower index first on a tie).
 */
export function imagesWhere(
  labels: ArrayLike<number>,
  digits: ArrayLike<number>,
  confidences: ArrayLike<number>,
  filter: { label: number | null; predicted: number | null; wrongOnly?: boolean },
): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (filter.label !== null && labels[i] !== filter.label) continue;
    if (filter.predicted !== null && digits[i] !== filter.predicted) continue;
    if (filter.wrongOnly && labels[i] === digits[i]) continue;
    out.push(i);
  }
  return out.sort((p, q) => confidences[q]! - confidences[p]! || p - q);
}

// ─── MNIST's preprocessing, stage by stage ───────────────────────────────────────────────────────────────

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
 * preprocess.ts's toMnist with each step switchable and every stage kept; null if there is no ink. With all
 * three steps on, `input` is toMnist's output exactly. `alpha[y·width + x]` is the ink: bytes 0…255 (a
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

  const input = new Float32Array(IMAGE_SIZE);
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
