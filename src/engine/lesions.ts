// "Break it": a trained network with parts of it damaged on purpose (a lesion), how many test images it still
// gets right, and which single hidden neurons it misses most. Pure: no DOM; randomness from a seed.
//
// Notation as in network.ts: w[l][j·n[l−1] + k] from neuron k of layer l−1 to neuron j of layer l; b[l][j].
// Silencing neuron j of hidden layer l forces aˡⱼ = 0 for the layers after it, done by zeroing its outgoing
// weights w[l+1][m·n[l] + j] for every m: the next layer then gets exactly what a zero activation would give it.

import { answers, classifyImages } from "./analysis.ts";
import type { MnistSplit } from "./idx.ts";
import {
  activateLayer,
  allocLike,
  argmax,
  cloneNetwork,
  depth,
  forwardAll,
  type Floats,
  type Network,
} from "./network.ts";
import { createRng } from "./rng.ts";

/** One hidden neuron: layer l (1 … L−1) and its index j. */
export interface NeuronRef {
  readonly layer: number;
  readonly neuron: number;
}

/** The damage done, applied in this order: weight noise, zeroed weights and biases, silenced neurons. */
export interface Lesion {
  /** σ of the Gaussian noise added to every weight (0: none). */
  readonly noise: number;
  /** The noise's seed: the same seed and σ give the same noise. */
  readonly seed: number;
  /** Layers l (1 … L) whose incoming weights w[l] are all set to 0. */
  readonly zeroWeights: readonly number[];
  /** Layers l (1 … L) whose biases b[l] are all set to 0. */
  readonly zeroBiases: readonly number[];
  /** Hidden neurons whose activation the next layer no longer hears. */
  readonly silenced: readonly NeuronRef[];
}

/** No damage at all. */
export const NO_LESION: Lesion = { noise: 0, seed: 1, zeroWeights: [], zeroBiases: [], silenced: [] };

/** Throws a sentence if `lesion` names a layer or neuron `net` does not have, or a σ that is not ≥ 0. */
export function checkLesion(net: Network, lesion: Lesion): void {
  const L = depth(net.spec);
  if (!(lesion.noise >= 0) || !Number.isFinite(lesion.noise))
    throw new RangeError(`the weight noise must be 0 or more, not ${lesion.noise}`);
  for (const l of [...lesion.zeroWeights, ...lesion.zeroBiases])
    if (!Number.isInteger(l) || l < 1 || l > L)
      throw new RangeError(`there is no layer ${l} of weights (they are 1 to ${L})`);
  for (const { layer, neuron } of lesion.silenced)
    if (!Number.isInteger(layer) || layer < 1 || layer >= L)
      throw new RangeError(`there is no hidden layer ${layer} (they are 1 to ${L - 1})`);
    else if (!Number.isInteger(neuron) || neuron < 0 || neuron >= net.spec.sizes[layer]!)
      throw new RangeError(`hidden layer ${layer} has no neuron ${neuron}`);
}

/** A copy of `net` with `lesion` done to it (checkLesion first); `net` is left as it was. */
export function lesionNetwork<N extends Network>(net: N, lesion: Lesion): N {
  checkLesion(net, lesion);
  const out = cloneNetwork(net) as N;
  if (lesion.noise > 0) {
    const rng = createRng(lesion.seed);
    for (let l = 1; l < out.w.length; l++) {
      const w = out.w[l]!;
      for (let i = 0; i < w.length; i++) w[i] = w[i]! + lesion.noise * rng.gaussian();
    }
  }
  for (const l of lesion.zeroWeights) out.w[l]!.fill(0);
  for (const l of lesion.zeroBiases) out.b[l]!.fill(0);
  for (const { layer, neuron } of lesion.silenced) {
    const nIn = out.spec.sizes[layer]!;
    const w = out.w[layer + 1]!;
    for (let m = 0; m < out.spec.sizes[layer + 1]!; m++) w[m * nIn + neuron] = 0;
  }
  return out;
}

