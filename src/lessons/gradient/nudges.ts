// Pure helpers for reading the negative gradient −∇C as a list of nudges: every weight and bias by name, the size
// of its nudge in words relative to the largest, and the largest nudges first.
import type { Gradient, NetworkSpec } from "../../engine/network.ts";

/** One component of the gradient: parameter p of layer l (a weight w[l][index] or a bias b[l][index]). */
export interface Component {
  readonly kind: "w" | "b";
  /** The layer the parameter feeds, 1 … L. */
  readonly layer: number;
  /** Flat index into w[layer] (j·n(l−1) + k) or b[layer] (j). */
  readonly index: number;
  /** ∂C/∂p from the lab's traceBatch mean gradient. */
  readonly gradient: number;
}

/** Every component of a gradient in the network's order: layer 1's weights then biases, layer 2's, … */
export function components(grad: Gradient): Component[] {
  const out: Component[] = [];
  for (let layer = 1; layer < grad.dw.length; layer++) {
    grad.dw[layer]!.forEach((gradient, index) => out.push({ kind: "w", layer, index, gradient }));
    grad.db[layer]!.forEach((gradient, index) => out.push({ kind: "b", layer, index, gradient }));
  }
  return out;
}

/** The `count` components with the largest |∂C/∂p|, largest first; ties keep the network's order. */
export function largest(all: readonly Component[], count: number): Component[] {
  return all
    .map((c, order) => ({ c, order }))
    .sort((p, q) => Math.abs(q.c.gradient) - Math.abs(p.c.gradient) || p.order - q.order)
    .slice(0, count)
    .map(({ c }) => c);
}

/** The largest |∂C/∂p| of all: the yardstick for the words. */
export function largestSize(all: readonly Component[]): number {
  return all.reduce((m, c) => Math.max(m, Math.abs(c.gradient)), 0);
}

/** How big a nudge is, relative to the largest nudge of all. */
export type NudgeSize = "a lot" | "somewhat" | "a little" | "barely" | "none";

/** Lower bounds of |nudge| / largest |nudge| for each word. */
export const NUDGE_THRESHOLDS = { "a lot": 0.5, somewhat: 0.15, "a little": 0.02 } as const;

/** The word for a nudge of size |g| when the largest is `max`: ≥ ½ "a lot", ≥ 15 % "somewhat", ≥ 2 % "a little",
 * above 0 "barely", exactly 0 "none". */
export function nudgeSize(g: number, max: number): NudgeSize {
  const size = Math.abs(g);
  if (size === 0 || !(max > 0)) return "none";
  const r = size / max;
  if (r >= NUDGE_THRESHOLDS["a lot"]) return "a lot";
  if (r >= NUDGE_THRESHOLDS.somewhat) return "somewhat";
  if (r >= NUDGE_THRESHOLDS["a little"]) return "a little";
  return "barely";
}

/**
 * What the nudge −∂C/∂p says about p, in words: "should increase a lot", "should decrease a little", "should
 * barely change", "should stay as it is". `g` is ∂C/∂p, so a positive slope means the parameter should go down.
 */
export function nudgeWords(g: number, max: number): string {
  const size = nudgeSize(g, max);
  if (size === "none") return "should stay as it is";
  if (size === "barely") return "should barely change";
  return `should ${g < 0 ? "increase" : "decrease"} ${size}`;
}

/** How many components get each word. */
export function sizeCounts(all: readonly Component[]): Record<NudgeSize, number> {
  const max = largestSize(all);
  const counts: Record<NudgeSize, number> = { "a lot": 0, somewhat: 0, "a little": 0, barely: 0, none: 0 };
  for (const c of all) counts[nudgeSize(c.gradient, max)]++;
  return counts;
}

/** A layer's name for the reader: "pixel" for layer 0, "hidden-l" for hidden layers, "output" for the last. */
export function layerName(spec: Pick<NetworkSpec, "sizes">, l: number): string {
  if (l === 0) return "pixel";
  return l === spec.sizes.length - 1 ? "output" : `hidden-${l}`;
}

/** Where a component sits: j is the neuron of `layer` it feeds, k (weights only) the neuron of layer − 1 it
 * comes from. */
export function position(
  spec: Pick<NetworkSpec, "sizes">,
  c: Pick<Component, "kind" | "layer" | "index">,
): { j: number; k: number | null } {
  if (c.kind === "b") return { j: c.index, k: null };
  const nIn = spec.sizes[c.layer - 1]!;
  return { j: Math.floor(c.index / nIn), k: c.index % nIn };
}

/**
 * Which parameter a component is, in words: "from hidden-2 neuron 12 to output 7", "from pixel (row 5, column 14)
 * to hidden-1 neuron 3", "bias of output 7".
 */
export function describe(
  spec: Pick<NetworkSpec, "sizes">,
  c: Pick<Component, "kind" | "layer" | "index">,
): string {
  const { j, k } = position(spec, c);
  const to = c.layer === spec.sizes.length - 1 ? `output ${j}` : `${layerName(spec, c.layer)} neuron ${j}`;
  if (k === null) return `bias of ${to}`;
  if (c.layer === 1) {
    const side = Math.round(Math.sqrt(spec.sizes[0]!));
    const from =
      side * side === spec.sizes[0]
        ? `pixel (row ${Math.floor(k / side)}, column ${k % side})`
        : `input ${k}`;
    return `from ${from} to ${to}`;
  }
  return `from ${layerName(spec, c.layer - 1)} neuron ${k} to ${to}`;
}

/** The data-term of a component's nudge on the page: "nudge-w-3-110", "nudge-b-3-6". */
export function nudgeTerm(c: Pick<Component, "kind" | "layer" | "index">): string {
  return `nudge-${c.kind}-${c.layer}-${c.index}`;
}

const SUP: Record<string, string> = {
  "(": "⁽",
  ")": "⁾",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};
const SUB: Record<string, string> = {
  ",": ",",
  "0": "₀",
  "1": "₁",
  "2": "₂",
  "3": "₃",
  "4": "₄",
  "5": "₅",
  "6": "₆",
  "7": "₇",
  "8": "₈",
  "9": "₉",
};
const map = (s: string, table: Record<string, string>) => Array.from(s, (c) => table[c] ?? c).join("");

/** A parameter's name as plain text, for SVG and accessible names: "w⁽³⁾₆,₁₄", "b⁽³⁾₆". */
export function paramText(
  spec: Pick<NetworkSpec, "sizes">,
  c: Pick<Component, "kind" | "layer" | "index">,
): string {
  const { j, k } = position(spec, c);
  return `${c.kind}${map(`(${c.layer})`, SUP)}${map(k === null ? String(j) : `${j},${k}`, SUB)}`;
}
