// The multilayer perceptron and its reference math: forward pass, backpropagation of one example
// (the trace the lessons display) and averaged mini-batch gradients. Plain loops, readable first;
// src/engine/fast.ts is the batched path that training runs on and is tested against this one. What a
// network is (its spec and parameter arrays, spec.ts) and the SGD step (sgd.ts) have files of their own,
// re-exported here.
//
// Notation (the videos' and Nielsen's; array indices match the superscripts):
//   L            number of weight layers; neuron layers are 0 (input) … L (output)
//   n[l]         neurons in layer l                      spec.sizes[l]
//   w[l]         weights into layer l, l = 1…L           w[l][j * n[l-1] + k] = from neuron k of layer l−1 to neuron j of layer l
//   b[l]         biases of layer l                       b[l][j]
//   z[l]         weighted sums  z = w a[l−1] + b         (index 0 unused: empty)
//   a[l]         activations    a = f(z); a[0] = x
//   y            desired output (one-hot for a digit)
//   C₀           cost of one example (see costs.ts for the constant factors)
//   delta[l]     δ = ∂C₀/∂z[l]
//   eta          η, the learning rate

import { activate, activatePrime, softmaxInto, type Activation } from "./activations.ts";
import { costPrime, costTerm } from "./costs.ts";
import { createRng } from "./rng.ts";
import {
  depth,
  hiddenActivation,
  validateSpec,
  type Floats,
  type Gradient,
  type Network,
  type NetworkSpec,
  type Precision,
} from "./spec.ts";

export {
  depth,
  hiddenActivation,
  MAX_HIDDEN_LAYERS,
  MAX_NEURONS,
  parameterCount,
  SpecError,
  validateSpec,
  type Floats,
  type Gradient,
  type Network,
  type NetworkSpec,
  type Precision,
} from "./spec.ts";
export { applyGradient, createVelocity, type StepOptions } from "./sgd.ts";

/** Everything backpropagation computes for one example: what the lessons show, number by number. */
export interface Trace<F extends Floats = Floats> extends Gradient<F> {
  /** z[l], l = 1…L (z[0] empty). */
  readonly z: F[];
  /** a[l], l = 0…L; a[0] is the input. */
  readonly a: F[];
  /** The desired output y. */
  readonly y: F;
  /** ∂C₀/∂a[l], l = 0…L: how the cost changes with each activation (layer 0: with each pixel). */
  readonly dCda: F[];
  /** δ[l] = ∂C₀/∂z[l], l = 1…L (delta[0] empty). */
  readonly delta: F[];
  /** C₀ = Σⱼ costTerms[j]: each output's share of the cost. */
  readonly costTerms: F;
  readonly cost: number;
}

export function allocFloats(precision: Precision, n: number): Floats {
  return precision === "float64" ? new Float64Array(n) : new Float32Array(n);
}

/** An array of the same precision as `like`. */
export function allocLike<F extends Floats>(like: F, n: number): F {
  return (like instanceof Float64Array ? new Float64Array(n) : new Float32Array(n)) as F;
}

/** How initial weights are drawn: N(0, 1/fan-in) by default, He N(0, 2/fan-in) for layers feeding ReLU. */
export type Init = "auto" | "gaussian" | "he";

/**
 * A new network with seeded random weights. Weights into layer l are Gaussian with standard deviation
 * 1/√n[l−1] ("gaussian"), or √(2/n[l−1]) when layer l is ReLU ("he", chosen by "auto"). Biases start at 0.
 * The same spec and seed give bit-identical numbers.
 */
export function createNetwork(
  spec: NetworkSpec,
  seed: number,
  options?: { precision?: "float32"; init?: Init },
): Network<Float32Array>;
export function createNetwork(
  spec: NetworkSpec,
  seed: number,
  options: { precision: "float64"; init?: Init },
): Network<Float64Array>;
export function createNetwork(
  spec: NetworkSpec,
  seed: number,
  options?: { precision?: Precision; init?: Init },
): Network;
export function createNetwork(
  spec: NetworkSpec,
  seed: number,
  options: { precision?: Precision; init?: Init } = {},
): Network {
  validateSpec(spec);
  const precision = options.precision ?? "float32";
  const init = options.init ?? "auto";
  const rng = createRng(seed);
  const L = depth(spec);
  const w: Floats[] = [allocFloats(precision, 0)];
  const b: Floats[] = [allocFloats(precision, 0)];
  for (let l = 1; l <= L; l++) {
    const nIn = spec.sizes[l - 1]!;
    const nOut = spec.sizes[l]!;
    const he = init === "he" || (init === "auto" && l < L && hiddenActivation(spec, l) === "relu");
    const scale = Math.sqrt((he ? 2 : 1) / nIn);
    const wl = allocFloats(precision, nOut * nIn);
    for (let i = 0; i < wl.length; i++) wl[i] = rng.gaussian() * scale;
    w.push(wl);
    b.push(allocFloats(precision, nOut));
  }
  return { spec, w, b };
}

