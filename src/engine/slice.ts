// A one-dimensional slice of the cost: the straight line θ(t) = (1 − t)·θ_A + t·θ_B between two networks of the
// same shape (t = 0 is A, t = 1 is B), with the mean cost and accuracy of the network at each t on a fixed set
// of labelled images, by the reference forward pass (network.ts). Deterministic: no randomness at all.

import { argmax, exampleCost, forward, oneHot, type Floats, type Network } from "./network.ts";
import type { LabelledImages } from "./lesions.ts";
import { alignNetwork, matchNeurons, type LayerMatch } from "./permute.ts";
import { depth, sameSpec } from "./spec.ts";

/** θ(t) = (1 − t)·θ_A + t·θ_B, every weight and bias, in float32. A and B must have the same spec. */
export function interpolate(
  a: Network<Float32Array>,
  b: Network<Float32Array>,
  t: number,
): Network<Float32Array> {
  if (!sameSpec(a.spec, b.spec)) throw new RangeError("only networks of the same shape can be interpolated");
  const mix = (xs: Float32Array[], ys: Float32Array[]) =>
    xs.map((x, l) => x.map((v, k) => (1 - t) * v + t * ys[l]![k]!));
  return { spec: a.spec, w: mix(a.w, b.w), b: mix(a.b, b.b) };
}

/** Mean cost C (costs.ts, the network's own) and the share answered right, over `images`. */
export interface Score {
  readonly cost: number;
  readonly accuracy: number;
}

/** `net`'s mean cost and accuracy on the labelled images. */
export function score(net: Network, images: LabelledImages): Score {
  const nIn = net.spec.sizes[0]!;
  const nOut = net.spec.sizes[depth(net.spec)]!;
  const x = new Float64Array(nIn);
  let cost = 0;
  let correct = 0;
  for (let i = 0; i < images.count; i++) {
    for (let k = 0; k < nIn; k++) x[k] = images.pixels[i * nIn + k]! * images.scale;
    const aL = forward(net, x) as Floats;
    const label = images.labels[i]!;
    cost += exampleCost(net.spec, aL, oneHot(label, nOut)).cost;
    if (argmax(aL) === label) correct++;
  }
  const n = Math.max(1, images.count);
  return { cost: cost / n, accuracy: correct / n };
}

/** One point of a slice: the network θ(t) and its score. */
export interface SlicePoint extends Score {
  readonly t: number;
}

/** `count` evenly spaced t from `from` to `to` (both included), rounded to 1e-9 so that 0 and 1 come out exact. */
export function sliceTs(from: number, to: number, count: number): number[] {
  return Array.from(
    { length: count },
    (_, i) => Math.round((from + ((to - from) * i) / (count - 1)) * 1e9) / 1e9,
  );
}

/** The score of θ(t) at each t. */
export function costSlice(
  a: Network<Float32Array>,
  b: Network<Float32Array>,
  images: LabelledImages,
  ts: readonly number[],
): SlicePoint[] {
  return ts.map((t) => ({ t, ...score(interpolate(a, b, t), images) }));
}

/**
 * The barrier on the line between A and B: how far the cost rises above the straight line joining its two ends,
 * at the worst t in [0, 1] (0 if it never does): max over t of C(t) − ((1 − t)·C(0) + t·C(1)), and where.
 * Points outside [0, 1] are ignored.
 */
export function barrier(points: readonly SlicePoint[]): { height: number; t: number } {
  const inside = points.filter((p) => p.t >= 0 && p.t <= 1);
  const start = inside.find((p) => p.t === 0);
  const end = inside.find((p) => p.t === 1);
  if (!start || !end) return { height: 0, t: 0 };
  let best = { height: 0, t: 0 };
  for (const p of inside) {
    const h = p.cost - ((1 - p.t) * start.cost + p.t * end.cost);
    if (h > best.height) best = { height: h, t: p.t };
  }
  return best;
}

/** Two trained networks compared: B's neurons matched to A's, and the slice between them before and after. */
export interface NetworkComparison {
  readonly matches: LayerMatch[];
  /** ‖θ_B − θ_A‖ / ‖θ_A‖ over every weight and bias: before aligning B, and after. */
  readonly distance: { readonly before: number; readonly after: number };
  /** The slice from A to B as trained … */
  readonly before: SlicePoint[];
  /** … and from A to B with its hidden neurons aligned to A's (the same network B, reordered). */
  readonly after: SlicePoint[];
}

/** ‖θ_B − θ_A‖ / ‖θ_A‖ over all weights and biases. */
export function relativeDistance(a: Network, b: Network): number {
  let d = 0;
  let n = 0;
  const add = (x: Floats, y: Floats) => {
    for (let k = 0; k < x.length; k++) {
      d += (y[k]! - x[k]!) ** 2;
      n += x[k]! ** 2;
    }
  };
  a.w.forEach((x, l) => add(x, b.w[l]!));
  a.b.forEach((x, l) => add(x, b.b[l]!));
  return n > 0 ? Math.sqrt(d / n) : 0;
}

/**
 * A and B compared on `images`: B's hidden neurons matched to A's by their activations (permute.ts), the
 * distance between them before and after, and the cost along the line at each t, to B and to B aligned.
 */
export function compareNetworks(
  a: Network<Float32Array>,
  b: Network<Float32Array>,
  images: LabelledImages,
  ts: readonly number[],
): NetworkComparison {
  if (!sameSpec(a.spec, b.spec)) throw new RangeError("only networks of the same shape can be compared");
  const matches = matchNeurons(a, b, images);
  const aligned = alignNetwork(b, matches);
  return {
    matches,
    distance: { before: relativeDistance(a, b), after: relativeDistance(a, aligned) },
    before: costSlice(a, b, images, ts),
    after: costSlice(a, aligned, images, ts),
  };
}
