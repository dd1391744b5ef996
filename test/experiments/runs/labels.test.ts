// The runs experiments' words: every run has the name its legend shows, and every problem with a sweep's values
// comes out as one sentence naming the bad value.
import { describe, expect, it } from "vitest";
import { LIGHT_AUGMENT } from "../../../src/engine/augment.ts";
import { SWEEP_BASE_3B1B, sweepPlans } from "../../../src/engine/runs.ts";
import {
  augmentationRuns,
  memorisationRuns,
  parseSweepValues,
  sweepRuns,
} from "../../../src/experiments/runs/labels.ts";

describe("sweepRuns", () => {
  it("names each run by its value of the setting swept", () => {
    const names = (setting: Parameters<typeof sweepRuns>[1], values: string[]) =>
      sweepRuns(SWEEP_BASE_3B1B, setting, values, 1).map((r) => r.label);
    expect(names("learningRate", ["0.1", "3"])).toEqual(["η = 0.1", "η = 3"]);
    expect(names("batchSize", ["1", "100"])).toEqual(["m = 1", "m = 100"]);
    expect(names("hidden", ["none", "32"])).toEqual(["784-10", "784-32-10"]);
    expect(names("activation", ["relu", "tanh"])).toEqual(["relu", "tanh"]);
    expect(names("cost", ["mse", "crossEntropy"])).toEqual(["squared error", "cross-entropy + softmax"]);
  });
  it("adds only the name to the engine's plans", () => {
    const runs = sweepRuns(SWEEP_BASE_3B1B, "hidden", ["16", "32-32"], 4);
    const plans = sweepPlans(SWEEP_BASE_3B1B, "hidden", ["16", "32-32"], 4);
    expect(runs.map(({ label: _, ...plan }) => plan)).toEqual(plans);
  });
});

describe("memorisationRuns and augmentationRuns", () => {
  it("name the two runs of each pair", () => {
    expect(memorisationRuns(1).map((r) => r.label)).toEqual(["true labels", "shuffled labels"]);
    expect(augmentationRuns(1, LIGHT_AUGMENT).map((r) => r.label)).toEqual([
      "plain images",
      "augmented images",
    ]);
  });
});

describe("parseSweepValues", () => {
  it("passes good values through", () => {
    expect(parseSweepValues("batchSize", "1, 10")).toEqual({ ok: true, values: ["1", "10"] });
  });
  it("says what is wrong in one sentence, naming the bad value", () => {
    const error = (setting: Parameters<typeof parseSweepValues>[0], text: string) => {
      const r = parseSweepValues(setting, text);
      return r.ok ? null : r.error;
    };
    expect(error("learningRate", "1")).toBe("Give 2 to 6 values separated by commas.");
    expect(error("learningRate", "1, 1")).toBe("Each value may appear once.");
    expect(error("learningRate", "1, -2")).toBe(
      "“-2”: the learning rate η must be a number between 0.001 and 10.",
    );
    expect(error("batchSize", "10, 2.5")).toBe(
      "“2.5”: the mini-batch size m must be a whole number from 1 to 60000.",
    );
    expect(error("hidden", "16-16, 600")).toBe("“600” has a layer outside 1–512 neurons.");
    expect(error("hidden", "16-16, big")).toBe(
      "“big” is not hidden layer sizes such as 16-16 (up to 4 layers) or none.",
    );
    expect(error("activation", "relu, softplus")).toBe("“softplus” is not one of sigmoid, relu, tanh.");
    expect(error("cost", "mse, hinge")).toBe("“hinge” is not one of mse, crossEntropy.");
  });
});
