// Each scene's compact network marks what its step is about and plays the motion that explains it.
import { describe, expect, it } from "vitest";
import { oneHot, traceExample } from "../../src/engine/network.ts";
import {
  backpropGlance,
  calculusGlance,
  costGlance,
  gradientGlance,
  neuronGlance,
  paramFocus,
} from "../../src/lessons/glance/sceneGlances.ts";
import { checkpointNet, checkpointText } from "./backpropFixtures.ts";

const net = checkpointNet(checkpointText());
const trace = traceExample(net, new Float32Array(784).fill(0.5), oneHot(7, 10) as Float32Array);

describe("sceneGlances", () => {
  it("paramFocus: a weight is the edge from neuron k to neuron j, a bias its neuron", () => {
    expect(paramFocus(net, { kind: "w", layer: 3, index: 2 * 16 + 5 })).toEqual({
      edges: [{ layer: 3, j: 2, k: 5 }],
    });
    expect(paramFocus(net, { kind: "w", layer: 1, index: 3 * 784 + 100 })).toEqual({
      edges: [{ layer: 1, j: 3, k: 100 }],
    });
    expect(paramFocus(net, { kind: "b", layer: 2, index: 4 })).toEqual({ neurons: [{ layer: 2, index: 4 }] });
  });

  it("the neuron scene marks the chosen first-layer neuron and lights the layers for its weighted sum", () => {
    const g = neuronGlance(net, trace, "weightedSum", 6);
    expect(g.focus.neurons).toEqual([{ layer: 1, index: 6 }]);
    expect(g.motion).toEqual({ kind: "forward" });
    expect(g.caption).toBe("Neuron 6 of hidden layer 1, and its 784 weights");
    expect(neuronGlance(net, trace, "input", 6).focus.layers).toEqual([0]);
  });

  it("the cost scene marks the output layer and the right answer", () => {
    const g = costGlance(net, trace, "terms", 7);
    expect(g.focus).toEqual({ layers: [3], neurons: [{ layer: 3, index: 7 }] });
    expect(g.caption).toBe("The output layer; 7 is the right answer");
  });

  it("backprop: one output's wishes flow back for the third lever, all ten for the sum, to layer 1 after", () => {
    const picked = { j: 7, k: 4, j1: 9 };
    expect(backpropGlance(net, trace, "weights", picked).focus.edges).toHaveLength(16);
    expect(backpropGlance(net, trace, "activations", picked).motion).toEqual({
      kind: "backward",
      from: 3,
      to: 2,
      only: 7,
    });
    expect(backpropGlance(net, trace, "sum", picked).motion).toEqual({ kind: "backward", from: 3, to: 2 });
    expect(backpropGlance(net, trace, "sum", picked).focus.neurons).toEqual([{ layer: 2, index: 4 }]);
    expect(backpropGlance(net, trace, "backwards", picked).motion).toEqual({
      kind: "backward",
      from: 3,
      to: 1,
    });
  });

  it("calculus: the wishes flow back to a weight of an earlier layer, not to one of the last", () => {
    const early = calculusGlance(net, trace, "deep", { kind: "w", layer: 2, index: 13 * 16 + 11 });
    expect(early.motion).toEqual({ kind: "backward", from: 3, to: 2 });
    expect(early.caption).toBe("The weight from neuron 11 of hidden layer 1 to neuron 13 of hidden layer 2");
    expect(calculusGlance(net, trace, "chain", { kind: "w", layer: 3, index: 0 }).motion).toBeNull();
  });

  it("gradient descent marks the weights its curve and landscape vary", () => {
    const weights = [
      { kind: "w", layer: 3, index: 6 * 16 + 14 },
      { kind: "w", layer: 3, index: 1 },
    ] as const;
    expect(gradientGlance(net, "roll", weights).focus.edges).toEqual([{ layer: 3, j: 6, k: 14 }]);
    expect(gradientGlance(net, "surface", weights).focus.edges).toHaveLength(2);
    expect(gradientGlance(net, "vector", weights).focus.layers).toEqual([1, 2, 3]);
  });
});
