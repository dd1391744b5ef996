// "Loops and lines?" in words: what a loop detector would need, which second-layer neurons meet it, and what
// silencing them costs, from the numbers the run produced. Pure text.
import { LOOP_DIGITS, type NeuronProfile } from "../../engine/secondLayer.ts";
import type { SilencedScore } from "../../engine/lesions.ts";

/** How much higher a loop detector's mean activation on loop digits must be than on the other digits. */
export const LOOP_MARGIN = 0.3;
/** How many of its most exciting test images must be loop digits. */
export const LOOP_TOP = 5;

/** One second-layer neuron, measured. */
export interface NeuronFinding {
  readonly neuron: number;
  /** loopMean − otherMean. */
  readonly selectivity: number;
  /** How many of its top images are loop digits, of `shown`. */
  readonly topLoops: number;
  readonly shown: number;
  /** Test images lost when it alone is silenced: intact − correct. */
  readonly drop: number;
}

/** Each neuron's finding, from its profile and its silenced score (layer 2), against `intact` right answers. */
export function findings(
  profiles: readonly NeuronProfile[],
  labels: ArrayLike<number>,
  scores: readonly SilencedScore[],
  intact: number,
  layer = 2,
): NeuronFinding[] {
  return profiles.map((p, j) => ({
    neuron: j,
    selectivity: p.loopMean - p.otherMean,
    topLoops: p.top.filter((t) => LOOP_DIGITS.includes(labels[t.index]!)).length,
    shown: p.top.length,
    drop: intact - (scores.find((s) => s.layer === layer && s.neuron === j)?.correct ?? intact),
  }));
}

/** A loop detector by the page's test: LOOP_MARGIN more active on loop digits, LOOP_TOP of its top images loops. */
export function isLoopCandidate(f: NeuronFinding): boolean {
  return f.selectivity >= LOOP_MARGIN && f.topLoops >= Math.min(LOOP_TOP, f.shown);
}

const list = (ns: readonly (number | string)[]) =>
  ns.length <= 1 ? ns.join("") : `${ns.slice(0, -1).join(", ")} and ${ns.at(-1)!}`;

/** The conclusion, in sentences, of the findings of every second-layer neuron (`count` test images scored). */
export function loopConclusion(all: readonly NeuronFinding[], count: number): string[] {
  if (all.length === 0) return [];
  const shown = all[0]!.shown;
  const out = [
    `A loop detector would fire for ${list([...LOOP_DIGITS])} and stay quiet for the other digits. Tested here: its mean activation on loop digits at least ${LOOP_MARGIN} above that on the rest, and at least ${Math.min(LOOP_TOP, shown)} of its ${shown} most exciting test images loop digits.`,
  ];
  const candidates = all.filter(isLoopCandidate);
  out.push(
    candidates.length === 0
      ? `None of the ${all.length} second-layer neurons passes both tests.`
      : `${candidates.length} of the ${all.length} second-layer neurons pass${candidates.length === 1 ? "es" : ""} both: neuron${candidates.length === 1 ? "" : "s"} ${list(candidates.map((f) => f.neuron))}.`,
  );
  const best = [...all].sort((p, q) => q.selectivity - p.selectivity)[0]!;
  out.push(
    `The most loop-selective is neuron ${best.neuron}: ${best.selectivity >= 0 ? "+" : ""}${best.selectivity.toFixed(2)} on loop digits against the rest, with ${best.topLoops} of its ${shown} top images loop digits.`,
  );
  const worst = [...all].sort((p, q) => q.drop - p.drop)[0]!;
  const fmt = (n: number) => n.toLocaleString("en-US");
  out.push(
    `Silencing one neuron costs at most ${fmt(worst.drop)} of the ${fmt(count)} test images (neuron ${worst.neuron})${
      candidates.length > 0
        ? `; silencing the loop candidate${candidates.length === 1 ? "" : "s"} one at a time costs ${list(candidates.map((f) => fmt(f.drop)))}`
        : ""
    }.`,
  );
  out.push(
    candidates.length === 0
      ? "So in this network the second layer is not a set of loop detectors: what each neuron responds to is spread across digits, as its top images and patterns show."
      : candidates.length < all.length / 4
        ? `So ${candidates.length === 1 ? "one neuron behaves" : `${candidates.length} neurons behave`} somewhat like a loop detector by this test, but the other ${all.length - candidates.length} do not: the story of loops and lines describes at best a small part of this layer.`
        : "So by this test a good part of the layer does respond to loops; look at the patterns to see whether they show rings.",
  );
  return out;
}
