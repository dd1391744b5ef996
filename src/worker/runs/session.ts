// A runs worker's logic, free of DOM and worker globals so it runs (and is tested) in Node: trains one network (a
// RunSpec) on MNIST and posts a RunPoint after every `pointEvery` examples: training cost, training accuracy on the
// labels it learns from, test cost and accuracy, and its speed. Training goes in slices of SLICE_MS of `deps.now()`
// with a scheduled pause between, so a stop is read promptly. An augmented run trains each epoch on a fresh
// augmented copy of its images, all on one trainer (setData), so its momentum carries across epochs. When the run
// ends by itself, the trained network goes back with `done`.

import { evaluate, placeImages, Trainer, type PlacedImages, type SparseImages } from "../../engine/fast.ts";
import { checkHyper } from "../../engine/hyper.ts";
import type { MnistSplit } from "../../engine/idx.ts";
import { createNetwork, type Network } from "../../engine/network.ts";
import { augmentSeed, shuffleLabels, type RunPoint, type RunSpec } from "../../engine/runs.ts";
import { loadMnistFromUrl } from "../data.ts";
import { augmentedImages, firstImages } from "./images.ts";
import type { ByType, RunsReply, RunsRequest } from "./protocol.ts";

/** What the session needs from its host. */
export interface RunsDeps {
  readonly fetch: (url: string) => Promise<Response>;
  /** Milliseconds, monotonic (performance.now in the worker). */
  readonly now: () => number;
  /** Runs `fn` after the messages already queued (a macrotask), so a stop is read between slices. */
  readonly schedule: (fn: () => void) => void;
}

/** Longest run of mini-batches, in milliseconds of `deps.now()`, between two reads of the messages. */
export const SLICE_MS = 50;

/** The run's training settings checked against the one table (hyper.ts): a sentence naming each problem, or null. */
function runProblem(run: RunSpec): string | null {
  const { problems } = checkHyper(run.train);
  if (problems.length === 0) return null;
  return `The run “${run.label}” cannot start: ${problems.map((p) => p.message).join("; ")}.`;
}

/** The images of one run. The measured sets are placed in the kernels' memory once, and released at its end. */
interface RunImages {
  /** Training images used: the first trainLimit (or all, if fewer). */
  readonly count: number;
  /** The training split, whose first `count` images an augmented run transforms each epoch. */
  readonly train: MnistSplit;
  /** The labels trained on (shuffled when the run says so), one per training image used. */
  readonly labels: Uint8Array;
  /** The training images used, as they are, with `labels`. */
  readonly plain: SparseImages;
  /** The first trainEval of them, for the training accuracy; null when trainEval is 0. */
  readonly trainEval: PlacedImages | null;
  /** The first testEval test images, true labels. */
  readonly test: PlacedImages;
}

/** The training cost and speed since the last point, and the measurement that starts the next interval. */
class Meter {
  private costSum = 0;
  private costCount = 0;
  private trainMs = 0;
  private examples = 0;

  constructor(private readonly images: RunImages) {}

  /** A mini-batch of m examples whose mean cost before the step was `cost` (skipped when not finite). */
  batch(cost: number, m: number): void {
    if (Number.isFinite(cost)) {
      this.costSum += cost * m;
      this.costCount += m;
    }
    this.examples += m;
  }

  /** `ms` of training time. */
  time(ms: number): void {
    this.trainMs += ms;
  }

  /** The point after `examples` training examples; the next point's interval starts now. */
  measure(net: Network<Float32Array>, examples: number): RunPoint {
    const { images } = this;
    const t = evaluate(net, images.test);
    const tr = images.trainEval ? evaluate(net, images.trainEval) : null;
    const point: RunPoint = {
      examples,
      epoch: examples / images.count,
      trainCost:
        this.costCount > 0
          ? this.costSum / this.costCount
          : (tr?.cost ?? evaluate(net, images.plain, 1000).cost),
      trainAccuracy: tr?.accuracy ?? Number.NaN,
      testCost: t.cost,
      testAccuracy: t.accuracy,
      examplesPerSecond: this.trainMs > 0 ? (this.examples * 1000) / this.trainMs : 0,
    };
    this.costSum = this.costCount = this.trainMs = this.examples = 0;
    return point;
  }
}

/** One run: `handle` each request from the page; replies go to `post`. */
export class RunsSession {
  private started = false;
  private stopped = false;

  constructor(
    private readonly post: (reply: RunsReply) => void,
    private readonly deps: RunsDeps,
  ) {}

  /** The dispatch table: one handler per request type. */
  readonly handlers: ByType<RunsRequest> = {
    start: ({ run, dataUrl }) => void this.start(run, dataUrl),
    stop: () => this.stop(),
  };

  handle(request: RunsRequest): void {
    (this.handlers[request.type] as (r: RunsRequest) => void)(request);
  }

