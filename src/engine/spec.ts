// What a network is: its layer sizes, activations and cost (NetworkSpec), the arrays that hold its numbers
// (Network, Gradient), the limits the product builds within, and the checks that hold a spec to them. Notation
// as in network.ts, which re-exports all of this; the math is there.

import { ACTIVATIONS, OUTPUT_ACTIVATIONS, type Activation, type OutputActivation } from "./activations.ts";
import { COSTS, type Cost } from "./costs.ts";

/** The shape and functions of a network; everything but its numbers. */
export interface NetworkSpec {
  /** Neurons per layer, input first: [784, 16, 16, 10] is the videos' network. */
  readonly sizes: readonly number[];
  /** Activation of each hidden layer: hidden[l − 1] is layer l's, for l = 1…L−1. */
  readonly hidden: readonly Activation[];
  /** Output layer: elementwise sigmoid, or softmax. */
  readonly output: OutputActivation;
  readonly cost: Cost;
}

/** Float32 for speed, Float64 for checking: the reference math (network.ts) works on either. */
export type Floats = Float32Array | Float64Array;
export type Precision = "float32" | "float64";

/** A network's parameters. Index 0 of w and b is an empty array so that w[l] is w⁽ˡ⁾. */
export interface Network<F extends Floats = Floats> {
  readonly spec: NetworkSpec;
  /** w[l][j * n[l−1] + k]: weight from neuron k of layer l−1 to neuron j of layer l. */
  readonly w: F[];
  /** b[l][j]: bias of neuron j in layer l. */
  readonly b: F[];
}

/** ∂C/∂w and ∂C/∂b, shaped like the network's w and b. */
export interface Gradient<F extends Floats = Floats> {
  readonly dw: F[];
  readonly db: F[];
}

/** Limits of the networks the product builds. */
/** Whether two specs describe the same architecture (sizes, activations, output and cost, in spec order). */
export function sameSpec(a: NetworkSpec, b: NetworkSpec): boolean {
  return (
    a.output === b.output &&
    a.cost === b.cost &&
    a.sizes.length === b.sizes.length &&
    a.sizes.every((n, i) => n === b.sizes[i]) &&
    a.hidden.length === b.hidden.length &&
    a.hidden.every((f, i) => f === b.hidden[i])
  );
}

export const MAX_HIDDEN_LAYERS = 4;
export const MAX_NEURONS = 512;

/** A spec that names an invalid shape; the message says which part and why. */
export class SpecError extends Error {
  override name = "SpecError";
}

/** Number of weight layers L. */
export function depth(spec: NetworkSpec): number {
  return spec.sizes.length - 1;
}

/** Activation of layer l (1…L−1 hidden); the output layer is handled by outputActivate. */
export function hiddenActivation(spec: NetworkSpec, l: number): Activation {
  const f = spec.hidden[l - 1];
  if (f === undefined) throw new SpecError(`layer ${l} is not a hidden layer`);
  return f;
}

/** Throws SpecError unless the spec describes a network this engine builds. */
export function validateSpec(spec: NetworkSpec): void {
  const { sizes, hidden, output, cost } = spec;
  if (!Array.isArray(sizes) || sizes.length < 2)
    throw new SpecError("a network needs at least an input and an output layer");
  if (sizes.length - 2 > MAX_HIDDEN_LAYERS)
    throw new SpecError(`at most ${MAX_HIDDEN_LAYERS} hidden layers are supported, got ${sizes.length - 2}`);
  sizes.forEach((n, l) => {
    const isHidden = l > 0 && l < sizes.length - 1;
    if (!Number.isInteger(n) || n < 1 || (isHidden && n > MAX_NEURONS))
      throw new SpecError(
        `layer ${l} must have ${isHidden ? `1–${MAX_NEURONS}` : "at least 1"} neurons, got ${String(n)}`,
      );
  });
  if (!Array.isArray(hidden) || hidden.length !== sizes.length - 2)
    throw new SpecError(
      `expected ${sizes.length - 2} hidden activations, got ${Array.isArray(hidden) ? hidden.length : "none"}`,
    );
  for (const f of hidden)
    if (!ACTIVATIONS.includes(f)) throw new SpecError(`unknown activation "${String(f)}"`);
  if (!OUTPUT_ACTIVATIONS.includes(output))
    throw new SpecError(`unknown output activation "${String(output)}"`);
  if (!COSTS.includes(cost)) throw new SpecError(`unknown cost "${String(cost)}"`);
}

/** Total weights and biases: 13,002 for 784-16-16-10. */
export function parameterCount(spec: NetworkSpec): number {
  let n = 0;
  for (let l = 1; l < spec.sizes.length; l++) n += spec.sizes[l]! * (spec.sizes[l - 1]! + 1);
  return n;
}
