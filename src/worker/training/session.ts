// The training worker's logic, free of DOM and worker globals so it runs (and is tested) in Node: owns the data,
// the network and its Trainer, trains in ~8 ms slices between commands (a huge mini-batch a part per slice), and
// posts frames, history and errors. It notices a run that diverges or collapses and pauses it. Commands are
// dispatched by one typed table to the session's own methods; nothing outside writes its state.

import { accepts, checkHyper, HYPER_RULES, presetHyper, type Hyper } from "../../engine/hyper.ts";
import type { MnistSplit } from "../../engine/idx.ts";
import { cloneNetwork, type Network } from "../../engine/network.ts";
import { PRESETS } from "../../engine/presets.ts";
import { DataError, loadMnistFromUrl } from "../data.ts";
import { collapsedMessage, divergedMessage, HealthChecks, smallerLearningRate } from "./health.ts";
import { CostHistory } from "./history.ts";
import { firstNonFinite, LastGood } from "./lastGood.ts";
import { startingNetwork, type Built } from "./networks.ts";
import { NextNetwork } from "./nextNetwork.ts";
import { buffersOf, weightsCopy } from "./transfer.ts";
import type { Command, CommandMap, EventMap, Probe } from "./protocol.ts";
import { probeArrays, ProbeState, traceArrays, traceReply } from "./probe.ts";
import { downloadProgress, ExampleRate } from "./progress.ts";
import { TestImages, trainingInk, TrainingRun, type Mode } from "./run.ts";
import { Poster, type Post } from "./poster.ts";

/** Longest run of mini-batches (or of test chunks) before yielding to pending commands, in ms of `deps.now()`. */
export const SLICE_MS = 8;

export type { Post };

/** What the session needs from its host. */
export interface SessionDeps {
  readonly fetch: (url: string) => Promise<Response>;
  /** Milliseconds, monotonic (performance.now in the worker). */
  readonly now: () => number;
  /** Runs `fn` after the messages already queued (a macrotask: MessageChannel or setTimeout 0). */
  readonly schedule: (fn: () => void) => void;
  /** Runs `fn` after `ms` (paced training); setTimeout when not given. */
  readonly delay?: (fn: () => void, ms: number) => void;
}

type Handlers = { readonly [K in keyof CommandMap]: (command: CommandMap[K]) => void };

/**
 * The worker's whole state. `handle` dispatches each command through one typed table; the training loop runs
 * in `deps.schedule`d slices while there is training or an evaluation to do.
 */
export class TrainingSession extends Poster {
  private started = false;
  private seed = PRESETS["3b1b"].seed;
  private readonly hyper: Hyper = presetHyper("3b1b");
  private test: TestImages | null = null;
  /** The network and its training (a Trainer once the training set is in). */
  private readonly run: TrainingRun;
  private readonly probe = new ProbeState();
  private readonly lastGood: LastGood;
  private readonly history = new CostHistory();
  private readonly health = new HealthChecks();
  private readonly rate: ExampleRate;
  /** The network to build before the next slice: the last reset or load asked for. */
  private readonly next = new NextNetwork();
  private frameInFlight = false;
  private changed = false;
  private loopScheduled = false;

  constructor(
    post: Post,
    private readonly deps: SessionDeps,
  ) {
    super(post);
    this.run = new TrainingRun(this.hyper, () => this.seed);
    this.rate = new ExampleRate(deps.now);
    this.lastGood = new LastGood((net) => {
      const weights = weightsCopy(net);
      const transfer = buffersOf([...weights.w, ...weights.b]);
      this.emit("lastGood", { spec: net.spec, weights, origin: this.run.origin }, transfer);
    });
  }

  /** Examples trained on since the network was made (for tests that watch training without frames). */
  get examplesSeen(): number {
    return this.run.examplesSeen;
  }

