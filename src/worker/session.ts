// The training worker's logic, free of DOM and worker globals so it runs (and is tested) in Node: owns the data,
// the network and its Trainer, trains in ~8 ms slices between commands, and posts frames, history and errors.
// `handle` dispatches each command to its file under ops/; this file holds the state and the loop they share.

import { evaluate, toSparse, Trainer, type SparseImages } from "../engine/fast.ts";
import { MNIST_SIDE, type MnistSplit } from "../engine/idx.ts";
import { cloneNetwork, forwardAll, type Network } from "../engine/network.ts";
import { PRESETS } from "../engine/presets.ts";
import { frameDone } from "./ops/frameDone.ts";
import { init } from "./ops/init.ts";
import { loadModel } from "./ops/loadModel.ts";
import { pause } from "./ops/pause.ts";
import { play } from "./ops/play.ts";
import { reset } from "./ops/reset.ts";
import { restoreLastGood } from "./ops/restoreLastGood.ts";
import { setHyper } from "./ops/setHyper.ts";
import { setProbe } from "./ops/setProbe.ts";
import { step } from "./ops/step.ts";
import { trace } from "./ops/trace.ts";
import type {
  Command,
  EventMap,
  HistoryPoint,
  Hyper,
  Probe,
  TrainingStats,
  WorkerEvent,
} from "./protocol.ts";

/** Pixels per image: the network's input size. */
export const INPUTS = MNIST_SIDE * MNIST_SIDE;
/** Digits: the network's output size. */
export const DIGITS = 10;

/** Time budgets in milliseconds of `deps.now()`. "Training time" counts only time spent in mini-batches. */
export const TIMING = {
  /** Longest run of mini-batches (or of test chunks) before yielding to pending commands. */
  slice: 8,
  /** Training time between cost-curve points. */
  point: 250,
  /** Training time between evaluations on the test set. */
  evaluation: 2000,
  /** Least wall time between "last good" snapshots. */
  snapshot: 1000,
  /** Window of the examples-per-second rate. */
  rate: 1000,
  /** Least time between two download progress events. */
  progress: 50,
} as const;

/** Test images per evaluation chunk: fast.ts's own batch, so chunking adds almost nothing. */
const EVAL_CHUNK = 100;

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

/** What the session does between commands. "stepEpoch" trains until the current epoch ends. */
export type Mode = "paused" | "playing" | "stepBatch" | "stepEpoch";

/** The test set with its ink split into chunks of EVAL_CHUNK images, evaluated a few per slice. */
export interface TestSet {
  readonly split: MnistSplit;
  readonly chunks: readonly SparseImages[];
}

/** A cost-curve point waiting for its test evaluation, which runs chunk by chunk while training waits. */
interface PendingEvaluation {
  readonly point: { readonly examplesSeen: number; readonly trainCost: number };
  next: number;
  cost: number;
  correct: number;
  count: number;
}

/** A running mean of batch costs, weighted by batch size. */
class MeanCost {
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

/**
 * The worker's whole state. Ops (src/worker/ops/) read and change it through the public fields and methods;
 * the training loop runs in `deps.schedule`d slices while `mode` is not "paused" or an evaluation is pending.
 */
export class TrainingSession {
  /** Set by init; a second init is refused. */
  started = false;
  /** Seed of the current network's initial weights and of the training order. */
  seed = PRESETS["3b1b"].seed;
  /** η, m, λ, μ as last set; copied into every new Trainer. */
  readonly hyper: Hyper = { ...PRESETS["3b1b"].train };
  /** Where the weights came from, as shown to the user ("untrained, seed 1"). */
  source = "";
  test: TestSet | null = null;
  train: SparseImages | null = null;
  /** Owns the network once the training set is in; read its weights through `network`. */
  trainer: Trainer | null = null;
  mode: Mode = "paused";
  /** The epoch that ends a "stepEpoch" (set at its first slice). */
  private epochTarget: number | null = null;
  private probe: Probe | null = null;
  private probeId = 0;
  /** The probe's 784 input activations (0…1), null until a test probe's image is loaded. */
  private probeInput: Float32Array | null = null;
  /**
   * The weights restoreLastGood returns to: a copy that training then ran past for at least TIMING.snapshot ms
   * with every cost and parameter finite (a copy taken just before a blow-up may already be huge).
   */
  lastGood: Network<Float32Array> | null = null;

