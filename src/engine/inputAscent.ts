// "Ask it to draw a digit": gradient ascent on the input. The network's weights stay fixed; the 784 pixels x
// move uphill on one neuron's activation aⱼ (an output, or a hidden neuron's), kept in 0…1, optionally held back
// by a roughness penalty. Also the average image of each digit, to compare with. Pure: no DOM.
//
// Notation as in network.ts: x = a⁰ (pixels, row-major 28×28, ink 1), aⱼ = a[l][j] (l = L unless said), η the step.
//   J(x)  = aⱼ(x) − λ R(x)                the objective; λ = `roughness`
//   R(x)  = (1/P) Σ (x_p − x_q)²          over the P pairs of horizontally or vertically neighbouring pixels
//   x′    = clip₀₁(x + η g / max|g|)       one projected step, g = ∇J without the pixels held at 0 or 1 that it
//                                          pushes outward: no pixel moves by more than η

import type { MnistSplit } from "./idx.ts";
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_SIDE } from "./mnist.ts";
import { depth, forwardAll, type Network } from "./network.ts";
import { activationInputGradient } from "./saliency.ts";

/** Neighbouring pixel pairs of a 28×28 image, across and down: P in R(x). */
const PAIRS = 2 * MNIST_SIDE * (MNIST_SIDE - 1);

/** R(x): the mean squared difference between horizontally and vertically neighbouring pixels, 0…1. */
export function roughness(x: ArrayLike<number>): number {
  let s = 0;
  for (let r = 0; r < MNIST_SIDE; r++)
    for (let c = 0; c < MNIST_SIDE; c++) {
      const p = r * MNIST_SIDE + c;
      if (c + 1 < MNIST_SIDE) s += (x[p]! - x[p + 1]!) ** 2;
      if (r + 1 < MNIST_SIDE) s += (x[p]! - x[p + MNIST_SIDE]!) ** 2;
    }
  return s / PAIRS;
}

/** ∂R/∂x_p for every pixel p (float64): (2/P) Σ over p's neighbours q of (x_p − x_q). */
export function roughnessGradient(x: ArrayLike<number>): Float64Array {
  const g = new Float64Array(MNIST_PIXELS);
  for (let r = 0; r < MNIST_SIDE; r++)
    for (let c = 0; c < MNIST_SIDE; c++) {
      const p = r * MNIST_SIDE + c;
      const pairs = [c + 1 < MNIST_SIDE ? p + 1 : -1, r + 1 < MNIST_SIDE ? p + MNIST_SIDE : -1];
      for (const q of pairs) {
        if (q < 0) continue;
        const d = (2 * (x[p]! - x[q]!)) / PAIRS;
        g[p] = g[p]! + d;
        g[q] = g[q]! - d;
      }
    }
  return g;
}

/** What the ascent maximises and how it moves. */
export interface AscentOptions {
  /** The neuron j to raise: a digit 0–9 at the output, or a hidden neuron of `layer`. */
  readonly digit: number;
  /** The layer l of that neuron, 1 … L; the output layer L when absent. */
  readonly layer?: number;
  /** λ ≥ 0: how much a rough image costs against aⱼ (0: none). */
  readonly roughness: number;
}

/** The state of an ascent between steps. */
export interface AscentState {
  /** The image, 784 values in 0…1. */
  readonly x: Float32Array;
  /** aⱼ(x). */
  readonly output: number;
  /** J(x) = aⱼ − λ R(x). */
  readonly objective: number;
  /** η for the next step: the most any pixel may move. */
  readonly eta: number;
  /** Steps taken. */
  readonly steps: number;
  /** True once no step of any size down to MIN_ETA raises J: the ascent has stopped at a (local) top. */
  readonly stalled: boolean;
}

/** η of a new ascent: a pixel moves by at most a tenth of its range per step. */
export const START_ETA = 0.1;
/** The largest η an ascent grows to. */
const MAX_ETA = 0.5;
/** Below this η a step that does not raise J ends the ascent. */
const MIN_ETA = 1e-4;

/** J(x) and aⱼ(x). */
function evaluate(net: Network, x: Float32Array, o: AscentOptions): { output: number; objective: number } {
  const output = forwardAll(net, x).a[o.layer ?? depth(net.spec)]![o.digit]!;
  return { output, objective: output - (o.roughness > 0 ? o.roughness * roughness(x) : 0) };
}

/** An ascent from image `x0` (copied; values outside 0…1 are clipped). */
export function startAscent(net: Network, x0: ArrayLike<number>, o: AscentOptions): AscentState {
  const x = Float32Array.from(x0, (v) => Math.min(1, Math.max(0, v)));
  return { x, ...evaluate(net, x, o), eta: START_ETA, steps: 0, stalled: false };
}

