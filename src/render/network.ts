// The network diagram: a pure layout of every neuron's position, hit-testing, and the painter that draws one
// frame (input image, neurons lit by activation, edges blue/red by weight) outside React's render path.

import type { ProbeActivations, Weights } from "../worker/protocol.ts";
import { imageSide, maxAbs, quantileAbs } from "./heatmap.ts";
import { activationFill, formatValue, monoFont, THEME, weightColor } from "./theme.ts";

/** A neuron: layer l (0 = input) and index j within it; the store's `selected` has the same shape. */
export interface NeuronRef {
  readonly layer: number;
  readonly index: number;
}

/**
 * Where one layer's neurons are. The input (layer 0) is a "grid": the image, one square cell per pixel,
 * k = row·side + col. Other layers are "columns" of circles; a layer with more neurons than fit one column at
 * THEME.network.minPitch wraps into several side by side, column-major: neuron j in column ⌊j / rows⌋,
 * row j mod rows. Every neuron stays drawn and hoverable (no "…"); circles never touch (radius < pitch / 2).
 */
export interface LayerLayout {
  readonly kind: "grid" | "column";
  readonly size: number;
  /** Centre of neuron j: (x[j], y[j]), CSS px. */
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** Circle radius; for the grid, half a cell's side. */
  readonly radius: number;
  /** Distance between neighbouring centres (grid: the cell side). */
  readonly pitch: number;
  readonly cols: number;
  readonly rows: number;
  /** Bounding box of the layer's cells or circles. */
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  /** Horizontal centre, where the caption goes. */
  readonly centerX: number;
}

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  readonly sizes: readonly number[];
  readonly layers: readonly LayerLayout[];
  /** Vertical centre of the layer captions. */
  readonly captionY: number;
}

function gridLayer(n: number, left: number, top: number, size: number): LayerLayout {
  const side = imageSide(n);
  const cell = size / side;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    x[k] = left + ((k % side) + 0.5) * cell;
    y[k] = top + (Math.floor(k / side) + 0.5) * cell;
  }
  const rows = Math.ceil(n / side);
  return {
    kind: "grid",
    size: n,
    x,
    y,
    radius: cell / 2,
    pitch: cell,
    cols: side,
    rows,
    left,
    top,
    right: left + side * cell,
    bottom: top + rows * cell,
    centerX: left + (side * cell) / 2,
  };
}

function columnLayer(n: number, centerX: number, top: number, height: number, maxWidth: number): LayerLayout {
  const { minPitch, maxRadius, radiusShare } = THEME.network;
  const maxRows = Math.max(1, Math.floor(height / minPitch));
  const cols = Math.max(1, Math.ceil(n / maxRows));
  const rows = Math.max(1, Math.ceil(n / cols));
  const pitch = Math.max(0, Math.min(height / rows, maxWidth / cols));
  const radius = Math.min(maxRadius, pitch * radiusShare);
  const blockTop = top + (height - rows * pitch) / 2;
  const firstX = centerX - ((cols - 1) * pitch) / 2;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let j = 0; j < n; j++) {
    x[j] = firstX + Math.floor(j / rows) * pitch;
    y[j] = blockTop + ((j % rows) + 0.5) * pitch;
  }
  return {
    kind: "column",
    size: n,
    x,
    y,
    radius,
    pitch,
    cols,
    rows,
    left: firstX - pitch / 2,
    top: blockTop,
    right: firstX + (cols - 0.5) * pitch,
    bottom: blockTop + rows * pitch,
    centerX,
  };
}

/**
 * Positions every neuron of a network with layer sizes `sizes` (input first) in a width×height box, CSS px:
 * the input image as a square grid on the left (at most 30% of the width), the other layers evenly spaced to
 * its right, with room kept for the output labels on the right and the captions below.
 */
export function layoutNetwork(sizes: readonly number[], width: number, height: number): NetworkLayout {
  const { margin, labelWidth, captionHeight } = THEME.network;
  const top = margin;
  const h = Math.max(0, height - 2 * margin - captionHeight);
  const layers: LayerLayout[] = [];
  const n0 = sizes[0] ?? 0;
  const gridSize = Math.max(0, Math.min(h, width * 0.3));
  layers.push(gridLayer(n0, margin, top + (h - gridSize) / 2, gridSize));
  const columns = sizes.length - 1;
  const start = margin + gridSize;
  const end = Math.max(start, width - margin - (columns > 0 ? labelWidth : 0));
  const slot = columns > 0 ? (end - start) / columns : 0;
  for (let l = 1; l < sizes.length; l++) {
    layers.push(columnLayer(sizes[l]!, start + slot * (l - 0.5), top, h, slot * 0.8));
  }
  return { width, height, sizes, layers, captionY: height - margin / 2 - captionHeight / 2 };
}

