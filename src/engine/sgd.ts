// The reference gradient-descent step: w ← w − η(g + λw), or with momentum v ← μv − η(g + λw), w ← w + v.
// Plain loops over a Network and a Gradient (spec.ts); the fast Trainer's step is held to this one.

import type { Floats, Gradient, Network } from "./spec.ts";

/** Hyper-parameters of one SGD step. */
export interface StepOptions {
  /** η. */
  readonly learningRate: number;
  /** λ: L2 weight decay, adds λw to each weight's gradient (biases are not decayed). */
  readonly weightDecay?: number;
  /** μ: momentum; velocity v ← μv − η(g + λw), then w ← w + v. */
  readonly momentum?: number;
}

/** Velocity for momentum, shaped like the network's parameters (zero at start). */
export function createVelocity<F extends Floats>(net: Network<F>): Gradient<F> {
  const zeros = (v: F) => v.slice().fill(0) as F;
  return { dw: net.w.map(zeros), db: net.b.map(zeros) };
}

/**
 * The gradient-descent step, in place: w ← w − η(g + λw) for plain SGD, or with momentum μ,
 * v ← μv − η(g + λw), w ← w + v. `velocity` is required when momentum is non-zero.
 */
export function applyGradient<F extends Floats>(
  net: Network<F>,
  grad: Gradient<F>,
  options: StepOptions,
  velocity?: Gradient<F>,
): void {
  const eta = options.learningRate;
  const lambda = options.weightDecay ?? 0;
  const mu = options.momentum ?? 0;
  if (mu !== 0 && !velocity) throw new Error("momentum needs a velocity buffer (createVelocity)");
  const update = (p: F, g: F, v: F | undefined, decay: number) => {
    for (let i = 0; i < p.length; i++) {
      const step = eta * (g[i]! + decay * p[i]!);
      if (v) {
        v[i] = mu * v[i]! - step;
        p[i] = p[i]! + v[i]!;
      } else p[i] = p[i]! - step;
    }
  };
  for (let l = 1; l < net.w.length; l++) {
    update(net.w[l]!, grad.dw[l]!, mu !== 0 ? velocity!.dw[l] : undefined, lambda);
    update(net.b[l]!, grad.db[l]!, mu !== 0 ? velocity!.db[l] : undefined, 0);
  }
}
