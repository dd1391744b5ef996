// The one colour language of the explorable, the lessons and the experiments (3Blue1Brown's palette on a dark
// page), and the colour helpers the canvas painters share. Blue is positive, "increase", "brighter"; red is
// negative, "decrease", "dimmer" — for weights, terms, wishes and nudges alike. One accent, yellow, marks what is
// selected and the answer. Verdicts (right/wrong) and chart series have colours of their own that never carry
// those meanings. The page's CSS variables are generated from PALETTE (themeStyleSheet), so CSS, SVG and canvas
// read the same values; no other source file writes a colour.

/** Every colour, by meaning. The CSS variable of each is `--<kebab-case name>` (see CSS_VARIABLES). */
export const PALETTE = {
  /** The page. */
  bg: "#0e1116",
  /** A panel on the page, and its border. */
  panel: "#151a22",
  panelEdge: "#232b36",
  /** A box sunk into a panel (code, charts' backgrounds, tables). */
  inset: "#111720",
  /** A raised control (buttons, inputs) and its border. */
  raised: "#1d2430",
  raisedEdge: "#2f3a48",
  /** The current item of a navigation (the step, the page, a chosen toggle). */
  current: "#1f4a57",
  /** Table rules and chart axes. */
  rule: "#1e2630",
  axis: "#4a5666",
  /** Text, and quieter text. */
  fg: "#e8e6e3",
  muted: "#9aa4b1",
  /** Sliders, checkboxes and links: the controls' own colour, not a meaning. */
  control: "#c9d1d9",
  /** Activation 0 (an unlit pixel or neuron) and activation 1. */
  off: "#000000",
  on: "#ffffff",
  /** Positive / increase / "brighter". */
  positive: "#58c4dd",
  /** Negative / decrease / "dimmer". */
  negative: "#fc6255",
  /** Selected, and the answer. */
  accent: "#ffff00",
  /** A verdict: right / converges / better. */
  good: "#83c167",
  /** A verdict: wrong / diverges / worse. */
  bad: "#ff862f",
  /** A faint track behind a bar; a faint tint of the accent behind a selected row. */
  track: "rgba(255, 255, 255, 0.06)",
  accentTint: "rgba(255, 255, 0, 0.08)",
  /** Outlines of neurons and faint guide lines. */
  neuronStroke: "rgba(232, 230, 227, 0.6)",
  gridLine: "rgba(232, 230, 227, 0.12)",
  /** A scrim behind a floating label. */
  scrim: "rgba(14, 17, 22, 0.92)",
  /** The shadow under a floating box. */
  shadow: "rgba(0, 0, 0, 0.5)",
  /** Chart series (runs, curves): none of them is blue, red, yellow, green or orange. */
  series1: "#dc75cd",
  series2: "#5cd0b3",
  series3: "#a393f0",
  series4: "#d9b77e",
  series5: "#c7ccd3",
  series6: "#f2a3b5",
} as const;

export type ColourName = keyof typeof PALETTE;

/** The colour language in words, for the legend every view can show: the signs and the accent. */
export const COLOUR_MEANINGS = [
  { colour: "positive", word: "blue", meaning: "positive, increase, brighter" },
  { colour: "negative", word: "red", meaning: "negative, decrease, dimmer" },
  { colour: "accent", word: "yellow", meaning: "selected, the answer" },
] as const satisfies ReadonlyArray<{ colour: ColourName; word: string; meaning: string }>;

/** The chart series, in order. */
export const SERIES = [
  PALETTE.series1,
  PALETTE.series2,
  PALETTE.series3,
  PALETTE.series4,
  PALETTE.series5,
  PALETTE.series6,
] as const;

/** A sequential scale for the cost landscape (low → high), dark to light, without the signed hues. */
export const LANDSCAPE_SCALE = ["#0c1a2b", "#173f5a", "#2b6e7c", "#5d9f8f", "#a8cfa6", "#eceac2"] as const;

/** `panelEdge` → `--panel-edge`. */
export function cssVariable(name: ColourName): string {
  return `--${String(name).replace(/[A-Z0-9]+/g, (m: string) => `-${m.toLowerCase()}`)}`;
}

/** The CSS variables the style sheets use, name → value. */
export const CSS_VARIABLES: ReadonlyArray<readonly [string, string]> = (
  Object.keys(PALETTE) as ColourName[]
).map((name) => [cssVariable(name), PALETTE[name]]);

/** A style sheet that defines every colour variable on `selector` (:root for a page, :host for the element). */
export function themeStyleSheet(selector = ":root"): string {
  return `${selector}{${CSS_VARIABLES.map(([k, v]) => `${k}:${v}`).join(";")}}`;
}

/** Colours, fonts and sizes of the canvas painters. */
export const THEME = {
  background: PALETTE.bg,
  foreground: PALETTE.fg,
  muted: PALETTE.muted,
  /** Positive weights and contributions. */
  positive: PALETTE.positive,
  /** Negative weights and contributions. */
  negative: PALETTE.negative,
  /** The selected neuron or heatmap, the prediction. */
  accent: PALETTE.accent,
  off: PALETTE.off,
  on: PALETTE.on,
  neuronStroke: PALETTE.neuronStroke,
  gridLine: PALETTE.gridLine,
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

/** A palette colour ("#rrggbb") at opacity a, as rgba(). */
export function withAlpha(hex: string, a: number): string {
  const [r, g, b] = hexToRgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha(clamp01(a))})`;
}

/** "#rrggbb" → [r, g, b], 0…255. */
export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const BLUE = hexToRgb(THEME.positive);
const RED = hexToRgb(THEME.negative);
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
export const DIVERGING_CSS = `linear-gradient(to right, ${THEME.negative}, ${THEME.off}, ${THEME.positive})`;

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
