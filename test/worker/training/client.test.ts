// The main thread's side of the worker protocol: typed dispatch, one frame in flight, crash restart.
import { describe, expect, it, vi } from "vitest";
import { TrainingClient } from "../../../src/worker/training/client.ts";
import type { WorkerLike } from "../../../src/worker/workerLike.ts";
import type { Command, WorkerEvent } from "../../../src/worker/training/protocol.ts";

function fakeWorker() {
  const w: WorkerLike & { sent: Command[]; terminated: boolean } = {
    sent: [],
    terminated: false,
    postMessage(m: unknown) {
      this.sent.push(m as Command);
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

const frame: WorkerEvent = {
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
  });

  it("hands frames to painters and acknowledges each one once, after the next paint", async () => {
    vi.useFakeTimers();
    try {
      const w = fakeWorker();
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
    } finally {
      vi.useRealTimers();
    }
  });

  it("replaces a crashed worker by a new one and tells the crash listeners", () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const client = new TrainingClient(() => {
      const w = fakeWorker();
      workers.push(w);
      return w;
    });
    const crashed = vi.fn();
    client.onCrash(crashed);
    workers[0]!.onerror?.({ message: "out of memory", preventDefault() {} } as ErrorEvent);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(crashed).toHaveBeenCalledWith("out of memory");
    client.send({ op: "pause" });
    expect(workers[1]!.sent).toEqual([{ op: "pause" }]);
  });
});
