// The prediction is derived once, from output activations, with the explorable's and the experiments' confidence.
import { describe, expect, it } from "vitest";
import { answerOf, percent, sameAnswer } from "../../src/store/prediction.ts";

describe("answerOf(a, output)", () => {
  it("for sigmoid outputs: the largest output, its share a / Σa, and the top three by share", () => {
    const a = [0.1, 0.05, 0.6, 0.05, 0, 0, 0.2, 0, 0, 0];
    const r = answerOf(a, "sigmoid");
    expect(r.kind).toBe("prediction");
    if (r.kind !== "prediction") return;
    expect(r.prediction.digit).toBe(2);
    expect(r.prediction.confidence).toBeCloseTo(0.6, 12);
    expect(r.prediction.top.map((t) => t.digit)).toEqual([2, 6, 0]);
    expect(r.prediction.top[1]!.confidence).toBeCloseTo(0.2, 12);
  });

  it("for softmax outputs the confidence is the probability itself", () => {
    const a = [0, 0, 0, 0, 0, 0, 0, 0.3, 0, 0.35];
    const r = answerOf(a, "softmax");
    expect(r).toMatchObject({ kind: "prediction", prediction: { digit: 9, confidence: 0.35 } });
  });

  it("no outputs is no answer; outputs that are not numbers are said to be so", () => {
    expect(answerOf(null, "sigmoid")).toEqual({ kind: "none" });
    expect(answerOf(new Float32Array(0), "sigmoid")).toEqual({ kind: "none" });
    expect(answerOf([0.1, Number.NaN, 0, 0, 0, 0, 0, 0, 0, 0], "sigmoid")).toEqual({ kind: "notFinite" });
  });
});

describe("sameAnswer(p, q)", () => {
  it("is true for the same digit at the same whole percentage, false otherwise", () => {
    const a = answerOf([0.9, 0.1, 0, 0, 0, 0, 0, 0, 0, 0], "softmax");
    const b = answerOf([0.903, 0.097, 0, 0, 0, 0, 0, 0, 0, 0], "softmax");
    const c = answerOf([0.7, 0.3, 0, 0, 0, 0, 0, 0, 0, 0], "softmax");
    expect(sameAnswer(a, b)).toBe(true);
    expect(sameAnswer(a, c)).toBe(false);
    expect(sameAnswer(a, { kind: "none" })).toBe(false);
    expect(percent(0.935)).toBe(94);
  });
});
