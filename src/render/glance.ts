// The lessons' compact network: the explorable's painter (network.ts) on a small layout, with what the step is
// about marked (layers, neurons, weights in the accent) and two motions: the forward pass, lighting the layers
// left to right as their weighted sums fill in, and the backward pass, each output's wish travelling back along
// its edges (blue: brighter, red: dimmer, sized by |w·δ|) and summing at the neurons of the layer before.
import { backTerm, type Network, type Trace } from "../engine/network.ts";
import { paintNetwork, ring, type NetworkFrame } from "./network.ts";
import type { NetworkLayout, NeuronRef } from "./networkLayout.ts";
import { THEME, withAlpha } from "./theme.ts";

/** Weight w[layer][j, k]: from neuron k of layer − 1 to neuron j of layer. */
export interface EdgeRef {
  readonly layer: number;
  readonly j: number;
  readonly k: number;
}

/** What a step is about. */
export interface GlanceFocus {
  /** Whole layers, banded in a faint accent. */
  readonly layers?: readonly number[];
  /** Neurons, ringed in the accent. */
  readonly neurons?: readonly NeuronRef[];
  /** Weights, drawn in the accent over the other edges. */
  readonly edges?: readonly EdgeRef[];
}

/** The forward pass (the layers light up left to right), or the backward pass from layer `from` down to `to`
 * (only output `only`'s wishes, when given). */
export type GlanceMotion =
  | { readonly kind: "forward" }
  | { readonly kind: "backward"; readonly from: number; readonly to: number; readonly only?: number };

/** How long a motion takes at full length, ms: per layer lit, per layer the wishes travel back. */
export const FORWARD_MS_PER_LAYER = 380;
export const BACKWARD_MS_PER_LAYER = 1100;

export function motionDuration(motion: GlanceMotion | null, layers: number): number {
  if (!motion) return 0;
  return motion.kind === "forward"
    ? FORWARD_MS_PER_LAYER * (layers - 1)
    : BACKWARD_MS_PER_LAYER * Math.max(0, motion.from - motion.to);
}

/** Ease in and out (smoothstep). */
export function ease(t: number): number {
  const x = t < 0 ? 0 : t > 1 ? 1 : t;
  return x * x * (3 - 2 * x);
}

/** Share 0…1 of stage s (0-based) of a motion of `stages` stages at progress t (0…1). */
export function stageProgress(t: number, stages: number, s: number): number {
  return ease(t * stages - s);
}

/**
 * The activations the forward pass shows at progress t (0…1): the input whole, and layer l's activations
 * scaled by its stage's progress, so each layer fills in from dark after the one before it.
 */
export function forwardActivations(a: readonly Float32Array[], t: number): Float32Array[] {
  const stages = a.length - 1;
  return a.map((al, l) => (l === 0 || t >= 1 ? al : al.map((v) => v * stageProgress(t, stages, l - 1))));
}

/** The wish −w[l][j,k]·δ[l][j] of neuron j of layer l for neuron k of layer l − 1 (the engine's backTerm, negated). */
export function wishOf(
  net: Network<Float32Array>,
  trace: Trace<Float32Array>,
  l: number,
  j: number,
  k: number,
) {
  return -backTerm(net, trace, l, j, k);
}

/** Most edges a backward stage draws (the largest wishes). */
const FLOW_EDGES = 80;

function paintFocus(ctx: CanvasRenderingContext2D, layout: NetworkLayout, focus: GlanceFocus): void {
  for (const l of focus.layers ?? []) {
    const L = layout.layers[l];
    if (!L) continue;
    const pad = L.kind === "grid" ? 3 : L.radius + 4;
    ctx.fillStyle = withAlpha(THEME.accent, 0.07);
    ctx.strokeStyle = withAlpha(THEME.accent, 0.5);
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.roundRect(L.left - pad, L.top - pad, L.right - L.left + 2 * pad, L.bottom - L.top + 2 * pad, 6);
    ctx.fill();
    ctx.stroke();
  }
  ctx.strokeStyle = THEME.accent;
  ctx.lineWidth = 2;
  for (const e of focus.edges ?? []) {
    const from = layout.layers[e.layer - 1];
    const to = layout.layers[e.layer];
    if (!from || !to || e.k >= from.size || e.j >= to.size) continue;
    ctx.beginPath();
    ctx.moveTo(from.x[e.k]!, from.y[e.k]!);
    ctx.lineTo(to.x[e.j]!, to.y[e.j]!);
    ctx.stroke();
  }
  for (const n of focus.neurons ?? []) {
    const L = layout.layers[n.layer];
    if (L && n.index < L.size) ring(ctx, L, n.index, THEME.accent, 2);
  }
}