  private readonly handlers: Handlers = {
    init: (c) => void this.start(c).catch((err: unknown) => this.internalError(err, "init")),
    play: () => this.setMode("playing"),
    pause: () => this.stop("command"),
    step: ({ unit }) => this.setMode(unit === "batch" ? "stepBatch" : "stepEpoch"),
    reset: ({ spec, seed }) => this.replace(this.next.reset(spec, seed), { kind: "spec" }),
    setHyper: ({ hyper }) => this.setHyper(hyper),
    loadModel: ({ text, origin, request }) =>
      this.replace(this.next.load(text, origin, request), { kind: "model", request }),
    ping: ({ id }) => this.emit("pong", { id }),
    setProbe: ({ probe, id }) => {
      this.applyProbe(probe, id);
      this.emitProbed();
    },
    restoreLastGood: () => this.restoreLastGood(),
    setPace: ({ batchesPerSecond }) => this.run.clock.setPace(batchesPerSecond),
    teach: ({ label }) => this.teach(label),
    undoTeach: () => this.teach(null),
    frameDone: () => (this.frameInFlight = false),
    trace: (c) => this.trace(c),
    lastGoodText: ({ id }) => this.emit("lastGoodText", { id, text: this.lastGood.text() }),
  };

  /** Runs one command. Any exception becomes an `error` event of kind "internal"; the session keeps working. */
  handle(command: Command): void {
    const op = (command as { op?: unknown }).op;
    try {
      const run = Object.hasOwn(this.handlers, String(op))
        ? (this.handlers[command.op] as (c: Command) => void)
        : null;
      if (!run) throw new Error(`unknown command ${JSON.stringify(op)}`);
      run(command);
      this.flushFrame();
    } catch (err) {
      this.internalError(err, op);
    }
  }

  /** Loads the test set, then the training set, while the starting network is built; a play or step waits. */
  private async start(cmd: CommandMap["init"]): Promise<void> {
    if (this.started) throw new Error("the session was already started");
    this.started = true;
    this.setHyper(cmd.hyper);
    this.seed = accepts(HYPER_RULES.seed, cmd.seed) ? cmd.seed : HYPER_RULES.seed.default;
    const loader = loadMnistFromUrl(cmd.dataUrl, {
      fetch: this.deps.fetch,
      onProgress: downloadProgress(this.deps.now, (e) => this.emit("progress", e)),
    });
    const modelReady = startingNetwork(cmd.model, cmd.spec, this.seed, this.deps.fetch).then(
      ({ built, problem }) => {
        if (problem) this.emit("error", { kind: "model", recoverable: true, message: problem });
        if (this.run.network || this.next.waiting) return; // a reset or loadModel came first
        if (!built.ok) throw new Error(built.message);
        this.install(built, null, false);
      },
    );
    modelReady.catch(() => {}); // awaited below; this only avoids an unhandled rejection if the data fails first
    try {
      this.setTestSet(await loader.loadTest());
      const train = await loader.loadTrain();
      await modelReady;
      this.run.setTrainingSet(await trainingInk(train, this.deps.schedule));
      this.applyPending();
      this.ensureLoop();
    } catch (err) {
      if (!(err instanceof DataError)) throw err;
      this.emit("error", { kind: "data", recoverable: false, message: err.message });
      return;
    }
    const { trainCount, origin } = this.run;
    this.emit("ready", {
      spec: this.run.network!.spec,
      trainCount,
      testCount: this.test!.split.count,
      origin,
    });
    this.flushFrame();
  }

  /** The test set is in: probes and evaluations work from now on. */
  private setTestSet(split: MnistSplit): void {
    this.test = new TestImages(split);
    this.emit("testReady", { testCount: split.count });
    if (this.probe.probe?.kind === "test") {
      try {
        this.applyProbe(this.probe.probe, this.probe.id);
      } catch (err) {
        this.applyProbe(null, this.probe.id);
        this.internalError(err, "setProbe");
      }
    }
    this.ensureLoop();
    this.flushFrame();
  }

  /** Applies the values the table accepts, keeps the others as they were, and echoes the result. */
  private setHyper(values: Partial<Record<keyof Hyper, unknown>>): void {
    const { accepted, problems } = checkHyper(values);
    Object.assign(this.hyper, accepted);
    this.run.setHyper(accepted);
    this.emit("hyper", { hyper: { ...this.hyper }, problems });
    // The counters show the η in force: a frame says it even while paused.
    if ("learningRate" in accepted || "lrSchedule" in accepted) this.changed = true;
  }

  /**
   * A reset or load was asked for: training stops now, and the network is built before the next slice (a flood of
   * them builds only the last). A `problem` (bad seed, shape or file) is reported and changes nothing.
   */
  private replace(problem: string | null, error: { kind: "spec" | "model"; request?: number }): void {
    if (problem !== null) return this.emit("error", { ...error, recoverable: true, message: problem });
    this.stop("command", false);
    this.ensureLoop();
  }

