// Cost functions for one example, each beside its derivative ∂C/∂a.
//
// Squared error follows the videos exactly: C₀ = Σⱼ (aⱼ − yⱼ)², with NO factor ½, so
// ∂C₀/∂aⱼ = 2(aⱼ − yⱼ). The cost of a batch is the mean of its examples' costs.
// Cross-entropy: with softmax output C = −Σⱼ yⱼ ln aⱼ; with sigmoid output each neuron is its own
// yes/no question, C = −Σⱼ [yⱼ ln aⱼ + (1 − yⱼ) ln(1 − aⱼ)].

import type { OutputActivation } from "./activations.ts";

/** "mse" is the videos' sum of squared differences (no ½); "crossEntropy" as described above. */
export type Cost = "mse" | "crossEntropy";
export const COSTS: readonly Cost[] = ["mse", "crossEntropy"];

/** Smallest activation fed to ln, so a saturated neuron gives a large finite cost, not Infinity. */
export const LOG_EPSILON = 1e-12;

/**
 * The cost of one example as a sum of per-output terms: terms[j] is output j's share, and
 * C₀ = Σⱼ terms[j]. For squared error terms[j] = (aⱼ − yⱼ)².
 */
export function costTerm(cost: Cost, output: OutputActivation, a: number, y: number): number {
  if (cost === "mse") {
    const d = a - y;
    return d * d;
  }
  const ln = (v: number) => Math.log(Math.max(v, LOG_EPSILON));
  if (output === "softmax") return y === 0 ? 0 : -y * ln(a);
  return -(y === 0 ? 0 : y * ln(a)) - (y === 1 ? 0 : (1 - y) * ln(1 - a));
}

/** ∂C₀/∂aⱼ for one output term (the cost is a sum of independent terms in a). */
export function costPrime(cost: Cost, output: OutputActivation, a: number, y: number): number {
  if (cost === "mse") return 2 * (a - y);
  const clamp = (v: number) => Math.max(v, LOG_EPSILON);
  if (output === "softmax") return y === 0 ? 0 : -y / clamp(a);
  return -y / clamp(a) + (1 - y) / clamp(1 - a);
}
