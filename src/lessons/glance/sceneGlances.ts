// Each scene's compact network, step by step: what the step is about (a layer, a neuron, a weight, a path, the
// whole network for a batch) and the motion that explains it, from the scene's own network and trace.
import type { ParamRef } from "../../engine/experiments.ts";
import { depth, type Network, type Trace } from "../../engine/network.ts";
import type { EdgeRef, GlanceFocus, GlanceMotion } from "../../render/glance.ts";
import { rowCol } from "../backprop/nudges.ts";
import type { Glance } from "./glance.ts";
import { layerName } from "./glance.ts";

const FORWARD: GlanceMotion = { kind: "forward" };

function glance(
  net: Network<Float32Array>,
  trace: Trace<Float32Array> | null,
  focus: GlanceFocus,
  motion: GlanceMotion | null,
  caption: string,
): Glance {
  return { net, trace, focus, motion, caption };
}

const allLayers = (net: Network<Float32Array>) => net.spec.sizes.map((_, l) => l);

/** The neuron scene: the input, one first-layer neuron and its weights, a whole layer, every parameter. */
export function neuronGlance(
  net: Network<Float32Array>,
  trace: Trace<Float32Array>,
  view: string,
  neuron: number,
): Glance {
  const n = net.spec.sizes.length;
  if (view === "input") return glance(net, trace, { layers: [0] }, null, "The input layer: 784 pixels");
  if (view === "matrix")
    return glance(net, trace, { layers: [1] }, FORWARD, "Hidden layer 1, all at once: σ(Wa + b)");
  if (view === "parameters")
    return glance(
      net,
      trace,
      { layers: allLayers(net).slice(1) },
      null,
      "Every weight and bias of the network",
    );
  return glance(
    net,
    trace,
    { neurons: [{ layer: 1, index: neuron }] },
    view === "weightedSum" ? FORWARD : null,
    `Neuron ${neuron} of ${layerName(1, n)}, and its 784 weights`,
  );
}

/** The cost scene: the output layer, with the right answer marked; the average is over the whole network. */
export function costGlance(
  net: Network<Float32Array>,
  trace: Trace<Float32Array>,
  view: string,
  label: number,
): Glance {
  const L = depth(net.spec);
  if (view === "average")
    return glance(
      net,
      trace,
      { layers: allLayers(net) },
      null,
      "The cost: the whole network, every training image",
    );
  return glance(
    net,
    trace,
    { layers: [L], neurons: [{ layer: L, index: label }] },
    view === "output" || view === "compare" ? FORWARD : null,
    `The output layer; ${label} is the right answer`,
  );
}

/** Backpropagation, intuitively: the wishes of the outputs, the three levers, the wishes flowing back. */
export function backpropGlance(
  net: Network<Float32Array>,
  trace: Trace<Float32Array>,
  view: string,
  { j, k, j1 }: { j: number; k: number; j1: number },
): Glance {
  const L = depth(net.spec);
  const n = net.spec.sizes.length;
  const nPrev = net.spec.sizes[L - 1]!;
  const out = { layer: L, index: j };
  switch (view) {
    case "wishes":
      return glance(net, trace, { layers: [L] }, FORWARD, "The output layer: what this example asks of it");
    case "bias":
      return glance(net, trace, { neurons: [out] }, null, `Output ${j}'s bias`);
    case "weights": {
      const edges: EdgeRef[] = Array.from({ length: nPrev }, (_, kk) => ({ layer: L, j, k: kk }));
      return glance(net, trace, { neurons: [out], edges }, null, `The ${nPrev} weights into output ${j}`);
    }
    case "activations":
      return glance(
        net,
        trace,
        { neurons: [out], layers: [L - 1] },
        { kind: "backward", from: L, to: L - 1, only: j },
        `Output ${j}'s wishes for ${layerName(L - 1, n)}`,
      );
    case "sum":
      return glance(
        net,
        trace,
        { neurons: [{ layer: L - 1, index: k }] },
        { kind: "backward", from: L, to: L - 1 },
        `All ten outputs' wishes, summed at each neuron of ${layerName(L - 1, n)}`,
      );
    case "backwards":
      return glance(
        net,
        trace,
        { neurons: [{ layer: 1, index: j1 }] },
        { kind: "backward", from: L, to: 1 },
        "The wishes, layer by layer, back to hidden layer 1",
      );
    default:
      return glance(
        net,
        trace,
        { layers: allLayers(net).slice(1) },
        null,
        "Every weight and bias, for a mini-batch",
      );
  }
}

/** Where a parameter sits: a weight is an edge, a bias its neuron. */
export function paramFocus(net: Network<Float32Array>, p: ParamRef): GlanceFocus {
  if (p.kind === "b") return { neurons: [{ layer: p.layer, index: p.index }] };
  return { edges: [{ layer: p.layer, ...rowCol(net.spec, p) }] };
}

function paramWords(net: Network<Float32Array>, p: ParamRef): string {
  const n = net.spec.sizes.length;
  if (p.kind === "b") return `the bias of neuron ${p.index} of ${layerName(p.layer, n)}`;
  const { j, k } = rowCol(net.spec, p);
  const from = p.layer === 1 ? `pixel ${k}` : `neuron ${k} of ${layerName(p.layer - 1, n)}`;
  return `the weight from ${from} to neuron ${j} of ${layerName(p.layer, n)}`;
}

/** Gradient descent: the one or two weights the curve and the landscape vary, then every parameter. */
export function gradientGlance(
  net: Network<Float32Array>,
  view: string,
  weights: readonly ParamRef[],
): Glance {
  if (weights.length < 2) return glance(net, null, {}, null, "The network after one epoch of training");
  if (view === "curve" || view === "roll" || view === "rate")
    return glance(
      net,
      null,
      paramFocus(net, weights[0]!),
      null,
      `One weight: ${paramWords(net, weights[0]!)}`,
    );
  if (view === "surface") {
    const edges = weights.flatMap((p) => paramFocus(net, p).edges ?? []);
    return glance(net, null, { edges }, null, "Two weights: the landscape's two directions");
  }
  return glance(net, null, { layers: allLayers(net).slice(1) }, null, "Every weight and bias: 13,002 nudges");
}

/** Backpropagation calculus: the chosen parameter, and the wishes flowing back to its layer. */
export function calculusGlance(
  net: Network<Float32Array>,
  trace: Trace<Float32Array>,
  view: string,
  p: ParamRef,
): Glance {
  const L = depth(net.spec);
  const words = paramWords(net, p);
  const caption = `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
  // A parameter of an earlier layer hears of the cost through the layers after it: the wishes flow back to it.
  const motion: GlanceMotion | null = p.layer < L ? { kind: "backward", from: L, to: p.layer } : null;
  return glance(net, trace, paramFocus(net, p), view === "batch" ? null : motion, caption);
}

/** SGD: every parameter moves at each step, for a batch of examples. */
export function sgdGlance(net: Network<Float32Array>): Glance {
  return glance(
    net,
    null,
    { layers: allLayers(net).slice(1) },
    null,
    "Every weight and bias moves at each step",
  );
}
