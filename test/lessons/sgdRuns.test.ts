// The SGD scene's pure helpers: the three runs, and readings of their measured cost paths.
import { describe, expect, it } from "vitest";
import type { RunPoint } from "../../src/engine/experiments.ts";
import {
  firstReaching,
  nearestPoint,
  rises,
  RUN_ORDER,
  runsShown,
  sgdRuns,
  soonest,
  xOf,
} from "../../src/lessons/sgd/runs.ts";

const point = (examplesSeen: number, seconds: number, cost: number): RunPoint => ({
  examplesSeen,
  steps: examplesSeen,
  seconds,
  cost,
});
const path = [point(0, 0, 3), point(100, 0.1, 1), point(200, 0.2, 1.2), point(300, 0.3, 0.5)];

describe("sgdRuns", () => {
  it("full batch takes every training image per step, single example one, mini-batch ten", () => {
    const runs = sgdRuns(10_000);
    expect(runs.map((r) => r.id)).toEqual(RUN_ORDER);
    expect(runs.map((r) => r.batchSize)).toEqual([10_000, 1, 10]);
    for (const r of runs) expect(r.learningRate).toBeGreaterThan(0);
  });

  it("runsShown introduces the runs one step at a time", () => {
    expect(runsShown("full")).toEqual(["full"]);
    expect(runsShown("single")).toEqual(["full", "single"]);
    expect(runsShown("mini")).toEqual(["full", "single", "mini"]);
    expect(runsShown("summary")).toEqual(["full", "single", "mini"]);
  });
});

describe("reading a path", () => {
  it("xOf reads examples seen or seconds", () => {
    expect(xOf(path[2]!, "examples")).toBe(200);
    expect(xOf(path[2]!, "seconds")).toBe(0.2);
  });

  it("nearestPoint finds the measurement closest to x, the earlier on a tie", () => {
    expect(nearestPoint(path, "examples", 140)).toBe(path[1]);
    expect(nearestPoint(path, "examples", 150)).toBe(path[1]);
    expect(nearestPoint(path, "seconds", 0.29)).toBe(path[3]);
    expect(nearestPoint([], "seconds", 1)).toBeNull();
  });

  it("firstReaching finds the first measurement at or below a cost", () => {
    expect(firstReaching(path, 1)).toBe(path[1]);
    expect(firstReaching(path, 0.5)).toBe(path[3]);
    expect(firstReaching(path, 0.1)).toBeNull();
  });

  it("rises counts the times the cost went up between measurements", () => {
    expect(rises(path)).toBe(1);
    expect(rises([point(0, 0, 1)])).toBe(0);
  });

  it("soonest picks the run that reached a cost first on either axis", () => {
    const slowPerExample = { path: [point(0, 0, 3), point(1000, 0.01, 0.9)] };
    const slowPerSecond = { path: [point(0, 0, 3), point(100, 1, 0.9)] };
    expect(soonest([slowPerExample, slowPerSecond], 1, "examples")).toBe(slowPerSecond);
    expect(soonest([slowPerExample, slowPerSecond], 1, "seconds")).toBe(slowPerExample);
    expect(soonest([slowPerExample], 0.1, "seconds")).toBeNull();
  });
});