  /** The network before the training set arrives (the trainer takes it over then). */
  private looseNet: Network<Float32Array> | null = null;
  /** The latest copy, promoted to lastGood when the next one is taken; dropped on divergence. */
  private candidate: Network<Float32Array> | null = null;
  private candidateAt = Number.NEGATIVE_INFINITY;
  private frameInFlight = false;
  private changed = false;
  private history: HistoryPoint[] = [];
  private readonly frameCost = new MeanCost();
  private readonly pointCost = new MeanCost();
  private trainMs = 0;
  private lastPointMs = 0;
  private lastEvalMs = 0;
  private evaluation: PendingEvaluation | null = null;
  /** (time, examples seen) after recent slices, for the rate. */
  private rate: { t: number; seen: number }[] = [];
  private loopScheduled = false;
  private lastProgress = { phase: "", t: Number.NEGATIVE_INFINITY };

  constructor(
    private readonly post: Post,
    readonly deps: SessionDeps,
  ) {}

  /** Runs one command. Any exception becomes an `error` event of kind "internal"; the session keeps working. */
  handle(command: Command): void {
    try {
      switch (command.op) {
        case "init":
          init(this, command).catch((err: unknown) => this.internalError(err, "init"));
          break;
        case "play":
          play(this);
          break;
        case "pause":
          pause(this);
          break;
        case "step":
          step(this, command);
          break;
        case "reset":
          reset(this, command);
          break;
        case "setHyper":
          setHyper(this, command);
          break;
        case "loadModel":
          loadModel(this, command);
          break;
        case "setProbe":
          setProbe(this, command);
          break;
        case "restoreLastGood":
          restoreLastGood(this);
          break;
        case "frameDone":
          frameDone(this);
          break;
        case "trace":
          trace(this, command);
          break;
        default:
          throw new Error(`unknown command ${JSON.stringify((command as { op?: unknown }).op)}`);
      }
    } catch (err) {
      this.internalError(err, (command as { op?: unknown }).op);
    }
  }

  emit<K extends keyof EventMap>(type: K, payload: EventMap[K], transfer: Transferable[] = []): void {
    this.post({ type, ...payload } as WorkerEvent, transfer);
  }

  /** Reports an unexpected exception as one plain sentence. */
  internalError(err: unknown, op: unknown): void {
    const why = (err instanceof Error ? err.message : String(err)).replace(/\.$/, "");
    this.emit("error", {
      kind: "internal",
      recoverable: true,
      message: `The training worker ran into a problem while handling "${String(op)}": ${why}.`,
    });
  }

  /** Download progress, at most one event per TIMING.progress ms except at the start and end of a phase. */
  progress(phase: "test" | "train", loaded: number, total: number): void {
    const t = this.deps.now();
    const edge = loaded === 0 || loaded === total || phase !== this.lastProgress.phase;
    if (!edge && t - this.lastProgress.t < TIMING.progress) return;
    this.lastProgress = { phase, t };
    this.emit("progress", { phase, loaded, total });
  }

  /** The current network: the trainer's (with layer 1 copied out of WebAssembly memory) or the loose one. */
  get network(): Network<Float32Array> | null {
    return this.trainer ? this.trainer.net : this.looseNet;
  }

  get examplesSeen(): number {
    return this.trainer?.position.examplesSeen ?? 0;
  }

  // ── Data ────────────────────────────────────────────────────────────────────────────────────────────────────

  /** The test set is in: probes and evaluations work from now on. */
  setTestSet(split: MnistSplit): void {
    const sparse = toSparse({ count: split.count, size: INPUTS, pixels: split.pixels, labels: split.labels });
    this.test = { split, chunks: chunkImages(sparse, EVAL_CHUNK) };
    this.emit("testReady", { testCount: split.count });
    if (this.probe?.kind === "test") {
      try {
        this.applyProbe(this.probe, this.probeId);
      } catch (err) {
        this.applyProbe(null, this.probeId);
        this.internalError(err, "setProbe");
      }
    }
    this.ensureLoop();
    this.flushFrame();
  }

  /** The training set is in: a Trainer takes over the network (a queued play or step starts now). */
  setTrainingSet(split: MnistSplit): void {
    this.train = toSparse({ count: split.count, size: INPUTS, pixels: split.pixels, labels: split.labels });
    if (this.looseNet) this.installNetwork(this.looseNet);
    this.ensureLoop();
  }

