// Teaching the network the learner's own digit: one gradient-descent step on that single example at the current
// η (the reference backpropagation and step, network.ts and sgd.ts), its cost before and after, and the weights
// before it kept so the step can be undone.
import { MNIST_CLASSES } from "../../engine/mnist.ts";
import { cloneNetwork, oneHot, traceExample, type Network } from "../../engine/network.ts";
import { applyGradient } from "../../engine/sgd.ts";

/** One step on one example: the new network, the example (x, label) and its cost C₀ before and after. */
export interface Taught {
  readonly net: Network<Float32Array>;
  readonly x: Float32Array;
  readonly label: number;
  readonly costBefore: number;
  readonly costAfter: number;
}

/**
 * w ← w − η ∂C₀/∂w for the example (x, label) alone, on a copy of `net`. Throws for a label that is not a digit.
 */
export function teachStep(net: Network<Float32Array>, x: Float32Array, label: number, eta: number): Taught {
  if (!Number.isInteger(label) || label < 0 || label >= MNIST_CLASSES)
    throw new RangeError(`the label must be a digit 0–9, not ${String(label)}`);
  const y = oneHot(label, MNIST_CLASSES);
  const before = traceExample(net, x, y);
  const next = cloneNetwork(net);
  applyGradient(next, before, { learningRate: eta });
  return { net: next, x, label, costBefore: before.cost, costAfter: traceExample(next, x, y).cost };
}

/** The weights before the last taught step, until the network changes in any other way. */
export class TeachUndo {
  private before: Network<Float32Array> | null = null;

  get canUndo(): boolean {
    return this.before !== null;
  }

  /** A step is about to replace `net`: keep a copy to go back to. */
  keep(net: Network<Float32Array>): void {
    this.before = cloneNetwork(net);
  }

  /** The weights to restore (and forget them), or null when there is nothing to undo. */
  take(): Network<Float32Array> | null {
    const before = this.before;
    this.before = null;
    return before;
  }

  /** The network changed another way (training, a reset, a load): the step can no longer be undone. */
  forget(): void {
    this.before = null;
  }
}
