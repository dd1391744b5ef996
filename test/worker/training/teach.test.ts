// One gradient step on the learner's digit: the cost of that drawing falls, the step is the reference one, and a
// bad label is refused.
import { describe, expect, it } from "vitest";
import { createNetwork, oneHot, traceExample } from "../../../src/engine/network.ts";
import { PRESETS } from "../../../src/engine/presets.ts";
import { applyGradient } from "../../../src/engine/sgd.ts";
import { teachStep, TeachUndo } from "../../../src/worker/training/teach.ts";
import { testPixels } from "./harness.ts";

describe("teachStep(net, x, label, eta)", () => {
  const net = createNetwork(PRESETS["3b1b"].spec, 1);
  const x = testPixels(0);

  it("takes the reference SGD step on the one example, and its cost falls", () => {
    const taught = teachStep(net, x, 7, 1.5);
    const y = oneHot(7, 10);
    const expected = createNetwork(PRESETS["3b1b"].spec, 1);
    applyGradient(expected, traceExample(expected, x, y), { learningRate: 1.5 });
    expect(taught.net.w).toEqual(expected.w);
    expect(taught.costBefore).toBe(traceExample(net, x, y).cost);
    expect(taught.costAfter).toBe(traceExample(expected, x, y).cost);
    expect(taught.costAfter).toBeLessThan(taught.costBefore);
    expect(net.w).toEqual(createNetwork(PRESETS["3b1b"].spec, 1).w); // the network given is left alone
  });

  it("refuses a label that is not a digit", () => {
    expect(() => teachStep(net, x, 10, 1)).toThrow("the label must be a digit 0–9, not 10");
  });
});

describe("TeachUndo", () => {
  it("gives back the weights kept once, and nothing after the network changed another way", () => {
    const undo = new TeachUndo();
    const net = createNetwork(PRESETS["3b1b"].spec, 2);
    undo.keep(net);
    expect(undo.canUndo).toBe(true);
    expect(undo.take()?.w).toEqual(net.w);
    expect(undo.take()).toBeNull();
    undo.keep(net);
    undo.forget();
    expect(undo.canUndo).toBe(false);
  });
});
