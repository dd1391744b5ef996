// Linked frames: the first frame of a group runs the worker and relays it; the others' commands reach it, its
// events reach them, a late frame is told what it missed, frames are thinned without losing a history point, and
// when the running frame goes another can take over.
import { afterEach, describe, expect, it, vi } from "vitest";
import { LinkedWorker, RELAY_FRAME_MS, type ChannelLike, type GroupDeps } from "../../src/app/frameGroup.ts";
import type { EventMap, WorkerEvent } from "../../src/worker/training/protocol.ts";
import { fakeTrainingWorker, type FakeTrainingWorker } from "../worker/training/fakeWorker.ts";

/** Channels and locks shared by the "frames" of one test, and the real workers the leaders started. */
function page() {
  const channels = new Map<string, Set<ChannelLike>>();
  const locks = new Set<string>();
  const workers: FakeTrainingWorker[] = [];
  let clock = 0;
  const deps: GroupDeps = {
    channel(name) {
      const peers = channels.get(name) ?? new Set<ChannelLike>();
      channels.set(name, peers);
      const channel: ChannelLike = {
        onmessage: null,
        postMessage(message) {
          const copy = structuredClone(message);
          for (const peer of peers)
            if (peer !== channel) queueMicrotask(() => peer.onmessage?.({ data: copy } as MessageEvent));
        },
        close: () => void peers.delete(channel),
      };
      peers.add(channel);
      return channel;
    },
    tryLock: async (name) => {
      if (locks.has(name)) return null;
      locks.add(name);
      return () => void locks.delete(name);
    },
    createWorker() {
      const w = fakeTrainingWorker();
      workers.push(w);
      return w;
    },
    now: () => clock,
  };
  const frame = () => {
    const heard: WorkerEvent[] = [];
    const w = new LinkedWorker("a", deps);
    w.onmessage = (e) => heard.push(e.data as WorkerEvent);
    return { w, heard };
  };
  return { frame, workers, tick: (ms: number) => (clock += ms) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const ready: WorkerEvent = {
  type: "ready",
  spec: { sizes: [784, 16, 16, 10], hidden: ["sigmoid", "sigmoid"], output: "sigmoid", cost: "mse" },
  trainCount: 60000,
  testCount: 10000,
  origin: { kind: "untrained", seed: 1 },
};
function frameEvent(step: number, points: number[]): WorkerEvent {
  return {
    type: "frame",
    stats: { examplesSeen: step } as EventMap["frame"]["stats"],
    weights: { w: [], b: [] } as unknown as EventMap["frame"]["weights"],
    probe: null,
    history: points.map((p) => ({ examplesSeen: p }) as unknown as EventMap["frame"]["history"][number]),
    batch: null,
  };
}
const examplesOf = (e: WorkerEvent) => (e.type === "frame" ? e.history.map((p) => p.examplesSeen) : []);

afterEach(() => vi.useRealTimers());

describe("LinkedWorker", () => {
  it("the first frame runs the worker; another's commands reach it, but not its init or frame acknowledgements", async () => {
    const { frame, workers } = page();
    const leader = frame();
    const follower = frame();
    leader.w.postMessage({ op: "play" });
    follower.w.postMessage({ op: "init" } as never);
    follower.w.postMessage({ op: "frameDone" });
    follower.w.postMessage({
      op: "setProbe",
      probe: { kind: "pixels", pixels: new Float32Array(784) },
      id: 3,
    });
    follower.w.postMessage({ op: "pause" });
    await settle();
    expect(leader.w.linkRole).toBe("leader");
    expect(follower.w.linkRole).toBe("follower");
    expect(workers).toHaveLength(1);
    expect(workers[0]!.sent.map((c) => c.op)).toEqual(["play", "setProbe", "pause"]);
  });

  it("relays the worker's events to the others, and tells a frame that joins late what it missed", async () => {
    const { frame, workers } = page();
    const leader = frame();
    const early = frame();
    await settle();
    const real = workers[0]!;
    real.emit(ready);
    real.emit(frameEvent(10, [0, 10]));
    await settle();
    expect(leader.heard.map((e) => e.type)).toEqual(["ready", "frame"]);
    expect(early.heard.map((e) => e.type)).toEqual(["ready", "frame"]);
    real.emit({ type: "paused", reason: "command" });
    real.emit({ type: "pong", id: 1 });
    real.emit(frameEvent(20, [20]));
    const late = frame();
    late.w.postMessage({ op: "init" } as never);
    await settle();
    await settle();
    expect(late.heard.map((e) => e.type)).toEqual(["ready", "paused", "frame"]);
    expect(examplesOf(late.heard.at(-1)!)).toEqual([0, 10, 20]); // the whole history since the network appeared
  });

  it("relays at most one frame per RELAY_FRAME_MS, keeping every history point", async () => {
    vi.useFakeTimers();
    const { frame, workers, tick } = page();
    frame();
    const follower = frame();
    await vi.advanceTimersByTimeAsync(0);
    const real = workers[0]!;
    real.emit(frameEvent(1, [1]));
    tick(10);
    real.emit(frameEvent(2, [2]));
    tick(10);
    real.emit(frameEvent(3, [3]));
    await vi.advanceTimersByTimeAsync(0);
    expect(follower.heard.filter((e) => e.type === "frame").map(examplesOf)).toEqual([[1]]);
    tick(RELAY_FRAME_MS);
    await vi.advanceTimersByTimeAsync(RELAY_FRAME_MS);
    expect(follower.heard.filter((e) => e.type === "frame").map(examplesOf)).toEqual([[1], [2, 3]]);
  });

  it("gives up the lock when the running frame ends, so another frame can run the worker", async () => {
    const { frame, workers } = page();
    const leader = frame();
    await settle();
    leader.w.terminate();
    expect(workers[0]!.terminated).toBe(true);
    const next = frame();
    await settle();
    expect(next.w.linkRole).toBe("leader");
    expect(workers).toHaveLength(2);
  });
});
