// The main thread's side of the worker: sends typed commands, dispatches typed events, hands frames to
// canvas painters outside React (one frame in flight: the worker sends the next after `frameDone`), and keeps the
// worker alive: a heartbeat notices a worker that stopped answering, and a crashed or lost worker is restarted
// (backing off, and giving up after a few tries), its listeners told so the store can reload the last good model.

import type { Command, EventMap, WorkerEvent } from "./protocol.ts";
import { startModuleWorker } from "../moduleWorker.ts";
import type { WorkerLike } from "../workerLike.ts";
import trainingWorkerUrl from "./training.worker.ts?worker&url";

export type Frame = EventMap["frame"];
type Listener<K extends keyof EventMap> = (event: EventMap[K]) => void;

/** How the client watches its worker. */
export interface ClientOptions {
  /** How often the page pings the worker. */
  readonly heartbeatMs?: number;
  /** A worker that leaves a ping unanswered this long is lost (a healthy one answers within a slice, ~50 ms). */
  readonly lostAfterMs?: number;
  /** The same for a worker that has not answered anything yet (its script may still be downloading). */
  readonly startupMs?: number;
  /** The wait before each restart in a row; after the last, the client gives up. */
  readonly restartDelaysMs?: readonly number[];
}

/**
 * Display frames per training frame while training runs: the worker's frames, and so the canvases they repaint,
 * come every other display frame (30 a second on a 60 Hz screen). Each repainted canvas is copied to the compositor
 * on the main thread, the largest part of the page's work while the worker keeps a core busy; the page itself
 * (ink, hover, scrolling) still draws every frame, and the pad's answers come at once (`probed`), not by frame.
 */
export const TRAINING_FRAME_EVERY = 2;

export const HEARTBEAT_MS = 1000;
export const LOST_AFTER_MS = 4000;
export const STARTUP_MS = 15_000;
/** Four restarts in a row, backing off from at once to 2 s; a worker that reaches `ready` starts the count again. */
export const RESTART_DELAYS_MS: readonly number[] = [0, 500, 1000, 2000];

/**
 * Why a worker was given up: it "crashed" (an error event; `message` is the browser's, or says its script could not
 * be loaded or run) or was "lost" (it left a ping unanswered; `message` is "it stopped answering").
 */
export interface WorkerFailure {
  readonly cause: "crashed" | "lost";
  readonly message: string;
}

/** What the client does about a failure: a new worker in `delayMs`, or, after too many in a row, nothing more. */
export type WorkerTrouble =
  | (WorkerFailure & { readonly kind: "restarting"; readonly delayMs: number })
  | (WorkerFailure & { readonly kind: "gaveUp" });

