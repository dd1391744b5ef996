// What a many-starts run shows, in sentences: each claim follows the numbers it is given, not a script.
import { describe, expect, it } from "vitest";
import type { RunPoint } from "../../../src/engine/runs.ts";
import type { NetworkComparison, SlicePoint } from "../../../src/engine/slice.ts";
import {
  matchSentence,
  points,
  sliceSentence,
  slicePeak,
  spreadSentence,
} from "../../../src/experiments/starts/conclusion.ts";
import { parseStarts } from "../../../src/experiments/starts/params.ts";

const final = (testAccuracy: number, testCost: number): RunPoint => ({
  examples: 1,
  epoch: 1,
  trainCost: 0.1,
  trainAccuracy: Number.NaN,
  testCost,
  testAccuracy,
  examplesPerSecond: 0,
});

/** A slice through ts 0, 0.5, 1 (and −0.5 outside) with these costs at 0, 0.5 and 1. */
function slice(c0: number, mid: number, c1: number, midAccuracy = 0.5): SlicePoint[] {
  return [
    { t: -0.5, cost: 9, accuracy: 0.1 },
    { t: 0, cost: c0, accuracy: 0.93 },
    { t: 0.5, cost: mid, accuracy: midAccuracy },
    { t: 1, cost: c1, accuracy: 0.92 },
  ];
}

function comparison(after: SlicePoint[], matched = 0.6): NetworkComparison {
  return {
    matches: [
      { layer: 1, perm: [1, 0], before: 0.2, after: matched, pairs: [matched - 0.3, matched + 0.3] },
      { layer: 2, perm: [0, 1], before: 0.1, after: matched, pairs: [matched, matched] },
    ],
    distance: { before: 1.3, after: 1.0 },
    before: slice(0.13, 0.7, 0.12, 0.58),
    after,
  };
}

describe("the many-starts conclusion", () => {
  it("points writes a share as percentage points", () => {
    expect(points(0.0123)).toBe("1.2 points");
    expect(points(0.01)).toBe("1.0 point");
  });

  it("spreadSentence quotes the best, the worst and the spread, and judges it", () => {
    expect(spreadSentence([final(0.93, 0.11), final(0.925, 0.1)])).toBe(
      "The 2 networks ended between 92.5 % and 93.0 % right on the test digits, a spread of 0.5 points, " +
        "with test costs from 0.100 to 0.110. They are about equally good.",
    );
    expect(spreadSentence([final(0.93, 0.1), final(0.9, 0.1)])).toContain("close, though not equal");
    expect(spreadSentence([final(0.93, 0.1), final(0.5, 0.3)])).toContain(
      "In this run they are not equally good",
    );
  });

  it("slicePeak reads the highest cost and lowest accuracy between the ends only", () => {
    expect(slicePeak(slice(0.1, 0.5, 0.2, 0.6))).toEqual({ cost: 0.5, t: 0.5, accuracy: 0.6, barrier: 0.35 });
  });

  it("matchSentence says whether B is a reordering of A from the matched correlations", () => {
    const different = matchSentence(comparison(slice(0.13, 0.2, 0.12)), "run 1", "run 2");
    expect(different).toContain(
      "correlate on average 0.60 in hidden layer 1 (0.20 in the order they trained in)",
    );
    expect(different).toContain("the least alike pair correlates 0.30");
    expect(different).toContain("not just a reordering");
    expect(different).toContain("still 100.0 % of the size of run 1’s apart (130.0 % before)");
    expect(matchSentence(comparison(slice(0.13, 0.2, 0.12), 0.97), "A", "B")).toContain(
      "close to a reordering",
    );
  });

  it("sliceSentence reports the ridge and how much aligning lowers it, whichever way it goes", () => {
    const c = (mid: number) => sliceSentence(comparison(slice(0.13, mid, 0.12)), "run 1", "run 2");
    expect(c(0.26)).toContain("the cost climbs to 0.700 at t = 0.5, 0.575 above the line joining the ends");
    expect(c(0.26)).toContain("the ridge drops to 0.260");
    expect(c(0.26)).toContain("much of it came from the neurons’ order, but not all");
    expect(c(0.13)).toContain("lie in one valley");
    expect(c(0.5)).toContain("does not bring these two valleys together");
    expect(c(0.9)).toContain("the ridge is higher");
    const flat = sliceSentence(
      { ...comparison(slice(0.13, 0.13, 0.12)), before: slice(0.13, 0.13, 0.12) },
      "A",
      "B",
    );
    expect(flat).toContain("the cost hardly rises");
  });
});

describe("parseStarts", () => {
  it("reads 4 to 8 and falls back to 6 with a notice for anything else", () => {
    const notices: string[] = [];
    expect(parseStarts(new URLSearchParams("starts=4"), notices)).toBe(4);
    expect(parseStarts(new URLSearchParams("starts=8"), notices)).toBe(8);
    expect(parseStarts(new URLSearchParams(""), notices)).toBe(6);
    expect(notices).toEqual([]);
    for (const bad of ["3", "9", "5.5", "<b>x</b>"])
      expect(parseStarts(new URLSearchParams({ starts: bad }), notices)).toBe(6);
    expect(notices).toHaveLength(4);
    expect(notices[0]).toBe("The number of networks “3” is not a whole number from 4 to 8; training 6.");
    expect(notices[3]).toContain("“<b>x</b>”");
  });
});
