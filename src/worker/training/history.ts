// The cost curve as the worker builds it: training cost averaged between points, and test-set evaluations run a
// chunk at a time between training slices so a command never waits for a whole evaluation.

import { evaluate, type PlacedImages } from "../../engine/fast.ts";
import type { Network } from "../../engine/network.ts";
import type { HistoryPoint } from "./protocol.ts";

/** Training time (ms of mini-batches) between cost-curve points, and between test-set evaluations. */
export const POINT_MS = 250;
export const EVALUATION_MS = 2000;

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

/** A point waiting for its test evaluation. */
interface PendingEvaluation {
  readonly point: { readonly examplesSeen: number; readonly trainCost: number };
  next: number;
  cost: number;
  correct: number;
  count: number;
}

export class CostHistory {
  /** Points not yet posted. */
  private points: HistoryPoint[] = [];
  private readonly pointCost = new MeanCost();
  private trainMs = 0;
  private lastPointMs = 0;
  private lastEvalMs = 0;
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
    this.trainMs = this.lastPointMs = this.lastEvalMs = 0;
  }

  /** A mini-batch's mean cost over `examples` examples. */
  addCost(cost: number, examples: number): void {
    this.pointCost.add(cost, examples);
  }

  /**
   * After a slice of `ms` training that took `steps` mini-batch steps: a point when one is due — with a test
   * evaluation every EVALUATION_MS, at the end of a step, or at an epoch's end once a quarter of that has passed (a
   * small network's epoch takes well under a second, and evaluating costs ~0.1 s). A slice that only trained parts
   * of a huge mini-batch counts its time but adds no point: the weights have not moved yet.
   */
  afterSlice(ms: number, steps: number, examplesSeen: number, stepDone: boolean, epochEnded: boolean): void {
    this.trainMs += ms;
    if (steps === 0) return;
    const sinceEval = this.trainMs - this.lastEvalMs;
    const evalDue = stepDone || sinceEval >= EVALUATION_MS || (epochEnded && sinceEval >= EVALUATION_MS / 4);
    if (evalDue || this.trainMs - this.lastPointMs >= POINT_MS) this.requestPoint(examplesSeen, evalDue);
  }

  /**
   * Closes the current point (mean training cost since the last one). With `withEval` the point waits for a
   * test-set evaluation of the current network (a pending one is closed without its evaluation).
   */
  requestPoint(examplesSeen: number, withEval: boolean): void {
    const point = { examplesSeen, trainCost: this.pointCost.take() };
    this.lastPointMs = this.trainMs;
    if (!withEval) {
      this.points.push({ ...point, testCost: null, testAccuracy: null });
      return;
    }
    if (this.evaluation) this.points.push({ ...this.evaluation.point, testCost: null, testAccuracy: null });
    this.lastEvalMs = this.trainMs;
    this.evaluation = { point, next: 0, cost: 0, correct: 0, count: 0 };
  }

  /** Drops a pending evaluation (after a failure). */
  cancelEvaluation(): void {
    this.evaluation = null;
  }

  /**
   * Test chunks until `budgetMs` of `now()` pass; the point is added when the last chunk is done, and returned (null
   * while chunks remain).
   */
  evaluateSlice(
    net: Network<Float32Array>,
    chunks: readonly PlacedImages[],
    now: () => number,
    budgetMs: number,
  ): HistoryPoint | null {
    const ev = this.evaluation;
    if (!ev) return null;
    const start = now();
    do {
      const r = evaluate(net, chunks[ev.next]!);
      ev.cost += r.cost * r.count;
      ev.correct += r.correct;
      ev.count += r.count;
      ev.next++;
    } while (ev.next < chunks.length && now() - start < budgetMs);
    if (ev.next < chunks.length) return null;
    this.evaluation = null;
    const point = { ...ev.point, testCost: ev.cost / ev.count, testAccuracy: ev.correct / ev.count };
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
