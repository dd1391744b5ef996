// The network's marks on the learner's own digits: each digit's answer, the confusion matrix, the accuracy.
import { answer, confusionMatrix, correctCounts, classCounts, type Answer } from "../../engine/analysis.ts";
import { forward, type Network } from "../../engine/network.ts";
import type { MyDigit } from "./storage.ts";

/** How a network does on a collection of labelled 28×28 digits. */
export interface DigitScore {
  /** answers[i]: the network's answer to digits[i]. */
  readonly answers: readonly Answer[];
  /** matrix[t·10 + p]: digits labelled t that it called p. */
  readonly matrix: Uint32Array;
  /** Digits it answered right. */
  readonly correct: number;
  readonly total: number;
  /** Per label t: the share of digits labelled t answered right (0 when there are none). */
  readonly perClass: number[];
}

/** `net`'s answers on `digits` and the confusion matrix of labels against answers. */
export function scoreDigits(net: Network<Float32Array>, digits: readonly MyDigit[]): DigitScore {
  const answers = digits.map((d) => answer(forward(net, d.pixels), net.spec.output));
  const matrix = confusionMatrix(
    digits.map((d) => d.label),
    answers.map((a) => a.digit),
  );
  const { perClass: right, total: correct } = correctCounts(matrix);
  const counts = classCounts(matrix);
  const perClass = right.map((n, t) => (counts[t]! > 0 ? n / counts[t]! : 0));
  return { answers, matrix, correct, total: digits.length, perClass };
}