  /** Builds and installs the network last asked for, if any (before a slice, a restore or a trace). */
  private applyPending(): void {
    const next = this.next.take();
    if (!next) return;
    const { built, request, seed } = next;
    if (!built.ok) return this.emit("error", { kind: "spec", recoverable: true, message: built.message });
    if (seed !== null) this.seed = seed;
    this.install(built, request, true);
  }

  /**
   * A new network, its weights good from the start, the history restarted. One that replaces another (reset,
   * load) is announced by a `network` event (training was stopped when it was asked for); the first by `ready`.
   */
  private install(built: Built & { ok: true }, request: number | null, announce: boolean): void {
    if (announce) this.emit("network", { spec: built.net.spec, origin: built.origin, request });
    this.run.install(built.net, built.origin);
    this.fresh(built.net);
    this.history.restart();
    this.history.requestPoint(0, "full");
    this.ensureLoop();
  }

  /** A network made, loaded or restored: good as it is, nothing learned or suspected yet. */
  private fresh(net: Network<Float32Array>): void {
    this.changed = true;
    this.lastGood.mark(net);
    this.health.restart();
  }

  /** Back to the last good weights; counters carry on, momentum restarts, a point evaluates them. */
  private restoreLastGood(): void {
    this.applyPending();
    const good = this.lastGood.current;
    if (!good) throw new Error("there are no weights to restore yet");
    this.stop("command", false);
    this.run.restore(cloneNetwork(good));
    this.fresh(good);
    this.history.requestPoint(this.run.examplesSeen, "full");
    this.ensureLoop();
  }

  /** Makes `probe` what the frames show; for a loaded test image also posts `testImage`. Throws if invalid. */
  private applyProbe(probe: Probe | null, id: number): void {
    this.probe.set(probe, id, this.test);
    if (probe?.kind === "test" && this.test) {
      const { pixels, label } = this.test.image(probe.index);
      this.emit("testImage", { index: probe.index, pixels, label }, [pixels.buffer]);
    }
    this.changed = true;
  }

  /** Posts the current probe's activations at once (the pad's live prediction), whatever frame is in flight. */
  private emitProbed(): void {
    const net = this.run.network;
    const probe = net && this.probe.activations(net);
    if (net) this.emit("probed", { probe }, buffersOf(probeArrays(probe)));
  }

  private trace({ probe, label, id }: CommandMap["trace"]): void {
    this.applyPending();
    const net = this.run.network;
    const reply = traceReply(net, ProbeState.inputOf(probe, this.test), label);
    if ("message" in reply) return this.emit("error", { kind: "data", recoverable: true, ...reply });
    this.emit("traced", { id, trace: reply.trace }, buffersOf(traceArrays(reply.trace)));
  }

  /** One step on the probe labelled `label`, or (null) the last such step undone; training pauses first. */
  private teach(label: number | null): void {
    this.applyPending();
    this.stop("command");
    const step = label === null ? null : this.run.teach(this.probe.current, label, this.hyper.learningRate);
    if (label === null && !this.run.undoTeach()) throw new Error("there is no taught step to undo");
    this.emit("taught", { step });
    this.changed = true;
  }

  private setMode(mode: Mode): void {
    if (!this.run.setMode(mode)) return;
    if (mode === "paused") this.rate.clear();
    else this.rate.start(this.run.examplesSeen);
    this.changed = true;
    this.ensureLoop();
  }

  /**
   * Stops training and says why; a "command" stop is only reported if training was running. Weights that training
   * stopped at by command or at a step's end are good, unless the network is about to be replaced (`keep` false).
   */
  private stop(reason: EventMap["paused"]["reason"], keep = true): void {
    if (reason === "command" && this.run.mode === "paused") return;
    this.setMode("paused");
    const net = this.run.network;
    const good = reason === "command" || reason === "step";
    if (keep && good && net && !this.health.suspect && firstNonFinite(net) === null) this.lastGood.mark(net);
    this.emit("paused", { reason });
  }

