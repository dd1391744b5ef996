// The store: actions send the right commands, events update slow state, frames are thinned.
import { describe, expect, it, vi } from "vitest";
import { PRESETS } from "../../src/engine/presets.ts";
import { createAppStore, MAX_HISTORY, thinHistory } from "../../src/store/appStore.ts";
import { freshStartMessage } from "../../src/store/origin.ts";
import { TrainingClient } from "../../src/worker/training/client.ts";
import type { WorkerLike } from "../../src/worker/workerLike.ts";
import type { Command, HistoryPoint, WorkerEvent } from "../../src/worker/training/protocol.ts";

function setup() {
  const sent: Command[] = [];
  const worker: WorkerLike = {
    postMessage: (m: unknown) => void ((m as Command).op !== "ping" && sent.push(m as Command)),
    terminate() {},
    onmessage: null,
    onerror: null,
  };
  const client = new TrainingClient(() => worker);
  // Shipped networks "download" as their URL (the worker, faked here, never reads them).
  const fetch = async (url: string) => new Response(url);
  const store = createAppStore(client, {}, { modelsUrl: "models", fetch });
  const emit = (event: WorkerEvent) => worker.onmessage?.({ data: event } as MessageEvent);
  return { sent, store, emit };
}

const ready: WorkerEvent = {
  type: "ready",
  spec: PRESETS["3b1b"].spec,
  trainCount: 60000,
  testCount: 10000,
  origin: { kind: "pretrained", checkpoint: 30 },
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
    // The finished checkpoint (30 epochs) trains again from fresh weights of the current seed.
    expect(sent.map((c) => c.op)).toEqual(["reset", "play", "pause"]);
    expect(store.getState().running).toBe(false);
  });

  it("Play on a finished network starts from fresh random weights and says so; on a partial one it carries on", () => {
    const { sent, store, emit } = setup();
    emit(ready);
    store.getState().play();
    expect(sent.slice(0, 2)).toEqual([
      { op: "reset", spec: PRESETS["3b1b"].spec, seed: store.getState().seed },
      { op: "play" },
    ]);
    expect(store.getState().notice).toEqual({
      kind: "info",
      message: freshStartMessage(store.getState().seed),
      action: null,
    });
    expect(store.getState().notice?.message).toMatch(
      /^Training starts from fresh random weights \(seed \d+\)/,
    );
    store.getState().pause();
    sent.length = 0;
    emit({
      type: "network",
      spec: PRESETS["3b1b"].spec,
      origin: { kind: "pretrained", checkpoint: 5 },
      request: null,
    });
    store.getState().play();
    expect(sent.map((c) => c.op)).toEqual(["play"]);
  });

  it("applyPreset starts fresh at once, then loads the preset's trained network; the menu follows the network", async () => {
    const { sent, store, emit } = setup();
    emit(ready);
    store.getState().applyPreset("best");
    expect(sent.map((c) => c.op).slice(0, 2)).toEqual(["setHyper", "reset"]);
    await vi.waitFor(() => expect(sent.at(-1)?.op).toBe("loadModel"));
    expect(sent.at(-1)).toMatchObject({ origin: { kind: "pretrained", checkpoint: "best" } });
    expect(store.getState().preset).toBe("best");
    // A network of another architecture (a URL's, a file's) makes the menu say which preset it is, or none.
    emit({
      type: "network",
      spec: PRESETS["3b1b"].spec,
      origin: { kind: "untrained", seed: 3 },
      request: null,
    });
    expect(store.getState().preset).toBe("3b1b");
    const custom = { ...PRESETS["3b1b"].spec, sizes: [784, 32, 10], hidden: ["relu" as const] };
    emit({ type: "network", spec: custom, origin: { kind: "untrained", seed: 3 }, request: null });
    expect(store.getState().preset).toBeNull();
  });

  it("sends a learning-rate change at once, and shows the value only when the worker echoes it", () => {
    const { sent, store, emit } = setup();
    const before = store.getState().hyper;
    store.getState().setHyper({ learningRate: 0.25 });
    expect(sent.at(-1)).toEqual({ op: "setHyper", hyper: { learningRate: 0.25 } });
    expect(store.getState().hyper).toBe(before);
    emit({ type: "hyper", hyper: { ...before, learningRate: 0.25 }, problems: [] });
    expect(store.getState().hyper.learningRate).toBe(0.25);
    expect(store.getState().notice).toBeNull();
  });

  it("a refused setting keeps the echoed value and tells why", () => {
    const { store, emit } = setup();
    const hyper = store.getState().hyper;
    const message = "the learning rate η must be a number between 0.001 and 10, not 50";
    emit({ type: "hyper", hyper, problems: [{ key: "learningRate", message }] });
    expect(store.getState().hyper).toEqual(hyper);
    expect(store.getState().notice?.details).toEqual([message]);
  });

  it("derives the prediction from the probe's output activations, whatever views are shown", () => {
    const { store, emit } = setup();
    const out = Float32Array.from([0, 0, 0, 0.1, 0, 0, 0, 0.9, 0, 0]);
    emit({ type: "probed", probe: { probeId: 1, z: [], a: [new Float32Array(784), out] } });
    expect(store.getState().answer).toMatchObject({ kind: "prediction", prediction: { digit: 7 } });
    emit({ type: "probed", probe: { probeId: 2, z: [], a: [new Float32Array(784), out.map(() => NaN)] } });
    expect(store.getState().answer).toEqual({ kind: "notFinite" });
    emit({ type: "probed", probe: null });
    expect(store.getState().answer).toEqual({ kind: "none" });
  });

  it("keeps the origin the worker sends, with the epochs trained since", () => {
    const { store, emit } = setup();
    emit(ready);
    expect(store.getState().origin).toEqual({ kind: "pretrained", checkpoint: 30 });
    const trained = { kind: "trained", from: { kind: "pretrained", checkpoint: 30 }, epochs: 2 } as const;
    emit({
      type: "frame",
      stats: {
        epoch: 2,
        origin: trained,
        examplesSeen: 120000,
        examplesPerSecond: 0,
        trainCost: 0.1,
        running: false,
      },
      weights: { w: [], b: [] },
      probe: null,
      history: [],
      batch: null,
    });
    expect(store.getState().origin).toEqual(trained);
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
    expect(sent[0]).toEqual({ op: "setHyper", hyper: { ...PRESETS.best.train, lrSchedule: 1 } });
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
    const point: HistoryPoint = {
      examplesSeen: 100,
      trainCost: 0.4,
      testCost: 0.3,
      testAccuracy: 0.9,
      testImages: 10000,
      testSet: "full",
    };
    emit({
      type: "frame",
      stats: {
        epoch: 0,
        origin: { kind: "untrained", seed: 1 },
        examplesSeen: 100,
        examplesPerSecond: 1000,
        trainCost: 0.4,
        running: true,
      },
      weights: { w: [], b: [] },
      probe: null,
      history: [point],
      batch: null,
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
      stats: {
        epoch: 0,
        origin: { kind: "untrained", seed: 1 } as const,
        examplesSeen,
        examplesPerSecond: 0,
        trainCost: 0.4,
        running,
      },
      weights: { w: [], b: [] },
      probe: null,
      history: [],
      batch: null,
    });
    emit(stats(10, true));
    emit(stats(20, true)); // within 250 ms of the last update: thinned away
    expect(store.getState().stats.examplesSeen).toBe(10);
    emit(stats(60, false));
    expect(store.getState().stats.examplesSeen).toBe(60);
  });
});