/** One stage of the backward pass, layer l to l − 1, at progress p (0…1). */
function paintFlow(
  ctx: CanvasRenderingContext2D,
  layout: NetworkLayout,
  net: Network<Float32Array>,
  trace: Trace<Float32Array>,
  l: number,
  p: number,
  only: number | undefined,
): void {
  const to = layout.layers[l]!;
  const from = layout.layers[l - 1]!;
  const edges: { j: number; k: number; wish: number }[] = [];
  for (let j = 0; j < to.size; j++) {
    if (only !== undefined && j !== only) continue;
    for (let k = 0; k < from.size; k++) edges.push({ j, k, wish: wishOf(net, trace, l, j, k) });
  }
  edges.sort((x, y) => Math.abs(y.wish) - Math.abs(x.wish));
  const shown = edges.slice(0, FLOW_EDGES);
  const max = Math.abs(shown[0]?.wish ?? 0) || 1;
  for (const { j, k, wish } of shown) {
    const rel = Math.abs(wish) / max;
    const colour = wish >= 0 ? THEME.positive : THEME.negative;
    const x0 = to.x[j]!;
    const y0 = to.y[j]!;
    const x1 = from.x[k]!;
    const y1 = from.y[k]!;
    // The trail behind the wish, then the wish itself, a dot sized by its magnitude.
    ctx.strokeStyle = withAlpha(colour, 0.15 + 0.6 * rel);
    ctx.lineWidth = 0.6 + 2.2 * rel;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x0 + (x1 - x0) * p, y0 + (y1 - y0) * p);
    ctx.stroke();
    if (p < 1) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.arc(x0 + (x1 - x0) * p, y0 + (y1 - y0) * p, 1.2 + 2.8 * rel, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  if (p < 1 || l - 1 < 1) return;
  // Arrived: each neuron of layer l − 1 ringed by the sign of its summed wish, −∂C₀/∂a (the engine's).
  const sums = trace.dCda[l - 1]!;
  let top = 0;
  for (let k = 0; k < from.size; k++) top = Math.max(top, Math.abs(sums[k]!));
  for (let k = 0; k < from.size; k++) {
    const wish = only !== undefined ? wishOf(net, trace, l, only, k) : -sums[k]!;
    const rel = top > 0 ? Math.min(1, Math.abs(wish) / top) : 0;
    ring(ctx, from, k, wish >= 0 ? THEME.positive : THEME.negative, 0.5 + 2.5 * rel);
  }
}

/** What the compact network shows: the network, the example's trace (null: no single example, nothing lit),
 * what the step is about and the motion that explains it. */
export interface GlanceScene {
  readonly net: Network<Float32Array>;
  readonly trace: Trace<Float32Array> | null;
  readonly focus: GlanceFocus;
  readonly motion: GlanceMotion | null;
}

export interface GlancePaint extends GlanceScene {
  /** Progress of the motion, 0…1 (1: at rest, the motion done). */
  readonly t: number;
  readonly pixelRatio: number;
}

/** Paints the compact network: the painter's frame (forward pass applied), the focus, then the backward pass. */
export function paintGlance(ctx: CanvasRenderingContext2D, layout: NetworkLayout, g: GlancePaint): void {
  const { net, trace, motion, t } = g;
  const a = trace ? (motion?.kind === "forward" ? forwardActivations(trace.a, t) : trace.a) : null;
  const frame: NetworkFrame = {
    weights: { w: net.w, b: net.b },
    probe: a ? { probeId: 0, z: trace!.z, a } : null,
  };
  const backward = trace !== null && motion?.kind === "backward";
  // One neuron in focus is the painter's selection (its edges over the others), except under the backward pass,
  // where the wishes are the subject: the rest of the network is dimmed behind them.
  const single =
    !backward && g.focus.neurons?.length === 1 && !g.focus.edges?.length ? g.focus.neurons[0]! : null;
  paintNetwork(ctx, layout, frame, { selected: single, hovered: null, pixelRatio: g.pixelRatio });
  if (backward) {
    ctx.fillStyle = withAlpha(THEME.background, 0.6);
    ctx.fillRect(0, 0, layout.width, layout.height);
  }
  paintFocus(ctx, layout, g.focus);
  if (trace && motion?.kind === "backward") {
    const stages = motion.from - motion.to;
    for (let s = 0; s < stages; s++) {
      const p = stageProgress(t, stages, s);
      if (p <= 0) break;
      const l = motion.from - s;
      paintFlow(ctx, layout, net, trace, l, p, s === 0 ? motion.only : undefined);
    }
  }
}