export class TrainingClient {
  private worker: WorkerLike;
  private readonly listeners = new Map<keyof EventMap, Set<Listener<never>>>();
  private readonly frameListeners = new Set<(frame: Frame) => void>();
  private readonly crashListeners = new Set<(failure: WorkerFailure) => void>();
  private readonly troubleListeners = new Set<(trouble: WorkerTrouble) => void>();
  private latestFrame: Frame | null = null;
  private frameRequested = false;
  private disposed = false;
  private readonly heartbeatMs: number;
  private readonly lostAfterMs: number;
  private readonly startupMs: number;
  private readonly restartDelaysMs: readonly number[];
  /** Failures since a worker last reached `ready`. */
  private failures = 0;
  /** Whether the current worker has sent anything (a worker whose script never loaded has not). */
  private answered = false;
  /** The page's clock when the oldest unanswered ping was sent, and at the last heartbeat. */
  private unansweredSince: number | null = null;
  private lastBeat = 0;
  private ping = 0;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly createWorker: () => WorkerLike,
    options: ClientOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
    this.lostAfterMs = options.lostAfterMs ?? LOST_AFTER_MS;
    this.startupMs = options.startupMs ?? STARTUP_MS;
    this.restartDelaysMs = options.restartDelaysMs ?? RESTART_DELAYS_MS;
    this.worker = this.start();
  }

  private start(): WorkerLike {
    const worker = this.createWorker();
    this.answered = false;
    worker.onmessage = (e: MessageEvent) => this.dispatch(e.data as WorkerEvent);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      const fallback = this.answered
        ? "the training worker stopped unexpectedly"
        : "its script could not be loaded or run";
      this.fail({ cause: "crashed", message: e.message || fallback });
    };
    this.startHeartbeat();
    return worker;
  }

  /**
   * Pings every heartbeatMs; a ping unanswered for lostAfterMs (startupMs before the worker's first word) means the
   * worker is lost.
   */
  private startHeartbeat(): void {
    this.unansweredSince = null;
    this.lastBeat = Date.now();
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
    (this.heartbeat as { unref?: () => void }).unref?.();
  }

  private beat(): void {
    const now = Date.now();
    // A page that was asleep (a background tab, a laptop lid) measures nothing: start counting again.
    if (now - this.lastBeat > 2 * this.heartbeatMs) this.unansweredSince = null;
    this.lastBeat = now;
    const patience = this.answered ? this.lostAfterMs : this.startupMs;
    if (this.unansweredSince !== null && now - this.unansweredSince >= patience) {
      this.fail({ cause: "lost", message: "it stopped answering" });
      return;
    }
    this.unansweredSince ??= now;
    this.worker.postMessage({ op: "ping", id: ++this.ping } satisfies Command);
  }

  /**
   * The worker crashed or is lost: it is terminated, and a new one starts after the next delay (the crash listeners
   * then re-send init), or, after too many failures in a row, the client gives up.
   */
  private fail(failure: WorkerFailure): void {
    if (this.disposed) return;
    this.stopWorker();
    const delayMs = this.restartDelaysMs[this.failures++];
    if (delayMs === undefined) {
      for (const cb of this.troubleListeners) cb({ ...failure, kind: "gaveUp" });
      return;
    }
    for (const cb of this.troubleListeners) cb({ ...failure, kind: "restarting", delayMs });
    const restart = () => {
      this.restartTimer = null;
      if (this.disposed) return;
      this.worker = this.start();
      for (const cb of this.crashListeners) cb(failure);
    };
    if (delayMs === 0) restart();
    else this.restartTimer = setTimeout(restart, delayMs);
  }

  private stopWorker(): void {
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.worker.onmessage = this.worker.onerror = null;
    this.worker.terminate();
    this.latestFrame = null;
    this.frameRequested = false;
  }

  private dispatch(event: WorkerEvent): void {
    this.answered = true;
    if (event.type === "pong") this.unansweredSince = null;
    if (event.type === "ready") this.failures = 0;
    if (event.type === "frame") {
      this.latestFrame = event;
      for (const cb of this.frameListeners) cb(event);
      this.requestFrameDone(event.stats.running);
    }
    const set = this.listeners.get(event.type);
    if (set) for (const cb of set) (cb as Listener<typeof event.type>)(event as never);
  }

  /**
   * Acknowledge a frame after the next paint, so a busy page never has frames queued; while training runs, after
   * the TRAINING_FRAME_EVERY-th paint.
   */
  private requestFrameDone(running: boolean): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    let paints = running ? TRAINING_FRAME_EVERY : 1;
    const next = (fn: () => void) =>
      typeof requestAnimationFrame === "function" ? requestAnimationFrame(fn) : setTimeout(fn, 16);
    const ack = () => {
      if (--paints > 0) return void next(ack);
      this.frameRequested = false;
      if (!this.disposed) this.send({ op: "frameDone" });
    };
    next(ack);
  }

  send(command: Command, transfer: Transferable[] = []): void {
    this.worker.postMessage(command, transfer);
  }

  on<K extends keyof EventMap>(type: K, cb: Listener<K>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(cb as Listener<never>);
    return () => set.delete(cb as Listener<never>);
  }

  /** Per-frame data for painters; called outside React's render path. */
  onFrame(cb: (frame: Frame) => void): () => void {
    this.frameListeners.add(cb);
    if (this.latestFrame) cb(this.latestFrame);
    return () => this.frameListeners.delete(cb);
  }

  /** Called after the worker was restarted following a crash or a loss, with what happened to the old one. */
  onCrash(cb: (failure: WorkerFailure) => void): () => void {
    this.crashListeners.add(cb);
    return () => this.crashListeners.delete(cb);
  }

  /** Called when the worker crashed or stopped answering (a restart is coming), or when the client gave up. */
  onTrouble(cb: (trouble: WorkerTrouble) => void): () => void {
    this.troubleListeners.add(cb);
    return () => this.troubleListeners.delete(cb);
  }

  get frame(): Frame | null {
    return this.latestFrame;
  }

  dispose(): void {
    this.disposed = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.stopWorker();
    this.listeners.clear();
    this.frameListeners.clear();
    this.crashListeners.clear();
    this.troubleListeners.clear();
  }
}

/** The real worker, bundled by Vite (started through a same-origin shim when the bundle is on another origin). */
export function createTrainingWorker(): WorkerLike {
  return startModuleWorker(trainingWorkerUrl, "training");
}
