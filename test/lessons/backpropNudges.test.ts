// The backpropagation scene's helpers: wishes read from the trace, the backward sum term by term, the rows of
// the nudge table, the videos' names of parameters, the mini-batch shown.
import { describe, expect, it } from "vitest";
import { BACKPROP_FILE, notVideosNetwork } from "../../src/lessons/backprop/checkpoint.ts";
import {
  activationWishes,
  argmaxAbs,
  backTerms,
  batchFrom,
  firstWithLabel,
  gradientAt,
  largestNudges,
  layerSup,
  outputWishes,
  paramKey,
  paramTex,
  paramWords,
  paren,
  rowCol,
  topAbs,
  weightIndex,
} from "../../src/lessons/backprop/nudges.ts";
import { traceBatch, traceExample } from "../../src/engine/network.ts";
import { texNumber } from "../../src/lessons/tex.ts";
import { fakeTestSet } from "./fixtures.ts";
import { checkpointNet, checkpointText, VIDEO_SPEC } from "./backpropFixtures.ts";
import { example } from "./fakeLab.ts";

const net = checkpointNet(checkpointText());
const test = fakeTestSet(10);
const { x, y } = example(test, 2);
const trace = traceExample(net, x, y);

describe("wishes", () => {
  it("outputWishes(trace) gives each output's a, y and −∂C₀/∂a = −2(a − y) from the trace", () => {
    const wishes = outputWishes(trace);
    expect(wishes).toHaveLength(10);
    wishes.forEach((w, j) => {
      expect(w).toEqual({ j, a: trace.a[3]![j]!, y: trace.y[j]!, nudge: -trace.dCda[3]![j]! });
      expect(w.nudge).toBeCloseTo(-2 * (w.a - w.y), 6);
    });
    expect(wishes[2]!.nudge).toBeGreaterThan(0); // the label wants up
    expect(wishes[5]!.nudge).toBeLessThan(0);
  });

  it("backTerms(net, trace, l, k) are w⁽ˡ⁾ⱼₖ δ⁽ˡ⁾ⱼ, and they add up to the trace's ∂C₀/∂a⁽ˡ⁻¹⁾ₖ", () => {
    for (const l of [3, 2]) {
      const k = 7;
      const terms = backTerms(net, trace, l, k);
      expect(terms).toHaveLength(net.spec.sizes[l]!);
      terms.forEach(({ j, w, delta, term }) => {
        expect(w).toBe(net.w[l]![j * 16 + k]!);
        expect(delta).toBe(trace.delta[l]![j]!);
        expect(term).toBe(w * delta);
      });
      expect(terms.reduce((s, t) => s + t.term, 0)).toBeCloseTo(trace.dCda[l - 1]![k]!, 6);
    }
  });

  it("activationWishes(net, trace, l, j) summed over the outputs j is −∂C₀/∂a⁽ᴸ⁻¹⁾", () => {
    const sum = new Float64Array(16);
    for (let j = 0; j < 10; j++) activationWishes(net, trace, 3, j).forEach((v, k) => (sum[k] = sum[k]! + v));
    sum.forEach((v, k) => expect(v).toBeCloseTo(-trace.dCda[2]![k]!, 6));
    expect(activationWishes(net, trace, 3, 4)[9]).toBe(-net.w[3]![4 * 16 + 9]! * trace.delta[3]![4]!);
  });
});

