// The lessons' experiments on a real network, as pure functions: the cost over a fixed mini-batch as one or two
// weights vary, gradient descent restricted to those weights, a learning-rate finder, and one SGD step with the
// cost before and after. All on the reference engine (network.ts), so every number is the engine's own.

import {
  applyGradient,
  cloneNetwork,
  exampleCost,
  forward,
  traceBatch,
  type Example,
  type Floats,
  type Gradient,
  type Network,
} from "./network.ts";
import { evaluate, Trainer, type SparseImages } from "./fast.ts";

/** One parameter: a weight w[layer][row·n(layer−1) + col] (kind "w") or a bias b[layer][row] (kind "b"). */
export interface ParamRef {
  readonly kind: "w" | "b";
  readonly layer: number;
  /** Flat index into w[layer] or b[layer]. */
  readonly index: number;
}

function paramArray(net: Network, p: ParamRef): Floats {
  const v = p.kind === "w" ? net.w[p.layer] : net.b[p.layer];
  if (!v || p.layer < 1 || !Number.isInteger(p.index) || p.index < 0 || p.index >= v.length)
    throw new RangeError(`there is no parameter ${p.kind}[${p.layer}][${p.index}] in this network`);
  return v;
}

export function getParam(net: Network, p: ParamRef): number {
  return paramArray(net, p)[p.index]!;
}

export function setParam(net: Network, p: ParamRef, value: number): void {
  paramArray(net, p)[p.index] = value;
}

/** The component of a gradient for one parameter. */
export function gradientOf(grad: Gradient, p: ParamRef): number {
  return (p.kind === "w" ? grad.dw : grad.db)[p.layer]![p.index]!;
}

/** Mean cost C = (1/m) Σ C₀ over a batch. */
export function batchCost(net: Network, batch: readonly Example[]): number {
  let sum = 0;
  for (const e of batch) sum += exampleCost(net.spec, forward(net, e.x), e.y).cost;
  return sum / batch.length;
}

/** The batch cost as one or two parameters move around their current values (others fixed). */
export interface CostSurface {
  /** Each parameter's values along its axis: `steps` values from centre − span to centre + span. */
  readonly axes: number[][];
  /** The parameters' current values. */
  readonly centre: number[];
  /** The cost at each grid point: values[i] for 1-D; values[i·steps + j] (i along axis 0, j along axis 1) for 2-D. */
  readonly values: Float64Array;
}

/** Costs on a grid of `steps` points per axis (1 or 2 parameters), each axis spanning ±span around the centre. */
export function costSurface(
  net: Network,
  batch: readonly Example[],
  params: readonly ParamRef[],
  span: number,
  steps: number,
): CostSurface {
  if (params.length < 1 || params.length > 2)
    throw new RangeError("a cost surface takes one or two parameters");
  if (!(span > 0) || !Number.isInteger(steps) || steps < 2)
    throw new RangeError("span must be > 0 and steps ≥ 2");
  const work = cloneNetwork(net);
  const centre = params.map((p) => getParam(work, p));
  const axes = centre.map((c) =>
    Array.from({ length: steps }, (_, i) => c - span + (2 * span * i) / (steps - 1)),
  );
  const values = new Float64Array(params.length === 1 ? steps : steps * steps);
  if (params.length === 1) {
    axes[0]!.forEach((v, i) => {
      setParam(work, params[0]!, v);
      values[i] = batchCost(work, batch);
    });
  } else {
    axes[0]!.forEach((u, i) => {
      setParam(work, params[0]!, u);
      axes[1]!.forEach((v, j) => {
        setParam(work, params[1]!, v);
        values[i * steps + j] = batchCost(work, batch);
      });
    });
  }
  return { axes, centre, values };
}

/** One step of a descent: where the parameters were, the cost there, and the gradient's components. */
export interface DescentStep {
  readonly values: number[];
  readonly cost: number;
  readonly gradient: number[];
}

/**
 * Gradient descent on a fixed batch moving only `params` (the ball rolling down the cost surface):
 * p ← p − η ∂C/∂p, `steps` times, from the parameters' current values or `start`. Stops early when the
 * cost is no longer finite (divergence). The gradient is the engine's backpropagation (traceBatch).
 */
