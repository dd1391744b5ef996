// The cost curve as the worker builds it: training cost averaged between points, and test-set evaluations run a
// chunk at a time between training slices so a command never waits for a whole evaluation. While the curve is
// steep (the first examples) a fixed subset of the test set is evaluated often — every 1,000 examples up to
// 10,000, then log-spaced — and every few seconds after; the whole test set at each epoch's end, at the end of a
// step and for a new network. Each point says which it was.

import { evaluate, type PlacedImages } from "../../engine/fast.ts";
import type { Network } from "../../engine/network.ts";
import type { EvaluationSet, HistoryPoint } from "./protocol.ts";

/** Training time (ms of mini-batches) between cost-curve points, and between test-set evaluations. */
export const POINT_MS = 250;
export const EVALUATION_MS = 2000;

/** The test images of a subset evaluation: the first SUBSET_IMAGES of the test set, always the same ones. */
export const SUBSET_IMAGES = 1000;

/** Subset evaluations every SAMPLE_STEP examples up to DENSE_UNTIL, then each SAMPLE_GROWTH times the last. */
const SAMPLE_STEP = 1000;
const DENSE_UNTIL = 10_000;
const SAMPLE_GROWTH = 1.25;

/**
 * The examples-seen count of the next scheduled subset evaluation after `seen`: 1,000, 2,000, … 10,000, then
 * 13,000, 16,000, 20,000, 25,000, … (each 1.25 times the last, in whole thousands), so the fall is sampled evenly
 * on a logarithmic axis.
 */
export function nextSample(seen: number): number {
  if (seen < DENSE_UNTIL) return (Math.floor(seen / SAMPLE_STEP) + 1) * SAMPLE_STEP;
  let s = DENSE_UNTIL;
  while (s <= seen) s = Math.round((s * SAMPLE_GROWTH) / SAMPLE_STEP) * SAMPLE_STEP;
  return s;
}

export type { EvaluationSet };

/** A running mean of batch costs, weighted by batch size. */
export class MeanCost {
  private sum = 0;
  private n = 0;
  add(cost: number, examples: number): void {
    this.sum += cost * examples;
    this.n += examples;
  }
  /** The mean so far (NaN if empty), and start again. */
  take(): number {
    const mean = this.n > 0 ? this.sum / this.n : Number.NaN;
    this.sum = 0;
    this.n = 0;
    return mean;
  }
}

/** A point's training part: where it closed, the mean training cost and the η since the previous one. */
interface ClosedPoint {
  readonly examplesSeen: number;
  readonly trainCost: number;
  readonly learningRate: number | null;
}

/** A point waiting for its test evaluation. */
interface PendingEvaluation {
  readonly point: ClosedPoint;
  readonly set: EvaluationSet;
  next: number;
  cost: number;
  correct: number;
  count: number;
}

const NOT_EVALUATED = { testCost: null, testAccuracy: null, testImages: null, testSet: null } as const;

/** How many of `chunks` (in order) hold the first SUBSET_IMAGES test images, at least one. */
function subsetChunks(chunks: readonly PlacedImages[]): number {
  let images = 0;
  for (let i = 0; i < chunks.length; i++) {
    images += chunks[i]!.data.count;
    if (images >= SUBSET_IMAGES) return i + 1;
  }
  return chunks.length;
}

export class CostHistory {
  /** Points not yet posted. */
  private points: HistoryPoint[] = [];
  private readonly pointCost = new MeanCost();
  /** The η of the last mini-batch since the last point, null when none trained. */
  private pointRate: number | null = null;
  private trainMs = 0;
  private lastPointMs = 0;
  private lastEvalMs = 0;
  /** Examples seen at which the next scheduled subset evaluation falls. */
  private sampleAt = nextSample(0);
  private evaluation: PendingEvaluation | null = null;

  /** Milliseconds of mini-batches since the curve restarted (the clock the health checks measure in). */
  get trainingMs(): number {
    return this.trainMs;
  }

  /** Whether an evaluation waits to run (training waits for it). */
  get evaluating(): boolean {
    return this.evaluation !== null;
  }

