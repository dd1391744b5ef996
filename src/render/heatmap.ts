// Weight heatmaps: one neuron's incoming weights as a square image (MNIST_SIDE × MNIST_SIDE) on the symmetric
// blue/red scale, and a grid of them painted from one sprite sheet so that 512 heatmaps cost one putImageData
// and 512 drawImage calls.

import { DIVERGING_LUT, THEME } from "./theme.ts";

/** What paintHeatmap writes into: an ImageData, or anything shaped like one (tests use plain objects). */
export interface PixelBuffer {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** Largest |x| in an array (0 for an empty one; NaNs are skipped): the shared scale s of a layer's heatmaps. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]!);
    if (v > m) m = v;
  }
  return m;
}

/**
 * The q-quantile of |x| over `values` (NaNs skipped), to within 1/1024 of the largest: the shared scale s of a
 * layer's heatmaps, so that a few outlying weights saturate instead of dimming every other one. O(n): a
 * histogram of |x|, no sort. 0 for an empty or all-zero array.
 */
export function quantileAbs(values: ArrayLike<number>, q: number): number {
  const max = maxAbs(values);
  if (!(max > 0) || !Number.isFinite(max)) return max;
  const bins = 1024;
  const counts = new Uint32Array(bins);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]!);
    if (!(v >= 0)) continue;
    counts[Math.min(bins - 1, Math.floor((v / max) * bins))]!++;
    n++;
  }
  const target = Math.ceil(q * n);
  let seen = 0;
  for (let b = 0; b < bins; b++) {
    seen += counts[b]!;
    if (seen >= target) return ((b + 1) / bins) * max;
  }
  return max;
}

/** Side of the square image an input of n pixels forms (MNIST_SIDE for MNIST_PIXELS); other inputs wrap. */
export function imageSide(n: number): number {
  return Math.ceil(Math.sqrt(n));
}

/** DIVERGING_LUT as one 32-bit word per entry. */
const LUT_WORDS = new Uint32Array(DIVERGING_LUT.buffer, DIVERGING_LUT.byteOffset, DIVERGING_LUT.length / 4);

/**
 * Writes `row` (one neuron's incoming weights, row[k] = weight from pixel k, k = y·side + x) as a side×side
 * image at (x0, y0) of `target`, coloured by DIVERGING_LUT on the symmetric scale [−scale, +scale]; values
 * beyond it saturate. `offset` picks the neuron's row out of a layer's whole weight array w[j·n + k].
 */
export function paintHeatmap(
  target: PixelBuffer,
  weights: ArrayLike<number>,
  scale: number,
  options: { x0?: number; y0?: number; offset?: number; length?: number } = {},
): void {
  const { x0 = 0, y0 = 0, offset = 0 } = options;
  const n = options.length ?? weights.length - offset;
  const side = imageSide(n);
  const k = scale > 0 ? 128 / scale : 0;
  const { width, height } = target;
  // One 32-bit word per pixel: copying the table's words keeps its byte order (RGBA) whatever the endianness.
  const pixels = new Uint32Array(target.data.buffer, target.data.byteOffset, width * height);
  for (let py = 0; py < side; py++) {
    const y = y0 + py;
    if (y >= height) break;
    for (let px = 0; px < side; px++) {
      const x = x0 + px;
      if (x >= width) break;
      const p = py * side + px;
      // divergingIndex(w, scale) inlined: ⌊w·128/scale + 128⌋ clamped; NaN and pixels past a non-square
      // input's end are zero (128).
      let i = 128;
      if (p < n) {
        const v = weights[offset + p]! * k + 128;
        i = v >= 255 ? 255 : v > 0 ? v | 0 : v <= 0 ? 0 : 128;
      }
      pixels[y * width + x] = LUT_WORDS[i]!;
    }
  }
}

/** Where the heatmaps sit in a grid of `cols` columns: tiles of `tile` CSS px with `gap` between them. */
export interface HeatmapGrid {
  readonly count: number;
  readonly cols: number;
  readonly rows: number;
  readonly tile: number;
  readonly gap: number;
  /** Size of the whole grid, CSS px. */
  readonly width: number;
  readonly height: number;
}

/**
 * Lays `count` heatmaps out in a grid at most `width` CSS px wide: ⌈√count⌉ columns unless `cols` is given,
 * square tiles as large as fit (at least 1 px), a wider gap for small layers than for large ones.
 */
export function layoutHeatmapGrid(count: number, width: number, cols?: number): HeatmapGrid {
  const c = Math.max(1, Math.min(count, cols ?? Math.ceil(Math.sqrt(count))));
  const rows = Math.max(1, Math.ceil(count / c));
  const gap = count > 64 ? THEME.heatmap.denseGap : THEME.heatmap.gap;
  const tile = Math.max(1, Math.floor((width - gap * (c - 1)) / c));
  return {
    count,
    cols: c,
    rows,
    tile,
    gap,
    width: c * tile + (c - 1) * gap,
    height: rows * tile + (rows - 1) * gap,
  };
}

/** Top-left corner of heatmap j in the grid, CSS px (row-major: j = row·cols + col). */
export function heatmapOrigin(grid: HeatmapGrid, j: number): { x: number; y: number } {
  const pitch = grid.tile + grid.gap;
  return { x: (j % grid.cols) * pitch, y: Math.floor(j / grid.cols) * pitch };
}