  // ── Network ─────────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Makes `net` the current network (taken over, not copied), under a new Trainer once the training set is in.
   * `keepPosition` carries the epoch and example counters over (restoring); otherwise they restart at 0.
   */
  installNetwork(net: Network<Float32Array>, keepPosition = false): void {
    const old = this.trainer;
    if (this.train) {
      this.trainer = new Trainer(net, this.train, { ...this.hyper, shuffle: true }, this.seed);
      if (old && keepPosition) Object.assign(this.trainer.position, old.position);
      this.looseNet = null;
    } else this.looseNet = net;
    old?.dispose();
    this.changed = true;
  }

  /** A new network from reset or a loaded model: training stops, the history restarts, `network` is posted. */
  replaceNetwork(net: Network<Float32Array>, source: string): void {
    this.stop("command");
    this.installNetwork(net);
    this.source = source;
    this.emit("network", { spec: net.spec, source });
    this.markGood();
    this.restartHistory();
    this.flushFrame();
  }

  /** The current weights are good (a new, loaded or restored network): they become lastGood at once. */
  markGood(): void {
    const net = this.network;
    if (!net) return;
    this.lastGood = cloneNetwork(net);
    this.candidate = null;
    this.candidateAt = this.deps.now();
  }

  /** During training, once per TIMING.snapshot ms: the previous copy has proved good; take a new one. */
  private rollSnapshot(t: number): void {
    if (t - this.candidateAt < TIMING.snapshot) return;
    if (this.candidate) this.lastGood = this.candidate;
    this.candidate = cloneNetwork(this.network!);
    this.candidateAt = t;
  }

  // ── Probe ───────────────────────────────────────────────────────────────────────────────────────────────────

  /** The 784 input activations of a probe; null for a test image before the test set is in. Throws if invalid. */
  inputOf(probe: Probe): Float32Array | null {
    if (probe.kind === "pixels") {
      if (probe.pixels.length !== INPUTS)
        throw new RangeError(`a drawn image must have ${INPUTS} pixels, not ${probe.pixels.length}`);
      return Float32Array.from(probe.pixels);
    }
    if (!this.test) return null;
    const { count, pixels } = this.test.split;
    if (!Number.isInteger(probe.index) || probe.index < 0 || probe.index >= count)
      throw new RangeError(`there is no test image ${probe.index} (they are numbered 0 to ${count - 1})`);
    return Float32Array.from(
      pixels.subarray(probe.index * INPUTS, (probe.index + 1) * INPUTS),
      (p) => p / 255,
    );
  }

  /** Makes `probe` what the frames show; for a loaded test image also posts `testImage`. Throws if invalid. */
  applyProbe(probe: Probe | null, id: number): void {
    const input = probe ? this.inputOf(probe) : null;
    this.probe = probe;
    this.probeId = id;
    this.probeInput = input;
    if (probe?.kind === "test" && this.test) {
      const { pixels, labels } = this.test.split;
      const image = pixels.slice(probe.index * INPUTS, (probe.index + 1) * INPUTS);
      this.emit("testImage", { index: probe.index, pixels: image, label: labels[probe.index]! }, [
        image.buffer,
      ]);
    }
    this.changed = true;
  }

  // ── Training loop ───────────────────────────────────────────────────────────────────────────────────────────

  setMode(mode: Mode): void {
    if (mode === this.mode) return;
    const wasRunning = this.mode !== "paused";
    this.mode = mode;
    this.epochTarget = null;
    if (mode === "paused") this.rate = [];
    else if (!wasRunning) this.rate = [{ t: this.deps.now(), seen: this.examplesSeen }];
    this.changed = true;
    this.ensureLoop();
  }

  /** Stops training and says why; a "command" stop is only reported if training was running. */
  stop(reason: EventMap["paused"]["reason"]): void {
    if (reason === "command" && this.mode === "paused") return;
    this.setMode("paused");
    this.emit("paused", { reason });
  }

  /** Schedules the next slice if there is training or an evaluation to do. */
  ensureLoop(): void {
    if (this.loopScheduled) return;
    const evaluating = this.evaluation !== null && this.test !== null && this.network !== null;
    const training = this.mode !== "paused" && this.trainer !== null;
    if (!evaluating && !training) return;
    this.loopScheduled = true;
    this.deps.schedule(() => this.tick());
  }

