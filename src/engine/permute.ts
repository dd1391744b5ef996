// The hidden neurons of a network can be put in any order without changing what it computes: permuting the
// neurons of layer l reorders the rows of w[l] and b[l] and the columns of w[l+1]. Two networks trained from
// different seeds are compared neuron by neuron only after the best such reordering, found here by matching
// each hidden layer's activations on the same images (an optimal assignment, solved exactly).
//
// Notation as in network.ts; a permutation `perm` of layer l is read "new neuron j is old neuron perm[j]".

import { forwardAll, type Floats, type Network } from "./network.ts";
import type { LabelledImages } from "./lesions.ts";
import { depth } from "./spec.ts";

/**
 * A copy of `net` whose neuron j of hidden layer l (1…L−1) is `net`'s neuron perm[j]: row j of w[l] and b[l]
 * is row perm[j] of `net`'s, column j of w[l+1] is its column perm[j]. The numbers are copied, not recomputed,
 * so the copy computes the same function (bit for bit) and permuting back gives `net` exactly.
 */
export function permuteHidden<F extends Floats>(
  net: Network<F>,
  l: number,
  perm: ArrayLike<number>,
): Network<F> {
  const { sizes } = net.spec;
  if (l < 1 || l >= depth(net.spec)) throw new RangeError(`layer ${l} is not a hidden layer`);
  const n = sizes[l]!;
  if (!isPermutation(perm, n)) throw new RangeError(`not a permutation of the ${n} neurons of layer ${l}`);
  const nIn = sizes[l - 1]!;
  const nOut = sizes[l + 1]!;
  const w = net.w.map((v) => v.slice() as F);
  const b = net.b.map((v) => v.slice() as F);
  const wl = net.w[l]!;
  const wNext = net.w[l + 1]!;
  for (let j = 0; j < n; j++) {
    const from = perm[j]!;
    w[l]!.set(wl.subarray(from * nIn, (from + 1) * nIn), j * nIn);
    b[l]![j] = net.b[l]![from]!;
    for (let m = 0; m < nOut; m++) w[l + 1]![m * n + j] = wNext[m * n + from]!;
  }
  return { spec: net.spec, w, b };
}

/** Whether `perm` holds each of 0…n−1 exactly once. */
export function isPermutation(perm: ArrayLike<number>, n: number): boolean {
  if (perm.length !== n) return false;
  const seen = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const p = perm[j]!;
    if (!Number.isInteger(p) || p < 0 || p >= n || seen[p]) return false;
    seen[p] = 1;
  }
  return true;
}

/**
 * The assignment of rows to columns of the n×n matrix cost[i·n + j] with the least total cost: result[i] is the
 * column of row i. Exact, O(n³): the Hungarian method with potentials u (rows) and v (columns), adding one row
 * at a time and growing a shortest augmenting path (Kuhn–Munkres as in Jonker and Volgenant). Ties go to the
 * lower column, so the same matrix always gives the same answer.
 */