/** The neuron under (x, y), CSS px: a grid cell, or the nearest circle within half a pitch; else null. */
export function neuronAt(layout: NetworkLayout, x: number, y: number): NeuronRef | null {
  for (let l = 0; l < layout.layers.length; l++) {
    const L = layout.layers[l]!;
    if (L.size === 0 || L.pitch <= 0) continue;
    if (x < L.left || x >= L.right || y < L.top || y >= L.bottom) continue;
    const col = Math.floor((x - L.left) / L.pitch);
    const row = Math.floor((y - L.top) / L.pitch);
    const j = L.kind === "grid" ? row * L.cols + col : col * L.rows + row;
    if (j >= 0 && j < L.size) return { layer: l, index: j };
  }
  return null;
}

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

/** Whether the layout has neuron `ref` (a selection may outlive the network it was made in). */
export function inLayout(layout: NetworkLayout, ref: NeuronRef): boolean {
  const L = layout.layers[ref.layer];
  return L !== undefined && ref.index >= 0 && ref.index < L.size && Number.isInteger(ref.index);
}

/** What one frame shows: the weights and the probe's activations (null before a probe is set). */
export interface NetworkFrame {
  readonly weights: Weights;
  readonly probe: ProbeActivations | null;
}

export interface NetworkPaintOptions {
  /** The selected neuron: ringed in the highlight colour, its edges drawn on top of the others, dimmed. */
  readonly selected: NeuronRef | null;
  /** The neuron under the pointer: ringed in the foreground colour. */
  readonly hovered: NeuronRef | null;
  /** Device pixels per CSS px (1 by default): edges are drawn one device pixel wide. */
  readonly pixelRatio?: number;
}

/** Whether a frame's arrays have the layout's shapes (they don't for a moment after the network changes). */
export function frameFits(frame: NetworkFrame, sizes: readonly number[]): boolean {
  for (let l = 1; l < sizes.length; l++) {
    if (frame.weights.w[l]?.length !== sizes[l]! * sizes[l - 1]!) return false;
    if (frame.weights.b[l]?.length !== sizes[l]) return false;
  }
  return true;
}

/** The probe's activations of layer l if they fit the layout, else null. */
function activations(layout: NetworkLayout, frame: NetworkFrame | null, l: number): Float32Array | null {
  const a = frame?.probe?.a[l];
  return a && a.length === layout.sizes[l] ? a : null;
}

/**
 * Edges collected by colour, sign × quantised strength, so the stroke style changes a few dozen times. Each
 * edge is its own path: software canvases (Skia without a GPU) rasterise one path of hundreds of crossing
 * lines 2–3× slower, and lines one device pixel wide 3–5× faster than wider ones.
 */
