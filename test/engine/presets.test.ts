// Presets and the step decay of η the headless trainer follows.
import { describe, expect, it } from "vitest";
import { parameterCount, validateSpec } from "../../src/engine/network.ts";
import { learningRateAt, presetHyper } from "../../src/engine/hyper.ts";
import { PRESET_NAMES, PRESETS, scheduledLearningRate, scheduleFor } from "../../src/engine/presets.ts";

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

describe("learningRateAt(hyper, spec, pass)", () => {
  it("follows the network's preset's schedule when on, the videos' for other networks, and η as set when off", () => {
    const videos = presetHyper("3b1b");
    expect(videos.lrSchedule).toBe(1);
    expect(learningRateAt(videos, PRESETS["3b1b"].spec, 15)).toBe(1.5);
    expect(learningRateAt(videos, PRESETS["3b1b"].spec, 16)).toBe(
      scheduledLearningRate(1.5, PRESETS["3b1b"].schedule, 16),
    );
    expect(learningRateAt(videos, PRESETS["3b1b"].spec, 16)).toBeCloseTo(0.45, 12);
    const best = presetHyper("best");
    expect(learningRateAt(best, PRESETS.best.spec, 21)).toBeCloseTo(0.005, 12);
    expect(scheduleFor(PRESETS.best.spec)).toBe(PRESETS.best.schedule);
    const custom = { ...PRESETS["3b1b"].spec, sizes: [784, 32, 10], hidden: ["relu" as const] };
    expect(scheduleFor(custom)).toBe(PRESETS["3b1b"].schedule);
    expect(learningRateAt({ ...videos, learningRate: 0.1 }, custom, 23)).toBeCloseTo(0.1 * 0.09, 12);
    expect(learningRateAt({ ...videos, lrSchedule: 0 }, PRESETS["3b1b"].spec, 30)).toBe(1.5);
  });
});

describe("PRESETS", () => {
  it("are valid networks, the videos' one with 13,002 parameters", () => {
    for (const name of PRESET_NAMES) validateSpec(PRESETS[name].spec);
    expect(parameterCount(PRESETS["3b1b"].spec)).toBe(13002);
    expect(PRESETS.best.spec.sizes).toEqual([784, 100, 10]);
  });
});
