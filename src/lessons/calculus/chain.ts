// Pure helpers for the scene "Backpropagation calculus": a parameter's chain-rule factors read from the engine's
// trace, the parameter picked first, moving a selection, and the finite-difference estimate beside the analytic
// derivative (the engine's costOf on a float64 copy, gradcheck.ts).
import { activatePrime } from "../../engine/activations.ts";
import { getParam, setParam, type ParamRef } from "../../engine/experiments.ts";
import { costOf, relativeError } from "../../engine/gradcheck.ts";
import {
  convertNetwork,
  depth,
  hiddenActivation,
  type Network,
  type NetworkSpec,
  type Trace,
} from "../../engine/network.ts";
import { argmaxAbs, rowCol, weightIndex } from "../backprop/nudges.ts";

/** ∂C₀/∂p = ∂z/∂p · ∂a/∂z · ∂C₀/∂a for one weight or bias of neuron j of layer l. */
export interface Chain {
  /** ∂z⁽ˡ⁾ⱼ/∂p: a⁽ˡ⁻¹⁾ₖ from the trace for a weight, exactly 1 for a bias. */
  readonly dzdp: number;
  /** ∂a⁽ˡ⁾ⱼ/∂z⁽ˡ⁾ⱼ = σ′(z⁽ˡ⁾ⱼ): the engine's activatePrime (sigmoidPrime) of the trace's z. */
  readonly dadz: number;
  /** ∂C₀/∂a⁽ˡ⁾ⱼ from the trace: 2(aⱼ − yⱼ) at the output, the backward sum Σᵢ w⁽ˡ⁺¹⁾ᵢⱼ δ⁽ˡ⁺¹⁾ᵢ below it. */
  readonly dCda: number;
  /** δ⁽ˡ⁾ⱼ = ∂C₀/∂z⁽ˡ⁾ⱼ from the trace. */
  readonly delta: number;
  /** ∂C₀/∂p: the trace's own dw or db. */
  readonly gradient: number;
  /** dzdp · dadz · dCda multiplied in double precision, to show the factors give the trace's value. */
  readonly multiplied: number;
  /** z⁽ˡ⁾ⱼ, a⁽ˡ⁾ⱼ (and yⱼ at the output) from the trace. */
  readonly z: number;
  readonly a: number;
  readonly y: number | null;
}

/** The activation function's derivative of layer l (sigmoid at the output, which is all these scenes take). */
function layerPrime(spec: NetworkSpec, l: number, z: number): number {
  return activatePrime(l === depth(spec) ? "sigmoid" : hiddenActivation(spec, l), z);
}

export function chainOf(net: Network, trace: Trace, p: ParamRef): Chain {
  const { j, k } = rowCol(net.spec, p);
  const l = p.layer;
  const L = depth(net.spec);
  const z = trace.z[l]![j]!;
  const dzdp = p.kind === "w" ? trace.a[l - 1]![k]! : 1;
  const dadz = layerPrime(net.spec, l, z);
  const dCda = trace.dCda[l]![j]!;
  return {
    dzdp,
    dadz,
    dCda,
    delta: trace.delta[l]![j]!,
    gradient: (p.kind === "w" ? trace.dw : trace.db)[l]![p.index]!,
    multiplied: dzdp * dadz * dCda,
    z,
    a: trace.a[l]![j]!,
    y: l === L ? trace.y[j]! : null,
  };
}

/** δ⁽ˡ⁾ᵢ = f′(z⁽ˡ⁾ᵢ) · ∂C₀/∂a⁽ˡ⁾ᵢ for every neuron of layer l: the factors from the trace, δ the trace's own. */
export function deltaFactors(
  net: Network,
  trace: Trace,
  l: number,
): { dadz: number; dCda: number; delta: number }[] {
  return Array.from(trace.delta[l]!, (delta, i) => ({
    dadz: layerPrime(net.spec, l, trace.z[l]![i]!),
    dCda: trace.dCda[l]![i]!,
    delta,
  }));
}

/** The weight shown first: into the correct digit's output, from the hidden neuron where its |∂C₀/∂w| is largest. */
export function defaultParam(net: Network, trace: Trace): ParamRef {
  const L = depth(net.spec);
  const n = net.spec.sizes[L - 1]!;
  const j = Math.max(0, trace.y.indexOf(1));
  const k = argmaxAbs(trace.dw[L]!.subarray(j * n, (j + 1) * n));
  return { kind: "w", layer: L, index: weightIndex(net.spec, L, j, k) };
}