class EdgeBuckets {
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
 * Collects the edges into layer l. From the input grid (784 × n edges, too many to read or draw) each neuron
 * gets only its strongest contributions w_jk·a_k (inputEdgesPerNeuron), coloured by the contribution's sign
 * with opacity |w·a| / the layer's largest; none without a probe. Between other layers the
 * edges are coloured by w with opacity |w| / max |w| of the layer; when there are more than edgeBudget, only
 * the strongest edgeBudget are drawn (|w| above a quantile of the layer's |w|).
 */
function collectEdges(layout: NetworkLayout, frame: NetworkFrame, l: number, buckets: EdgeBuckets): void {
  const from = layout.layers[l - 1]!;
  const to = layout.layers[l]!;
  const w = frame.weights.w[l]!;
  const nIn = from.size;
  const nOut = to.size;
  if (from.kind !== "grid") {
    const scale = maxAbs(w);
    if (!(scale > 0)) return;
    const { edgeBudget } = THEME.network;
    // Fewer than edgeBudget weights lie above the (1 − budget/n)-quantile's histogram bin.
    const threshold = w.length > edgeBudget ? quantileAbs(w, 1 - edgeBudget / w.length) : -1;
    for (let j = 0; j < nOut; j++)
      for (let k = 0; k < nIn; k++) {
        const v = w[j * nIn + k]!;
        if (Math.abs(v) > threshold) buckets.add(from.x[k]!, from.y[k]!, to.x[j]!, to.y[j]!, v / scale);
      }
    return;
  }
  // Without an image there is nothing flowing in: the strongest weights alone are noise before training.
  const a = activations(layout, frame, 0);
  if (!a) return;
  const perNeuron = inputEdgesPerNeuron(nOut);
  const idx = new Int32Array(perNeuron);
  // The layer's largest score, so opacities compare across neurons.
  let scale = 0;
  for (let i = 0; i < w.length; i++) {
    const s = Math.abs(w[i]! * a[i % nIn]!);
    if (s > scale) scale = s;
  }
  if (!(scale > 0)) return;
  for (let j = 0; j < nOut; j++) {
    const found = strongestEdges(w, j * nIn, nIn, a, perNeuron, idx);
    for (let e = 0; e < found; e++) {
      const k = idx[e]!;
      buckets.add(from.x[k]!, from.y[k]!, to.x[j]!, to.y[j]!, (w[j * nIn + k]! * a[k]!) / scale);
    }
  }
}

/**
 * The selected neuron's own edges, in and out: its strongest selectedEdges of each (incoming from the image by
 * contribution |w·a|, others by |w|), with opacity relative to its strongest.
 */
function collectSelectedEdges(
  layout: NetworkLayout,
  frame: NetworkFrame,
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
    const a = from.kind === "grid" ? activations(layout, frame, 0) : null;
    collect(from, self, frame.weights.w[l]!, j * from.size, 1, a);
  }
  if (l + 1 < layers.length) collect(layers[l + 1]!, self, frame.weights.w[l + 1]!, j, self.size, null);
}

/** Grey levels the pixels and neurons are quantised to, so the fill style changes at most this often. */
const GREY_LEVELS = 64;

function paintGrid(ctx: CanvasRenderingContext2D, L: LayerLayout, a: Float32Array | null): void {
  const cell = L.pitch;
  ctx.fillStyle = THEME.off;
  ctx.fillRect(L.left, L.top, L.right - L.left, L.bottom - L.top);
  if (a) {
    const byLevel: number[][] = Array.from({ length: GREY_LEVELS + 1 }, () => []);
    for (let k = 0; k < L.size; k++) {
      const v = a[k]!;
      const q = Number.isFinite(v) ? Math.round(Math.min(1, Math.max(0, v)) * GREY_LEVELS) : 0;
      if (q > 0) byLevel[q]!.push(k);
    }
    for (let q = 1; q <= GREY_LEVELS; q++) {
      const cells = byLevel[q]!;
      if (cells.length === 0) continue;
      ctx.fillStyle = activationFill(q / GREY_LEVELS);
      ctx.beginPath();
      // Cells overlap by a hair so no seams show between neighbours.
      for (const k of cells) ctx.rect(L.x[k]! - cell / 2, L.y[k]! - cell / 2, cell + 0.5, cell + 0.5);
      ctx.fill();
    }
  }
  if (cell >= 4) {
    ctx.strokeStyle = THEME.gridLine;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let c = 1; c < L.cols; c++) {
      ctx.moveTo(L.left + c * cell, L.top);
      ctx.lineTo(L.left + c * cell, L.bottom);
    }
    for (let r = 1; r < L.rows; r++) {
      ctx.moveTo(L.left, L.top + r * cell);
      ctx.lineTo(L.right, L.top + r * cell);
    }
    ctx.stroke();
  }
  ctx.strokeStyle = THEME.neuronStroke;
  ctx.strokeRect(L.left, L.top, L.right - L.left, L.bottom - L.top);
}

/** Neurons as circles filled by activation, each its own path (faster than one path in software canvases). */
function paintColumn(
  ctx: CanvasRenderingContext2D,
  L: LayerLayout,
  a: Float32Array | null,
  pixelRatio: number,
): void {
  // Brightness is a; a ReLU layer with activations above 1 is scaled by its largest.
  // Non-finite activations (a diverged network) count as dark, and never as the layer's maximum.
  let max = 1;
  if (a) for (let j = 0; j < L.size; j++) if (Number.isFinite(a[j]!)) max = Math.max(max, a[j]!);
  const byLevel: number[][] = Array.from({ length: GREY_LEVELS + 1 }, () => []);
  for (let j = 0; j < L.size; j++) {
    const v = a ? a[j]! / max : 0;
    const q = Number.isFinite(v) ? Math.round(Math.min(1, Math.max(0, v)) * GREY_LEVELS) : 0;
    byLevel[q]!.push(j);
  }
  const r = L.radius;
  const outline = r >= 1.5;
  ctx.strokeStyle = THEME.neuronStroke;
  ctx.lineWidth = r >= 6 ? 1.5 : 1 / pixelRatio;
  for (let q = 0; q <= GREY_LEVELS; q++) {
    const js = byLevel[q]!;
    if (js.length === 0) continue;
    ctx.fillStyle = activationFill(q / GREY_LEVELS);
    for (const j of js) {
      ctx.beginPath();
      ctx.arc(L.x[j]!, L.y[j]!, r, 0, 2 * Math.PI);
      ctx.fill();
      if (outline) ctx.stroke();
    }
  }
}

