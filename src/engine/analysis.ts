// Looking at a trained network from the outside: its answers to noise and simple shapes, what its first layer
// responds to, and where it fails on the test set; MNIST's preprocessing one stage at a time is re-exported from
// preprocess.ts, where it lives. Pure: no DOM.
//
// Notation as in network.ts: a¹ⱼ, z¹ⱼ are neuron j of layer 1; a^L the output layer. Images are row-major
// 28×28: x[y·28 + x] in 0…1 (ink 1), as the network's input a⁰.

import type { OutputActivation } from "./activations.ts";
import { argmax, depth, forwardAll, type Network } from "./network.ts";
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_SIDE } from "./mnist.ts";
import { createRng, type Rng } from "./rng.ts";

export {
  ALL_STEPS,
  preprocessStages,
  type Box,
  type Gray,
  type PreprocessStages,
  type PreprocessSteps,
} from "./preprocess.ts";

/** Pixels of one 28×28 image: MNIST_PIXELS, by the name the experiments know it. */
export const IMAGE_SIZE = MNIST_PIXELS;

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
  const x = new Float32Array(count * MNIST_PIXELS);
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
  const x = new Float32Array(MNIST_PIXELS);
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
  classes = MNIST_CLASSES,
): Uint32Array {
  if (labels.length !== predicted.length)
    throw new RangeError(`${labels.length} labels but ${predicted.length} predictions`);
  const m = new Uint32Array(classes * classes);
  for (let i = 0; i < labels.length; i++) m[labels[i]! * classes + predicted[i]!]!++;
  return m;
}

/** The diagonal of a confusion matrix: correct answers per class, and in all. */
export function correctCounts(
  m: ArrayLike<number>,
  classes = MNIST_CLASSES,
): { perClass: number[]; total: number } {
  const perClass = Array.from({ length: classes }, (_, t) => m[t * classes + t]!);
  return { perClass, total: perClass.reduce((s, n) => s + n, 0) };
}

/** Images labelled t, per class: the row sums of a confusion matrix. */
export function classCounts(m: ArrayLike<number>, classes = MNIST_CLASSES): number[] {
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
