// The main thread's side of the worker: sends typed commands, dispatches typed events, hands frames to
// canvas painters outside React (one frame in flight: the worker sends the next after `frameDone`), and
// restarts a crashed worker, telling its listeners so the store can reload the last good model.

import type { Command, EventMap, WorkerEvent } from "./protocol.ts";
import { startModuleWorker } from "../moduleWorker.ts";
import type { WorkerLike } from "../workerLike.ts";
import trainingWorkerUrl from "./training.worker.ts?worker&url";

export type Frame = EventMap["frame"];
type Listener<K extends keyof EventMap> = (event: EventMap[K]) => void;

export class TrainingClient {
  private worker: WorkerLike;
  private readonly listeners = new Map<keyof EventMap, Set<Listener<never>>>();
  private readonly frameListeners = new Set<(frame: Frame) => void>();
  private readonly crashListeners = new Set<(message: string) => void>();
  private latestFrame: Frame | null = null;
  private frameRequested = false;
  private disposed = false;

  constructor(private readonly createWorker: () => WorkerLike) {
    this.worker = this.start();
  }

  private start(): WorkerLike {
    const worker = this.createWorker();
    worker.onmessage = (e: MessageEvent) => this.dispatch(e.data as WorkerEvent);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      this.crash(e.message || "the training worker stopped unexpectedly");
    };
    return worker;
  }

  /** Replaces a dead worker by a fresh one and tells the crash listeners (who re-send init). */
  private crash(message: string): void {
    if (this.disposed) return;
    this.worker.terminate();
    this.latestFrame = null;
    this.frameRequested = false;
    this.worker = this.start();
    for (const cb of this.crashListeners) cb(message);
  }

  private dispatch(event: WorkerEvent): void {
    if (event.type === "frame") {
      this.latestFrame = event;
      for (const cb of this.frameListeners) cb(event);
      this.requestFrameDone();
    }
    const set = this.listeners.get(event.type);
    if (set) for (const cb of set) (cb as Listener<typeof event.type>)(event as never);
  }

  /** Acknowledge a frame after the next paint, so a busy page never has frames queued. */
  private requestFrameDone(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    const ack = () => {
      this.frameRequested = false;
      if (!this.disposed) this.send({ op: "frameDone" });
    };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(ack);
    else setTimeout(ack, 16);
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

  /** Called after the worker was restarted following a crash. */
  onCrash(cb: (message: string) => void): () => void {
    this.crashListeners.add(cb);
    return () => this.crashListeners.delete(cb);
  }

  get frame(): Frame | null {
    return this.latestFrame;
  }

  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
    this.listeners.clear();
    this.frameListeners.clear();
    this.crashListeners.clear();
  }
}

/** The real worker, bundled by Vite (started through a same-origin shim when the bundle is on another origin). */
export function createTrainingWorker(): WorkerLike {
  return startModuleWorker(trainingWorkerUrl, "training");
}