describe("choosing", () => {
  it("argmaxAbs and topAbs rank by magnitude, ties by index", () => {
    expect(argmaxAbs([0.1, -0.5, 0.5, 0.2])).toBe(1);
    expect(argmaxAbs([])).toBe(0);
    expect(topAbs([0.1, -0.5, 0.5, 0.2], 3)).toEqual([1, 2, 3]);
    expect(topAbs([1, 2], 5)).toEqual([1, 0]);
  });

  it("largestNudges picks, layer L first, each layer's largest average weights and biases", () => {
    const bt = traceBatch(
      net,
      [0, 1, 2, 3].map((i) => example(test, i)),
    );
    const rows = largestNudges(net.spec, bt.mean);
    expect(rows.map((r) => `${r.kind}${r.layer}`)).toEqual([
      "w3",
      "w3",
      "w3",
      "b3",
      "w2",
      "w2",
      "w2",
      "b2",
      "w1",
      "w1",
      "w1",
      "b1",
    ]);
    for (const l of [1, 2, 3]) {
      const ws = rows
        .filter((r) => r.layer === l && r.kind === "w")
        .map((r) => Math.abs(gradientAt(bt.mean, r)));
      expect(ws[0]).toBe(Math.max(...Array.from(bt.mean.dw[l]!, Math.abs)));
      expect(ws).toEqual([...ws].sort((a, b) => b - a));
    }
    expect(largestNudges(net.spec, bt.mean, { weights: 1, biases: 0 })).toHaveLength(3);
  });

  it("batchFrom wraps at the end of the set; firstWithLabel finds the first image of a digit", () => {
    expect(batchFrom(1, 4, 10)).toEqual([1, 2, 3, 4]);
    expect(batchFrom(8, 4, 10)).toEqual([8, 9, 0, 1]);
    expect(batchFrom(0, 8, 3)).toEqual([0, 1, 2]);
    expect(firstWithLabel(test.labels, test.count, 2)).toBe(2);
    expect(firstWithLabel(test.labels, 2, 7)).toBe(0);
  });
});

describe("names", () => {
  it("rowCol and weightIndex convert between flat indices and (j, k)", () => {
    expect(rowCol(VIDEO_SPEC, { kind: "w", layer: 3, index: 2 * 16 + 7 })).toEqual({ j: 2, k: 7 });
    expect(rowCol(VIDEO_SPEC, { kind: "w", layer: 1, index: 5 * 784 + 300 })).toEqual({ j: 5, k: 300 });
    expect(rowCol(VIDEO_SPEC, { kind: "b", layer: 2, index: 4 })).toEqual({ j: 4, k: -1 });
    expect(weightIndex(VIDEO_SPEC, 1, 5, 300)).toBe(5 * 784 + 300);
  });

  it("parameters are named in the videos' notation, counted back from the output", () => {
    expect(layerSup(3, 3)).toBe("L");
    expect(layerSup(2, 3)).toBe("L-1");
    expect(layerSup(0, 3)).toBe("0");
    expect(paramTex(VIDEO_SPEC, { kind: "w", layer: 3, index: 39 })).toBe("w^{(L)}_{2,7}");
    expect(paramTex(VIDEO_SPEC, { kind: "b", layer: 1, index: 5 })).toBe("b^{(L-2)}_{5}");
    expect(paren(texNumber(-2.5), -2.5)).toBe("\\left(-2.500\\right)");
    expect(paren(texNumber(2.5), 2.5)).toBe("2.500");
    expect(paramKey(VIDEO_SPEC, { kind: "w", layer: 3, index: 39 })).toBe("w3-2-7");
    expect(paramKey(VIDEO_SPEC, { kind: "b", layer: 2, index: 5 })).toBe("b2-5");
    expect(paramWords(VIDEO_SPEC, { kind: "w", layer: 3, index: 39 })).toBe(
      "weight from neuron 7 of layer 2 to neuron 2 of layer 3",
    );
    expect(paramWords(VIDEO_SPEC, { kind: "w", layer: 1, index: 784 + 3 })).toBe(
      "weight from pixel 3 to neuron 1 of layer 1",
    );
    expect(paramWords(VIDEO_SPEC, { kind: "b", layer: 2, index: 5 })).toBe("bias of neuron 5 of layer 2");
  });
});

describe("notVideosNetwork", () => {
  it("accepts the videos' kind of network and refuses others with a sentence naming the file", () => {
    expect(notVideosNetwork(VIDEO_SPEC)).toBeNull();
    expect(
      notVideosNetwork({ sizes: [784, 8, 10], hidden: ["relu"], output: "softmax", cost: "crossEntropy" }),
    ).toBe(
      `The file ${BACKPROP_FILE} is not the videos' kind of network (sigmoid outputs, squared-error cost, hidden layers).`,
    );
    expect(notVideosNetwork({ sizes: [784, 10], hidden: [], output: "sigmoid", cost: "mse" })).toMatch(
      /^The file models\/3b1b-epoch-5\.json is not the videos' kind/,
    );
  });
});
