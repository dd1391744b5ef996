// The store: actions send the right commands, events update slow state, frames are thinned.
import { describe, expect, it } from "vitest";
import { PRESETS } from "../../src/engine/presets.ts";
import { createAppStore, MAX_HISTORY, thinHistory } from "../../src/store/appStore.ts";
import { TrainingClient, type WorkerLike } from "../../src/worker/client.ts";
import type { Command, HistoryPoint, WorkerEvent } from "../../src/worker/protocol.ts";

function setup() {
  const sent: Command[] = [];
  const worker: WorkerLike = {
    postMessage: (m: unknown) => sent.push(m as Command),
    terminate() {},
    onmessage: null,
    onerror: null,
  };
  const client = new TrainingClient(() => worker);
  const store = createAppStore(client);
  const emit = (event: WorkerEvent) => worker.onmessage?.({ data: event } as MessageEvent);
  return { sent, store, emit };
}

const ready: WorkerEvent = {
  type: "ready",
  spec: PRESETS["3b1b"].spec,
  trainCount: 60000,
  testCount: 10000,
  source: "pretrained",
};

describe("createAppStore(client)", () => {
  it("refuses to play before the data is ready, then plays and pauses", () => {
    const { sent, store, emit } = setup();
    store.getState().play();
    expect(sent).toEqual([]);
    emit(ready);
    expect(store.getState().phase).toBe("ready");
    store.getState().togglePlay();
    expect(store.getState().running).toBe(true);
    store.getState().togglePlay();
    expect(sent.map((c) => c.op)).toEqual(["play", "pause"]);
    expect(store.getState().running).toBe(false);
  });

  it("sends a learning-rate change at once, as the scrubber moves", () => {
    const { sent, store } = setup();
    store.getState().setHyper({ learningRate: 0.25 });
    expect(store.getState().hyper.learningRate).toBe(0.25);
    expect(sent.at(-1)).toEqual({ op: "setHyper", hyper: { learningRate: 0.25 } });
  });

  it("resets to an untrained network of the current spec with a new seed", () => {
    const { sent, store } = setup();
    const seed = store.getState().seed;
    store.getState().reset();
    const cmd = sent.at(-1) as Extract<Command, { op: "reset" }>;
    expect(cmd.op).toBe("reset");
    expect(cmd.spec).toEqual(store.getState().spec);
    expect(cmd.seed).not.toBe(seed);
    expect(store.getState().seed).toBe(cmd.seed);
  });

  it("applies a preset: its spec and hyper-parameters, and a fresh network", () => {
    const { sent, store } = setup();
    store.getState().applyPreset("best");
    expect(store.getState().spec).toEqual(PRESETS.best.spec);
    expect(store.getState().hyper).toEqual(PRESETS.best.train);
    expect(sent.map((c) => c.op)).toEqual(["setHyper", "reset"]);
  });

  it("turns a divergence error into a notice offering to restore, and restores on request", () => {
    const { sent, store, emit } = setup();
    emit({ type: "error", kind: "diverged", message: "Training diverged.", recoverable: true });
    expect(store.getState().notice).toEqual({
      kind: "diverged",
      message: "Training diverged.",
      action: "restore",
    });
    store.getState().restoreLastGood();
    expect(sent.at(-1)).toEqual({ op: "restoreLastGood" });
    expect(store.getState().notice).toBeNull();
  });

  it("appends the history points frames carry", () => {
    const { store, emit } = setup();
    const point: HistoryPoint = { examplesSeen: 100, trainCost: 0.4, testCost: 0.3, testAccuracy: 0.9 };
    emit({
      type: "frame",
      stats: { epoch: 0, examplesSeen: 100, examplesPerSecond: 1000, trainCost: 0.4, running: true },
      weights: { w: [], b: [] },
      probe: null,
      history: [point],
    });
    expect(store.getState().history).toEqual([point]);
    expect(store.getState().stats.examplesSeen).toBe(100);
  });
});

describe("frames after training stops", () => {
  it("always update the counters, so a stopped run never shows stale numbers", () => {
    const { store, emit } = setup();
    const stats = (examplesSeen: number, running: boolean) => ({
      type: "frame" as const,
      stats: { epoch: 0, examplesSeen, examplesPerSecond: 0, trainCost: 0.4, running },
      weights: { w: [], b: [] },
      probe: null,
      history: [],
    });
    emit(stats(10, true));
    emit(stats(20, true)); // within 250 ms of the last update: thinned away
    expect(store.getState().stats.examplesSeen).toBe(10);
    emit(stats(60, false));
    expect(store.getState().stats.examplesSeen).toBe(60);
  });
});

describe("thinHistory(history)", () => {
  it("halves a long history but keeps every evaluated point and the last one", () => {
    const long: HistoryPoint[] = Array.from({ length: MAX_HISTORY + 1 }, (_, i) => ({
      examplesSeen: i,
      trainCost: 1,
      testCost: i % 7 === 0 ? 1 : null,
      testAccuracy: null,
    }));
    const thin = thinHistory(long);
    expect(thin.length).toBeLessThan(long.length * 0.7);
    expect(thin.filter((p) => p.testCost !== null)).toHaveLength(
      long.filter((p) => p.testCost !== null).length,
    );
    expect(thin.at(-1)).toBe(long.at(-1));
  });
});
