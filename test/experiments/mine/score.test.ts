// scoreDigits: a network's answers on a handful of labelled digits, the 10 × 10 confusion matrix and accuracy,
// checked against forward + answer one digit at a time.
import { describe, expect, it } from "vitest";
import { answer } from "../../../src/engine/analysis.ts";
import { createNetwork, forward } from "../../../src/engine/network.ts";
import { scoreDigits } from "../../../src/experiments/mine/score.ts";
import type { MyDigit } from "../../../src/experiments/mine/storage.ts";
import { SMALL_SPEC } from "../fixtures.ts";

function digit(i: number, label: number): MyDigit {
  const pixels = Array.from({ length: 784 }, (_, k) => ((k * (i + 3)) % 17) / 16);
  return { id: String(i), pixels, label, time: i };
}

describe("scoreDigits", () => {
  const net = createNetwork(SMALL_SPEC, 5);
  const digits = [digit(0, 1), digit(1, 1), digit(2, 4), digit(3, 9), digit(4, 0)];

  it("scoreDigits(net, digits) answers each digit as forward + answer do", () => {
    const score = scoreDigits(net, digits);
    digits.forEach((d, i) => expect(score.answers[i]).toEqual(answer(forward(net, d.pixels), "sigmoid")));
  });

  it("its matrix counts label × answer, its diagonal the correct ones, and perClass the shares", () => {
    const score = scoreDigits(net, digits);
    expect(score.matrix).toHaveLength(100);
    expect(score.matrix.reduce((s, n) => s + n, 0)).toBe(5);
    digits.forEach((d, i) => expect(score.matrix[d.label * 10 + score.answers[i]!.digit]).toBeGreaterThan(0));
    const right = digits.filter((d, i) => score.answers[i]!.digit === d.label);
    expect(score.correct).toBe(right.length);
    expect(score.total).toBe(5);
    const ones = digits.filter((d) => d.label === 1);
    const onesRight = ones.filter((d) => score.answers[digits.indexOf(d)]!.digit === 1).length;
    expect(score.perClass[1]).toBe(onesRight / ones.length);
    expect(score.perClass[2]).toBe(0); // no digits labelled 2
  });

  it("an empty collection scores 0 of 0", () => {
    const score = scoreDigits(net, []);
    expect(score.correct).toBe(0);
    expect(score.total).toBe(0);
  });
});
