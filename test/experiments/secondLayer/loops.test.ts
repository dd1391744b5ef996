// The second layer in words: findings come from the profiles and silenced scores, the loop test needs both its
// parts, and the conclusion follows the numbers — no loop detector claimed when none passes.
import { describe, expect, it } from "vitest";
import type { NeuronProfile } from "../../../src/engine/secondLayer.ts";
import {
  findings,
  isLoopCandidate,
  loopConclusion,
  type NeuronFinding,
} from "../../../src/experiments/secondLayer/loops.ts";

const labels = [0, 1, 6, 7, 8, 9, 2, 3]; // loop digits at 0, 2, 4, 5

const profile = (indices: number[], loopMean: number, otherMean: number): NeuronProfile => ({
  top: indices.map((index, r) => ({ index, a: 1 - r / 10 })),
  loopMean,
  otherMean,
});

describe("findings", () => {
  it("counts loop digits among the top images and the images lost when silenced", () => {
    const f = findings(
      [profile([0, 2, 4, 5, 1, 3], 0.8, 0.2), profile([1, 3, 6, 7, 0, 2], 0.1, 0.5)],
      labels,
      [
        { layer: 1, neuron: 0, correct: 1 },
        { layer: 2, neuron: 0, correct: 9000 },
        { layer: 2, neuron: 1, correct: 9400 },
      ],
      9500,
    );
    expect(f.map((x) => [x.neuron, x.topLoops, x.drop])).toEqual([
      [0, 4, 500],
      [1, 2, 100],
    ]);
    expect(f[0]!.selectivity).toBeCloseTo(0.6, 12);
  });
});

const finding = (neuron: number, selectivity: number, topLoops: number, drop: number): NeuronFinding => ({
  neuron,
  selectivity,
  topLoops,
  shown: 6,
  drop,
});

describe("isLoopCandidate", () => {
  it("needs both the margin and the top images", () => {
    expect(isLoopCandidate(finding(0, 0.35, 5, 0))).toBe(true);
    expect(isLoopCandidate(finding(0, 0.25, 6, 0))).toBe(false);
    expect(isLoopCandidate(finding(0, 0.6, 4, 0))).toBe(false);
  });
});

describe("loopConclusion", () => {
  it("claims no loop detector when none passes, and names the most selective and the costliest neurons", () => {
    const text = loopConclusion(
      [finding(0, 0.1, 3, 40), finding(1, 0.25, 6, 700), finding(2, -0.2, 0, 5)],
      10_000,
    );
    expect(text.join(" ")).toContain("None of the 3 second-layer neurons passes both tests.");
    expect(text.join(" ")).toContain("The most loop-selective is neuron 1: +0.25");
    expect(text.join(" ")).toContain("costs at most 700 of the 10,000 test images (neuron 1)");
    expect(text.at(-1)).toContain("not a set of loop detectors");
  });
  it("names the candidates and what silencing them costs", () => {
    const all = [finding(0, 0.5, 6, 120), ...Array.from({ length: 7 }, (_, i) => finding(i + 1, 0, 2, 10))];
    const text = loopConclusion(all, 10_000).join(" ");
    expect(text).toContain("1 of the 8 second-layer neurons passes both: neuron 0.");
    expect(text).toContain("silencing the loop candidate one at a time costs 120");
    expect(text).toContain(
      "So one neuron behaves somewhat like a loop detector by this test, but the other 7 do not",
    );
  });
});