/** The heatmap under point (x, y) in CSS px relative to the grid, or null (gaps and empty cells included). */
export function heatmapAt(grid: HeatmapGrid, x: number, y: number): number | null {
  const pitch = grid.tile + grid.gap;
  if (x < 0 || y < 0) return null;
  const col = Math.floor(x / pitch);
  const row = Math.floor(y / pitch);
  if (col >= grid.cols || x - col * pitch >= grid.tile || y - row * pitch >= grid.tile) return null;
  const j = row * grid.cols + col;
  return j < grid.count ? j : null;
}

/** Moves the keyboard focus in a grid of heatmaps by an arrow key; null for other keys. */
export function moveInGrid(grid: HeatmapGrid, j: number, key: string): number | null {
  const last = grid.count - 1;
  switch (key) {
    case "ArrowLeft":
      return Math.max(0, j - 1);
    case "ArrowRight":
      return Math.min(last, j + 1);
    case "ArrowUp":
      return j - grid.cols >= 0 ? j - grid.cols : j;
    case "ArrowDown":
      return j + grid.cols <= last ? j + grid.cols : j;
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

/** A layer's weights into a sprite sheet: neuron j's heatmap at (j % cols, ⌊j / cols⌋) × side. */
export interface HeatmapSheet {
  readonly image: PixelBuffer;
  readonly side: number;
  readonly cols: number;
}

/** Size of the sprite sheet for `count` heatmaps of an input of nIn pixels laid out in `cols` columns. */
export function sheetSize(count: number, nIn: number, cols: number): { width: number; height: number } {
  const side = imageSide(nIn);
  return { width: cols * side, height: Math.ceil(count / cols) * side };
}

/**
 * Writes every neuron's heatmap of one layer into the sheet: w[j·nIn + k] is the weight from pixel k to
 * neuron j, all on the shared scale [−scale, +scale].
 */
export function paintHeatmapSheet(
  sheet: HeatmapSheet,
  w: ArrayLike<number>,
  nIn: number,
  scale: number,
): void {
  const count = Math.floor(w.length / nIn);
  for (let j = 0; j < count; j++) {
    paintHeatmap(sheet.image, w, scale, {
      x0: (j % sheet.cols) * sheet.side,
      y0: Math.floor(j / sheet.cols) * sheet.side,
      offset: j * nIn,
      length: nIn,
    });
  }
}

/** Options for drawing the grid from its sheet. */
export interface HeatmapGridOptions {
  readonly grid: HeatmapGrid;
  /** Side of one heatmap in the sheet, sheet pixels (imageSide of the input). */
  readonly side: number;
  /** The enlarged heatmap (outlined in the highlight colour), or null. */
  readonly enlarged: number | null;
  /** The keyboard-focused heatmap (outlined in the foreground colour), or null. */
  readonly focused: number | null;
}

/** Top-left corner of heatmap j in a sheet of `cols` columns of side×side tiles, sheet pixels. */
export function sheetOrigin(j: number, cols: number, side: number): { x: number; y: number } {
  return { x: (j % cols) * side, y: Math.floor(j / cols) * side };
}

/**
 * Draws the grid: each tile copied from the sheet (a canvas the sheet's pixels were put into; null before there
 * are weights: black tiles), scaled up with smoothing off (down with smoothing on), then the outlines. ctx is
 * in CSS px.
 */
export function drawHeatmapGrid(
  ctx: CanvasRenderingContext2D,
  sheet: CanvasImageSource | null,
  options: HeatmapGridOptions,
): void {
  const { grid, side, enlarged, focused } = options;
  const { tile } = grid;
  ctx.clearRect(0, 0, grid.width, grid.height);
  ctx.imageSmoothingEnabled = tile < side;
  ctx.fillStyle = THEME.off;
  for (let j = 0; j < grid.count; j++) {
    const { x, y } = heatmapOrigin(grid, j);
    if (!sheet) {
      ctx.fillRect(x, y, tile, tile);
      continue;
    }
    const from = sheetOrigin(j, grid.cols, side);
    ctx.drawImage(sheet, from.x, from.y, side, side, x, y, tile, tile);
  }
  const outline = (j: number | null, colour: string, width: number) => {
    if (j === null || j < 0 || j >= grid.count) return;
    const { x, y } = heatmapOrigin(grid, j);
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.strokeRect(x - width / 2, y - width / 2, grid.tile + width, grid.tile + width);
  };
  outline(focused, THEME.foreground, 1.5);
  outline(enlarged, THEME.accent, 2);
}

/**
 * Draws heatmap j of the sheet (`cols` columns of side×side tiles; null before there are weights) alone, filling
 * a size×size CSS px canvas with crisp pixels on the off colour.
 */
export function drawEnlargedHeatmap(
  ctx: CanvasRenderingContext2D,
  sheet: CanvasImageSource | null,
  options: { readonly j: number; readonly cols: number; readonly side: number; readonly size: number },
): void {
  const { j, cols, side, size } = options;
  ctx.fillStyle = THEME.off;
  ctx.fillRect(0, 0, size, size);
  ctx.imageSmoothingEnabled = false;
  if (!sheet) return;
  const from = sheetOrigin(j, cols, side);
  ctx.drawImage(sheet, from.x, from.y, side, side, 0, 0, size, size);
}
