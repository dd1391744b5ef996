// Why the network gave its answer: how much each input pixel pushed one output up or down. The gradient of an
// output activation with respect to the input, by the same backward pass as backpropagation (network.ts) with
// the output's own derivative in place of the cost's, times the pixel: ∂aⱼ/∂xᵢ · xᵢ. Pure.

import { activatePrime } from "./activations.ts";
import { forwardAll } from "./network.ts";
import { depth, hiddenActivation, type Network } from "./spec.ts";

/**
 * ∂a[l][j] / ∂x[i] for every input i (n[0] values, float64), for neuron j of any layer l ≥ 1. Backward from
 * g = ∂aⱼ/∂z[l] — f′(zⱼ) at j alone for a sigmoid output or a hidden neuron, aⱼ(δⱼₖ − aₖ) for a softmax output —
 * through g[m−1] = (w[m])ᵀ g[m] ⊙ f′(z[m−1]), and at the input (w[1])ᵀ g[1].
 */
export function activationInputGradient(
  net: Network,
  x: ArrayLike<number>,
  l: number,
  j: number,
): Float64Array {
  const { spec } = net;
  const L = depth(spec);
  const { z, a } = forwardAll(net, x);
  const al = a[l]!;
  let g = new Float64Array(spec.sizes[l]!);
  if (l === L && spec.output === "softmax")
    for (let k = 0; k < g.length; k++) g[k] = al[j]! * ((k === j ? 1 : 0) - al[k]!);
  else g[j] = activatePrime(l === L ? "sigmoid" : hiddenActivation(spec, l), z[l]![j]!);
  for (let m = l; m >= 1; m--) {
    const nIn = spec.sizes[m - 1]!;
    const w = net.w[m]!;
    const back = new Float64Array(nIn);
    for (let i = 0; i < g.length; i++) {
      const gi = g[i]!;
      if (gi === 0) continue;
      for (let k = 0; k < nIn; k++) back[k] = back[k]! + w[i * nIn + k]! * gi;
    }
    if (m > 1) {
      const f = hiddenActivation(spec, m - 1);
      for (let k = 0; k < nIn; k++) back[k] = back[k]! * activatePrime(f, z[m - 1]![k]!);
    }
    g = back;
  }
  return g;
}

/** ∂a[L][j] / ∂x[i] for every input i: activationInputGradient at the output layer. */
export function outputInputGradient(net: Network, x: ArrayLike<number>, j: number): Float64Array {
  return activationInputGradient(net, x, depth(net.spec), j);
}

/**
 * Which pixels pushed output j up (positive) or down (negative): ∂aⱼ/∂xᵢ · xᵢ for each input i, float32 — zero
 * where there is no ink, since a blank pixel contributed nothing.
 */
export function saliency(net: Network, x: ArrayLike<number>, j: number): Float32Array {
  const g = outputInputGradient(net, x, j);
  return Float32Array.from(g, (v, i) => (x[i] ? v * x[i] : 0));
}