  /** One slice: a pending evaluation goes first (training waits for it), then mini-batches. */
  private tick(): void {
    this.loopScheduled = false;
    try {
      const net = this.network;
      if (this.evaluation && this.test && net) this.evaluateSlice(this.evaluation, this.test, net);
      else if (this.mode !== "paused" && this.trainer) this.trainSlice(this.trainer);
    } catch (err) {
      const during = this.evaluation ? "evaluate" : "train";
      this.evaluation = null;
      this.stop("command");
      this.internalError(err, during);
    }
    this.flushFrame();
    this.ensureLoop();
  }

  /** Mini-batches for ~TIMING.slice ms (or to the end of a step or epoch), then the checks and the history. */
  private trainSlice(trainer: Trainer): void {
    const pos = trainer.position;
    if (this.mode === "stepEpoch") this.epochTarget ??= pos.epoch + 1;
    const start = this.deps.now();
    let t: number;
    let badCost: number | null = null;
    let epochEnded = false;
    let stepDone = false;
    do {
      const seen = pos.examplesSeen;
      const epoch = pos.epoch;
      const cost = trainer.step();
      t = this.deps.now();
      if (!Number.isFinite(cost)) {
        badCost = cost;
        break;
      }
      this.frameCost.add(cost, pos.examplesSeen - seen);
      this.pointCost.add(cost, pos.examplesSeen - seen);
      epochEnded = pos.epoch !== epoch;
      stepDone =
        this.mode === "stepBatch" || (this.mode === "stepEpoch" && pos.epoch >= (this.epochTarget ?? 0));
    } while (!epochEnded && !stepDone && t - start < TIMING.slice);
    this.trainMs += t - start;
    this.changed = true;
    this.rate.push({ t, seen: pos.examplesSeen });
    while (this.rate.length > 2 && this.rate[1]!.t <= t - TIMING.rate) this.rate.shift();

    const problem =
      badCost === null
        ? firstNonFinite(trainer.net)
        : `the cost became ${Number.isNaN(badCost) ? "NaN" : "infinite"}`;
    if (problem) {
      this.diverge(problem);
      return;
    }
    this.rollSnapshot(t);
    // Evaluate every ~2 s of training and at the end of a step; an epoch's end only forces one after a
    // quarter of that, since a small network's epoch takes well under a second and evaluating costs ~0.1 s.
    const sinceEval = this.trainMs - this.lastEvalMs;
    const evalDue =
      stepDone || sinceEval >= TIMING.evaluation || (epochEnded && sinceEval >= TIMING.evaluation / 4);
    if (evalDue || this.trainMs - this.lastPointMs >= TIMING.point) this.requestPoint(evalDue);
    if (stepDone) this.stop("step");
  }

  private diverge(problem: string): void {
    const eta = this.hyper.learningRate.toLocaleString("en-US", { maximumSignificantDigits: 6 });
    const seen = this.examplesSeen.toLocaleString("en-US");
    this.emit("error", {
      kind: "diverged",
      recoverable: true,
      message:
        `Training diverged at learning rate ${eta}: after ${seen} examples ${problem} — each step overshot ` +
        `the valley and the weights blew up. Lower the learning rate, then restore the last good weights.`,
    });
    this.candidate = null;
    this.stop("diverged");
  }

  // ── History ─────────────────────────────────────────────────────────────────────────────────────────────────

  /** Counters and cost curve start again, with a first point evaluating the current network. */
  restartHistory(): void {
    this.history = [];
    this.evaluation = null;
    this.frameCost.take();
    this.pointCost.take();
    this.trainMs = this.lastPointMs = this.lastEvalMs = 0;
    this.requestPoint(true);
  }

  /**
   * Closes the current cost-curve point (mean training cost since the last one). With `withEval` the point
   * waits for a test-set evaluation of the current network, which runs in slices before training resumes.
   */
  requestPoint(withEval: boolean): void {
    const point = { examplesSeen: this.examplesSeen, trainCost: this.pointCost.take() };
    this.lastPointMs = this.trainMs;
    if (!withEval) {
      this.addPoint({ ...point, testCost: null, testAccuracy: null });
      return;
    }
    if (this.evaluation) this.addPoint({ ...this.evaluation.point, testCost: null, testAccuracy: null });
    this.lastEvalMs = this.trainMs;
    this.evaluation = { point, next: 0, cost: 0, correct: 0, count: 0 };
    this.ensureLoop();
  }

  private addPoint(point: HistoryPoint): void {
    this.history.push(point);
    this.changed = true;
  }

