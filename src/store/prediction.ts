// The network's answer, derived once from its output activations (the probe's last layer), for every view and
// every embed: the digit, its confidence and the top three. Views read it from the store; none computes its own.

import type { OutputActivation } from "../engine/activations.ts";
import { answer, topOutputs } from "../engine/analysis.ts";

export interface Prediction {
  readonly digit: number;
  /** The output neuron's share: softmax probability, or activation / Σ activations for sigmoid outputs. */
  readonly confidence: number;
  /** The three largest outputs, largest first, each with its share as `confidence` is defined. */
  readonly top: readonly { readonly digit: number; readonly confidence: number }[];
}

/** What the outputs say: nothing to show, an answer, or outputs that are not numbers (the weights diverged). */
export type Answer =
  | { readonly kind: "none" }
  | { readonly kind: "notFinite" }
  | { readonly kind: "prediction"; readonly prediction: Prediction };

/** The answer of output activations `a` (null when there is no input). */
export function answerOf(a: ArrayLike<number> | null | undefined, output: OutputActivation): Answer {
  if (!a || a.length === 0) return { kind: "none" };
  for (let j = 0; j < a.length; j++) if (!Number.isFinite(a[j]!)) return { kind: "notFinite" };
  const { digit, confidence } = answer(a, output);
  let total = 0;
  for (let j = 0; j < a.length; j++) total += a[j]!;
  const share = (v: number) => (output === "softmax" ? v : total > 0 ? v / total : 0);
  const top = topOutputs(a, 3).map((o) => ({ digit: o.digit, confidence: share(o.value) }));
  return { kind: "prediction", prediction: { digit, confidence, top } };
}

/** A confidence as a whole percentage, as shown and announced. */
export function percent(confidence: number): number {
  return Math.round(100 * confidence);
}

/** Whether two answers read the same to a person: the same digit at the same whole percentage. */
export function sameAnswer(p: Answer, q: Answer): boolean {
  if (p.kind !== "prediction" || q.kind !== "prediction") return p.kind === q.kind;
  return (
    p.prediction.digit === q.prediction.digit &&
    percent(p.prediction.confidence) === percent(q.prediction.confidence)
  );
}
