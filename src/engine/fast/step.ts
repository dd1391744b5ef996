// One SGD step of the fast path over a BatchContext, each a single call into the WebAssembly SIMD kernels
// (src/engine/wasm/step.as.ts): forward, δ for every layer and example, then the update. Plain SGD adds
// −(η/m) Σₑ δₑ aₑᵀ to layer 1's weights over the ink only; momentum sums the batch's gradients first, then updates
// every weight (v ← μv − η(g + λw), w ← w + v). A huge mini-batch can be trained in parts (accumulateGradients, then
// applySummedGradients), so no single call runs long. The same numbers as network.ts's traceBatch + applyGradient up
// to float32 rounding order (test/engine/fast.test.ts and test/engine/fast/partialStep.test.ts hold it to that), and
// bit for bit the steps of the JavaScript loops the kernels replace, so `npm run models` still regenerates the shipped
// models exactly.

import type { PresetTraining } from "../presets.ts";
import { kernels } from "../wasm/kernels.ts";
import { costArgs, setBatch, type BatchContext } from "./batch.ts";

/**
 * One SGD step on the batch: forward, backpropagate δ through every layer with the old weights, then
 * w ← w − (η/m) Σ ∂C₀/∂w (with decay λ and momentum μ if set). Returns the batch's mean cost before the step.
 */
export function sgdStep(ctx: BatchContext, opt: PresetTraining): number {
  if (opt.momentum !== 0) {
    const cost = accumulateGradients(ctx, true);
    applySummedGradients(ctx, opt, ctx.m);
    return cost / ctx.m;
  }
  setBatch(ctx);
  ctx.net.cleanSums(false);
  const { table, L, spec } = ctx.net;
  const sum = kernels().fn.trainStep(table, L, ctx.m, ...costArgs(spec), opt.learningRate, opt.weightDecay);
  return sum / ctx.m;
}

/**
 * One part of a mini-batch trained in parts: the gradients of `ctx`'s examples through the weights as they are, added
 * to the network's gradient sums (started afresh when `first`). No weight changes until `applySummedGradients`.
 * Returns the sum of the part's costs.
 */
export function accumulateGradients(ctx: BatchContext, first: boolean): number {
  setBatch(ctx);
  if (first) ctx.net.cleanSums(true);
  const { table, L, spec } = ctx.net;
  return kernels().fn.accumulate(table, L, ctx.m, ...costArgs(spec));
}

/** The step for a mini-batch of `m` examples whose gradients `accumulateGradients` summed: as sgdStep's. */
export function applySummedGradients(ctx: BatchContext, opt: PresetTraining, m: number): void {
  const { table, L } = ctx.net;
  kernels().fn.applySums(table, L, m, opt.learningRate, opt.weightDecay, opt.momentum);
  ctx.net.sumsApplied();
}
