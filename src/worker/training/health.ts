// How the worker notices a network that has stopped learning. Divergence (a cost or parameter NaN or infinite) is
// checked by the session after every slice; a collapse, with every value finite, after each test evaluation: test
// accuracy back at chance for a sustained period after it was higher, a hidden ReLU layer whose every neuron is dead
// on the probe images, or outputs pinned at 0 or 1 giving one answer for all. Either way the session pauses and says
// what happened in one sentence, with a smaller learning rate to try.

import { MNIST_CLASSES } from "../../engine/mnist.ts";
import { argmax, depth, forwardAll, hiddenActivation, type Network } from "../../engine/network.ts";

/** A guess's accuracy: one digit in ten. */
export const CHANCE = 1 / MNIST_CLASSES;
/** Below this the network is "at chance": it tells at most a digit or two apart. */
export const AT_CHANCE = 2 * CHANCE;
/** The accuracy a network must have reached for a fall back to chance to count as a collapse. */
export const LEARNED = 0.5;
/** Training time at chance, after having learned, that counts as a collapse (about three evaluations). */
export const COLLAPSE_MS = 5000;
/** An output within this of 0 or 1 is pinned: σ′ or the softmax's slope there is almost 0. */
const PINNED = 1e-3;
/** The share of pinned outputs, and the most distinct answers over the probe images, that mean saturation. */
const SATURATED_SHARE = 0.95;
const SATURATED_ANSWERS = 3;

const percent = (x: number) => `${(x * 100).toFixed(0)}%`;

/** Test accuracy over the evaluations of one network: when it has stayed at chance long after being higher. */
export class CollapseWatch {
  /** The best test accuracy since the network was made, loaded or restored. */
  private best = 0;
  /** Training time (ms) of the first evaluation at chance after having learned; null when not at chance. */
  private chanceSince: number | null = null;

  /** A new network: nothing learned yet. */
  restart(): void {
    this.best = 0;
    this.chanceSince = null;
  }

  /** Starts the time at chance again (after a collapse was reported, a resumed run gets COLLAPSE_MS afresh). */
  forgetChance(): void {
    this.chanceSince = null;
  }

  /** Whether the last evaluations found the network at chance after it had learned (not yet for COLLAPSE_MS). */
  get suspect(): boolean {
    return this.chanceSince !== null;
  }

  /**
   * The accuracy of a test evaluation after `trainingMs` of training: the problem, as a clause, once the network has
   * been at chance for COLLAPSE_MS of training after reaching LEARNED; else null.
   */
  accuracy(accuracy: number, trainingMs: number): string | null {
    if (accuracy >= AT_CHANCE || this.best < LEARNED) {
      this.best = Math.max(this.best, accuracy);
      this.chanceSince = null;
      return null;
    }
    this.chanceSince ??= trainingMs;
    const seconds = (trainingMs - this.chanceSince) / 1000;
    if (seconds * 1000 < COLLAPSE_MS) return null;
    return (
      `the test accuracy has stayed at chance (${percent(accuracy)}) for ${seconds.toFixed(0)} seconds of ` +
      `training after reaching ${percent(this.best)}, so the network no longer tells the digits apart`
    );
  }
}

/**
 * What the probe images (784 input activations each) show about `net`, as a clause, or null: a hidden ReLU layer
 * whose every neuron outputs 0 for every image (no gradient can reach the layers below: they are dead), or outputs
 * pinned at 0 or 1 that give the same answer or two for every image (their gradients vanish: they are saturated).
 */
export function probeProblem(net: Network<Float32Array>, inputs: readonly Float32Array[]): string | null {
  if (inputs.length === 0) return null;
  const L = depth(net.spec);
  const alive = net.spec.sizes.map(() => false);
  const answers = new Set<number>();
  let pinned = 0;
  for (const x of inputs) {
    const { a } = forwardAll(net, x);
    for (let l = 1; l < L; l++) if (!alive[l]) alive[l] = a[l]!.some((v) => v > 0);
    const output = a[L]!;
    for (const v of output) if (v < PINNED || v > 1 - PINNED) pinned++;
    answers.add(argmax(output));
  }
  for (let l = 1; l < L; l++)
    if (hiddenActivation(net.spec, l) === "relu" && !alive[l])
      return (
        `every ReLU neuron of hidden layer ${l} outputs 0 for every test image tried: they are "dead", so no ` +
        `gradient flows back through them and the network can no longer learn`
      );
  const share = pinned / (inputs.length * net.spec.sizes[L]!);
  if (share >= SATURATED_SHARE && answers.size <= SATURATED_ANSWERS)
    return (
      `the output neurons are pinned at 0 or 1 and give the same answer or two for every test image tried: ` +
      `they are saturated, so their gradients vanish and the network can no longer learn`
    );
  return null;
}