export function descend(
  net: Network,
  batch: readonly Example[],
  params: readonly ParamRef[],
  learningRate: number,
  steps: number,
  start?: readonly number[],
): DescentStep[] {
  const work = cloneNetwork(net);
  if (start) params.forEach((p, i) => setParam(work, p, start[i]!));
  const path: DescentStep[] = [];
  for (let s = 0; s <= steps; s++) {
    const bt = traceBatch(work, batch);
    const values = params.map((p) => getParam(work, p));
    const gradient = params.map((p) => gradientOf(bt.mean, p));
    path.push({ values, cost: bt.cost, gradient });
    if (!Number.isFinite(bt.cost) || values.some((v) => !Number.isFinite(v))) break;
    if (s === steps) break;
    params.forEach((p, i) => setParam(work, p, values[i]! - learningRate * gradient[i]!));
  }
  return path;
}

/** One trial of the learning-rate finder. */
export interface FinderTrial {
  readonly learningRate: number;
  readonly before: number;
  readonly after: number;
  /** The step lowered the cost: the finder stops here. */
  readonly falls: boolean;
}

/**
 * Starts at a high η and halves it until one full gradient step on the batch lowers the cost; every trial is
 * returned so the lesson can show them one by one.
 */
export function findLearningRate(
  net: Network,
  batch: readonly Example[],
  startRate = 10,
  maxTrials = 20,
): FinderTrial[] {
  const bt = traceBatch(net, batch);
  const trials: FinderTrial[] = [];
  let eta = startRate;
  for (let t = 0; t < maxTrials; t++) {
    const work = cloneNetwork(net);
    applyGradient(work, bt.mean, { learningRate: eta });
    const after = batchCost(work, batch);
    const falls = Number.isFinite(after) && after < bt.cost;
    trials.push({ learningRate: eta, before: bt.cost, after, falls });
    if (falls) break;
    eta /= 2;
  }
  return trials;
}

/** One SGD step on a mini-batch, for the nudge table: the average gradient, and the cost before and after. */
export function sgdStep<F extends Floats>(
  net: Network<F>,
  batch: readonly Example[],
  learningRate: number,
): {
  readonly next: Network<F>;
  readonly before: number;
  readonly after: number;
  readonly gradient: Gradient<F>;
} {
  const bt = traceBatch(net, batch);
  const next = cloneNetwork(net);
  applyGradient(next, bt.mean, { learningRate });
  return { next, before: bt.cost, after: batchCost(next, batch), gradient: bt.mean };
}

/** One way of descending, for the comparison of full-batch, mini-batch and single-example training. */
export interface DescentRun {
  readonly label: string;
  /** m: the training set's size for full-batch, 1 for single-example. */
  readonly batchSize: number;
  readonly learningRate: number;
}

/** A point on a run's path: after this many examples (and seconds of training), this cost on the held-out set. */
export interface RunPoint {
  readonly examplesSeen: number;
  readonly steps: number;
  readonly seconds: number;
  readonly cost: number;
}

/** How compareDescent shuffles and times: the training order's seed, and the clock it reads. */
export interface CompareOptions {
  /** Seed of the shuffled order every run shares (1 by default). */
  readonly seed?: number;
  /**
   * Milliseconds, monotonic (the lab passes its host's performance.now). The engine never reads a clock of its
   * own: without one, every point's `seconds` is 0.
   */
  readonly now?: () => number;
}

/**
 * Trains a copy of `net` once per run, from the same start and on the same examples in the same shuffled order,
 * for `budget` examples each; records the cost on `held` every budget/points examples, with the training time
 * by `options.now` (evaluation excluded). Uses the fast Trainer, as the explorable does.
 */
export function compareDescent(
  net: Network<Float32Array>,
  train: SparseImages,
  held: SparseImages,
  runs: readonly DescentRun[],
  budget: number,
  points = 40,
  { seed = 1, now = () => 0 }: CompareOptions = {},
): { readonly label: string; readonly path: RunPoint[] }[] {
  return runs.map((run) => {
    const trainer = new Trainer(
      cloneNetwork(net),
      train,
      { learningRate: run.learningRate, batchSize: run.batchSize },
      seed,
    );
    const path: RunPoint[] = [
      { examplesSeen: 0, steps: 0, seconds: 0, cost: evaluate(trainer.net, held).cost },
    ];
    const every = Math.max(1, Math.floor(budget / points));
    let seconds = 0;
    let steps = 0;
    let next = every;
    while (trainer.position.examplesSeen < budget) {
      const t0 = now();
      trainer.step();
      seconds += (now() - t0) / 1000;
      steps++;
      if (trainer.position.examplesSeen >= next || trainer.position.examplesSeen >= budget) {
        const cost = evaluate(trainer.net, held).cost;
        path.push({ examplesSeen: trainer.position.examplesSeen, steps, seconds, cost });
        next = trainer.position.examplesSeen + every;
        if (!Number.isFinite(cost)) break;
      }
    }
    trainer.dispose();
    return { label: run.label, path };
  });
}
