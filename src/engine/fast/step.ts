// One SGD step of the fast path over a BatchContext: forward, δ for every layer and example, the batch's summed
// gradients, then the update (plain or with momentum). Layer 1's gradient is applied or accumulated over the ink
// only, by the rank1Sparse kernel. A huge mini-batch can be trained in parts (accumulateGradients, then
// applySummedGradients), so no single call runs long. The same numbers as network.ts's traceBatch + applyGradient up
// to float32 rounding order; test/engine/fast.test.ts and test/engine/fast/partialStep.test.ts hold it to that.

import type { Activation } from "../activations.ts";
import type { Hyper } from "../hyper.ts";
import { outputDelta, type Network } from "../network.ts";
import { depth, hiddenActivation } from "../spec.ts";
import { kernels } from "../wasm/kernels.ts";
import { forwardBatch, labelOf, type BatchContext, type InputLayer } from "./batch.ts";
import { addressesOf } from "./placement.ts";

/**
 * What a trainer keeps from step to step: gradient sums (∂C/∂w summed over the batch) and the momentum
 * velocity, shaped like net.w and net.b, except layer 1's, which are input-major like InputLayer's W.
 */
export interface StepState {
  readonly gw: Float32Array[];
  readonly gb: Float32Array[];
  /** v for momentum: v ← μv − η(g/m + λw). */
  readonly vw: Float32Array[];
  readonly vb: Float32Array[];
  /** Address of layer 1's gradient sum in the kernels' memory, f32[nIn × stride]. */
  readonly ptrGw1: number;
}

export function createStepState(net: Network<Float32Array>, input: InputLayer): StepState {
  const like = (v: Float32Array[]) => v.map((x) => new Float32Array(x.length));
  const vw = like(net.w);
  vw[1] = new Float32Array(input.nIn * input.stride);
  const gb = like(net.b);
  gb[1] = new Float32Array(input.stride);
  return { gw: like(net.w), gb, vw, vb: like(net.b), ptrGw1: kernels().alloc(input.nIn * input.stride * 4) };
}

export function releaseStepState(st: StepState, input: InputLayer): void {
  kernels().release(st.ptrGw1, input.nIn * input.stride * 4);
}

/** δ ← f′(z) ⊙ δ using the stored activation a = f(z) (σ′ = a(1 − a), tanh′ = 1 − a², ReLU′ = [z > 0]). */
function timesPrime(
  f: Activation,
  z: Float32Array,
  a: Float32Array,
  d: Float32Array,
  from: number,
  to: number,
): void {
  switch (f) {
    case "sigmoid":
      for (let i = from; i < to; i++) d[i] = d[i]! * (a[i]! * (1 - a[i]!));
      return;
    case "relu":
      for (let i = from; i < to; i++) if (!(z[i]! > 0)) d[i] = 0;
      return;
    case "tanh":
      for (let i = from; i < to; i++) d[i] = d[i]! * (1 - a[i]! * a[i]!);
  }
}

/** δ[L] for every example, by the same function as the reference. */
function outputDeltas(ctx: BatchContext): void {
  const { spec } = ctx.net;
  const L = depth(spec);
  const nL = spec.sizes[L]!;
  const { buffers } = ctx;
  const { y, g } = buffers;
  const ZL = buffers.Z[L]!;
  const AL = buffers.A[L]!;
  const DL = buffers.D[L]!;
  for (let e = 0; e < ctx.m; e++) {
    const label = labelOf(ctx, e);
    const s = e * buffers.rowStride[L]!;
    if (spec.cost === "crossEntropy") {
      // δ = a − y, as outputDelta gives for cross-entropy (inlined: this loop runs for every example).
      for (let j = 0; j < nL; j++) DL[s + j] = AL[s + j]! - (j === label ? 1 : 0);
    } else if (spec.output === "sigmoid") {
      // δ = σ′(z) · 2(a − y), with σ′(z) = a(1 − a): outputDelta's chain rule, inlined.
      for (let j = 0; j < nL; j++) {
        const a = AL[s + j]!;
        DL[s + j] = a * (1 - a) * 2 * (a - (j === label ? 1 : 0));
      }
    } else {
      y.fill(0);
      y[label] = 1;
      const aL = AL.subarray(s, s + nL);
      for (let j = 0; j < nL; j++) g[j] = 2 * (aL[j]! - y[j]!);
      outputDelta(spec, ZL.subarray(s, s + nL), aL, y, g, DL.subarray(s, s + nL));
    }
  }
}