  /** Empties the curve; the caller asks for a first point. */
  restart(): void {
    this.points = [];
    this.evaluation = null;
    this.pointCost.take();
    this.pointRate = null;
    this.trainMs = this.lastPointMs = this.lastEvalMs = 0;
    this.sampleAt = nextSample(0);
  }

  /** Where training should pause for the next scheduled evaluation: a slice stops when it reaches this count. */
  get nextSampleAt(): number {
    return this.sampleAt;
  }

  /** A mini-batch's mean cost over `examples` examples, trained with η = `learningRate`. */
  addCost(cost: number, examples: number, learningRate: number): void {
    this.pointCost.add(cost, examples);
    this.pointRate = learningRate;
  }

  /**
   * After a slice of `ms` training that took `steps` mini-batch steps: a point when one is due — on the whole
   * test set at an epoch's end or the end of a step; on the subset at a scheduled example count (nextSample) or
   * every EVALUATION_MS; else a training-cost point every POINT_MS. A slice that only trained parts of a huge
   * mini-batch counts its time but adds no point: the weights have not moved yet.
   */
  afterSlice(ms: number, steps: number, examplesSeen: number, stepDone: boolean, epochEnded: boolean): void {
    this.trainMs += ms;
    if (steps === 0) return;
    const sampled = examplesSeen >= this.sampleAt;
    if (sampled) this.sampleAt = nextSample(examplesSeen);
    if (stepDone || epochEnded) this.requestPoint(examplesSeen, "full");
    else if (sampled || this.trainMs - this.lastEvalMs >= EVALUATION_MS)
      this.requestPoint(examplesSeen, "subset");
    else if (this.trainMs - this.lastPointMs >= POINT_MS) this.requestPoint(examplesSeen, null);
  }

  /**
   * Closes the current point (mean training cost since the last one). With an evaluation set the point waits for
   * a test evaluation of the current network on it (a pending one is closed without its evaluation).
   */
  requestPoint(examplesSeen: number, set: EvaluationSet | null): void {
    const point = { examplesSeen, trainCost: this.pointCost.take(), learningRate: this.pointRate };
    this.pointRate = null;
    this.lastPointMs = this.trainMs;
    if (set === null) {
      this.points.push({ ...point, ...NOT_EVALUATED });
      return;
    }
    if (this.evaluation) this.points.push({ ...this.evaluation.point, ...NOT_EVALUATED });
    this.lastEvalMs = this.trainMs;
    this.evaluation = { point, set, next: 0, cost: 0, correct: 0, count: 0 };
  }

  /** Drops a pending evaluation (after a failure). */
  cancelEvaluation(): void {
    this.evaluation = null;
  }

  /**
   * Test chunks until `budgetMs` of `now()` pass; the point is added when the last chunk is done, and returned (null
   * while chunks remain). A subset evaluation takes the chunks holding the first SUBSET_IMAGES images.
   */
  evaluateSlice(
    net: Network<Float32Array>,
    chunks: readonly PlacedImages[],
    now: () => number,
    budgetMs: number,
  ): HistoryPoint | null {
    const ev = this.evaluation;
    if (!ev) return null;
    const last = ev.set === "full" ? chunks.length : subsetChunks(chunks);
    const start = now();
    do {
      const r = evaluate(net, chunks[ev.next]!);
      ev.cost += r.cost * r.count;
      ev.correct += r.correct;
      ev.count += r.count;
      ev.next++;
    } while (ev.next < last && now() - start < budgetMs);
    if (ev.next < last) return null;
    this.evaluation = null;
    const point = {
      ...ev.point,
      testCost: ev.cost / ev.count,
      testAccuracy: ev.correct / ev.count,
      testImages: ev.count,
      testSet: ev.set,
    };
    this.points.push(point);
    return point;
  }

  /** Whether points wait to be posted. */
  get hasNew(): boolean {
    return this.points.length > 0;
  }

  /** The points since the last call. */
  take(): HistoryPoint[] {
    const points = this.points;
    this.points = [];
    return points;
  }
}
