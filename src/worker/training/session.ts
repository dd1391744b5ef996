// The training worker's logic, free of DOM and worker globals so it runs (and is tested) in Node: owns the data,
// the network and its Trainer, trains in ~8 ms slices between commands, and posts frames, history and errors.
// Commands are dispatched by one typed table to the session's own methods; nothing outside writes its state.

import { checkHyper, HYPER_RULES, accepts, problemWith, type Hyper } from "../../engine/hyper.ts";
import type { MnistSplit } from "../../engine/idx.ts";
import { cloneNetwork } from "../../engine/network.ts";
import { PRESETS } from "../../engine/presets.ts";
import { DataError, loadMnistFromUrl } from "../data.ts";
import type { ModelOrigin } from "../models.ts";
import { CostHistory } from "./history.ts";
import { firstNonFinite, LastGood } from "./lastGood.ts";
import {
  divergedMessage,
  freshNetwork,
  networkFromText,
  sourceName,
  startingNetwork,
  type Built,
} from "./networks.ts";
import type { Command, CommandMap, EventMap, Probe, TrainingStats, WorkerEvent } from "./protocol.ts";
import { ProbeState, traceArrays, traceOf } from "./probe.ts";
import { ExampleRate, TestImages, TrainingRun, type Mode } from "./run.ts";

/** Longest run of mini-batches (or of test chunks) before yielding to pending commands, in ms of `deps.now()`. */
export const SLICE_MS = 8;
/** Least time between two download progress events. */
const PROGRESS_MS = 50;

/** Sends an event to the main thread, transferring the listed buffers. */
export type Post = (event: WorkerEvent, transfer: Transferable[]) => void;

/** What the session needs from its host. */
export interface SessionDeps {
  readonly fetch: (url: string) => Promise<Response>;
  /** Milliseconds, monotonic (performance.now in the worker). */
  readonly now: () => number;
  /** Runs `fn` after the messages already queued (a macrotask: MessageChannel or setTimeout 0). */
  readonly schedule: (fn: () => void) => void;
}

type Handlers = { readonly [K in keyof CommandMap]: (command: CommandMap[K]) => void };

/**
 * The worker's whole state. `handle` dispatches each command through one typed table; the training loop runs
 * in `deps.schedule`d slices while there is training or an evaluation to do.
 */
export class TrainingSession {
  private started = false;
  private seed = PRESETS["3b1b"].seed;
  private readonly hyper: Hyper = { ...PRESETS["3b1b"].train };
  private test: TestImages | null = null;
  /** The network and its training (a Trainer once the training set is in). */
  private readonly run: TrainingRun;
  private readonly probe = new ProbeState();
  private readonly lastGood: LastGood;
  private readonly history = new CostHistory();
  private readonly rate: ExampleRate;
  private frameInFlight = false;
  private changed = false;
  private loopScheduled = false;
  private lastProgress = { phase: "", t: Number.NEGATIVE_INFINITY };