/**
 * The checks after each test evaluation of one network: the accuracy rule at once (CollapseWatch), then, in a slice
 * of their own, the probe images (probeProblem) once the network has trained since it was made, loaded or restored.
 */
export class HealthChecks {
  private readonly watch = new CollapseWatch();
  private trained = false;
  /** Training diverged or collapsed and is paused: an evaluation still under way says nothing more. */
  private halted = false;
  /** A divergence or collapse was reported, and no check has found the network healthy since. */
  private failed = false;
  /** The probe checks wait to run. */
  due = false;

  /** A network made, loaded or restored: nothing learned, trained or suspected yet. */
  restart(): void {
    this.watch.restart();
    this.trained = false;
    this.halted = false;
    this.failed = false;
    this.due = false;
  }

  /** The run diverged or collapsed and was paused: nothing more is said until training resumes. */
  halt(): void {
    this.halted = true;
    this.failed = true;
    this.due = false;
    this.watch.forgetChance();
  }

  /** A slice of training ran (after a halt, training resumed: the checks watch afresh). */
  trainedSlice(): void {
    this.trained = true;
    this.halted = false;
  }

  /** Whether the weights are not good: at chance after having learned, or failed and not found healthy since. */
  get suspect(): boolean {
    return this.watch.suspect || this.failed;
  }

  /** A test evaluation's accuracy after `trainingMs` of training: a collapse, or null (the probe checks are due). */
  evaluated(accuracy: number, trainingMs: number): string | null {
    if (this.halted) return null;
    const problem = this.watch.accuracy(accuracy, trainingMs);
    this.due = problem === null && this.trained;
    return problem;
  }

  /** The probe checks: a collapse, or null; `healthy` when the weights may become good. */
  check(
    net: Network<Float32Array>,
    inputs: readonly Float32Array[],
  ): { problem: string | null; healthy: boolean } {
    this.due = false;
    const problem = probeProblem(net, inputs);
    const healthy = problem === null && !this.watch.suspect;
    if (healthy) this.failed = false;
    return { problem, healthy };
  }
}

/**
 * A learning rate worth trying after a divergence or a collapse at `learningRate`: a tenth of it, rounded down to one
 * significant digit (10 → 1, 1.5 → 0.1, 0.05 → 0.005), and at least `min`.
 */
export function smallerLearningRate(learningRate: number, min: number): number {
  const tenth = learningRate / 10;
  const unit = 10 ** Math.floor(Math.log10(tenth));
  return Math.max(min, Number((Math.floor(tenth / unit + 1e-9) * unit).toPrecision(1)));
}

const number = (x: number) => x.toLocaleString("en-US", { maximumSignificantDigits: 6 });

/** The sentence that says training diverged, at which rate and after how many examples, and what to do. */
export function divergedMessage(
  learningRate: number,
  examplesSeen: number,
  problem: string,
  suggestion: number,
): string {
  return (
    `Training diverged at learning rate ${number(learningRate)}: after ${examplesSeen.toLocaleString("en-US")} ` +
    `examples ${problem} — each step overshot the valley and the weights blew up. Lower the learning rate ` +
    `(try ${number(suggestion)}), then restore the last good weights.`
  );
}

/** The sentence that says the network collapsed, at which rate and after how many examples, and what to try. */
export function collapsedMessage(
  learningRate: number,
  examplesSeen: number,
  problem: string,
  suggestion: number,
): string {
  return (
    `The network stopped learning at learning rate ${number(learningRate)}: after ` +
    `${examplesSeen.toLocaleString("en-US")} examples ${problem}. Training is paused. Try a smaller learning ` +
    `rate, such as ${number(suggestion)}, then restore the last good weights.`
  );
}
