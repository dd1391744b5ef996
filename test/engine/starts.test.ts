// The many-starts runs: the videos' network from seeds derived from the page's, and the spread of their accuracies.
import { describe, expect, it } from "vitest";
import { PRESETS } from "../../src/engine/presets.ts";
import type { RunPoint } from "../../src/engine/runs.ts";
import { accuracySpread, MAX_STARTS, STARTS_SIZE, startSeed, startsPlans } from "../../src/engine/starts.ts";

const final = (testAccuracy: number): RunPoint => ({
  examples: 1,
  epoch: 1,
  trainCost: 0.1,
  trainAccuracy: Number.NaN,
  testCost: 0.1,
  testAccuracy,
  examplesPerSecond: 0,
});

describe("the many-starts runs", () => {
  it("startsPlans gives the videos' network from different seeds, the same for the same page seed", () => {
    const plans = startsPlans(3, 6);
    expect(plans.map((p) => p.seed)).toEqual([24, 25, 26, 27, 28, 29]);
    expect(startsPlans(3, 6)).toEqual(plans);
    for (const p of plans) {
      expect(p.spec).toEqual(PRESETS["3b1b"].spec);
      expect(p.train).toEqual({ ...PRESETS["3b1b"].train, weightDecay: 0 });
      expect([p.trainLimit, p.epochs, p.testEval, p.labelSeed, p.augment]).toEqual([
        STARTS_SIZE.trainLimit,
        STARTS_SIZE.epochs,
        STARTS_SIZE.testEval,
        null,
        null,
      ]);
    }
    expect(
      startsPlans(3, 4, { trainLimit: 1000, epochs: 2, pointEvery: 15_000, testEval: 500 })[0],
    ).toMatchObject({
      trainLimit: 1000,
      epochs: 2,
      pointEvery: 1000,
      testEval: 500,
    });
  });

  it("startSeed never repeats a seed between neighbouring page seeds and stays within 32 bits", () => {
    const seeds = [1, 2].flatMap((s) => Array.from({ length: MAX_STARTS }, (_, i) => startSeed(s, i)));
    expect(new Set(seeds).size).toBe(2 * MAX_STARTS);
    expect(startSeed(2 ** 32 - 1, 7)).toBeLessThan(2 ** 32);
    expect(startSeed(2 ** 32 - 1, 7)).toBeGreaterThanOrEqual(0);
  });

  it("accuracySpread is the best, the worst and their difference", () => {
    const s = accuracySpread([final(0.93), final(0.91), final(0.925)]);
    expect(s.best).toBe(0.93);
    expect(s.worst).toBe(0.91);
    expect(s.spread).toBeCloseTo(0.02, 12);
  });
});
