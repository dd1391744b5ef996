// "Loops and lines?": what each neuron of the second hidden layer responds to. Its effective input pattern (the
// first layer's heatmaps weighted by its incoming weights), the test images that excite it most, and how much more
// it fires for digits with a closed loop than for the rest. Pure: no DOM.
//
// Notation as in network.ts: w[l][j·n[l−1] + k] from neuron k of layer l−1 to neuron j of layer l.
//   P²ⱼ = W²ⱼ · W¹ = Σₖ w²ⱼₖ w¹ₖ   (784 values): what z²ⱼ would see if the first layer were linear

import { depth, forwardAll, type Network } from "./network.ts";
import type { LabelledImages } from "./lesions.ts";

/**
 * The effective input pattern of neuron j of layer 2: P[p] = Σₖ w[2][j·n₁ + k] · w[1][k·n₀ + p] for each pixel p
 * (n₀ values, float32). Each first-layer heatmap weighted by the weight from that neuron to j, summed.
 */
export function effectivePattern(net: Network, j: number): Float32Array {
  const [n0, n1] = [net.spec.sizes[0]!, net.spec.sizes[1]!];
  const w1 = net.w[1]!;
  const w2 = net.w[2]!;
  const p = new Float64Array(n0);
  for (let k = 0; k < n1; k++) {
    const v = w2[j * n1 + k]!;
    for (let i = 0; i < n0; i++) p[i] = p[i]! + v * w1[k * n0 + i]!;
  }
  return Float32Array.from(p);
}

/** The digits written with a closed loop (0, 6, 8, 9): those a "loop detector" should fire for. */
export const LOOP_DIGITS: readonly number[] = [0, 6, 8, 9];

/** One neuron's response over a set of images. */
export interface NeuronProfile {
  /** The images that excite it most, most first: their index and its activation on each. */
  readonly top: readonly { readonly index: number; readonly a: number }[];
  /** Mean activation over the images of LOOP_DIGITS. */
  readonly loopMean: number;
  /** Mean activation over the other images. */
  readonly otherMean: number;
}

/**
 * For each neuron j of layer `l` (a hidden layer): the `k` images of `images` with the largest a[l][j] (ties: the
 * first image), and its mean activation on loop digits and on the rest. One forward pass per image.
 */
export function neuronProfiles(net: Network, images: LabelledImages, l: number, k: number): NeuronProfile[] {
  if (l < 1 || l >= depth(net.spec)) throw new RangeError(`there is no hidden layer ${l}`);
  const nIn = net.spec.sizes[0]!;
  const n = net.spec.sizes[l]!;
  const tops = Array.from({ length: n }, () => [] as { index: number; a: number }[]);
  const loopSum = new Float64Array(n);
  const otherSum = new Float64Array(n);
  let loops = 0;
  const x = new Float64Array(nIn);
  for (let i = 0; i < images.count; i++) {
    for (let p = 0; p < nIn; p++) x[p] = images.pixels[i * nIn + p]! * images.scale;
    const a = forwardAll(net, x).a[l]!;
    const loop = LOOP_DIGITS.includes(images.labels[i]!);
    if (loop) loops++;
    for (let j = 0; j < n; j++) {
      const v = a[j]!;
      if (loop) loopSum[j] = loopSum[j]! + v;
      else otherSum[j] = otherSum[j]! + v;
      const top = tops[j]!;
      if (top.length < k || v > top.at(-1)!.a) {
        let at = top.length;
        while (at > 0 && top[at - 1]!.a < v) at--;
        top.splice(at, 0, { index: i, a: v });
        if (top.length > k) top.pop();
      }
    }
  }
  const others = images.count - loops;
  return tops.map((top, j) => ({
    top,
    loopMean: loops > 0 ? loopSum[j]! / loops : 0,
    otherMean: others > 0 ? otherSum[j]! / others : 0,
  }));
}
