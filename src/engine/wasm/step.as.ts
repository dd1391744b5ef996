// The whole SGD step of every layer over a mini-batch, in the kernels' memory (AssemblyScript): forward, cost,
// δ back through every layer, then the update, in one call from JavaScript. A network is described by its layer
// table, which src/engine/fast/resident.ts writes: for layer l = 1 … L, 16 u32 words at table + (l − 1)·64:
//   0 nIn   1 n   2 s (n rounded up to 4)   3 activation code (activations.as.ts)
//   4 W f32[nIn × s], input-major   5 b f32[s]   6 ΣW f32[nIn × s]   7 Σb f32[s]   8 vW   9 vb (momentum)
//   10 Z   11 A   12 D: the batch's f32[rows × s]   13 T f32[n × sIn]: scratch for W output-major (layers 2 … L)
// Layer 1's input is the batch's images' ink (sparse.as.ts); the others' is the layer before's A.

import { activateRows, costSum, outputDelta, timesPrime } from "./activations.as";
import {
  denseBack,
  denseForward,
  denseGradient,
  momentumStep,
  scale,
  stepFromParts,
  stepFromSum,
  sumRows,
  transpose,
} from "./dense.as";
import { forwardSparse, rank1Sparse } from "./sparse.as";

const NIN = 0;
const N = 1;
const S = 2;
const ACT = 3;
const W = 4;
const B = 5;
const GW = 6;
const GB = 7;
const VW = 8;
const VB = 9;
const Z = 10;
const A = 11;
const D = 12;
const T = 13;

/** Word f of layer l's row of the table. */
function at(table: usize, l: i32, f: i32): i32 {
  return load<i32>(table + ((<usize>((l - 1) * 16 + f)) << 2));
}

/** The batch's images: where their ink is, and which of them (u32[m] image numbers and u32[m] labels). */
let offsets: usize = 0;
let index: usize = 0;
let value: usize = 0;
let rows: usize = 0;
let labels: usize = 0;

/** Sets the images the next calls read (addresses as src/engine/fast/placement.ts placed them). */
export function setBatch(
  offsetsAt: usize,
  indexAt: usize,
  valueAt: usize,
  rowsAt: usize,
  labelsAt: usize,
): void {
  offsets = offsetsAt;
  index = indexAt;
  value = valueAt;
  rows = rowsAt;
  labels = labelsAt;
}

/** Z and A of every layer for the batch's m examples. */
export function forward(table: usize, L: i32, m: i32): void {
  for (let l = 1; l <= L; l++) {
    const s = at(table, l, S);
    const Zl = <usize>at(table, l, Z);
    const Wl = <usize>at(table, l, W);
    const bl = <usize>at(table, l, B);
    if (l == 1) forwardSparse(Wl, s, bl, offsets, index, value, rows, m, Zl);
    else {
      const Ap = <usize>at(table, l - 1, A);
      denseForward(Wl, s, bl, Ap, at(table, l - 1, S), at(table, l, NIN), m, Zl);
    }
    activateRows(at(table, l, ACT), Zl, <usize>at(table, l, A), s, at(table, l, N), m);
  }
}

/** The sum of the batch's costs C₀ after `forward` (cost: its code; eps: the smallest activation fed to ln). */
export function cost(table: usize, L: i32, m: i32, costKind: i32, eps: f64): f64 {
  const AL = <usize>at(table, L, A);
  return costSum(at(table, L, ACT), costKind, AL, at(table, L, S), at(table, L, N), m, labels, eps);
}

/** δ of every layer after `forward`, through the weights as they are: δ[L], then δ[l−1] = f′ ⊙ (wᵀ δ[l]). */
function backward(table: usize, L: i32, m: i32, costKind: i32): void {
  const DL = <usize>at(table, L, D);
  outputDelta(
    at(table, L, ACT),
    costKind,
    <usize>at(table, L, A),
    DL,
    at(table, L, S),
    at(table, L, N),
    m,
    labels,
  );
  for (let l = L; l >= 2; l--) {
    const sp = at(table, l - 1, S);
    const np = at(table, l - 1, N);
    const Dp = <usize>at(table, l - 1, D);
    const n = at(table, l, N);
    const Tl = <usize>at(table, l, T);
    transpose(<usize>at(table, l, W), at(table, l, S), np, n, Tl, sp);
    denseBack(Tl, sp, n, <usize>at(table, l, D), at(table, l, S), m, Dp);
    timesPrime(at(table, l - 1, ACT), <usize>at(table, l - 1, Z), <usize>at(table, l - 1, A), Dp, sp, np, m);
  }
}

