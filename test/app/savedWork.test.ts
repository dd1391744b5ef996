// @vitest-environment jsdom
// Starting an explorable from saved work: restored weights and settings, a corrupt record discarded with a
// notice, and the work saved again once the user changes something.
import { afterEach, describe, expect, it, vi } from "vitest";
import { startExplorable } from "../../src/app/startExplorable.ts";
import { modelToJson, parseModel } from "../../src/engine/model.ts";
import { createNetwork } from "../../src/engine/network.ts";
import { PRESETS } from "../../src/engine/presets.ts";
import { createSavedWork, type KeyValueStore, type SavedWork } from "../../src/store/savedWork.ts";
import type { Command, WorkerEvent } from "../../src/worker/training/protocol.ts";
import { fakeTrainingWorker as fakeWorker } from "../worker/training/fakeWorker.ts";

afterEach(() => vi.useRealTimers());

function memoryStore(): KeyValueStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: (key) => Promise.resolve(map.get(key)),
    set: (key, value) => Promise.resolve(void map.set(key, value)),
    del: (key) => Promise.resolve(void map.delete(key)),
  };
}

const spec = PRESETS["3b1b"].spec;
const net = createNetwork(spec, 11);
const origin = { kind: "trained", from: { kind: "pretrained", checkpoint: 30 }, epochs: 3 } as const;
const work: SavedWork = {
  version: 2,
  origin,
  model: modelToJson(net),
  spec,
  hyper: { learningRate: 0.25, batchSize: 20, weightDecay: 0, momentum: 0 },
  seed: 11,
  input: { kind: "pad" },
  search: "",
};
const base = { dataUrl: "http://x/data/mnist", modelsUrl: "http://x/models", checkpoint: 30 } as const;
const initOf = (w: { sent: Command[] }) =>
  w.sent.find((c) => c.op === "init") as Extract<Command, { op: "init" }> | undefined;

describe("startExplorable(options with saved work)", () => {
  it("starts from the saved weights, their origin and the settings", async () => {
    const kv = memoryStore();
    kv.map.set("work", work);
    const worker = fakeWorker();
    const { store, savedWork } = startExplorable(
      { ...base, saved: { work: createSavedWork(kv), accept: (w) => w, defaultsUrl: () => "/" } },
      () => worker,
    );
    await vi.waitFor(() => expect(initOf(worker)).toBeDefined());
    const init = initOf(worker)!;
    expect(init.model).toEqual({ text: work.model, origin });
    expect(init.hyper).toEqual(work.hyper);
    expect(store.getState().seed).toBe(11);
    expect(typeof savedWork?.resetToDefaults).toBe("function");
  });

  it("discards a corrupt record with a notice and starts from the pretrained model", async () => {
    const kv = memoryStore();
    kv.map.set("work", { version: 1, model: "{" });
    const worker = fakeWorker();
    const { store } = startExplorable(
      { ...base, saved: { work: createSavedWork(kv), accept: (w) => w, defaultsUrl: () => "/" } },
      () => worker,
    );
    await vi.waitFor(() => expect(initOf(worker)).toBeDefined());
    expect(initOf(worker)!.model).toEqual({
      url: "http://x/models/3b1b-epoch-30.json",
      origin: { kind: "pretrained", checkpoint: 30 },
    });
    expect(store.getState().notice?.message).toMatch(/could not be read .* discarded/);
    expect(kv.map.size).toBe(0);
  });

  it("saves the worker's last good weights shortly after training pauses", async () => {
    const kv = memoryStore();
    const worker = fakeWorker();
    startExplorable(
      { ...base, saved: { work: createSavedWork(kv), accept: (w) => w, defaultsUrl: () => "/" } },
      () => worker,
    );
    await vi.waitFor(() => expect(initOf(worker)).toBeDefined());
    vi.useFakeTimers();
    const send = (e: WorkerEvent) => worker.onmessage?.({ data: e } as MessageEvent);
    const pretrained = { kind: "pretrained", checkpoint: 30 } as const;
    send({ type: "ready", spec, trainCount: 1, testCount: 1, origin: pretrained });
    send({ type: "lastGood", spec, weights: { w: net.w, b: net.b }, origin: pretrained });
    vi.advanceTimersByTime(1000);
    expect(kv.map.size).toBe(0); // nothing changed yet
    // A step ends: the worker posts the weights it stopped at as good, then says it paused.
    const stepped = createNetwork(spec, 12);
    send({ type: "lastGood", spec, weights: { w: stepped.w, b: stepped.b }, origin });
    send({ type: "paused", reason: "step" });
    vi.advanceTimersByTime(1000);
    const saved = kv.map.get("work") as SavedWork;
    expect(Array.from(parseModel(saved.model).net.w[1]!)).toEqual(Array.from(stepped.w[1]!));
    expect(saved.origin).toEqual(origin);
  });
});