/** A copy of `net` in the given precision (float64 for checking a float32 network). */
export function convertNetwork(net: Network, precision: Precision): Network {
  const conv = (v: Floats) => {
    const out = allocFloats(precision, v.length);
    out.set(v);
    return out;
  };
  return { spec: net.spec, w: net.w.map(conv), b: net.b.map(conv) };
}

/** A deep copy. */
export function cloneNetwork<F extends Floats>(net: Network<F>): Network<F> {
  return { spec: net.spec, w: net.w.map((v) => v.slice() as F), b: net.b.map((v) => v.slice() as F) };
}

/** y for a digit: 1 at the label, 0 elsewhere. */
export function oneHot(label: number, n: number, precision: Precision = "float32"): Floats {
  const y = allocFloats(precision, n);
  y[label] = 1;
  return y;
}

/** z = w a_prev + b for layer l, written into z. */
function weightedSum(net: Network, l: number, aPrev: ArrayLike<number>, z: Floats): void {
  const nIn = net.spec.sizes[l - 1]!;
  const nOut = net.spec.sizes[l]!;
  const wl = net.w[l]!;
  const bl = net.b[l]!;
  for (let j = 0; j < nOut; j++) {
    let s = bl[j]!;
    const row = j * nIn;
    for (let k = 0; k < nIn; k++) s += wl[row + k]! * aPrev[k]!;
    z[j] = s;
  }
}

/** a = f(z) for layer l (softmax or sigmoid at the output). */
export function activateLayer(spec: NetworkSpec, l: number, z: ArrayLike<number>, a: Floats): void {
  if (l === depth(spec) && spec.output === "softmax") {
    softmaxInto(z, a);
    return;
  }
  const f: Activation = l === depth(spec) ? "sigmoid" : hiddenActivation(spec, l);
  for (let j = 0; j < z.length; j++) a[j] = activate(f, z[j]!);
}

/** Forward pass: the activations of every layer, a[0] = x … a[L] = output; z[0] is empty. */
export function forwardAll<F extends Floats>(net: Network<F>, x: ArrayLike<number>): { z: F[]; a: F[] } {
  const like = net.b[1]!;
  const L = depth(net.spec);
  const a0 = allocLike(like, x.length);
  for (let k = 0; k < x.length; k++) a0[k] = x[k]!;
  const z: F[] = [allocLike(like, 0)];
  const a: F[] = [a0];
  for (let l = 1; l <= L; l++) {
    const n = net.spec.sizes[l]!;
    const zl = allocLike(like, n);
    const al = allocLike(like, n);
    weightedSum(net, l, a[l - 1]!, zl);
    activateLayer(net.spec, l, zl, al);
    z.push(zl);
    a.push(al);
  }
  return { z, a };
}

/** The output activations a[L] for input x. */
export function forward<F extends Floats>(net: Network<F>, x: ArrayLike<number>): F {
  const { a } = forwardAll(net, x);
  return a[a.length - 1]!;
}

/** The cost C₀ of one example, and its per-output terms. */
export function exampleCost<F extends Floats>(
  spec: NetworkSpec,
  aL: F,
  y: ArrayLike<number>,
): { cost: number; terms: F } {
  const terms = allocLike(aL, aL.length);
  let cost = 0;
  for (let j = 0; j < aL.length; j++) {
    const t = costTerm(spec.cost, spec.output, aL[j]!, y[j]!);
    terms[j] = t;
    cost += terms[j]!; // sum what is stored, so the shown terms add up to the shown cost
  }
  return { cost, terms };
}

/**
 * δ[L] = ∂C₀/∂z[L] by the generic chain rule: δⱼ = Σᵢ (∂aᵢ/∂zⱼ) ∂C₀/∂aᵢ. For an elementwise sigmoid
 * that is σ′(zⱼ) ∂C₀/∂aⱼ; for softmax, ∂aᵢ/∂zⱼ = aᵢ(1[i=j] − aⱼ), so δⱼ = aⱼ(gⱼ − Σᵢ gᵢ aᵢ).
 */
export function outputDeltaChainRule(
  spec: NetworkSpec,
  zL: ArrayLike<number>,
  aL: ArrayLike<number>,
  dCda: ArrayLike<number>,
  delta: Floats,
): void {
  if (spec.output === "softmax") {
    let dot = 0;
    for (let i = 0; i < aL.length; i++) dot += dCda[i]! * aL[i]!;
    for (let j = 0; j < aL.length; j++) delta[j] = aL[j]! * (dCda[j]! - dot);
    return;
  }
  for (let j = 0; j < aL.length; j++) delta[j] = activatePrime("sigmoid", zL[j]!) * dCda[j]!;
}

/**
 * δ[L] as training computes it. Cross-entropy with either output simplifies to δⱼ = aⱼ − yⱼ (that is
 * what it was designed for: no σ′ to slow learning); squared error uses the chain rule.
 */
export function outputDelta(
  spec: NetworkSpec,
  zL: ArrayLike<number>,
  aL: ArrayLike<number>,
  y: ArrayLike<number>,
  dCda: ArrayLike<number>,
  delta: Floats,
): void {
  if (spec.cost === "crossEntropy") {
    for (let j = 0; j < aL.length; j++) delta[j] = aL[j]! - y[j]!;
    return;
  }
  outputDeltaChainRule(spec, zL, aL, dCda, delta);
}

