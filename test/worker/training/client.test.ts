// The main thread's side of the worker protocol: typed dispatch, one frame in flight, and keeping the worker alive —
// a heartbeat that notices a worker that stopped answering, restarts that back off and give up after a few tries.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  HEARTBEAT_MS,
  LOST_AFTER_MS,
  RESTART_DELAYS_MS,
  STARTUP_MS,
  TRAINING_FRAME_EVERY,
  TrainingClient,
  type WorkerTrouble,
} from "../../../src/worker/training/client.ts";
import type { WorkerLike } from "../../../src/worker/workerLike.ts";
import type { Command, WorkerEvent } from "../../../src/worker/training/protocol.ts";

afterEach(() => vi.useRealTimers());

/** A worker that records what it is sent; while `answers`, it answers pings as a live worker does. */
function fakeWorker({ answers = false } = {}) {
  const w: WorkerLike & { sent: Command[]; terminated: boolean; answers: boolean } = {
    sent: [],
    terminated: false,
    answers,
    postMessage(m: unknown) {
      const command = m as Command;
      if (command.op === "ping") {
        if (w.answers) queueMicrotask(() => emit(w, { type: "pong", id: command.id }));
        return;
      }
      this.sent.push(command);
    },
    terminate() {
      this.terminated = true;
    },
    onmessage: null,
    onerror: null,
  };
  return w;
}

const emit = (w: WorkerLike, event: WorkerEvent) => w.onmessage?.({ data: event } as MessageEvent);
const crash = (w: WorkerLike, message = "") => w.onerror?.({ message, preventDefault() {} } as ErrorEvent);

/** A client over fresh fake workers, the workers it started, and what it reported. */
function watched(options: { answers?: boolean } = {}) {
  const workers: ReturnType<typeof fakeWorker>[] = [];
  const client = new TrainingClient(() => {
    const w = fakeWorker(options);
    workers.push(w);
    return w;
  });
  const troubles: WorkerTrouble[] = [];
  const restarts: string[] = [];
  client.onTrouble((t) => troubles.push(t));
  client.onCrash((f) => restarts.push(`${f.cause}: ${f.message}`));
  return { client, workers, troubles, restarts };
}

const frame: Extract<WorkerEvent, { type: "frame" }> = {
  type: "frame",
  stats: {
    epoch: 0,
    origin: { kind: "untrained", seed: 1 },
    examplesSeen: 10,
    examplesPerSecond: 0,
    trainCost: 0.5,
    running: false,
  },
  weights: { w: [new Float32Array(0)], b: [new Float32Array(0)] },
  probe: null,
  history: [],
  batch: null,
};

describe("TrainingClient", () => {
  it("sends commands and dispatches each event type to its listeners", () => {
    const w = fakeWorker();
    const client = new TrainingClient(() => w);
    const ready = vi.fn();
    client.on("testReady", ready);
    client.send({ op: "play" });
    emit(w, { type: "testReady", testCount: 10000 });
    expect(w.sent).toEqual([{ op: "play" }]);
    expect(ready).toHaveBeenCalledWith({ type: "testReady", testCount: 10000 });
    client.dispose();
  });

  it("hands frames to painters and acknowledges each one once, after the next paint", async () => {
    vi.useFakeTimers();
    const w = fakeWorker({ answers: true });
    const client = new TrainingClient(() => w);
    const painted: number[] = [];
    client.onFrame((f) => painted.push(f.stats.examplesSeen));
    emit(w, frame);
    emit(w, frame);
    expect(painted).toEqual([10, 10]);
    expect(w.sent.filter((c) => c.op === "frameDone")).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20);
    expect(w.sent.filter((c) => c.op === "frameDone")).toHaveLength(1);
    expect(client.frame?.stats.examplesSeen).toBe(10);
    client.dispose();
  });

  it("acknowledges a frame of running training after TRAINING_FRAME_EVERY paints", async () => {
    vi.useFakeTimers();
    const w = fakeWorker({ answers: true });
    const client = new TrainingClient(() => w);
    const acks = () => w.sent.filter((c) => c.op === "frameDone").length;
    emit(w, { ...frame, stats: { ...frame.stats, running: true } });
    for (let paint = 1; paint < TRAINING_FRAME_EVERY; paint++) {
      await vi.advanceTimersByTimeAsync(16);
      expect(acks()).toBe(0);
    }
    await vi.advanceTimersByTimeAsync(16);
    expect(acks()).toBe(1);
    client.dispose();
  });

  it("replaces a crashed worker by a new one at once and tells the crash listeners", () => {
    const { client, workers, troubles, restarts } = watched();
    crash(workers[0]!, "out of memory");
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(troubles).toEqual([
      { kind: "restarting", cause: "crashed", message: "out of memory", delayMs: 0 },
    ]);
    expect(restarts).toEqual(["crashed: out of memory"]);
    client.send({ op: "pause" });
    expect(workers[1]!.sent).toEqual([{ op: "pause" }]);
    client.dispose();
  });
});