function ring(ctx: CanvasRenderingContext2D, L: LayerLayout, j: number, colour: string, width: number): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.beginPath();
  if (L.kind === "grid") {
    const h = L.radius + width / 2;
    ctx.rect(L.x[j]! - h, L.y[j]! - h, 2 * h, 2 * h);
  } else {
    ctx.arc(L.x[j]!, L.y[j]!, L.radius + 1 + width, 0, 2 * Math.PI);
  }
  ctx.stroke();
}

function paintOutputLabels(ctx: CanvasRenderingContext2D, L: LayerLayout, a: Float32Array | null): void {
  if (L.cols !== 1) return; // a wrapped output layer has no room for labels
  const size = Math.max(10, Math.min(16, L.pitch * 0.45));
  let best = -1;
  if (a) for (let j = 0; j < L.size; j++) if (best < 0 || a[j]! > a[best]!) best = j;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  for (let j = 0; j < L.size; j++) {
    const x = L.x[j]! + L.radius + 8;
    ctx.font = monoFont(size, j === best ? "bold" : "normal");
    ctx.fillStyle = j === best ? THEME.highlight : THEME.foreground;
    ctx.fillText(String(j), x, L.y[j]!);
    if (a) {
      ctx.font = monoFont(size * 0.8);
      ctx.fillStyle = j === best ? THEME.highlight : THEME.muted;
      ctx.fillText(formatValue(a[j]!, 2), x + size * 1.1, L.y[j]!);
    }
  }
}

function paintCaptions(ctx: CanvasRenderingContext2D, layout: NetworkLayout): void {
  ctx.font = `11px ${THEME.sansFont}`;
  ctx.fillStyle = THEME.muted;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  const last = layout.layers.length - 1;
  layout.layers.forEach((L, l) => {
    const side = imageSide(L.size);
    const text = l === 0 ? `input ${side}×${side}` : l === last ? `output ${L.size}` : `hidden ${L.size}`;
    ctx.fillText(text, L.centerX, layout.captionY);
  });
}

/**
 * Paints one frame of the network into ctx (in CSS px: the caller sets the devicePixelRatio transform):
 * background, edges (see collectEdges), the input image a[0], every neuron filled by its activation, output
 * labels (digit and activation, the largest highlighted), captions, and the selection and hover rings.
 * A frame whose shapes don't fit the layout (just after the network changed) draws the empty network.
 */
export function paintNetwork(
  ctx: CanvasRenderingContext2D,
  layout: NetworkLayout,
  frame: NetworkFrame | null,
  options: NetworkPaintOptions,
): void {
  const fits = frame !== null && frameFits(frame, layout.sizes) ? frame : null;
  const pixelRatio = options.pixelRatio ?? 1;
  const { layers } = layout;
  ctx.fillStyle = THEME.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  const sel = options.selected && inLayout(layout, options.selected) ? options.selected : null;

  // The image first, so edges show which pixels they leave from; then edges; then neurons over their ends.
  layers.forEach((L, l) => {
    if (L.kind === "grid") paintGrid(ctx, L, activations(layout, fits, l));
  });
  if (fits) {
    const buckets = new EdgeBuckets();
    for (let l = 1; l < layers.length; l++) collectEdges(layout, fits, l, buckets);
    const hairline = 1 / pixelRatio;
    buckets.stroke(ctx, sel ? 0.35 : 1, () => hairline);
    if (sel) {
      const own = new EdgeBuckets();
      collectSelectedEdges(layout, fits, sel, own);
      own.stroke(ctx, 1, (t) => 0.75 + (THEME.network.selectedEdgeWidth - 0.75) * t);
    }
  }
  layers.forEach((L, l) => {
    if (L.kind === "column") paintColumn(ctx, L, activations(layout, fits, l), pixelRatio);
  });
  const last = layers[layers.length - 1];
  if (last && layers.length > 1) paintOutputLabels(ctx, last, activations(layout, fits, layers.length - 1));
  paintCaptions(ctx, layout);
  const hov = options.hovered;
  if (hov && inLayout(layout, hov)) ring(ctx, layers[hov.layer]!, hov.index, THEME.foreground, 1.5);
  if (sel) ring(ctx, layers[sel.layer]!, sel.index, THEME.highlight, 2);
}
