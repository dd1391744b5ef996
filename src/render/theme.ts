// The explorable's visual constants (3Blue1Brown's palette on a dark page) and colour helpers shared by
// the canvas painters: weights blue (+) / red (−) with opacity by magnitude, activations as brightness.

/** Colours, fonts and sizes; the page's CSS variables (src/styles.css) use the same colours. */
export const THEME = {
  background: "#0e1116",
  foreground: "#e8e6e3",
  muted: "#8b949e",
  /** Positive weights and contributions. */
  blue: "#58c4dd",
  /** Negative weights and contributions. */
  red: "#fc6255",
  /** The selected neuron or heatmap. */
  highlight: "#ffd94a",
  /** Zero on every scale (an unlit pixel or neuron, a zero weight in a heatmap). */
  off: "#000000",
  /** Fully lit (activation 1). */
  on: "#ffffff",
  neuronStroke: "rgba(232, 230, 227, 0.6)",
  gridLine: "rgba(232, 230, 227, 0.12)",
  monoFont: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  sansFont: "system-ui, sans-serif",
  network: {
    /** Largest neuron radius, CSS px. */
    maxRadius: 14,
    /** Neurons are at least this far apart (centre to centre) before a layer wraps into more columns. */
    minPitch: 8,
    /** Radius as a share of the distance between neighbouring neurons (< 0.5: circles never touch). */
    radiusShare: 0.38,
    /** Space kept on the right for the output labels ("7 0.93"), CSS px. */
    labelWidth: 72,
    /** Space kept below for the layer captions, CSS px. */
    captionHeight: 20,
    margin: 12,
    /** Most edges drawn between two layers (the strongest ones). Each edge costs ~30 µs in a software canvas. */
    edgeBudget: 400,
    /** Edges drawn from the input grid to the first layer: its neurons' strongest contributions, this many in
     * all but at least one and at most inputEdgesPerNeuron each. */
    inputEdgeBudget: 256,
    inputEdgesPerNeuron: 16,
    /** Most edges drawn into, and out of, the selected neuron (its strongest). */
    selectedEdges: 64,
    /** Edges fainter than this share of their layer's strongest are not drawn. */
    minEdgeStrength: 0.06,
    /** Edge opacity is quantised into this many steps, so the stroke style changes rarely. */
    edgeLevels: 16,
    /** Edges are one device pixel wide (fast in software canvases); the selected neuron's up to this, CSS px. */
    selectedEdgeWidth: 2.5,
  },
  heatmap: {
    /** Gap between heatmaps in the grid, CSS px (small layers / large layers). */
    gap: 6,
    denseGap: 2,
    /** Side of the enlarged heatmap, CSS px. */
    enlargedSide: 224,
    /** The layer's heatmaps share the scale ±s, s = this quantile of |w| over the layer (beyond it, saturated). */
    scaleQuantile: 0.99,
  },
} as const;

/** CSS font string in the monospace face the numbers use. */
export function monoFont(sizePx: number, weight: "normal" | "bold" = "normal"): string {
  return `${weight === "bold" ? "bold " : ""}${sizePx}px ${THEME.monoFont}`;
}

type Rgb = readonly [number, number, number];

/** "#rrggbb" → [r, g, b], 0…255. */
export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const BLUE = hexToRgb(THEME.blue);
const RED = hexToRgb(THEME.red);
const OFF = hexToRgb(THEME.off);
const ON = hexToRgb(THEME.on);

function clamp01(x: number): number {
  return x > 1 ? 1 : x > 0 ? x : 0; // NaN → 0
}

/** Rounds an opacity to 3 decimals for a compact, stable CSS string. */
function alpha(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * A weight's colour on the symmetric scale [−scale, +scale]: blue for w > 0, red for w < 0, opacity |w|/scale
 * (clamped to 1). A zero, non-finite or non-positive scale gives a transparent colour.
 */
export function weightColor(w: number, scale: number): string {
  const t = scale > 0 && Number.isFinite(w) ? clamp01(Math.abs(w) / scale) : 0;
  const [r, g, b] = w < 0 ? RED : BLUE;
  return `rgba(${r}, ${g}, ${b}, ${alpha(t)})`;
}

/**
 * A neuron's or pixel's fill for activation a: black (a ≤ 0) to white (a ≥ max), linear in between. `max` is 1
 * for sigmoid and softmax layers; a ReLU layer passes its largest activation so the brightest neuron is white.
 */
export function activationFill(a: number, max = 1): string {
  const t = max > 0 ? clamp01(a / max) : 0;
  const c = (i: 0 | 1 | 2) => Math.round(OFF[i] + (ON[i] - OFF[i]) * t);
  return `rgb(${c(0)}, ${c(1)}, ${c(2)})`;
}

/** Entries in the diverging colour table. */
export const DIVERGING_SIZE = 256;

/**
 * The diverging colour table for heatmaps: DIVERGING_SIZE opaque RGBA entries (4 bytes each) from red (−1)
 * through black (0) to blue (+1), linear in the value. Entry i stands for the value (i + 0.5)/128 − 1, so
 * entries i and 255 − i have the same magnitude with opposite signs. A CSS
 * `linear-gradient(to right, red, black, blue)` draws the same scale (see DIVERGING_CSS).
 */
export const DIVERGING_LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(DIVERGING_SIZE * 4);
  const half = DIVERGING_SIZE / 2;
  for (let i = 0; i < DIVERGING_SIZE; i++) {
    const v = (i + 0.5) / half - 1;
    const end = v < 0 ? RED : BLUE;
    const m = Math.abs(v);
    for (let c = 0; c < 3; c++) lut[i * 4 + c] = Math.round(OFF[c]! + (end[c]! - OFF[c]!) * m);
    lut[i * 4 + 3] = 255;
  }
  return lut;
})();

/** The diverging scale as a CSS gradient, for legends beside the heatmaps. */
export const DIVERGING_CSS = `linear-gradient(to right, ${THEME.red}, ${THEME.off}, ${THEME.blue})`;

/** Index into DIVERGING_LUT (entry, not byte) of value v on the symmetric scale [−scale, +scale]. */
export function divergingIndex(v: number, scale: number): number {
  if (!(scale > 0) || !Number.isFinite(v)) return DIVERGING_SIZE / 2;
  const i = Math.floor((v / scale + 1) * (DIVERGING_SIZE / 2));
  return i < 0 ? 0 : i >= DIVERGING_SIZE ? DIVERGING_SIZE - 1 : i;
}

/** A value for display: fixed decimals with a true minus sign (−0.421), "—" when not finite. */
export function formatValue(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return "—";
  const s = Math.abs(x).toFixed(digits);
  return x < 0 && Number(s) !== 0 ? `\u2212${s}` : s;
}
