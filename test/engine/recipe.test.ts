// The learning-rate recipe: halve from a stalling rate until one pass over the data starts to converge.
import { describe, expect, it } from "vitest";
import { accepts, HYPER_RULES } from "../../src/engine/hyper.ts";
import { PRESETS } from "../../src/engine/presets.ts";
import {
  converges,
  CONVERGING_ACCURACY,
  passEnd,
  RECIPE,
  recipeOutcome,
  recipePlan,
  recipeRates,
} from "../../src/engine/recipe.ts";
import type { RunPoint } from "../../src/engine/runs.ts";

const point = (epoch: number, testAccuracy: number): RunPoint => ({
  examples: epoch * 5000,
  epoch,
  trainCost: 1,
  trainAccuracy: 0,
  testCost: 1,
  testAccuracy,
  examplesPerSecond: 0,
});

describe("the learning-rate recipe", () => {
  it("recipeRates halves from the start", () => {
    expect(recipeRates(10, 4)).toEqual([10, 5, 2.5, 1.25, 0.625]);
    expect(recipeRates()).toHaveLength(RECIPE.halvings + 1);
    expect(recipeRates().at(-1)).toBe(RECIPE.start / 2 ** RECIPE.halvings);
  });

  it("converges: more than twice chance after the whole pass, not before it ends", () => {
    expect(CONVERGING_ACCURACY).toBe(0.2);
    expect(converges([point(0, 0.1), point(1, 0.62)])).toBe(true);
    expect(converges([point(0, 0.1), point(1, 0.108)])).toBe(false);
    expect(converges([point(0, 0.1), point(0.5, 0.7)])).toBe(false); // the pass is not over
    expect(converges([])).toBe(false);
    expect(passEnd([point(0, 0.1), point(0.5, 0.7)])).toBeNull();
    expect(passEnd([point(0, 0.1), point(1, 0.62)])?.testAccuracy).toBe(0.62);
  });

  it("recipeOutcome settles on the first rate that converges, and says when none did", () => {
    const rates = [4, 2, 1];
    const stall = [point(0, 0.1), point(1, 0.1)];
    const learn = [point(0, 0.1), point(1, 0.8)];
    expect(recipeOutcome([stall], rates)).toEqual({ kind: "running" });
    expect(recipeOutcome([stall, learn], rates)).toEqual({ kind: "settled", index: 1 });
    expect(recipeOutcome([stall, stall, stall], rates)).toEqual({ kind: "none" });
  });

  it("every rate tried is one a setting allows", () => {
    for (const rate of recipeRates()) expect(accepts(HYPER_RULES.learningRate, rate)).toBe(true);
  });

  it("recipePlan is the best preset's network and settings with only η changed, for one pass", () => {
    const plan = recipePlan(8, 3);
    expect(plan.spec).toEqual(PRESETS.best.spec);
    expect(plan.train).toEqual({ ...PRESETS.best.train, learningRate: 8 });
    expect(plan).toMatchObject({ seed: 3, epochs: 1, trainLimit: RECIPE.trainLimit, labelSeed: null });
  });
});
