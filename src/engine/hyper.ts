// The one table of training settings: each hyper-parameter's name, URL name, type, bounds, default and the words
// that describe it. The URL, saved work, postMessage, the <nn-explorable> element, the training worker and the
// runs engine all check values here, so a value one accepts is a value every other accepts.

import { PRESETS, type PresetTraining } from "./presets.ts";

/** Hyper-parameters that change while training runs (the trainer reads them at every mini-batch): η, m, λ, μ. */
export type Hyper = PresetTraining;

/** The settings the table knows: the hyper-parameters and the seed of the initial weights and the shuffles. */
export type Setting = keyof Hyper | "seed";

/** One row: a number with bounds. */
export interface NumberRule {
  /** The URL parameter (and element attribute) that carries it. */
  readonly param: string;
  /** What it is, for sentences: "the learning rate η". */
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** The videos' network's value (a preset may set another). */
  readonly default: number;
}

const videos = PRESETS["3b1b"];

/** The table. Bounds are inclusive. */
export const HYPER_RULES: { readonly [K in Setting]: NumberRule } = {
  learningRate: {
    param: "lr",
    label: "the learning rate η",
    min: 0.001,
    max: 10,
    integer: false,
    default: videos.train.learningRate,
  },
  batchSize: {
    param: "batch",
    label: "the mini-batch size m",
    min: 1,
    max: 60000,
    integer: true,
    default: videos.train.batchSize,
  },
  weightDecay: {
    param: "decay",
    label: "the weight decay λ",
    min: 0,
    max: 0.1,
    integer: false,
    default: videos.train.weightDecay,
  },
  momentum: {
    param: "momentum",
    label: "the momentum μ",
    min: 0,
    max: 0.999,
    integer: false,
    default: videos.train.momentum,
  },
  seed: { param: "seed", label: "the seed", min: 1, max: 2147483646, integer: true, default: videos.seed },
};

/** The hyper-parameters in table order. */
export const HYPER_KEYS: readonly (keyof Hyper)[] = ["learningRate", "batchSize", "weightDecay", "momentum"];

/** The valid values in words: "a number between 0.001 and 10", "a whole number from 1 to 60000". */
export function expected(rule: NumberRule): string {
  return rule.integer
    ? `a whole number from ${rule.min} to ${rule.max}`
    : `a number between ${rule.min} and ${rule.max}`;
}

/** Whether `value` is a number the rule accepts. */
export function accepts(rule: NumberRule, value: unknown): value is number {
  return (
    typeof value === "number" &&
    Number.isFinite(value) &&
    value >= rule.min &&
    value <= rule.max &&
    (!rule.integer || Number.isInteger(value))
  );
}

/** A number written as text ("0.5", "1e-3"), or null when the text is not one plain number the rule accepts. */
export function parseSetting(rule: NumberRule, text: string): number | null {
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return null;
  const value = Number(text);
  return accepts(rule, value) ? value : null;
}

/** "the learning rate η must be a number between 0.001 and 10, not 50". */
export function problemWith(setting: Setting, value: unknown): string {
  const rule = HYPER_RULES[setting];
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return `${rule.label} must be ${expected(rule)}, not ${shown}`;
}

/** What a set of hyper-parameters checked against the table gives: the values accepted, and one problem each. */
export interface CheckedHyper {
  readonly accepted: Partial<Hyper>;
  readonly problems: readonly { readonly key: keyof Hyper; readonly message: string }[];
}

/** Checks every hyper-parameter present in `values` (others are ignored); never throws. */
export function checkHyper(given: object): CheckedHyper {
  const values = given as Readonly<Record<string, unknown>>;
  const accepted: Partial<Hyper> = {};
  const problems: { key: keyof Hyper; message: string }[] = [];
  for (const key of HYPER_KEYS) {
    if (!(key in values)) continue;
    const value = values[key];
    if (accepts(HYPER_RULES[key], value)) accepted[key] = value;
    else problems.push({ key, message: problemWith(key, value) });
  }
  return { accepted, problems };
}

/** A whole Hyper when every one of its four values passes the table, else null. */
export function validHyper(value: unknown): Hyper | null {
  if (typeof value !== "object" || value === null) return null;
  const { accepted, problems } = checkHyper(value);
  if (problems.length || HYPER_KEYS.some((k) => accepted[k] === undefined)) return null;
  return accepted as Hyper;
}
