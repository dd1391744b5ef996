// The numbers the neuron scene's views share: one test image's trace and one first-layer neuron j of it.
import type { Activation } from "../../engine/activations.ts";
import { hiddenActivation, type Network, type Trace } from "../../engine/network.ts";
import { weightRow } from "./parts.ts";

export interface NeuronFocus {
  readonly net: Network<Float32Array>;
  readonly trace: Trace<Float32Array>;
  /** The chosen neuron of layer 1. */
  readonly j: number;
  /** Inputs per neuron (784). */
  readonly nIn: number;
  /** Side of the input image (28). */
  readonly side: number;
  /** wⱼₖ, k = 0 … nIn − 1. */
  readonly w: Float32Array;
  /** a⁽⁰⁾: the input activations. */
  readonly a0: Float32Array;
  /** bⱼ, zⱼ and aⱼ = f(zⱼ) of the chosen neuron, from the network and the engine's trace. */
  readonly b: number;
  readonly z: number;
  readonly a: number;
  /** f, layer 1's activation function. */
  readonly f: Activation;
}

export function neuronFocus(net: Network<Float32Array>, trace: Trace<Float32Array>, j: number, side: number) {
  const nIn = net.spec.sizes[0]!;
  const focus: NeuronFocus = {
    net,
    trace,
    j,
    nIn,
    side,
    w: weightRow(net.w[1]!, nIn, j),
    a0: trace.a[0]!,
    b: net.b[1]![j]!,
    z: trace.z[1]![j]!,
    a: trace.a[1]![j]!,
    f: net.spec.sizes.length > 2 ? hiddenActivation(net.spec, 1) : "sigmoid",
  };
  return focus;
}

/** "row r, column c" of input k. */
export function pixelName(k: number, side: number): string {
  return `row ${Math.floor(k / side)}, column ${k % side}`;
}
