// Linked frames: the first frame of a group runs the worker and relays it; the others' commands reach it, its
// events reach them once, in order; a late frame is told what it missed (each history point once, `ready` however
// long the group has run); frames are thinned without losing a point; a restart in the running frame keeps it
// running the worker; when it goes, another takes over.
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
    // As Web Locks do: a lock given back is free again only a moment later.
    tryLock: async (name) => {
      if (locks.has(name)) return null;
      locks.add(name);
      return () => void queueMicrotask(() => locks.delete(name));
    },
    createWorker() {
      const w = fakeTrainingWorker();
      workers.push(w);
      return w;
    },
    now: () => clock,
    lockRetryMs: 0,
  };
  /** A frame; `join` sends the client's init, as a starting explorable does. */
  const frame = ({ join = true } = {}) => {
    const heard: WorkerEvent[] = [];
    const w = new LinkedWorker("a", deps);
    w.onmessage = (e) => heard.push(e.data as WorkerEvent);
    if (join) w.postMessage({ op: "init" } as never);
    return { w, heard };
  };
  return { frame, workers, tick: (ms: number) => (clock += ms) };
}

const settle = async () => {
  for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 0));
};
const ready: WorkerEvent = {
  type: "ready",
  spec: { sizes: [784, 16, 16, 10], hidden: ["sigmoid", "sigmoid"], output: "sigmoid", cost: "mse" },
  trainCount: 60000,
  testCount: 10000,
  origin: { kind: "untrained", seed: 1 },
};
function frameEvent(points: number[]): WorkerEvent {
  return {
    type: "frame",
    stats: {} as EventMap["frame"]["stats"],
    weights: { w: [], b: [] } as unknown as EventMap["frame"]["weights"],
    probe: null,
    history: points.map((p) => ({ examplesSeen: p }) as unknown as EventMap["frame"]["history"][number]),
    batch: null,
  };
}
const pointsOf = (e: WorkerEvent) => (e.type === "frame" ? e.history.map((p) => p.examplesSeen) : []);
const allPoints = (events: WorkerEvent[]) => events.flatMap(pointsOf);

afterEach(() => vi.useRealTimers());

describe("LinkedWorker", () => {
  it("the first frame runs the worker; another's commands reach it, but not its init", async () => {
    const { frame, workers } = page();
    const leader = frame();
    await settle();
    const follower = frame();
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
    // The leader's own init, then the follower's commands: its frame acknowledgements count too.
    expect(workers[0]!.sent.map((c) => c.op)).toEqual(["init", "frameDone", "setProbe", "pause"]);
  });

  it("relays events once each, and tells a frame that joins late what it missed, each history point once", async () => {
    const { frame, workers } = page();
    const leader = frame();
    await settle();
    const early = frame();
    await settle();
    const real = workers[0]!;
    real.emit(ready);
    real.emit(frameEvent([0, 10]));
    await settle();
    expect(leader.heard.map((e) => e.type)).toEqual(["ready", "frame"]);
    expect(early.heard.map((e) => e.type)).toEqual(["ready", "frame"]);
    real.emit({ type: "paused", reason: "command" });
    real.emit({ type: "pong", id: 1 });
    real.emit(frameEvent([20])); // held back: less than RELAY_FRAME_MS after the last
    const late = frame();
    await settle();
    expect(late.heard.map((e) => e.type)).toEqual(["ready", "paused", "frame"]);
    expect(allPoints(late.heard)).toEqual([0, 10, 20]);
    expect(allPoints(early.heard)).toEqual([0, 10, 20]);
  });

  it("a frame held back goes out before any later event, so a new network's history starts clean", async () => {
    const { frame, workers } = page();
    frame();
    await settle();
    const follower = frame();
    await settle();
    const real = workers[0]!;
    real.emit(ready);
    real.emit(frameEvent([1]));
    real.emit(frameEvent([2]));
    real.emit({
      type: "network",
      spec: (ready as EventMap["ready"]).spec,
      origin: { kind: "untrained", seed: 2 },
      request: null,
    });
    await settle();
    expect(follower.heard.map((e) => (e.type === "frame" ? pointsOf(e) : e.type))).toEqual([
      "ready",
      [1],
      [2],
      "network",
    ]);
  });

  it("keeps `ready` and only the latest of each event for late frames, however long the group has run", async () => {
    const { frame, workers } = page();
    frame();
    await settle();
    const real = workers[0]!;
    real.emit({
      type: "hyper",
      hyper: { learningRate: 1, batchSize: 10, weightDecay: 0, momentum: 0, lrSchedule: 1 },
      problems: [],
    });
    real.emit(ready);
    for (let i = 0; i < 500; i++) real.emit({ type: "paused", reason: "step" });
    const late = frame();
    await settle();
    expect(late.heard.map((e) => e.type)).toEqual(["hyper", "ready", "paused"]);
  });

  it("relays at most one frame per RELAY_FRAME_MS, keeping every history point", async () => {
    vi.useFakeTimers();
    const { frame, workers, tick } = page();
    frame();
    await vi.advanceTimersByTimeAsync(0);
    const follower = frame();
    await vi.advanceTimersByTimeAsync(0);
    const real = workers[0]!;
    real.emit(frameEvent([1]));
    tick(10);
    real.emit(frameEvent([2]));
    tick(10);
    real.emit(frameEvent([3]));
    await vi.advanceTimersByTimeAsync(0);
    expect(follower.heard.filter((e) => e.type === "frame").map(pointsOf)).toEqual([[1]]);
    tick(RELAY_FRAME_MS);
    await vi.advanceTimersByTimeAsync(RELAY_FRAME_MS);
    expect(follower.heard.filter((e) => e.type === "frame").map(pointsOf)).toEqual([[1], [2, 3]]);
  });

  it("a restart in the running frame runs the worker again; when that frame goes, another takes over", async () => {
    const { frame, workers } = page();
    const leader = frame();
    await settle();
    leader.w.terminate(); // the client restarts at once after a crash
    const again = frame();
    await settle();
    expect(workers[0]!.terminated).toBe(true);
    expect(again.w.linkRole).toBe("leader");
    const other = frame();
    await settle();
    expect(other.w.linkRole).toBe("follower");
    again.w.terminate();
    const next = frame();
    await settle();
    expect(next.w.linkRole).toBe("leader");
    expect(workers).toHaveLength(3);
  });
});
