// The network diagram's layout: where every neuron is drawn (the input image as a grid, other layers as columns
// of circles), hit-testing a point, whether a neuron is in the layout, and where the panel describing one goes.
// Pure functions, CSS px.
import { imageSide } from "./heatmap.ts";
import { THEME } from "./theme.ts";

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

/** Whether the layout has neuron `ref` (a selection may outlive the network it was made in). */
export function inLayout(layout: NetworkLayout, ref: NeuronRef): boolean {
  const L = layout.layers[ref.layer];
  return L !== undefined && ref.index >= 0 && ref.index < L.size && Number.isInteger(ref.index);
}

/** Space between a neuron's circle and the panel describing it, CSS px. */
const PANEL_GAP = 10;

/**
 * Where the top-left corner of a panel `panel` (its width and height, CSS px) goes to describe neuron `target`:
 * beside it, right of it where the panel fits there, else left of it; where it fits neither side (a narrow
 * diagram), under it, or over it. Always inside the layout's box, as far as the panel fits in it.
 */
export function panelPosition(
  layout: NetworkLayout,
  target: NeuronRef,
  panel: { readonly width: number; readonly height: number },
): { left: number; top: number } {
  const L = layout.layers[target.layer]!;
  const x = L.x[target.index]!;
  const y = L.y[target.index]!;
  const gap = L.radius + PANEL_GAP;
  const inside = (v: number, room: number, size: number) => Math.max(0, Math.min(v, room - size));
  const beside = inside(y - panel.height / 2, layout.height, panel.height);
  if (x + gap + panel.width <= layout.width) return { left: x + gap, top: beside };
  if (x - gap - panel.width >= 0) return { left: x - gap - panel.width, top: beside };
  const below = y + gap;
  return {
    left: inside(x - panel.width / 2, layout.width, panel.width),
    top:
      below + panel.height <= layout.height
        ? below
        : inside(y - gap - panel.height, layout.height, panel.height),
  };
}
