// Pure helpers for the backpropagation scenes: the outputs' wished nudges, the terms of the backward sum, the
// parameters worth a row in the nudge table, their names in the videos' notation, and the mini-batch shown.
import type { ParamRef } from "../../engine/experiments.ts";
import {
  backTerm,
  depth,
  type Gradient,
  type Network,
  type NetworkSpec,
  type Trace,
} from "../../engine/network.ts";
import { tex, texNumber, type Tex } from "../tex.ts";

/** One output neuron's wish for one example. */
export interface OutputWish {
  readonly j: number;
  /** a⁽ᴸ⁾ⱼ */
  readonly a: number;
  /** yⱼ */
  readonly y: number;
  /** −∂C₀/∂a⁽ᴸ⁾ⱼ = −2(aⱼ − yⱼ), the trace's dCda negated: positive means "should go up". */
  readonly nudge: number;
}

/** The wished nudge of every output, from the trace. */
export function outputWishes(trace: Trace): OutputWish[] {
  const L = trace.a.length - 1;
  const aL = trace.a[L]!;
  const g = trace.dCda[L]!;
  return Array.from(aL, (a, j) => ({ j, a, y: trace.y[j]!, nudge: -g[j]! }));
}

/** One term w⁽ˡ⁾ⱼₖ δ⁽ˡ⁾ⱼ of the backward sum for neuron k of layer l − 1. */
export interface BackTerm {
  readonly j: number;
  /** w⁽ˡ⁾ⱼₖ, from the network. */
  readonly w: number;
  /** δ⁽ˡ⁾ⱼ, from the trace. */
  readonly delta: number;
  /** w · δ: neuron j's share of ∂C₀/∂a⁽ˡ⁻¹⁾ₖ. */
  readonly term: number;
}

/**
 * The terms whose sum is ∂C₀/∂a⁽ˡ⁻¹⁾ₖ = Σⱼ w⁽ˡ⁾ⱼₖ δ⁽ˡ⁾ⱼ: the engine's backward sum (network.ts traceExample), term
 * by term, j = 0 … n(l) − 1. The total to show is the trace's own dCda[l − 1][k].
 */
export function backTerms(net: Network, trace: Trace, l: number, k: number): BackTerm[] {
  const nIn = net.spec.sizes[l - 1]!;
  const wl = net.w[l]!;
  const d = trace.delta[l]!;
  return Array.from(d, (delta, j) => ({
    j,
    w: wl[j * nIn + k]!,
    delta,
    term: backTerm(net, trace, l, j, k),
  }));
}

/**
 * Neuron j of layer l's own wish for each activation of layer l − 1: −w⁽ˡ⁾ⱼₖ δ⁽ˡ⁾ⱼ, k = 0 … n(l−1) − 1 (one term of
 * each −∂C₀/∂a⁽ˡ⁻¹⁾ₖ; the sum over j of these is the trace's −dCda[l − 1]).
 */
export function activationWishes(net: Network, trace: Trace, l: number, j: number): Float64Array {
  return Float64Array.from({ length: net.spec.sizes[l - 1]! }, (_, k) => -backTerm(net, trace, l, j, k));
}

/** Index of the largest |v[i]| (the first of ties; 0 for an empty array). */
export function argmaxAbs(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]!) > Math.abs(v[best]!)) best = i;
  return best;
}

/** Indices of the `count` largest |v[i]|, largest first (ties by index). */
export function topAbs(v: ArrayLike<number>, count: number): number[] {
  const idx = Array.from({ length: v.length }, (_, i) => i);
  idx.sort((p, q) => Math.abs(v[q]!) - Math.abs(v[p]!) || p - q);
  return idx.slice(0, Math.max(0, count));
}

/**
 * Rows for the nudge table: in each layer from L back to 1, its `weights` weights and `biases` biases with the
 * largest average |∂C/∂p|, largest first, so every layer of the network is represented.
 */
