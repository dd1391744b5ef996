// What a many-starts run shows, in sentences computed from its numbers: how far apart the runs' test accuracies
// ended, how different their neurons remain after the best matching, and whether the cost between two of them
// rises less once B's neurons are put in A's order. Nothing here is claimed that the numbers do not say.
import type { RunPoint } from "../../engine/runs.ts";
import { barrier, type NetworkComparison, type SlicePoint } from "../../engine/slice.ts";
import { accuracySpread } from "../../engine/starts.ts";
import { percent } from "../runs/params.ts";

/** A share 0…1 in percentage points, one decimal: 0.0123 → "1.2 points". */
export function points(share: number): string {
  const p = (share * 100).toFixed(1);
  return `${p} point${p === "1.0" ? "" : "s"}`;
}

/** The highest cost and the lowest accuracy between the ends (0 ≤ t ≤ 1), and the barrier above the chord. */
export function slicePeak(slice: readonly SlicePoint[]) {
  const inside = slice.filter((p) => p.t >= 0 && p.t <= 1);
  const top = inside.reduce((m, p) => (p.cost > m.cost ? p : m), inside[0]!);
  const low = inside.reduce((m, p) => (p.accuracy < m.accuracy ? p : m), inside[0]!);
  return { cost: top.cost, t: top.t, accuracy: low.accuracy, barrier: barrier(slice).height };
}

/** The accuracy paragraph: the runs' best, worst and spread. */
export function spreadSentence(finals: readonly RunPoint[]): string {
  const { best, worst, spread } = accuracySpread(finals);
  const costs = finals.map((p) => p.testCost);
  // Judged on the spread as shown, in tenths of a point.
  const shown = Math.round(spread * 1000) / 10;
  const verdict =
    shown <= 1
      ? "They are about equally good."
      : shown <= 3
        ? "They are close, though not equal."
        : "In this run they are not equally good.";
  return (
    `The ${finals.length} networks ended between ${percent(worst)} and ${percent(best)} right on the test digits, ` +
    `a spread of ${points(spread)}, with test costs from ${Math.min(...costs).toFixed(3)} to ` +
    `${Math.max(...costs).toFixed(3)}. ${verdict}`
  );
}

/** The matching paragraph: how alike matched neurons are, layer by layer, and how far apart the weights stay. */
export function matchSentence(c: NetworkComparison, a: string, b: string): string {
  const layers = c.matches.map(
    (m) =>
      `${m.after.toFixed(2)} in hidden layer ${m.layer} (${m.before.toFixed(2)} in the order they trained in)`,
  );
  const worst = Math.min(...c.matches.flatMap((m) => m.pairs));
  const alike = c.matches.every((m) => m.after >= 0.95);
  return (
    `Matched neuron for neuron, the activations of ${a}’s and ${b}’s paired neurons correlate on average ` +
    `${layers.join(" and ")}, where 1 would be the same neuron; the least alike pair correlates ${worst.toFixed(2)}. ` +
    (alike
      ? `So ${b} is close to a reordering of ${a}. `
      : `So ${b} is not just a reordering of ${a}: it found other features. `) +
    `After matching, their weights are still ${percent(c.distance.after)} of the size of ${a}’s apart ` +
    `(${percent(c.distance.before)} before).`
  );
}

/** The slice paragraph: the barrier before and after aligning, and what that says. */
export function sliceSentence(c: NetworkComparison, a: string, b: string): string {
  const before = slicePeak(c.before);
  const after = slicePeak(c.after);
  const start = c.before.find((p) => p.t === 0)!;
  const end = c.before.find((p) => p.t === 1)!;
  const flat = (h: number) => h <= 0.1 * Math.min(start.cost, end.cost);
  const first =
    `On the straight line from ${a} (cost ${start.cost.toFixed(3)}) to ${b} (${end.cost.toFixed(3)}), ` +
    (flat(before.barrier)
      ? `the cost hardly rises: at most ${before.barrier.toFixed(3)} above the line joining the ends.`
      : `the cost climbs to ${before.cost.toFixed(3)} at t = ${before.t}, ${before.barrier.toFixed(3)} above ` +
        `the line joining the ends, and the accuracy falls to ${percent(before.accuracy)}: ` +
        `between the two valleys lies a ridge.`);
  const ratio = before.barrier > 0 ? after.barrier / before.barrier : 1;
  const second =
    `With ${b}’s neurons put in ${a}’s order (the same network, relabelled), ` +
    (flat(after.barrier)
      ? `the cost stays within ${after.barrier.toFixed(3)} of that line all the way: along this line, A and the ` +
        `reordered B lie in one valley.`
      : ratio < 0.5
        ? `the ridge drops to ${after.cost.toFixed(3)}, ${after.barrier.toFixed(3)} above the line (accuracy no ` +
          `lower than ${percent(after.accuracy)}): much of it came from the neurons’ order, but not all.`
        : ratio <= 1
          ? `the ridge only drops to ${after.cost.toFixed(3)} (${after.barrier.toFixed(3)} above the line): ` +
            `reordering the neurons does not bring these two valleys together.`
          : `the ridge is higher, ${after.cost.toFixed(3)} (${after.barrier.toFixed(3)} above the line): ` +
            `this matching does not bring these two valleys together.`);
  return `${first} ${second}`;
}
