// The network diagram's painter: one frame (input image, neurons lit by activation, edges blue/red by weight,
// output labels, captions, selection and hover rings) drawn outside React's render path on a layout from
// networkLayout.ts, with the edges networkEdges.ts picks.
import type { ProbeActivations, Weights } from "../worker/training/protocol.ts";
import { CAPTION_FONT_PX, layoutCaptions } from "./networkCaptions.ts";
import { collectEdges, collectSelectedEdges, EdgeBuckets } from "./networkEdges.ts";
import { inLayout, type LayerLayout, type NetworkLayout, type NeuronRef } from "./networkLayout.ts";
import { activationFill, formatValue, monoFont, THEME } from "./theme.ts";

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

/** A ring of `colour` round neuron j of layer L (a square round a pixel of the input grid). */
export function ring(
  ctx: CanvasRenderingContext2D,
  L: LayerLayout,
  j: number,
  colour: string,
  width: number,
): void {
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
  // Never under 11 px, the smallest text the page shows.
  const size = Math.max(11, Math.min(16, L.pitch * 0.45));
  let best = -1;
  if (a) for (let j = 0; j < L.size; j++) if (a[j]! > (best < 0 ? 0 : a[best]!)) best = j;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  for (let j = 0; j < L.size; j++) {
    const x = L.x[j]! + L.radius + 8;
    ctx.font = monoFont(size, j === best ? "bold" : "normal");
    ctx.fillStyle = j === best ? THEME.accent : THEME.foreground;
    ctx.fillText(String(j), x, L.y[j]!);
    if (a) {
      ctx.font = monoFont(Math.max(11, size * 0.8));
      ctx.fillStyle = j === best ? THEME.accent : THEME.muted;
      ctx.fillText(formatValue(a[j]!, 2), x + size * 1.1, L.y[j]!);
    }
  }
}

/** The layer captions under the layers, laid out by layoutCaptions so that none touch. */
function paintCaptions(ctx: CanvasRenderingContext2D, layout: NetworkLayout): void {
  ctx.font = `${CAPTION_FONT_PX}px ${THEME.sansFont}`;
  ctx.fillStyle = THEME.muted;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  for (const line of layoutCaptions(layout, (text) => ctx.measureText(text).width))
    ctx.fillText(line.text, line.x, line.y);
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
    const { w } = fits.weights;
    const input = activations(layout, fits, 0);
    const buckets = new EdgeBuckets();
    for (let l = 1; l < layers.length; l++) collectEdges(layout, w, input, l, buckets);
    const hairline = 1 / pixelRatio;
    buckets.stroke(ctx, sel ? 0.35 : 1, () => hairline);
    if (sel) {
      const own = new EdgeBuckets();
      collectSelectedEdges(layout, w, input, sel, own);
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
  if (sel) ring(ctx, layers[sel.layer]!, sel.index, THEME.accent, 2);
}
