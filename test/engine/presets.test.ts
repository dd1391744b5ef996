// Presets and the step decay of η the headless trainer follows.
import { describe, expect, it } from "vitest";
import { parameterCount, validateSpec } from "../../src/engine/network.ts";
import { PRESET_NAMES, PRESETS, scheduledLearningRate } from "../../src/engine/presets.ts";

describe("scheduledLearningRate(eta0, schedule, epoch)", () => {
  it("keeps η₀ up to and including the first listed epoch, then multiplies by the factor after each", () => {
    const s = { factor: 0.3, after: [15, 22, 27] };
    expect(scheduledLearningRate(1.5, s, 1)).toBe(1.5);
    expect(scheduledLearningRate(1.5, s, 15)).toBe(1.5);
    expect(scheduledLearningRate(1.5, s, 16)).toBeCloseTo(0.45, 12);
    expect(scheduledLearningRate(1.5, s, 23)).toBeCloseTo(0.135, 12);
    expect(scheduledLearningRate(1.5, s, 30)).toBeCloseTo(0.0405, 12);
  });
  it("is constant without a schedule", () => {
    expect(scheduledLearningRate(3, null, 40)).toBe(3);
  });
});

describe("PRESETS", () => {
  it("are valid networks, the videos' one with 13,002 parameters", () => {
    for (const name of PRESET_NAMES) validateSpec(PRESETS[name].spec);
    expect(parameterCount(PRESETS["3b1b"].spec)).toBe(13002);
    expect(PRESETS.best.spec.sizes).toEqual([784, 100, 10]);
  });
});