/** ∇J(x) = ∂aⱼ/∂x − λ ∂R/∂x (float64). */
export function objectiveGradient(net: Network, x: ArrayLike<number>, o: AscentOptions): Float64Array {
  const g = activationInputGradient(net, x, o.layer ?? depth(net.spec), o.digit);
  if (o.roughness > 0) {
    const gr = roughnessGradient(x);
    for (let i = 0; i < g.length; i++) g[i] = g[i]! - o.roughness * gr[i]!;
  }
  return g;
}

/**
 * One projected ascent step: x′ = clip₀₁(x + η g / max|g|), g = ∇J with 0 for each pixel held at a bound that
 * ∇J pushes beyond it. If J(x′) is not above J(x), η is halved and the
 * step tried again, so J rises at every step taken; after a success η grows by a quarter (up to MAX_ETA).
 * When η falls below MIN_ETA without a rise, the state comes back unchanged and `stalled`.
 */
export function ascentStep(net: Network, s: AscentState, o: AscentOptions): AscentState {
  if (s.stalled) return s;
  const g = objectiveGradient(net, s.x, o);
  let top = 0;
  for (let i = 0; i < g.length; i++) {
    // A pixel at a bound that the gradient pushes beyond it cannot move: it leaves the direction.
    if ((s.x[i] === 0 && g[i]! < 0) || (s.x[i] === 1 && g[i]! > 0)) g[i] = 0;
    top = Math.max(top, Math.abs(g[i]!));
  }
  if (!(top > 0)) return { ...s, stalled: true };
  for (let eta = s.eta; eta >= MIN_ETA; eta /= 2) {
    const x = Float32Array.from(s.x, (v, i) => Math.min(1, Math.max(0, v + (eta * g[i]!) / top)));
    const next = evaluate(net, x, o);
    if (next.objective > s.objective)
      return { x, ...next, eta: Math.min(MAX_ETA, eta * 1.25), steps: s.steps + 1, stalled: false };
  }
  return { ...s, stalled: true };
}

/** `count` ascent steps from `s` (fewer if it stalls), with aⱼ after each step taken: outputs[t]. */
export function ascend(
  net: Network,
  s: AscentState,
  o: AscentOptions,
  count: number,
): { state: AscentState; outputs: number[] } {
  const outputs: number[] = [];
  let state = s;
  for (let t = 0; t < count && !state.stalled; t++) {
    const next = ascentStep(net, state, o);
    if (next.steps > state.steps) outputs.push(next.output);
    state = next;
  }
  return { state, outputs };
}

/** The average image of each digit, and of all digits: values 0…1 as the network's input. */
export interface DigitAverages {
  /** digits[d·784 + p] = mean over the images labelled d of pixel p / 255. */
  readonly digits: Float32Array;
  /** all[p] = mean over every image of pixel p / 255. */
  readonly all: Float32Array;
}

/** The average images of a split (DigitAverages). A digit with no images averages to blank. */
export function averageImages(split: MnistSplit): DigitAverages {
  const sums = new Float64Array(MNIST_CLASSES * MNIST_PIXELS);
  const counts = new Float64Array(MNIST_CLASSES);
  for (let i = 0; i < split.count; i++) {
    const d = split.labels[i]!;
    counts[d] = counts[d]! + 1;
    const base = i * MNIST_PIXELS;
    const at = d * MNIST_PIXELS;
    for (let p = 0; p < MNIST_PIXELS; p++) sums[at + p] = sums[at + p]! + split.pixels[base + p]!;
  }
  const digits = new Float32Array(MNIST_CLASSES * MNIST_PIXELS);
  const all = new Float32Array(MNIST_PIXELS);
  for (let d = 0; d < MNIST_CLASSES; d++)
    for (let p = 0; p < MNIST_PIXELS; p++) {
      const s = sums[d * MNIST_PIXELS + p]!;
      digits[d * MNIST_PIXELS + p] = counts[d]! > 0 ? s / counts[d]! / 255 : 0;
      all[p] = all[p]! + s;
    }
  const n = Math.max(1, split.count);
  for (let p = 0; p < MNIST_PIXELS; p++) all[p] = all[p]! / n / 255;
  return { digits, all };
}

/** Mean over pixels of |x_p − y_p|: 0 for the same image, 1 for its negative. */
export function meanDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let p = 0; p < x.length; p++) s += Math.abs(x[p]! - y[p]!);
  return x.length > 0 ? s / x.length : 0;
}
