// Pure helpers for the SGD scene: the three runs raced from the same start (full batch, mini-batch, single
// example), and readings of their cost paths (the lab's compareDescent) that the views show.
import type { DescentRun, RunPoint } from "../../engine/experiments.ts";

/** The checkpoint every run starts from: the untrained network. */
export const SGD_CHECKPOINT = 0;

/** Training images (the first of MNIST's training set), held-out test images the cost is measured on, examples
 * each run may see (10 passes over the training images), and measurements per run. */
export const SGD_SETTINGS = { trainLimit: 10_000, heldOut: 1_000, budget: 100_000, points: 50 } as const;

export type RunId = "full" | "single" | "mini";

/** The order the runs are computed and introduced in. */
export const RUN_ORDER: readonly RunId[] = ["full", "single", "mini"];

export interface RunDef extends DescentRun {
  readonly id: RunId;
  /** Short name for legends and tables. */
  readonly name: string;
}

/** The three runs on `trainCount` training images: full batch (m = all of them), single example (m = 1), and
 * mini-batch (m = 10). Learning rates tuned on the shipped untrained network so each shows its character: full
 * batch smooth and slow, single example fast but visibly noisy, mini-batch fast and steadier. */
export function sgdRuns(trainCount: number): RunDef[] {
  return [
    { id: "full", name: "Full batch", label: "full", batchSize: trainCount, learningRate: 3 },
    { id: "single", name: "Single example", label: "single", batchSize: 1, learningRate: 0.5 },
    { id: "mini", name: "Mini-batch", label: "mini", batchSize: 10, learningRate: 1.5 },
  ];
}

/** The horizontal axis of the charts. */
export type Axis = "examples" | "seconds";

export function xOf(p: RunPoint, axis: Axis): number {
  return axis === "examples" ? p.examplesSeen : p.seconds;
}

/** The recorded point nearest to x on `axis` (ties: the earlier one). */
export function nearestPoint(path: readonly RunPoint[], axis: Axis, x: number): RunPoint | null {
  let best: RunPoint | null = null;
  for (const p of path) if (!best || Math.abs(xOf(p, axis) - x) < Math.abs(xOf(best, axis) - x)) best = p;
  return best;
}

/** The first recorded point whose cost is at most `target`, or null if the run never got there. */
export function firstReaching(path: readonly RunPoint[], target: number): RunPoint | null {
  return path.find((p) => p.cost <= target) ?? null;
}

/** How many times the measured cost went up from one measurement to the next: the wobble of a noisy descent. */
export function rises(path: readonly RunPoint[]): number {
  let n = 0;
  for (let i = 1; i < path.length; i++) if (path[i]!.cost > path[i - 1]!.cost) n++;
  return n;
}

/** Which runs each view shows, and on which axis it opens. */
export function runsShown(view: string): readonly RunId[] {
  if (view === "full") return ["full"];
  if (view === "single") return ["full", "single"];
  return RUN_ORDER;
}

/** The run that reached `target` soonest on `axis` (null if none did). */
export function soonest<T extends { readonly path: readonly RunPoint[] }>(
  runs: readonly T[],
  target: number,
  axis: Axis,
): T | null {
  let best: { run: T; x: number } | null = null;
  for (const run of runs) {
    const p = firstReaching(run.path, target);
    if (p && (!best || xOf(p, axis) < best.x)) best = { run, x: xOf(p, axis) };
  }
  return best?.run ?? null;
}