  /** Schedules the next slice if there is a network to build, an evaluation or a check to run, or training to do. */
  private ensureLoop(): void {
    if (this.loopScheduled) return;
    const hasNet = this.run.network !== null;
    const evaluating = this.history.evaluating && this.test !== null && hasNet;
    const other = this.next.waiting || evaluating || (this.health.due && hasNet);
    if (!other && !this.run.canTrain) return;
    this.loopScheduled = true;
    const wait = other ? 0 : this.run.clock.waitMs(this.deps.now()); // paced training waits between batches
    if (wait > 0) (this.deps.delay ?? setTimeout)(() => this.tick(), wait);
    else this.deps.schedule(() => this.tick());
  }

  /**
   * One slice: a network asked for is built first; then a pending evaluation (training waits for it), the health
   * checks after it, or mini-batches.
   */
  private tick(): void {
    this.loopScheduled = false;
    let op = "train";
    try {
      this.applyPending();
      const net = this.run.network;
      if (this.history.evaluating && this.test && net) {
        op = "evaluate";
        const point = this.history.evaluateSlice(net, this.test.chunks, this.deps.now, SLICE_MS);
        const problem = point && this.health.evaluated(point.testAccuracy!, this.history.trainingMs);
        if (problem) this.stopLearning("collapsed", problem);
        this.changed ||= this.history.hasNew;
      } else if (this.health.due && this.test && net) {
        op = "check";
        const { problem, healthy } = this.health.check(net, this.test.probeInputs());
        if (problem) this.stopLearning("collapsed", problem);
        else if (healthy) this.lastGood.healthy(net, this.deps.now());
      } else if (this.run.canTrain) this.trainSlice();
    } catch (err) {
      this.history.cancelEvaluation();
      this.health.due = false;
      this.stop("command");
      this.internalError(err, op);
    }
    this.flushFrame();
    this.ensureLoop();
  }

  /** Mini-batches for ~SLICE_MS ms (or to the end of a step or epoch), then the checks and the history. */
  private trainSlice(): void {
    const start = this.deps.now();
    const onCost = (cost: number, examples: number, learningRate: number) =>
      this.history.addCost(cost, examples, learningRate);
    const slice =
      this.run.clock.pace === null
        ? this.run.slice(this.deps.now, SLICE_MS, onCost, this.history.nextSampleAt)
        : this.run.pacedSlice(this.deps.now, onCost);
    this.changed = true;
    this.health.trainedSlice();
    this.rate.add(slice.t, this.run.examplesSeen);
    const { steps, badCost } = slice;
    const problem =
      badCost !== null
        ? `the cost became ${Number.isNaN(badCost) ? "NaN" : "infinite"}`
        : steps > 0
          ? firstNonFinite(this.run.network!)
          : null;
    if (problem) {
      this.stopLearning("diverged", problem);
      return;
    }
    if (steps > 0) this.lastGood.roll(slice.t);
    const { examplesSeen } = this.run;
    this.history.afterSlice(slice.t - start, steps, examplesSeen, slice.stepDone, slice.epochEnded);
    if (slice.stepDone) this.stop("step");
  }

  /** Training diverged or collapsed: pause, say what happened and suggest a smaller rate (the last good weights stay). */
  private stopLearning(kind: "diverged" | "collapsed", problem: string): void {
    const { learningRate } = this.hyper;
    const suggestedLearningRate = smallerLearningRate(learningRate, HYPER_RULES.learningRate.min);
    const says = kind === "diverged" ? divergedMessage : collapsedMessage;
    const message = says(learningRate, this.run.examplesSeen, problem, suggestedLearningRate);
    this.emit("error", { kind, recoverable: true, message, suggestedLearningRate });
    this.lastGood.dropCandidate();
    this.health.halt();
    this.stop(kind);
  }

  /** Posts a frame if something changed and none is in flight: stats, weight copies, probe, new history. */
  private flushFrame(): void {
    const net = this.run.network;
    if (this.frameInFlight || !(this.changed || this.history.hasNew) || !net) return;
    const weights = weightsCopy(net);
    const probe = this.probe.activations(net);
    const stats = this.run.stats(this.rate);
    const batch = this.run.takeShown();
    const transfer = buffersOf([
      ...weights.w,
      ...weights.b,
      ...probeArrays(probe),
      batch?.pixels,
      batch?.labels,
    ]);
    this.emit("frame", { stats, weights, probe, history: this.history.take(), batch }, transfer);
    this.frameInFlight = true;
    this.changed = false;
  }
}