export function assignment(cost: ArrayLike<number>, n: number): number[] {
  if (cost.length !== n * n)
    throw new RangeError(`an ${n}×${n} matrix has ${n * n} entries, not ${cost.length}`);
  // 1-based as in the textbook: column 0 is a virtual column holding the row being added.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const rowOf = new Int32Array(n + 1); // rowOf[j]: the row assigned to column j (0: none)
  const way = new Int32Array(n + 1); // the previous column on the shortest path to column j
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const reduced = cost[(i0 - 1) * n + (j - 1)]! - u[i0]! - v[j]!;
        if (reduced < minv[j]!) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[rowOf[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    do {
      const j1 = way[j0]!;
      rowOf[j0] = rowOf[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(n).fill(0);
  for (let j = 1; j <= n; j++) result[rowOf[j]! - 1] = j - 1;
  return result;
}

/** Every hidden layer's activations on `images`: acts[l][i·n[l] + j] = a^l_j of image i (index 0 empty). */
export function hiddenActivations(net: Network, images: LabelledImages): Float64Array[] {
  const { sizes } = net.spec;
  const L = depth(net.spec);
  const nIn = sizes[0]!;
  const acts = sizes.map((n, l) => new Float64Array(l === 0 || l === L ? 0 : n * images.count));
  const x = new Float64Array(nIn);
  for (let i = 0; i < images.count; i++) {
    for (let k = 0; k < nIn; k++) x[k] = images.pixels[i * nIn + k]! * images.scale;
    const { a } = forwardAll(net, x);
    for (let l = 1; l < L; l++) acts[l]!.set(a[l]!, i * sizes[l]!);
  }
  return acts;
}

/**
 * corr[j·n + k]: the correlation over the images of neuron j's activations in `a` with neuron k's in `b`, two
 * count × n tables. A neuron whose activation never changes correlates 0 with everything.
 */
export function activationCorrelations(
  a: Float64Array,
  b: Float64Array,
  n: number,
  count: number,
): Float64Array {
  const standardise = (t: Float64Array) => {
    const out = new Float64Array(t.length);
    for (let j = 0; j < n; j++) {
      let mean = 0;
      for (let i = 0; i < count; i++) mean += t[i * n + j]!;
      mean /= count;
      let ss = 0;
      for (let i = 0; i < count; i++) ss += (t[i * n + j]! - mean) ** 2;
      const sd = Math.sqrt(ss);
      for (let i = 0; i < count; i++) out[i * n + j] = sd > 1e-12 ? (t[i * n + j]! - mean) / sd : 0;
    }
    return out;
  };
  const za = standardise(a);
  const zb = standardise(b);
  const corr = new Float64Array(n * n);
  for (let i = 0; i < count; i++)
    for (let j = 0; j < n; j++) {
      const x = za[i * n + j]!;
      if (x === 0) continue;
      for (let k = 0; k < n; k++) corr[j * n + k]! += x * zb[i * n + k]!;
    }
  return corr;
}

/** How one hidden layer of B was matched to A's. */
export interface LayerMatch {
  /** Hidden layer l, 1…L−1. */
  readonly layer: number;
  /** A's neuron j is matched with B's neuron perm[j] (permuteHidden(b, layer, perm) puts it at j). */
  readonly perm: number[];
  /** Mean correlation of the activations of A's neuron j and B's neuron j, over j: before matching. */
  readonly before: number;
  /** The same for A's neuron j and B's neuron perm[j]: after matching. */
  readonly after: number;
  /** The correlation of each matched pair, j = 0…n−1. */
  readonly pairs: number[];
}

/**
 * B's hidden neurons matched to A's, layer by layer: the permutation that makes the sum of the correlations of
 * matched neurons' activations on `images` largest. Activations do not depend on how earlier layers are
 * ordered, so each layer is matched on its own. A and B must have the same spec.
 */
export function matchNeurons(a: Network, b: Network, images: LabelledImages): LayerMatch[] {
  const actsA = hiddenActivations(a, images);
  const actsB = hiddenActivations(b, images);
  const out: LayerMatch[] = [];
  for (let l = 1; l < depth(a.spec); l++) {
    const n = a.spec.sizes[l]!;
    const corr = activationCorrelations(actsA[l]!, actsB[l]!, n, images.count);
    const perm = assignment(
      Array.from(corr, (c) => -c),
      n,
    );
    const pairs = perm.map((k, j) => corr[j * n + k]!);
    let diagonal = 0;
    for (let j = 0; j < n; j++) diagonal += corr[j * n + j]!;
    out.push({ layer: l, perm, before: diagonal / n, after: mean(pairs), pairs });
  }
  return out;
}

/** B with its hidden neurons in the order of `matches` (matchNeurons(a, b, …)): aligned to A. */
export function alignNetwork<F extends Floats>(b: Network<F>, matches: readonly LayerMatch[]): Network<F> {
  return matches.reduce((net, m) => permuteHidden(net, m.layer, m.perm), b);
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length;
}