/** Test images and their labels: image i is pixels[i·n[0] … (i+1)·n[0]) times `scale`, label labels[i]. */
export interface LabelledImages {
  readonly pixels: ArrayLike<number>;
  readonly labels: ArrayLike<number>;
  readonly count: number;
  /** 1/255 for MNIST bytes. */
  readonly scale: number;
}

/** An MNIST split as LabelledImages: its bytes scaled by 1/255. */
export function labelledImages(split: MnistSplit): LabelledImages {
  return { pixels: split.pixels, labels: split.labels, count: split.count, scale: 1 / 255 };
}

/** The input activations of image i. */
function inputOf(images: LabelledImages, i: number, nIn: number): Float64Array {
  const x = new Float64Array(nIn);
  for (let k = 0; k < nIn; k++) x[k] = images.pixels[i * nIn + k]! * images.scale;
  return x;
}

/** How many of the first `count` images (all by default) `net` answers with their label (analysis.ts answer). */
export function correctCount(
  net: Network<Float32Array>,
  images: LabelledImages,
  count = images.count,
): number {
  const n = Math.min(count, images.count);
  const { digits } = answers(classifyImages(net, images.pixels, n, images.scale).outputs, n, net.spec.output);
  let correct = 0;
  for (let i = 0; i < n; i++) if (digits[i] === images.labels[i]) correct++;
  return correct;
}

/**
 * The output a[L] from layer l's activations a, through layers l+1 … L of `net`: the sums in network.ts's
 * order, in the network's precision, so that the answer is the one forwardAll gives.
 */
function forwardFrom(net: Network, l: number, a: Floats): Floats {
  let prev = a;
  for (let m = l + 1; m <= depth(net.spec); m++) {
    const nIn = net.spec.sizes[m - 1]!;
    const w = net.w[m]!;
    const b = net.b[m]!;
    const z = allocLike(b, b.length);
    for (let j = 0; j < z.length; j++) {
      let s = b[j]!;
      for (let k = 0; k < nIn; k++) s += w[j * nIn + k]! * prev[k]!;
      z[j] = s;
    }
    const next = allocLike(b, b.length);
    activateLayer(net.spec, m, z, next);
    prev = next;
  }
  return prev;
}

/** One hidden neuron and how many images the network gets right without it. */
export interface SilencedScore extends NeuronRef {
  readonly correct: number;
}

/**
 * For every hidden neuron on its own, how many of the first `count` images the network answers correctly with
 * that neuron silenced (the same as correctCount(lesionNetwork(net, { silenced: [it] }))), in layer, neuron order.
 * Each image's forward pass is done once; only the layers after the silenced neuron are recomputed.
 */
export function silencedScores(net: Network, images: LabelledImages, count = images.count): SilencedScore[] {
  const nIn = net.spec.sizes[0]!;
  const L = depth(net.spec);
  const scores: { layer: number; neuron: number; correct: number }[] = [];
  for (let l = 1; l < L; l++)
    for (let j = 0; j < net.spec.sizes[l]!; j++) scores.push({ layer: l, neuron: j, correct: 0 });
  for (let i = 0; i < Math.min(count, images.count); i++) {
    const { a } = forwardAll(net, inputOf(images, i, nIn));
    for (const s of scores) {
      const al = a[s.layer]!.slice();
      al[s.neuron] = 0;
      if (argmax(forwardFrom(net, s.layer, al)) === images.labels[i]) s.correct++;
    }
  }
  return scores;
}

/** The scores ranked by how many fewer images are right than `intact`: largest drop first (ties: layer, neuron). */
export function rankByDrop(scores: readonly SilencedScore[]): SilencedScore[] {
  return [...scores].sort((p, q) => p.correct - q.correct || p.layer - q.layer || p.neuron - q.neuron);
}