describe("faults the worker reports", () => {
  it("a collapse is shown with Restore last good weights and the smaller learning rate it suggests", () => {
    const { store, emit, sent } = setup();
    emit(ready);
    const message = "The network stopped learning at learning rate 10: after 1,000 examples …";
    emit({ type: "error", kind: "collapsed", recoverable: true, message, suggestedLearningRate: 1 });
    emit({ type: "paused", reason: "collapsed" });
    expect(store.getState().notice).toEqual({
      kind: "collapsed",
      message,
      action: "restore",
      suggestedLearningRate: 1,
    });
    expect(store.getState().running).toBe(false);
    store.getState().restoreLastGood();
    expect(sent.at(-1)).toEqual({ op: "restoreLastGood" });
    expect(store.getState().notice).toBeNull();
  });

  it("an error about a model load that a later request replaced is not shown", () => {
    const { store, emit } = setup();
    emit(ready);
    store.getState().loadModelText("{}", "a.json"); // request 1
    store.getState().loadModelText("{}", "b.json"); // request 2
    emit({ type: "error", kind: "model", recoverable: true, message: "The file a.json is …", request: 1 });
    expect(store.getState().notice).toBeNull();
    emit({ type: "error", kind: "model", recoverable: true, message: "The file b.json is …", request: 2 });
    expect(store.getState().notice?.message).toBe("The file b.json is …");
  });

  it("a Step of a huge mini-batch, under way in parts, shows as running so Pause can cancel it", () => {
    const { store, emit, sent } = setup();
    emit(ready);
    store.getState().step("batch");
    const frame = (batch: { done: number; total: number } | null, running: boolean) => ({
      type: "frame" as const,
      stats: {
        epoch: 0,
        origin: { kind: "untrained", seed: 1 } as const,
        examplesSeen: 0,
        examplesPerSecond: 0,
        trainCost: Number.NaN,
        running,
        batch,
      },
      weights: { w: [], b: [] },
      probe: null,
      history: [],
      batch: null,
    });
    emit(frame({ done: 40, total: 60000 }, true));
    expect(store.getState().running).toBe(true);
    expect(store.getState().stats.batch).toEqual({ done: 40, total: 60000 });
    store.getState().togglePlay();
    expect(sent.at(-1)).toEqual({ op: "pause" });
    emit({ type: "paused", reason: "command" });
    emit(frame(null, false));
    expect(store.getState()).toMatchObject({ running: false, stats: { batch: null } });
  });
});

describe("thinHistory(history)", () => {
  it("halves a long history but keeps every evaluated point and the last one", () => {
    const long: HistoryPoint[] = Array.from({ length: MAX_HISTORY + 1 }, (_, i) => ({
      examplesSeen: i,
      trainCost: 1,
      testCost: i % 7 === 0 ? 1 : null,
      testAccuracy: null,
      testImages: i % 7 === 0 ? 1000 : null,
      testSet: i % 7 === 0 ? ("subset" as const) : null,
    }));
    const thin = thinHistory(long);
    expect(thin.length).toBeLessThan(long.length * 0.7);
    expect(thin.filter((p) => p.testCost !== null)).toHaveLength(
      long.filter((p) => p.testCost !== null).length,
    );
    expect(thin.at(-1)).toBe(long.at(-1));
  });
});