/** Adds the batch's ∂C/∂b = Σₑ δₑ to Σb for every layer, and its ∂C/∂w = Σₑ δₑ aₑᵀ to ΣW for layers from `from`. */
function addGradients(table: usize, L: i32, m: i32, from: i32): void {
  for (let l = 1; l <= L; l++) {
    const s = at(table, l, S);
    const Dl = <usize>at(table, l, D);
    sumRows(<usize>at(table, l, GB), s, Dl, m);
    if (l < from) continue;
    const G = <usize>at(table, l, GW);
    if (l == 1) rank1Sparse(G, s, Dl, 1, offsets, index, value, rows, m);
    else denseGradient(G, s, Dl, <usize>at(table, l - 1, A), at(table, l - 1, S), at(table, l, NIN), m);
  }
}

/**
 * One plain SGD step on the batch: forward, δ, then w ← (1 − ηλ)w − (η/m) Σₑ δₑ aₑᵀ, b ← b − (η/m) Σₑ δₑ. Layer 1's
 * sum goes straight into its weights (rank1Sparse); the others' through ΣW. Needs the sums at 0, and leaves them so.
 * Returns the sum of the batch's costs before the step.
 */
export function trainStep(table: usize, L: i32, m: i32, costKind: i32, eps: f64, eta: f64, lambda: f64): f64 {
  forward(table, L, m);
  const c = cost(table, L, m, costKind, eps);
  backward(table, L, m, costKind);
  addGradients(table, L, m, 2);
  const keep = 1 - eta * lambda;
  const scaleBy = eta / <f64>m;
  for (let l = 1; l <= L; l++) {
    const s = at(table, l, S);
    const Wl = <usize>at(table, l, W);
    const n = at(table, l, NIN) * s;
    stepFromSum(<usize>at(table, l, B), <usize>at(table, l, GB), s, false, 1, scaleBy);
    if (l > 1) stepFromSum(Wl, <usize>at(table, l, GW), n, lambda != 0, keep, scaleBy);
    else {
      if (lambda != 0) scale(Wl, n, <f32>keep);
      rank1Sparse(Wl, s, <usize>at(table, 1, D), <f32>-scaleBy, offsets, index, value, rows, m);
    }
  }
  return c;
}

/** Adds the batch's ∂C/∂w and ∂C/∂b (summed over its examples) to ΣW and Σb; returns the sum of its costs. */
export function accumulate(table: usize, L: i32, m: i32, costKind: i32, eps: f64): f64 {
  forward(table, L, m);
  const c = cost(table, L, m, costKind, eps);
  backward(table, L, m, costKind);
  addGradients(table, L, m, 1);
  return c;
}

/**
 * The step from the sums of m examples' gradients, g = ΣW/m: with momentum μ, v ← μv − η(g + λw), w ← w + v
 * (biases not decayed); without, w ← (1 − ηλ)w − ηg. The sums are 0 afterwards.
 */
export function applySums(table: usize, L: i32, m: f64, eta: f64, lambda: f64, mu: f64): void {
  for (let l = 1; l <= L; l++) {
    const s = at(table, l, S);
    const n = at(table, l, NIN) * s;
    const Wl = <usize>at(table, l, W);
    const bl = <usize>at(table, l, B);
    const GWl = <usize>at(table, l, GW);
    const GBl = <usize>at(table, l, GB);
    if (mu != 0) {
      momentumStep(Wl, <usize>at(table, l, VW), GWl, n, mu, eta, m, true, lambda);
      momentumStep(bl, <usize>at(table, l, VB), GBl, s, mu, eta, m, false, 0);
    } else {
      stepFromParts(Wl, GWl, n, 1 - eta * lambda, eta / m);
      stepFromParts(bl, GBl, s, 1, eta / m);
    }
  }
}

/** Sets ΣW and Σb to 0 (a mini-batch trained in parts and dropped half way leaves them part summed). */
export function clearSums(table: usize, L: i32): void {
  for (let l = 1; l <= L; l++) {
    const s = at(table, l, S);
    memory.fill(<usize>at(table, l, GW), 0, (<usize>(at(table, l, NIN) * s)) << 2);
    memory.fill(<usize>at(table, l, GB), 0, (<usize>s) << 2);
  }
}