  /** Trains `run` (a session trains one: later starts are ignored); resolves when it ends. Failures post `error`. */
  async start(run: RunSpec, dataUrl: string): Promise<void> {
    if (this.started) return;
    this.started = true;
    try {
      await this.train(run, dataUrl);
    } catch (err) {
      this.post({ type: "error", message: err instanceof Error ? err.message : String(err) });
    }
  }

  /** Ends the run at the next slice; no `done` follows. */
  stop(): void {
    this.stopped = true;
  }

  /** Waits for the messages already queued; whether to go on (no stop among them). */
  private pause(): Promise<boolean> {
    return new Promise((resolve) => this.deps.schedule(() => resolve(!this.stopped)));
  }

  private async train(run: RunSpec, dataUrl: string): Promise<void> {
    const problem = runProblem(run);
    if (problem) throw new Error(problem);
    this.post({ type: "status", text: "downloading MNIST" });
    const images = await this.load(run, dataUrl);
    try {
      if (!this.stopped) await this.trainOn(run, images);
    } finally {
      images.test.release();
      images.trainEval?.release();
    }
  }

  /** Trains one network for the whole run, on one trainer; posts `done` with it when the run ends by itself. */
  private async trainOn(run: RunSpec, images: RunImages): Promise<void> {
    const first = await this.epochImages(run, images, 0);
    if (!first) return;
    const options = { ...run.train, shuffle: true };
    const trainer = new Trainer(createNetwork(run.spec, run.seed), first, options, run.seed);
    try {
      // postMessage copies the network before the trainer lets go of it.
      if (await this.loop(run, images, trainer)) this.post({ type: "done", net: trainer.net });
    } finally {
      trainer.dispose();
    }
  }

  private async load(run: RunSpec, dataUrl: string): Promise<RunImages> {
    const loader = loadMnistFromUrl(dataUrl, this.deps);
    const testSplit = await loader.loadTest();
    const train = await loader.loadTrain();
    const count = Math.min(run.trainLimit, train.count);
    const own = train.labels.subarray(0, count);
    const labels = run.labelSeed === null ? own : shuffleLabels(own, run.labelSeed);
    return {
      count,
      train,
      labels,
      plain: firstImages(train, count, labels),
      trainEval: run.trainEval > 0 ? placeImages(firstImages(train, run.trainEval, labels)) : null,
      test: placeImages(firstImages(testSplit, run.testEval)),
    };
  }

  /** The images of epoch `epoch` (counted from 0): the plain ones, or their augmented copy; null if stopped. */
  private epochImages(run: RunSpec, images: RunImages, epoch: number): Promise<SparseImages | null> {
    if (run.augment === null) return Promise.resolve(images.plain);
    const seed = augmentSeed(run.seed, epoch, images.count);
    return augmentedImages(images.train.pixels, images.labels, run.augment, seed, () => this.pause());
  }

  /** Trains until the run is over or stopped, posting its points; true when it ended by itself. */
  private async loop(run: RunSpec, images: RunImages, trainer: Trainer): Promise<boolean> {
    const meter = new Meter(images);
    const total = run.epochs * images.count;
    const seen = () => trainer.position.examplesSeen;
    // An augmented run's images last one epoch: the trainer stops at the epoch's end for the next epoch's.
    let imagesEpoch = 0;
    const epochOver = () => run.augment !== null && trainer.position.epoch > imagesEpoch;
    this.post({ type: "status", text: "training" });
    this.post({ type: "point", point: meter.measure(trainer.net, 0) });
    let nextPoint = run.pointEvery;
    while (!this.stopped && seen() < total) {
      const until = Math.min(nextPoint, total);
      this.slice(trainer, meter, () => seen() < until && !epochOver());
      if (seen() >= until) {
        this.post({ type: "point", point: meter.measure(trainer.net, seen()) });
        nextPoint += run.pointEvery;
      }
      if (epochOver() && seen() < total) {
        const next = await this.epochImages(run, images, trainer.position.epoch);
        if (!next) return false;
        // The same trainer takes the new images: the network and its momentum carry over.
        trainer.setData(next);
        imagesEpoch = trainer.position.epoch;
      }
      if (!(await this.pause())) return false;
    }
    return !this.stopped;
  }

  /** Trains mini-batches while `more()` holds, for at most SLICE_MS. */
  private slice(trainer: Trainer, meter: Meter, more: () => boolean): void {
    const t0 = this.deps.now();
    let t = t0;
    while (t - t0 < SLICE_MS && more()) {
      const was = trainer.position.examplesSeen;
      const cost = trainer.step();
      meter.batch(cost, trainer.position.examplesSeen - was);
      t = this.deps.now();
    }
    meter.time(t - t0);
  }
}