/**
 * Backpropagation of one example, keeping every intermediate: the trace the lessons display.
 *   δ[L] = ∂C₀/∂a[L] through the output's Jacobian;
 *   ∂C₀/∂a[l−1]ₖ = Σⱼ w[l]ⱼₖ δ[l]ⱼ;  δ[l−1] = f′(z[l−1]) ⊙ ∂C₀/∂a[l−1];
 *   ∂C₀/∂w[l]ⱼₖ = a[l−1]ₖ δ[l]ⱼ;  ∂C₀/∂b[l]ⱼ = δ[l]ⱼ.
 */
export function traceExample<F extends Floats>(
  net: Network<F>,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): Trace<F> {
  const { spec } = net;
  const L = depth(spec);
  const like = net.b[1]!;
  const { z, a } = forwardAll(net, x);
  const aL = a[L]!;
  const yv = allocLike(like, aL.length);
  for (let j = 0; j < aL.length; j++) yv[j] = y[j]!;
  const { cost, terms } = exampleCost(spec, aL, yv);

  const dCda: F[] = spec.sizes.map((n) => allocLike(like, n));
  const delta: F[] = spec.sizes.map((n, l) => allocLike(like, l === 0 ? 0 : n));
  const dw: F[] = net.w.map((v) => allocLike(like, v.length));
  const db: F[] = net.b.map((v) => allocLike(like, v.length));

  const gL = dCda[L]!;
  for (let j = 0; j < aL.length; j++) gL[j] = costPrime(spec.cost, spec.output, aL[j]!, yv[j]!);
  outputDelta(spec, z[L]!, aL, yv, gL, delta[L]!);

  for (let l = L; l >= 1; l--) {
    const nIn = spec.sizes[l - 1]!;
    const nOut = spec.sizes[l]!;
    const d = delta[l]!;
    const aPrev = a[l - 1]!;
    const wl = net.w[l]!;
    const dwl = dw[l]!;
    const dbl = db[l]!;
    const gPrev = dCda[l - 1]!;
    for (let j = 0; j < nOut; j++) {
      const dj = d[j]!;
      dbl[j] = dj;
      const row = j * nIn;
      for (let k = 0; k < nIn; k++) dwl[row + k] = aPrev[k]! * dj;
    }
    for (let k = 0; k < nIn; k++) {
      let s = 0;
      for (let j = 0; j < nOut; j++) s += wl[j * nIn + k]! * d[j]!;
      gPrev[k] = s;
    }
    if (l > 1) {
      const f = hiddenActivation(spec, l - 1);
      const zPrev = z[l - 1]!;
      const dPrev = delta[l - 1]!;
      for (let k = 0; k < nIn; k++) dPrev[k] = activatePrime(f, zPrev[k]!) * gPrev[k]!;
    }
  }
  return { z, a, y: yv, dCda, delta, dw, db, costTerms: terms, cost };
}

/** One example of a mini-batch: input activations (pixels / 255) and desired output. */
export interface Example {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/** A mini-batch's traces, one per example, and their average: the nudge table and its mean column. */
export interface BatchTrace<F extends Floats = Floats> {
  readonly examples: Trace<F>[];
  /** (1/m) Σ of the examples' ∂C₀/∂w and ∂C₀/∂b. */
  readonly mean: Gradient<F>;
  /** (1/m) Σ of the examples' costs. */
  readonly cost: number;
}

/** Traces every example of a batch and averages their gradients. */
export function traceBatch<F extends Floats>(net: Network<F>, batch: readonly Example[]): BatchTrace<F> {
  if (batch.length === 0) throw new RangeError("a mini-batch needs at least one example");
  const like = net.b[1]!;
  const examples = batch.map((e) => traceExample(net, e.x, e.y));
  const m = batch.length;
  const mean = {
    dw: net.w.map((v, l) => {
      const out = allocLike(like, v.length);
      for (let i = 0; i < v.length; i++) {
        let s = 0;
        for (const t of examples) s += t.dw[l]![i]!;
        out[i] = s / m;
      }
      return out;
    }),
    db: net.b.map((v, l) => {
      const out = allocLike(like, v.length);
      for (let i = 0; i < v.length; i++) {
        let s = 0;
        for (const t of examples) s += t.db[l]![i]!;
        out[i] = s / m;
      }
      return out;
    }),
  };
  return { examples, mean, cost: examples.reduce((s, t) => s + t.cost, 0) / m };
}

/**
 * Neuron j of layer l's term in ∂C₀/∂a⁽ˡ⁻¹⁾ₖ: w⁽ˡ⁾ⱼₖ δ⁽ˡ⁾ⱼ (the sum over j is the trace's dCda[l − 1][k]; minus it is
 * the neuron's wish for activation k).
 */
export function backTerm(net: Network, trace: Trace, l: number, j: number, k: number): number {
  return net.w[l]![j * net.spec.sizes[l - 1]! + k]! * trace.delta[l]![j]!;
}

/** Index of the largest output: the network's answer. */
export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < v.length; j++) if (v[j]! > v[best]!) best = j;
  return best;
}
