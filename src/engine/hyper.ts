// The one table of training settings: each hyper-parameter's name, URL name, type, bounds, default and the words
// that describe it. The URL, saved work, postMessage, the <nn-explorable> element, the training worker and the
// runs engine all check values here, so a value one accepts is a value every other accepts.

import {
  PRESETS,
  scheduleFor,
  scheduledLearningRate,
  type PresetName,
  type PresetTraining,
} from "./presets.ts";
import type { NetworkSpec } from "./spec.ts";

/**
 * Hyper-parameters that change while training runs (the trainer reads them at every mini-batch): η, m, λ, μ, and
 * whether η follows the schedule (1) or stays as set (0).
 */
export interface Hyper extends PresetTraining {
  /** 1: η is lowered after the passes the network's preset names (scheduleFor); 0: η stays as set. */
  lrSchedule: number;
}

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
  /** The valid values in words when "a whole number from 0 to 1" would not say what they mean. */
  readonly words?: string;
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
  lrSchedule: {
    param: "schedule",
    label: "the η schedule",
    min: 0,
    max: 1,
    integer: true,
    default: 1,
    words: "1 (η lowered after set passes) or 0 (η stays as set)",
  },
  seed: { param: "seed", label: "the seed", min: 1, max: 2147483646, integer: true, default: videos.seed },
};

/** The hyper-parameters in table order. */
export const HYPER_KEYS: readonly (keyof Hyper)[] = [
  "learningRate",
  "batchSize",
  "weightDecay",
  "momentum",
  "lrSchedule",
];

/** A preset's hyper-parameters as the app starts them: its η, m, λ and μ, with the η schedule on. */
export function presetHyper(name: PresetName): Hyper {
  return { ...PRESETS[name].train, lrSchedule: HYPER_RULES.lrSchedule.default };
}

/**
 * The η in force while training pass `pass` (counted from 1 since the weights were random) of a network of
 * `spec`: the learner's η, lowered by scheduleFor(spec) when the schedule is on.
 */
export function learningRateAt(hyper: Hyper, spec: NetworkSpec, pass: number): number {
  return hyper.lrSchedule
    ? scheduledLearningRate(hyper.learningRate, scheduleFor(spec), pass)
    : hyper.learningRate;
}

/** The valid values in words: "a number between 0.001 and 10", "a whole number from 1 to 60000". */
export function expected(rule: NumberRule): string {
  if (rule.words) return rule.words;
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

/** A whole Hyper when every one of its values passes the table, else null. */
export function validHyper(value: unknown): Hyper | null {
  if (typeof value !== "object" || value === null) return null;
  const { accepted, problems } = checkHyper(value);
  if (problems.length || HYPER_KEYS.some((k) => accepted[k] === undefined)) return null;
  return accepted as Hyper;
}
