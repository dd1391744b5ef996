// Why the network gave its answer: how much each input pixel pushed one output up or down. The gradient of an
// output activation with respect to the input, by the same backward pass as backpropagation (network.ts) with
// the output's own derivative in place of the cost's, times the pixel: ∂aⱼ/∂xᵢ · xᵢ. Pure.

import { activatePrime } from "./activations.ts";
import { forwardAll } from "./network.ts";
import { depth, hiddenActivation, type Network } from "./spec.ts";

/**
 * ∂a[L][j] / ∂x[i] for every input i (n[0] values, float64). Backward from g = ∂aⱼ/∂z[L] — σ′(zⱼ) at j alone
 * for sigmoid outputs, aⱼ(δⱼₖ − aₖ) for softmax — through g[l−1] = (w[l])ᵀ g[l] ⊙ f′(z[l−1]), and at the input
 * (w[1])ᵀ g[1].
 */
export function outputInputGradient(net: Network, x: ArrayLike<number>, j: number): Float64Array {
  const { spec } = net;
  const L = depth(spec);
  const { z, a } = forwardAll(net, x);
  const aL = a[L]!;
  let g = new Float64Array(spec.sizes[L]!);
  if (spec.output === "softmax")
    for (let k = 0; k < g.length; k++) g[k] = aL[j]! * ((k === j ? 1 : 0) - aL[k]!);
  else g[j] = activatePrime("sigmoid", z[L]![j]!);
  for (let l = L; l >= 1; l--) {
    const nIn = spec.sizes[l - 1]!;
    const w = net.w[l]!;
    const back = new Float64Array(nIn);
    for (let m = 0; m < g.length; m++) {
      const gm = g[m]!;
      if (gm === 0) continue;
      for (let k = 0; k < nIn; k++) back[k] = back[k]! + w[m * nIn + k]! * gm;
    }
    if (l > 1) {
      const f = hiddenActivation(spec, l - 1);
      for (let k = 0; k < nIn; k++) back[k] = back[k]! * activatePrime(f, z[l - 1]![k]!);
    }
    g = back;
  }
  return g;
}

/**
 * Which pixels pushed output j up (positive) or down (negative): ∂aⱼ/∂xᵢ · xᵢ for each input i, float32 — zero
 * where there is no ink, since a blank pixel contributed nothing.
 */
export function saliency(net: Network, x: ArrayLike<number>, j: number): Float32Array {
  const g = outputInputGradient(net, x, j);
  return Float32Array.from(g, (v, i) => (x[i] ? v * x[i] : 0));
}
