// setHyper: change η, m, λ or μ while training runs; the Trainer reads them at every mini-batch.

import type { CommandMap, Hyper } from "../protocol.ts";
import type { TrainingSession } from "../session.ts";

/** What each hyper-parameter may be, and the clause that says so. */
const RULES: { readonly [K in keyof Hyper]: readonly [(v: number) => boolean, string] } = {
  learningRate: [(v) => Number.isFinite(v) && v >= 0, "the learning rate must be a number ≥ 0"],
  batchSize: [
    (v) => Number.isInteger(v) && v >= 1 && v <= 60000,
    "the batch size must be a whole number 1–60,000",
  ],
  weightDecay: [(v) => Number.isFinite(v) && v >= 0, "the weight decay must be a number ≥ 0"],
  momentum: [(v) => Number.isFinite(v) && v >= 0 && v < 1, "the momentum must be at least 0 and below 1"],
};

export function setHyper(s: TrainingSession, { hyper }: CommandMap["setHyper"]): void {
  const next: Partial<Hyper> = {};
  for (const key of Object.keys(RULES) as (keyof Hyper)[]) {
    const value = hyper[key];
    if (value === undefined) continue;
    const [ok, rule] = RULES[key];
    if (typeof value !== "number" || !ok(value)) throw new RangeError(`${rule}, not ${String(value)}`);
    next[key] = value;
  }
  Object.assign(s.hyper, next);
  if (s.trainer) Object.assign(s.trainer.options, next);
}