describe("TrainingClient's heartbeat", () => {
  it("declares a worker that leaves a ping unanswered for LOST_AFTER_MS lost, and restarts it", async () => {
    vi.useFakeTimers();
    const { client, workers, troubles, restarts } = watched({ answers: true });
    await vi.advanceTimersByTimeAsync(60_000);
    workers[0]!.answers = false; // hung in a long computation, or terminated without an error event
    await vi.advanceTimersByTimeAsync(LOST_AFTER_MS);
    expect(troubles).toEqual([]);
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(troubles).toEqual([
      { kind: "restarting", cause: "lost", message: "it stopped answering", delayMs: 0 },
    ]);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(restarts).toEqual(["lost: it stopped answering"]);
    client.dispose();
  });

  it("gives a worker that has not said a word yet STARTUP_MS to load its script", async () => {
    vi.useFakeTimers();
    const { client, troubles } = watched();
    await vi.advanceTimersByTimeAsync(STARTUP_MS);
    expect(troubles).toEqual([]);
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(troubles).toMatchObject([{ kind: "restarting", cause: "lost" }]);
    client.dispose();
  });

  it("never calls a worker that answers lost, however long it runs", async () => {
    vi.useFakeTimers();
    const { client, workers, troubles } = watched({ answers: true });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(troubles).toEqual([]);
    expect(workers).toHaveLength(1);
    client.dispose();
  });

  it("does not blame the worker when the page itself was asleep, and counts afresh after", async () => {
    vi.useFakeTimers();
    const { client, workers, troubles } = watched({ answers: true });
    await vi.advanceTimersByTimeAsync(2 * HEARTBEAT_MS);
    workers[0]!.answers = false;
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS); // a ping goes out, unanswered
    vi.setSystemTime(Date.now() + 60_000); // the laptop slept a minute: no timer ran, in the page or the worker
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    expect(troubles).toEqual([]);
    await vi.advanceTimersByTimeAsync(LOST_AFTER_MS + HEARTBEAT_MS); // awake, and the worker still silent
    expect(troubles).toMatchObject([{ kind: "restarting", cause: "lost" }]);
    client.dispose();
  });
});

describe("TrainingClient's restarts", () => {
  it("back off exponentially, then give up with the reason instead of looping", async () => {
    vi.useFakeTimers();
    const { client, workers, troubles } = watched();
    const started = () => workers.length;
    crash(workers[0]!); // a script that never loads: an error event with no message
    expect(started()).toBe(2);
    for (const delay of RESTART_DELAYS_MS.slice(1)) {
      crash(workers.at(-1)!);
      await vi.advanceTimersByTimeAsync(delay - 1);
      const before = started();
      await vi.advanceTimersByTimeAsync(1);
      expect(started()).toBe(before + 1);
    }
    crash(workers.at(-1)!);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started()).toBe(RESTART_DELAYS_MS.length + 1);
    expect(troubles.map((t) => (t.kind === "restarting" ? t.delayMs : t.kind))).toEqual([
      ...RESTART_DELAYS_MS,
      "gaveUp",
    ]);
    expect(troubles.at(-1)).toEqual({
      kind: "gaveUp",
      cause: "crashed",
      message: "its script could not be loaded or run",
    });
    client.dispose();
  });

  it("start counting again once a worker reaches ready", async () => {
    vi.useFakeTimers();
    const { client, workers, troubles } = watched({ answers: true });
    for (let i = 0; i < 10; i++) {
      const w = workers.at(-1)!;
      emit(w, {
        type: "ready",
        spec: { sizes: [784, 10], hidden: [], output: "softmax", cost: "crossEntropy" },
        trainCount: 1,
        testCount: 1,
        origin: { kind: "untrained", seed: 1 },
      });
      crash(w, "boom");
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(troubles.every((t) => t.kind === "restarting" && t.delayMs === 0)).toBe(true);
    expect(workers).toHaveLength(11);
    client.dispose();
  });

  it("stop for good on dispose: no heartbeat, no pending restart", async () => {
    vi.useFakeTimers();
    const { client, workers } = watched();
    crash(workers[0]!);
    crash(workers[1]!); // the next restart waits 500 ms
    client.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.terminated).toBe(true);
  });
});