/** The weight of layer l with the largest |∂C₀/∂w| for this example (to show a deeper chain). */
export function largestWeight(trace: Trace, l: number): ParamRef {
  return { kind: "w", layer: l, index: argmaxAbs(trace.dw[l]!) };
}

/** A parameter from its parts, each clamped into the network: layer 1 … L, row j, column k (weights only). */
export function paramAt(spec: NetworkSpec, kind: "w" | "b", layer: number, j: number, k: number): ParamRef {
  const L = depth(spec);
  const l = Math.min(L, Math.max(1, Math.round(layer)));
  const nOut = spec.sizes[l]!;
  const nIn = spec.sizes[l - 1]!;
  const jj = Math.min(nOut - 1, Math.max(0, Math.round(j)));
  const kk = Math.min(nIn - 1, Math.max(0, Math.round(k)));
  return kind === "w"
    ? { kind, layer: l, index: weightIndex(spec, l, jj, kk) }
    : { kind, layer: l, index: jj };
}

/** The neuron whose ∂C₀/∂a is a sum to show for parameter p: the layer and index of the activation p feeds into
 * the next layer (for an output's weight, its source neuron k; for an output's bias, the hidden neuron with the
 * largest |∂C₀/∂a|; below the output, p's own neuron j). */
export function sumFocus(spec: NetworkSpec, trace: Trace, p: ParamRef): { layer: number; k: number } {
  const L = depth(spec);
  const { j, k } = rowCol(spec, p);
  if (p.layer < L) return { layer: p.layer, k: j };
  return p.kind === "w" ? { layer: L - 1, k } : { layer: L - 1, k: argmaxAbs(trace.dCda[L - 1]!) };
}

/** The finite-difference estimate of ∂C₀/∂p and its parts. */
export interface FiniteDifference {
  readonly h: number;
  /** C₀ with p + h and with p − h, on a float64 copy of the network. */
  readonly plus: number;
  readonly minus: number;
  /** (plus − minus) / 2h. */
  readonly estimate: number;
}

/**
 * (C₀(p + h) − C₀(p − h)) / 2h with the engine's costOf, on `net64` (a float64 copy of the network; see
 * float64Copy), restoring p afterwards.
 */
export function finiteDifference(
  net64: Network,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  p: ParamRef,
  h: number,
): FiniteDifference {
  const keep = getParam(net64, p);
  setParam(net64, p, keep + h);
  const plus = costOf(net64, x, y);
  setParam(net64, p, keep - h);
  const minus = costOf(net64, x, y);
  setParam(net64, p, keep);
  return { h, plus, minus, estimate: (plus - minus) / (2 * h) };
}

/** A float64 copy for finite differences: float32 rounding would swamp a difference of two close costs. */
export function float64Copy(net: Network): Network {
  return convertNetwork(net, "float64");
}

/** The gradient check's relative difference |a − n| / √(a² + n²) (gradcheck.ts relativeError for one value). */
export function relativeDifference(analytic: number, numeric: number): number {
  return relativeError([[analytic]], [[numeric]]);
}

/** Step sizes h offered for the finite difference; 1e-5 (DEFAULT_STEP_INDEX) to start with. */
export const STEP_SIZES = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8, 1e-10] as const;
export const DEFAULT_STEP_INDEX = 4;

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** "10⁻⁵" for a power of ten. */
export function powerOfTen(h: number): string {
  const e = Math.round(Math.log10(h));
  const digits = Array.from(String(Math.abs(e)), (d) => SUPERSCRIPT[Number(d)]).join("");
  return `10${e < 0 ? "⁻" : ""}${digits}`;
}

/** What a mini-batch's derivatives say about the parameter, in words: how many images would raise, lower or
 * leave it. */
export function verdict(values: readonly number[]): string {
  const raise = values.filter((v) => v < 0).length;
  const lower = values.filter((v) => v > 0).length;
  const none = values.length - raise - lower;
  const parts = [
    raise > 0 ? `${raise} would raise it (blue: a negative derivative)` : "",
    lower > 0 ? `${lower} would lower it (red)` : "",
    none > 0
      ? `${none} ${none === 1 ? "has" : "have"} no say at all (exactly 0, as for a pixel left blank)`
      : "",
  ].filter((p) => p !== "");
  return `Of the ${values.length} images, ${parts.join(", ")}. A training step follows their mean.`;
}