  constructor(
    private readonly post: Post,
    private readonly deps: SessionDeps,
  ) {
    this.run = new TrainingRun(this.hyper, () => this.seed);
    this.rate = new ExampleRate(deps.now);
    this.lastGood = new LastGood((net) => {
      const weights = { w: net.w.map((v) => v.slice()), b: net.b.map((v) => v.slice()) };
      const arrays = [...weights.w, ...weights.b];
      this.emit("lastGood", { spec: net.spec, weights, origin: this.run.origin }, buffersOf(arrays));
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
    reset: ({ spec, seed }) => this.reset(spec, seed),
    setHyper: ({ hyper }) => this.setHyper(hyper),
    loadModel: ({ text, origin, request }) => this.loadModel(text, origin, request),
    setProbe: ({ probe, id }) => {
      this.applyProbe(probe, id);
      this.emitProbed();
    },
    restoreLastGood: () => this.restoreLastGood(),
    frameDone: () => (this.frameInFlight = false),
    trace: (c) => this.trace(c),
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

  private emit<K extends keyof EventMap>(type: K, payload: EventMap[K], transfer: Transferable[] = []): void {
    this.post({ type, ...payload } as WorkerEvent, transfer);
  }

  /** Reports an unexpected exception as one plain sentence. */
  private internalError(err: unknown, op: unknown): void {
    const why = (err instanceof Error ? err.message : String(err)).replace(/\.$/, "");
    this.emit("error", {
      kind: "internal",
      recoverable: true,
      message: `The training worker ran into a problem while handling "${String(op)}": ${why}.`,
    });
  }

  /** Loads the test set, then the training set, while the starting network is built; a play or step waits. */
  private async start(cmd: CommandMap["init"]): Promise<void> {
    if (this.started) throw new Error("the session was already started");
    this.started = true;
    this.setHyper(cmd.hyper);
    this.seed = accepts(HYPER_RULES.seed, cmd.seed) ? cmd.seed : HYPER_RULES.seed.default;
    const loader = loadMnistFromUrl(cmd.dataUrl, {
      fetch: this.deps.fetch,
      onProgress: (phase, loaded, total) => this.progress(phase, loaded, total),
    });
    const modelReady = startingNetwork(cmd.model, cmd.spec, this.seed, this.deps.fetch).then(
      ({ built, problem }) => {
        if (problem) this.emit("error", { kind: "model", recoverable: true, message: problem });
        if (this.run.network) return; // a reset or loadModel came first
        if (!built.ok) throw new Error(built.message);
        this.install(built, null, false);
      },
    );
    modelReady.catch(() => {}); // awaited below; this only avoids an unhandled rejection if the data fails first
    try {
      this.setTestSet(await loader.loadTest());
      const train = await loader.loadTrain();
      await modelReady;
      this.run.setTrainingSet(train);
      this.ensureLoop();
    } catch (err) {
      if (!(err instanceof DataError)) throw err;
      this.emit("error", { kind: "data", recoverable: false, message: err.message });
      return;
    }
    const net = this.run.network!;
    this.emit("ready", {
      spec: net.spec,
      trainCount: this.run.trainCount,
      testCount: this.test!.split.count,
      origin: this.run.origin,
    });
    this.flushFrame();
  }

  /** Download progress, at most one event per PROGRESS_MS except at the start and end of a phase. */
  private progress(phase: "test" | "train", loaded: number, total: number): void {
    const t = this.deps.now();
    const edge = loaded === 0 || loaded === total || phase !== this.lastProgress.phase;
    if (!edge && t - this.lastProgress.t < PROGRESS_MS) return;
    this.lastProgress = { phase, t };
    this.emit("progress", { phase, loaded, total });
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
  }

  private reset(spec: CommandMap["reset"]["spec"], seed: number): void {
    if (!accepts(HYPER_RULES.seed, seed)) {
      this.emit("error", {
        kind: "spec",
        recoverable: true,
        message: `Cannot reset: ${problemWith("seed", seed)}.`,
      });
      return;
    }
    const built = freshNetwork(spec, seed);
    if (!built.ok) {
      this.emit("error", { kind: "spec", recoverable: true, message: built.message });
      return;
    }
    this.seed = seed;
    this.install(built, null, true);
  }

  private loadModel(text: string, origin: ModelOrigin, request: number): void {
    const built = networkFromText(text, origin, sourceName(origin));
    if (!built.ok) {
      this.emit("error", { kind: "model", recoverable: true, message: built.message, request });
      return;
    }
    this.install(built, request, true);
  }

  /**
   * A new network, its weights good from the start, the history restarted. One that replaces another (reset,
   * load, `replace`) stops training and is announced by a `network` event; the first is announced by `ready`.
   */
  private install(built: Built & { ok: true }, request: number | null, replace: boolean): void {
    if (replace) {
      this.stop("command", false);
      this.emit("network", { spec: built.net.spec, origin: built.origin, request });
    }
    this.run.install(built.net, built.origin);
    this.changed = true;
    this.lastGood.mark(built.net, this.deps.now());
    this.history.restart();
    this.history.requestPoint(0, true);
    this.ensureLoop();
  }

  /** Back to the last good weights; counters carry on, momentum restarts, a point evaluates them. */
  private restoreLastGood(): void {
    const good = this.lastGood.current;
    if (!good) throw new Error("there are no weights to restore yet");
    this.stop("command", false);
    this.run.restore(cloneNetwork(good));
    this.changed = true;
    this.lastGood.mark(good, this.deps.now());
    this.history.requestPoint(this.run.examplesSeen, true);
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
    if (!net) return;
    const probe = this.probe.activations(net);
    this.emit("probed", { probe }, probe ? buffersOf([...probe.z, ...probe.a]) : []);
  }

  private trace({ probe, label, id }: CommandMap["trace"]): void {
    const net = this.run.network;
    const x = ProbeState.inputOf(probe, this.test);
    if (net && x) {
      const trace = traceOf(net, x, label);
      this.emit("traced", { id, trace }, buffersOf(traceArrays(trace)));
      return;
    }
    const what = net ? "test images are" : "network is";
    const message = `The ${what} still loading; try again in a moment.`;
    this.emit("error", { kind: "data", recoverable: true, message });
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
    if (keep && reason !== "diverged" && net && firstNonFinite(net) === null)
      this.lastGood.mark(net, this.deps.now());
    this.emit("paused", { reason });
  }

  /** Schedules the next slice if there is training or an evaluation to do. */
  private ensureLoop(): void {
    if (this.loopScheduled) return;
    const evaluating = this.history.evaluating && this.test !== null && this.run.network !== null;
    if (!evaluating && !this.run.canTrain) return;
    this.loopScheduled = true;
    this.deps.schedule(() => this.tick());
  }

  /** One slice: a pending evaluation goes first (training waits for it), then mini-batches. */
  private tick(): void {
    this.loopScheduled = false;
    const evaluating = this.history.evaluating && this.test !== null;
    try {
      const net = this.run.network;
      if (evaluating && net) {
        this.history.evaluateSlice(net, this.test!.chunks, this.deps.now, SLICE_MS);
        this.changed ||= this.history.hasNew;
      } else if (this.run.canTrain) this.trainSlice();
    } catch (err) {
      this.history.cancelEvaluation();
      this.stop("command");
      this.internalError(err, evaluating ? "evaluate" : "train");
    }
    this.flushFrame();
    this.ensureLoop();
  }

  /** Mini-batches for ~SLICE_MS ms (or to the end of a step or epoch), then the checks and the history. */
  private trainSlice(): void {
    const start = this.deps.now();
    const slice = this.run.slice(this.deps.now, SLICE_MS, (cost, examples) =>
      this.history.addCost(cost, examples),
    );
    this.changed = true;
    this.rate.add(slice.t, this.run.examplesSeen);
    const net = this.run.network!;
    const problem =
      slice.badCost === null
        ? firstNonFinite(net)
        : `the cost became ${Number.isNaN(slice.badCost) ? "NaN" : "infinite"}`;
    if (problem) {
      this.diverge(problem);
      return;
    }
    this.lastGood.roll(net, slice.t);
    this.history.afterSlice(slice.t - start, this.run.examplesSeen, slice.stepDone, slice.epochEnded);
    if (slice.stepDone) this.stop("step");
  }

  private diverge(problem: string): void {
    const message = divergedMessage(this.hyper.learningRate, this.run.examplesSeen, problem);
    this.emit("error", { kind: "diverged", recoverable: true, message });
    this.lastGood.dropCandidate();
    this.stop("diverged");
  }

  /** Posts a frame if something changed and none is in flight: stats, weight copies, probe, new history. */
  private flushFrame(): void {
    const net = this.run.network;
    if (this.frameInFlight || !(this.changed || this.history.hasNew) || !net) return;
    const weights = { w: net.w.map((v) => v.slice()), b: net.b.map((v) => v.slice()) };
    const probe = this.probe.activations(net);
    const running = this.run.mode !== "paused";
    const stats: TrainingStats = {
      epoch: this.run.epoch,
      origin: this.run.origin,
      examplesSeen: this.run.examplesSeen,
      examplesPerSecond: running ? this.rate.perSecond() : 0,
      trainCost: this.run.takeFrameCost(),
      running,
    };
    const arrays = [...weights.w, ...weights.b, ...(probe ? [...probe.z, ...probe.a] : [])];
    this.emit("frame", { stats, weights, probe, history: this.history.take() }, buffersOf(arrays));
    this.frameInFlight = true;
    this.changed = false;
  }
}

/** The distinct buffers of some typed arrays, for a transfer list (a buffer listed twice is an error). */
export function buffersOf(arrays: readonly ArrayBufferView[]): ArrayBuffer[] {
  return [...new Set(arrays.map((v) => v.buffer as ArrayBuffer))];
}
