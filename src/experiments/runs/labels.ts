// The words of the runs experiments: the names of the settings a sweep can vary, each run's name in the legend,
// and what is wrong with a sweep's values in one sentence. The engine (src/engine/runs.ts) plans the runs and
// says what is wrong in typed kinds; this file names them for people.
import { quoted } from "../../engine/userText.ts";
import { expected, HYPER_RULES } from "../../engine/hyper.ts";
import {
  augmentationPlans,
  checkSweepValues,
  MAX_RUNS,
  memorisationPlans,
  MIN_RUNS,
  sweepPlans,
  type AugmentationSize,
  type MemorisationSize,
  type RunPlan,
  type RunSpec,
  type SweepBase,
  type SweepProblem,
  type SweepSetting,
} from "../../engine/runs.ts";
import type { AugmentOptions } from "../../engine/augment.ts";
import { ACTIVATIONS } from "../../engine/activations.ts";
import { COSTS } from "../../engine/costs.ts";
import { MAX_HIDDEN_LAYERS, MAX_NEURONS } from "../../engine/spec.ts";

/** The name of each setting a sweep can vary, for the setting picker. */
export const SWEEP_SETTING_LABELS: Record<SweepSetting, string> = {
  learningRate: "learning rate η",
  batchSize: "mini-batch size m",
  hidden: "hidden layer sizes",
  activation: "hidden activation",
  cost: "cost function",
};

/** One setting's values as typed (comma-separated); `error` says what is wrong, in one sentence. */
export type ParsedSweep =
  { readonly ok: true; readonly values: readonly string[] } | { readonly ok: false; readonly error: string };

/** A sweep problem in one sentence: "“-2”: the learning rate η must be a number between 0.001 and 10." */
export function sweepProblemText(setting: SweepSetting, problem: SweepProblem): string {
  switch (problem.kind) {
    case "count":
      return `Give ${MIN_RUNS} to ${MAX_RUNS} values separated by commas.`;
    case "repeated":
      return "Each value may appear once.";
    case "layerSize":
      return `${quoted(problem.value)} has a layer outside 1–${MAX_NEURONS} neurons.`;
    case "invalid":
      break;
  }
  const v = problem.value;
  switch (setting) {
    case "learningRate":
    case "batchSize": {
      const rule = HYPER_RULES[setting];
      return `${quoted(v)}: ${rule.label} must be ${expected(rule)}.`;
    }
    case "hidden":
      return `${quoted(v)} is not hidden layer sizes such as 16-16 (up to ${MAX_HIDDEN_LAYERS} layers) or none.`;
    case "activation":
      return `${quoted(v)} is not one of ${ACTIVATIONS.join(", ")}.`;
    case "cost":
      return `${quoted(v)} is not one of ${COSTS.join(", ")}.`;
  }
}

/** checkSweepValues with its problem in words. */
export function parseSweepValues(setting: SweepSetting, text: string): ParsedSweep {
  const checked = checkSweepValues(setting, text);
  return checked.ok ? checked : { ok: false, error: sweepProblemText(setting, checked.problem) };
}

/** A sweep run's name: "η = 0.1", "m = 10", its sizes "784-32-10", its activation, or its cost. */
export function sweepRunLabel(setting: SweepSetting, value: string, plan: RunPlan): string {
  switch (setting) {
    case "learningRate":
      return `η = ${value}`;
    case "batchSize":
      return `m = ${value}`;
    case "hidden":
      return plan.spec.sizes.join("-");
    case "activation":
      return value;
    case "cost":
      return value === "crossEntropy" ? "cross-entropy + softmax" : "squared error";
  }
}

/** The engine's sweepPlans, each run named by sweepRunLabel. */
export function sweepRuns(
  base: SweepBase,
  setting: SweepSetting,
  values: readonly string[],
  seed: number,
): RunSpec[] {
  return sweepPlans(base, setting, values, seed).map((plan, i) => ({
    ...plan,
    label: sweepRunLabel(setting, values[i]!, plan),
  }));
}

/** The engine's memorisationPlans, named "true labels" and "shuffled labels". */
export function memorisationRuns(seed: number, size?: MemorisationSize): [RunSpec, RunSpec] {
  const [truth, shuffled] = memorisationPlans(seed, size);
  return [
    { ...truth, label: "true labels" },
    { ...shuffled, label: "shuffled labels" },
  ];
}

/** The engine's augmentationPlans, named "plain images" and "augmented images". */
export function augmentationRuns(
  seed: number,
  augment: AugmentOptions,
  size?: AugmentationSize,
): [RunSpec, RunSpec] {
  const [plain, augmented] = augmentationPlans(seed, augment, size);
  return [
    { ...plain, label: "plain images" },
    { ...augmented, label: "augmented images" },
  ];
}
