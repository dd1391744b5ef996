// The network diagram's edges: which to draw (every edge is too many to read: the strongest contributions from
// the image, the strongest weights between large layers, a selected neuron's own), collected by colour so a frame
// changes stroke style only a few dozen times.
import type { LayerLayout, NetworkLayout, NeuronRef } from "./networkLayout.ts";
import { maxAbs, quantileAbs } from "./heatmap.ts";
import { THEME, weightColor } from "./theme.ts";

/**
 * The k largest scores among a neuron's edges: score(i) = |w[offset + i·stride] · a[i]| (its contribution to
 * z) or |w[offset + i·stride]| when a is null, i = 0…n−1, skipping zeros. Stride 1 reads a neuron's incoming
 * row w[l][j·n + i]; stride n(l) its outgoing column w[l+1][i·n + j]. Writes edge indices i to `out` (sorted
 * by score, largest first) and returns how many were found (≤ k ≤ out.length).
 */
export function strongestEdges(
  w: ArrayLike<number>,
  offset: number,
  n: number,
  a: ArrayLike<number> | null,
  k: number,
  out: Int32Array,
  stride = 1,
): number {
  const scores = new Float64Array(k);
  let found = 0;
  for (let i = 0; i < n; i++) {
    const v = w[offset + i * stride]!;
    const s = Math.abs(a ? v * a[i]! : v);
    if (!(s > 0) || (found === k && s <= scores[k - 1]!)) continue;
    let p = found < k ? found++ : k - 1;
    while (p > 0 && scores[p - 1]! < s) {
      scores[p] = scores[p - 1]!;
      out[p] = out[p - 1]!;
      p--;
    }
    scores[p] = s;
    out[p] = i;
  }
  return found;
}

/**
 * Edges collected by colour, sign × quantised strength, so the stroke style changes a few dozen times. Each
 * edge is its own path: software canvases (Skia without a GPU) rasterise one path of hundreds of crossing
 * lines 2–3× slower, and lines one device pixel wide 3–5× faster than wider ones.
 */
export class EdgeBuckets {
  readonly levels = THEME.network.edgeLevels;
  readonly lines: number[][] = Array.from({ length: 2 * (this.levels + 1) }, () => []);

  /** An edge of signed strength t ∈ [−1, 1] (|t| = 1 is the layer's strongest); too faint to see is skipped. */
  add(x1: number, y1: number, x2: number, y2: number, t: number): void {
    const m = Math.min(1, Math.abs(t));
    if (!(m >= THEME.network.minEdgeStrength)) return;
    const q = Math.max(1, Math.round(m * this.levels));
    this.lines[(t < 0 ? this.levels + 1 : 0) + q]!.push(x1, y1, x2, y2);
  }

  /** Strokes the edges, opacity × strength; `width(t)` in CSS px for strength t. */
  stroke(ctx: CanvasRenderingContext2D, opacity: number, width: (t: number) => number): void {
    for (let b = 0; b < this.lines.length; b++) {
      const lines = this.lines[b]!;
      if (lines.length === 0) continue;
      const negative = b > this.levels;
      const t = (negative ? b - this.levels - 1 : b) / this.levels;
      ctx.strokeStyle = weightColor(negative ? -t * opacity : t * opacity, 1);
      ctx.lineWidth = width(t);
      for (let i = 0; i < lines.length; i += 4) {
        ctx.beginPath();
        ctx.moveTo(lines[i]!, lines[i + 1]!);
        ctx.lineTo(lines[i + 2]!, lines[i + 3]!);
        ctx.stroke();
      }
    }
  }
}

/** How many of its strongest input edges each of the n first-layer neurons gets (see collectEdges). */
export function inputEdgesPerNeuron(n: number): number {
  const { inputEdgeBudget, inputEdgesPerNeuron: most } = THEME.network;
  return Math.max(1, Math.min(most, Math.floor(inputEdgeBudget / Math.max(1, n))));
}

/**
 * Collects the edges into layer l: from the input image its strongest contributions (inputEdges), between
 * other layers its strongest weights (weightEdges). `w` holds every layer's weights, w[l][j·n(l−1) + k] from
 * neuron k to neuron j, and `input` the image's activations a[0] (null without a probe); both fit the layout.
 */