/** δ[l−1] = f′(z[l−1]) ⊙ (w[l]ᵀ δ[l]), from l = L down to 2, with the weights before the step. */
function backpropagate(ctx: BatchContext): void {
  const { net, m, buffers } = ctx;
  const { spec } = net;
  for (let l = depth(spec); l >= 2; l--) {
    const n = spec.sizes[l]!;
    const nPrev = spec.sizes[l - 1]!;
    const sPrev = buffers.rowStride[l - 1]!;
    const wl = net.w[l]!;
    const Dl = buffers.D[l]!;
    const Dp = buffers.D[l - 1]!;
    Dp.fill(0, 0, m * sPrev);
    for (let e = 0; e < m; e++) {
      const dOff = e * n;
      const pOff = e * sPrev;
      for (let j = 0; j < n; j++) {
        const dj = Dl[dOff + j]!;
        if (dj === 0) continue;
        const row = j * nPrev;
        for (let q = 0; q < nPrev; q++) Dp[pOff + q] = Dp[pOff + q]! + wl[row + q]! * dj;
      }
    }
    timesPrime(hiddenActivation(spec, l - 1), buffers.Z[l - 1]!, buffers.A[l - 1]!, Dp, 0, m * sPrev);
  }
}

/**
 * ∂C/∂b summed over the batch for every layer, and for layers ≥ 2 ∂C/∂w summed: Σₑ δₑ aₑᵀ. `first` starts the sums
 * at 0; otherwise this batch's are added to them (a mini-batch trained in parts).
 */
function sumGradients(ctx: BatchContext, st: StepState, first: boolean): void {
  const { net, m, buffers } = ctx;
  const { spec } = net;
  const rs = buffers.rowStride;
  for (let l = 1; l <= depth(spec); l++) {
    const n = spec.sizes[l]!;
    const s = rs[l]!;
    const Dl = buffers.D[l]!;
    const gb = st.gb[l]!;
    if (first) gb.fill(0);
    for (let e = 0; e < m; e++) for (let j = 0; j < n; j++) gb[j] = gb[j]! + Dl[e * s + j]!;
    if (l === 1) continue;
    const nPrev = spec.sizes[l - 1]!;
    const sPrev = rs[l - 1]!;
    const Ap = buffers.A[l - 1]!;
    const gw = st.gw[l]!;
    if (first) gw.fill(0);
    for (let e = 0; e < m; e++) {
      const aOff = e * sPrev;
      for (let j = 0; j < n; j++) {
        const dj = Dl[e * n + j]!;
        if (dj === 0) continue;
        const row = j * nPrev;
        for (let q = 0; q < nPrev; q++) gw[row + q] = gw[row + q]! + dj * Ap[aOff + q]!;
      }
    }
  }
}

/** Layer l's weights and biases as the step updates them (layer 1's in the kernels' memory). */
function params(ctx: BatchContext, l: number): { w: Float32Array; b: Float32Array } {
  return l === 1 ? { w: ctx.input.weights(), b: ctx.input.biases() } : { w: ctx.net.w[l]!, b: ctx.net.b[l]! };
}

/** Plain SGD: w ← (1 − ηλ)w − (η/m) Σ ∂C₀/∂w. Layer 1's sum goes straight into its weights (rank1Sparse). */
function plainUpdate(ctx: BatchContext, opt: Hyper, st: StepState): void {
  const { input, m } = ctx;
  const { spec } = ctx.net;
  const k = kernels();
  const img = addressesOf(ctx.images);
  const eta = opt.learningRate;
  const lambda = opt.weightDecay;
  const scale = eta / m;
  for (let l = 1; l <= depth(spec); l++) {
    const { w, b } = params(ctx, l);
    if (lambda !== 0) {
      const keep = 1 - eta * lambda;
      if (l === 1) k.fn.scale(input.W, w.length, keep);
      else for (let i = 0; i < w.length; i++) w[i] = w[i]! * keep;
    }
    const gb = st.gb[l]!;
    for (let j = 0; j < spec.sizes[l]!; j++) b[j] = b[j]! - scale * gb[j]!;
    if (l === 1) {
      const D1 = ctx.buffers.D[1]!.byteOffset;
      const rows = ctx.buffers.ptrRows;
      k.fn.rank1Sparse(input.W, input.stride, D1, -scale, img.offsets, img.index, img.value, rows, m);
    } else {
      const gw = st.gw[l]!;
      for (let i = 0; i < w.length; i++) w[i] = w[i]! - scale * gw[i]!;
    }
  }
}