export function largestNudges(
  spec: NetworkSpec,
  mean: Gradient,
  { weights = 3, biases = 1 }: { weights?: number; biases?: number } = {},
): ParamRef[] {
  const rows: ParamRef[] = [];
  for (let l = depth(spec); l >= 1; l--) {
    for (const index of topAbs(mean.dw[l]!, weights)) rows.push({ kind: "w", layer: l, index });
    for (const index of topAbs(mean.db[l]!, biases)) rows.push({ kind: "b", layer: l, index });
  }
  return rows;
}

/** ∂C/∂p of a gradient (an example's trace or a batch mean). */
export function gradientAt(grad: Gradient, p: ParamRef): number {
  return (p.kind === "w" ? grad.dw : grad.db)[p.layer]![p.index]!;
}

/** Row j (the neuron of layer l) and column k (the neuron of layer l − 1; −1 for a bias) of a parameter. */
export function rowCol(spec: NetworkSpec, p: ParamRef): { j: number; k: number } {
  if (p.kind === "b") return { j: p.index, k: -1 };
  const nIn = spec.sizes[p.layer - 1]!;
  return { j: Math.floor(p.index / nIn), k: p.index % nIn };
}

/** The flat index of weight (j, k) of layer l. */
export function weightIndex(spec: NetworkSpec, l: number, j: number, k: number): number {
  return j * spec.sizes[l - 1]! + k;
}

/** A layer's superscript in the videos' notation, counted back from the output: L, L−1, L−2 … (0 for the input). */
export function layerSup(l: number, L: number): Tex {
  if (l === 0) return tex`0`;
  if (l === L) return tex`L`;
  return tex`L-${texNumber(L - l, 0)}`;
}

/** Tex in parentheses when its value x is negative, so "+ (−2.495)" and "× (−0.697)" read right. */
export function paren(t: Tex, x: number): Tex {
  return x < 0 ? tex`\left(${t}\right)` : t;
}

/** A parameter's name as TeX: w^{(L)}_{2,7}, b^{(L-1)}_{5}. */
export function paramTex(spec: NetworkSpec, p: ParamRef): Tex {
  const { j, k } = rowCol(spec, p);
  const sup = layerSup(p.layer, depth(spec));
  return p.kind === "w"
    ? tex`w^{(${sup})}_{${texNumber(j, 0)},${texNumber(k, 0)}}`
    : tex`b^{(${sup})}_{${texNumber(j, 0)}}`;
}

/** A parameter in words, for accessible names: "weight from neuron 7 of layer 2 to neuron 2 of layer 3". */
export function paramWords(spec: NetworkSpec, p: ParamRef): string {
  const { j, k } = rowCol(spec, p);
  const from = p.layer === 1 ? `pixel ${k}` : `neuron ${k} of layer ${p.layer - 1}`;
  return p.kind === "w"
    ? `weight from ${from} to neuron ${j} of layer ${p.layer}`
    : `bias of neuron ${j} of layer ${p.layer}`;
}

/** A parameter as a stable term-name fragment: "w3-2-7", "b2-5". */
export function paramKey(spec: NetworkSpec, p: ParamRef): string {
  const { j, k } = rowCol(spec, p);
  return p.kind === "w" ? `w${p.layer}-${j}-${k}` : `b${p.layer}-${j}`;
}

/** The mini-batch shown: `size` test images starting at `first`, wrapping at the end of the set. */
export function batchFrom(first: number, size: number, count: number): number[] {
  const n = Math.min(size, count);
  return Array.from({ length: n }, (_, i) => (first + i) % count);
}

/** The first test image labelled `digit` (the scenes open on a 2), or 0 when there is none. */
export function firstWithLabel(labels: ArrayLike<number>, count: number, digit: number): number {
  for (let i = 0; i < count; i++) if (labels[i] === digit) return i;
  return 0;
}