  /** Test chunks for ~TIMING.slice ms; the point goes out when the last chunk is done. */
  private evaluateSlice(ev: PendingEvaluation, test: TestSet, net: Network<Float32Array>): void {
    const start = this.deps.now();
    do {
      const r = evaluate(net, test.chunks[ev.next]!);
      ev.cost += r.cost * r.count;
      ev.correct += r.correct;
      ev.count += r.count;
      ev.next++;
    } while (ev.next < test.chunks.length && this.deps.now() - start < TIMING.slice);
    if (ev.next < test.chunks.length) return;
    this.evaluation = null;
    this.addPoint({ ...ev.point, testCost: ev.cost / ev.count, testAccuracy: ev.correct / ev.count });
  }

  // ── Frames ──────────────────────────────────────────────────────────────────────────────────────────────────

  /** The main thread painted the last frame. */
  frameAcknowledged(): void {
    this.frameInFlight = false;
    this.flushFrame();
  }

  /** Posts the current probe's activations at once (the pad's live prediction), whatever frame is in flight. */
  emitProbed(): void {
    const net = this.network;
    if (!net) return;
    const probe = this.probeInput ? { probeId: this.probeId, ...forwardAll(net, this.probeInput) } : null;
    this.emit("probed", { probe }, probe ? buffersOf([...probe.z, ...probe.a]) : []);
  }

  /** Posts a frame if something changed and none is in flight: stats, weight copies, probe, new history. */
  flushFrame(): void {
    const net = this.network;
    if (this.frameInFlight || !this.changed || !net) return;
    const weights = { w: net.w.map((v) => v.slice()), b: net.b.map((v) => v.slice()) };
    const probe = this.probeInput ? { probeId: this.probeId, ...forwardAll(net, this.probeInput) } : null;
    const history = this.history;
    this.history = [];
    const running = this.mode !== "paused";
    const first = this.rate[0];
    const last = this.rate.at(-1);
    const dt = first && last ? last.t - first.t : 0;
    const stats: TrainingStats = {
      epoch: this.trainer?.position.epoch ?? 0,
      examplesSeen: this.examplesSeen,
      examplesPerSecond: running && first && last && dt > 0 ? ((last.seen - first.seen) * 1000) / dt : 0,
      trainCost: this.frameCost.take(),
      running,
    };
    const arrays = [...weights.w, ...weights.b, ...(probe ? [...probe.z, ...probe.a] : [])];
    this.emit("frame", { stats, weights, probe, history }, buffersOf(arrays));
    this.frameInFlight = true;
    this.changed = false;
  }
}

/** The distinct buffers of some typed arrays, for a transfer list (a buffer listed twice is an error). */
export function buffersOf(arrays: readonly ArrayBufferView[]): ArrayBuffer[] {
  return [...new Set(arrays.map((v) => v.buffer as ArrayBuffer))];
}

/** "a weight into layer 2 became NaN", or null when every parameter is finite. */
function firstNonFinite(net: Network<Float32Array>): string | null {
  for (let l = 1; l < net.w.length; l++)
    for (const [what, values] of [
      ["a weight", net.w[l]!],
      ["a bias", net.b[l]!],
    ] as const) {
      let sum = 0; // finite iff every value is: float32 values cannot overflow a float64 sum
      for (let i = 0; i < values.length; i++) sum += values[i]!;
      if (Number.isFinite(sum)) continue;
      const bad = values.find((v) => !Number.isFinite(v))!;
      return `${what} in layer ${l} became ${Number.isNaN(bad) ? "NaN" : "infinite"}`;
    }
  return null;
}

/**
 * Images [from, from + size) of `data` as their own SparseImages (offsets rebased, the rest views), so a big
 * evaluation can run a chunk at a time. Made once per data set: fast.ts copies each into WebAssembly memory once.
 */
function chunkImages(data: SparseImages, size: number): SparseImages[] {
  const chunks: SparseImages[] = [];
  for (let from = 0; from < data.count; from += size) {
    const to = Math.min(data.count, from + size);
    const base = data.offsets[from]!;
    const end = data.offsets[to]!;
    chunks.push({
      count: to - from,
      size: data.size,
      offsets: Uint32Array.from(data.offsets.subarray(from, to + 1), (o) => o - base),
      index: data.index.subarray(base, end),
      value: data.value.subarray(base, end),
      labels: data.labels.subarray(from, to),
    });
  }
  return chunks;
}