/** Adds the batch's Σ ∂C/∂w for layer 1 to the sum in the kernels' memory (set to 0 first when `first`). */
function sumInputGradient(ctx: BatchContext, st: StepState, first: boolean): void {
  const { input } = ctx;
  const k = kernels();
  const img = addressesOf(ctx.images);
  if (first) k.f32(st.ptrGw1, input.nIn * input.stride).fill(0);
  const D1 = ctx.buffers.D[1]!.byteOffset;
  const rows = ctx.buffers.ptrRows;
  k.fn.rank1Sparse(st.ptrGw1, input.stride, D1, 1, img.offsets, img.index, img.value, rows, ctx.m);
}

/** Momentum over m examples' summed gradients: v ← μv − η(g/m + λw), w ← w + v (layer 1's g from ptrGw1). */
function momentumUpdate(ctx: BatchContext, opt: Hyper, st: StepState, m: number): void {
  const { input } = ctx;
  const { spec } = ctx.net;
  const eta = opt.learningRate;
  const lambda = opt.weightDecay;
  const mu = opt.momentum;
  const gw1 = kernels().f32(st.ptrGw1, input.nIn * input.stride);
  for (let l = 1; l <= depth(spec); l++) {
    const { w, b } = params(ctx, l);
    const gw = l === 1 ? gw1 : st.gw[l]!;
    const vw = st.vw[l]!;
    for (let i = 0; i < w.length; i++) {
      vw[i] = mu * vw[i]! - eta * (gw[i]! / m + lambda * w[i]!);
      w[i] = w[i]! + vw[i]!;
    }
    const gb = st.gb[l]!;
    const vb = st.vb[l]!;
    for (let j = 0; j < spec.sizes[l]!; j++) {
      vb[j] = mu * vb[j]! - eta * (gb[j]! / m);
      b[j] = b[j]! + vb[j]!;
    }
  }
}

/** Plain SGD over m examples' summed gradients (layer 1's from ptrGw1): w ← (1 − ηλ)w − (η/m) Σ ∂C₀/∂w. */
function summedPlainUpdate(ctx: BatchContext, opt: Hyper, st: StepState, m: number): void {
  const { input } = ctx;
  const { spec } = ctx.net;
  const gw1 = kernels().f32(st.ptrGw1, input.nIn * input.stride);
  const keep = 1 - opt.learningRate * opt.weightDecay;
  const scale = opt.learningRate / m;
  for (let l = 1; l <= depth(spec); l++) {
    const { w, b } = params(ctx, l);
    const gw = l === 1 ? gw1 : st.gw[l]!;
    for (let i = 0; i < w.length; i++) w[i] = w[i]! * keep - scale * gw[i]!;
    const gb = st.gb[l]!;
    for (let j = 0; j < spec.sizes[l]!; j++) b[j] = b[j]! - scale * gb[j]!;
  }
}

/**
 * One SGD step on the batch: forward, backpropagate δ through every layer with the old weights, then
 * w ← w − (η/m) Σ ∂C₀/∂w (with decay λ and momentum μ if set). Returns the batch's mean cost before the step.
 */
export function sgdStep(ctx: BatchContext, opt: Hyper, st: StepState): number {
  const cost = forwardBatch(ctx, true) / ctx.m;
  outputDeltas(ctx);
  backpropagate(ctx);
  sumGradients(ctx, st, true);
  if (opt.momentum === 0) plainUpdate(ctx, opt, st);
  else {
    sumInputGradient(ctx, st, true);
    momentumUpdate(ctx, opt, st, ctx.m);
  }
  return cost;
}

/**
 * One part of a mini-batch trained in parts: the gradients of `ctx`'s examples through the weights as they are, added
 * to the sums in `st` (started afresh when `first`). No weight changes until `applySummedGradients`. Returns the sum
 * of the part's costs.
 */
export function accumulateGradients(ctx: BatchContext, st: StepState, first: boolean): number {
  const cost = forwardBatch(ctx, true);
  outputDeltas(ctx);
  backpropagate(ctx);
  sumGradients(ctx, st, first);
  sumInputGradient(ctx, st, first);
  return cost;
}

/** The step for a mini-batch of `m` examples whose gradients `accumulateGradients` summed: as sgdStep's. */
export function applySummedGradients(ctx: BatchContext, opt: Hyper, st: StepState, m: number): void {
  if (opt.momentum === 0) summedPlainUpdate(ctx, opt, st, m);
  else momentumUpdate(ctx, opt, st, m);
}