export function collectEdges(
  layout: NetworkLayout,
  w: readonly Float32Array[],
  input: Float32Array | null,
  l: number,
  buckets: EdgeBuckets,
): void {
  const from = layout.layers[l - 1]!;
  const to = layout.layers[l]!;
  if (from.kind === "grid") inputEdges(from, to, w[l]!, input, buckets);
  else weightEdges(from, to, w[l]!, buckets);
}

/**
 * Edges between two layers of circles, coloured by w with opacity |w| / max |w| of the layer; when there are
 * more than edgeBudget, only the strongest edgeBudget are drawn (|w| above a quantile of the layer's |w|).
 */
function weightEdges(from: LayerLayout, to: LayerLayout, w: Float32Array, buckets: EdgeBuckets): void {
  const nIn = from.size;
  const scale = maxAbs(w);
  if (!(scale > 0)) return;
  const { edgeBudget } = THEME.network;
  // Fewer than edgeBudget weights lie above the (1 − budget/n)-quantile's histogram bin.
  const threshold = w.length > edgeBudget ? quantileAbs(w, 1 - edgeBudget / w.length) : -1;
  for (let j = 0; j < to.size; j++)
    for (let k = 0; k < nIn; k++) {
      const v = w[j * nIn + k]!;
      if (Math.abs(v) > threshold) buckets.add(from.x[k]!, from.y[k]!, to.x[j]!, to.y[j]!, v / scale);
    }
}

/**
 * Edges from the input image (MNIST_PIXELS × n, too many to read or draw): each neuron gets only its strongest
 * contributions w_jk·a_k (inputEdgesPerNeuron), coloured by the contribution's sign with opacity |w·a| / the
 * layer's largest; none without an image (`a` null).
 */
function inputEdges(
  from: LayerLayout,
  to: LayerLayout,
  w: Float32Array,
  a: Float32Array | null,
  buckets: EdgeBuckets,
): void {
  // Without an image there is nothing flowing in: the strongest weights alone are noise before training.
  if (!a) return;
  const nIn = from.size;
  const perNeuron = inputEdgesPerNeuron(to.size);
  const idx = new Int32Array(perNeuron);
  // The layer's largest score, so opacities compare across neurons.
  let scale = 0;
  for (let i = 0; i < w.length; i++) {
    const s = Math.abs(w[i]! * a[i % nIn]!);
    if (s > scale) scale = s;
  }
  if (!(scale > 0)) return;
  for (let j = 0; j < to.size; j++) {
    const found = strongestEdges(w, j * nIn, nIn, a, perNeuron, idx);
    for (let e = 0; e < found; e++) {
      const k = idx[e]!;
      buckets.add(from.x[k]!, from.y[k]!, to.x[j]!, to.y[j]!, (w[j * nIn + k]! * a[k]!) / scale);
    }
  }
}

/**
 * The selected neuron's own edges, in and out: its strongest selectedEdges of each (incoming from the image by
 * contribution |w·a|, others by |w|), with opacity relative to its strongest. `w` and `input` as for
 * collectEdges.
 */
export function collectSelectedEdges(
  layout: NetworkLayout,
  w: readonly Float32Array[],
  input: Float32Array | null,
  sel: NeuronRef,
  buckets: EdgeBuckets,
): void {
  const { layers } = layout;
  const l = sel.layer;
  const j = sel.index;
  const idx = new Int32Array(THEME.network.selectedEdges);
  /** Edges between neuron j and the n neurons of `other`, weights w[offset + i·stride], i = 0…n−1. */
  const collect = (
    other: LayerLayout,
    self: LayerLayout,
    w: Float32Array,
    offset: number,
    stride: number,
    a: Float32Array | null,
  ) => {
    const found = strongestEdges(w, offset, other.size, a, idx.length, idx, stride);
    const score = (i: number) => (a ? w[offset + i * stride]! * a[i]! : w[offset + i * stride]!);
    const scale = Math.abs(score(idx[0]!));
    for (let e = 0; e < found; e++) {
      const i = idx[e]!;
      buckets.add(other.x[i]!, other.y[i]!, self.x[j]!, self.y[j]!, score(i) / scale);
    }
  };
  const self = layers[l]!;
  if (l >= 1) {
    const from = layers[l - 1]!;
    collect(from, self, w[l]!, j * from.size, 1, from.kind === "grid" ? input : null);
  }
  if (l + 1 < layers.length) collect(layers[l + 1]!, self, w[l + 1]!, j, self.size, null);
}
