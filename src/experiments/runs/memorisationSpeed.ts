// The memorisation-speed experiment's reading of its two runs: the epoch each first got 50, 90 and 99 % of its
// training labels right, where it ended, and a conclusion that says only what those numbers show. Pure text.
import { ACCURACY_MILESTONES, epochsToReach, type RunPoint } from "../../engine/runs.ts";
import { percent, percentTick } from "./params.ts";

/** What one run showed, from its streamed points. */
export interface SpeedSummary {
  /** The epoch each of ACCURACY_MILESTONES was first reached at (epochsToReach), or null; in that order. */
  readonly reached: readonly (number | null)[];
  /** Epochs trained when the last point was measured. */
  readonly epochs: number;
  /** Best training accuracy measured. */
  readonly bestTrainAccuracy: number;
  /** Test accuracy at the last point. */
  readonly testAccuracy: number;
}

/** A run's summary, or null before its first point. */
export function speedSummary(points: readonly RunPoint[]): SpeedSummary | null {
  const last = points.at(-1);
  if (!last) return null;
  return {
    reached: ACCURACY_MILESTONES.map((t) => epochsToReach(points, t)),
    epochs: last.epoch,
    bestTrainAccuracy: Math.max(...points.map((p) => p.trainAccuracy)),
    testAccuracy: last.testAccuracy,
  };
}

/** Epochs as a number: whole ones plainly, others to one decimal. */
export function formatEpochs(e: number): string {
  return Number.isInteger(e) ? String(e) : e.toFixed(1);
}

/** Within this many of 10 % a test accuracy is called chance. */
const NEAR_CHANCE = 0.02;

/** "50 % after 1 epoch, 90 % after 2 and 99 % after 7"; a milestone not reached says so. */
function milestoneWords(s: SpeedSummary): string {
  const parts = ACCURACY_MILESTONES.map((t, i) => {
    const e = s.reached[i] ?? null;
    return e === null
      ? `${percentTick(t)} never`
      : `${percentTick(t)} after ${formatEpochs(e)} epoch${e === 1 ? "" : "s"}`;
  });
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)!}`;
}

/**
 * The conclusion of a true-label run and a shuffled-label run, in sentences: when each reached each milestone, how
 * many times as long the shuffled labels took at the highest milestone both reached, any milestone a run never
 * reached within its epochs, and both test accuracies against the 10 % of guessing. `finished` is false when the
 * runs were stopped before their last epoch.
 */
export function speedConclusion(truth: SpeedSummary, shuffled: SpeedSummary, finished: boolean): string[] {
  const out: string[] = [];
  if (!finished)
    out.push(
      `The runs were stopped after ${formatEpochs(truth.epochs)} and ${formatEpochs(shuffled.epochs)} epochs, so this is what they showed by then.`,
    );
  out.push(
    `With the true labels the network got ${milestoneWords(truth)} of its training digits right; with shuffled labels, ${milestoneWords(shuffled)}.`,
  );
  const both = ACCURACY_MILESTONES.map((t, i) => ({
    t,
    a: truth.reached[i] ?? null,
    b: shuffled.reached[i] ?? null,
  }));
  const compared = both.filter((m) => m.a !== null && m.b !== null);
  // The shuffled labels are "first" at a threshold they reached no later than the true labels, or reached alone.
  const shuffledFirst = both.filter((m) => m.b !== null && (m.a === null || m.b <= m.a));
  const anyReached = both.some((m) => m.a !== null || m.b !== null);
  if (!anyReached)
    out.push("Neither run reached 50 % of its training labels, so there is nothing to compare yet.");
  else if (shuffledFirst.length === 0) {
    const top = compared.at(-1);
    out.push(
      top
        ? `Real labels were learned first at every threshold reached: to reach ${percentTick(top.t)} the shuffled labels took ${(top.b! / top.a!).toFixed(1)} times as many epochs.`
        : "Real labels were learned first: the shuffled labels reached none of these thresholds.",
    );
  } else
    out.push(
      `In this run the true labels were not learned first at ${shuffledFirst.map((m) => percentTick(m.t)).join(" and ")}.`,
    );
  for (const [name, s] of [
    ["true", truth],
    ["shuffled", shuffled],
  ] as const) {
    const missed = ACCURACY_MILESTONES.filter((_, i) => (s.reached[i] ?? null) === null);
    if (missed.length > 0)
      out.push(
        `The ${name}-label run never reached ${missed.map(percentTick).join(" or ")} within its ${formatEpochs(s.epochs)} epochs (its best was ${percent(s.bestTrainAccuracy)}).`,
      );
  }
  const chance = Math.abs(shuffled.testAccuracy - 0.1) <= NEAR_CHANCE;
  out.push(
    `On the test digits, which neither saw, the true-label network scores ${percent(truth.testAccuracy)} and the shuffled-label one ${percent(shuffled.testAccuracy)}${chance ? ", about the 10 % of guessing: what it learned was those images, not digits." : ", against 10 % for guessing."}`,
  );
  return out;
}
