// @vitest-environment jsdom
// Starting an explorable from saved work: restored weights and settings, a corrupt record discarded with a
// notice, and the work saved again once the user changes something.
import { afterEach, describe, expect, it, vi } from "vitest";
import { startExplorable } from "../../src/components/Explorable.tsx";
import { modelToJson, parseModel } from "../../src/engine/model.ts";
import { createNetwork } from "../../src/engine/network.ts";
import { PRESETS } from "../../src/engine/presets.ts";
import {
  createSavedWork,
  RESTORED_LABEL,
  savedWorkControls,
  type KeyValueStore,
  type SavedWork,
} from "../../src/store/savedWork.ts";
import type { WorkerLike } from "../../src/worker/client.ts";
import type { Command, WorkerEvent } from "../../src/worker/protocol.ts";

afterEach(() => vi.useRealTimers());

function fakeWorker() {
  const w = {
    sent: [] as Command[],
    postMessage(m: unknown) {
      this.sent.push(m as Command);
    },
    terminate() {},
    onmessage: null,
    onerror: null,
  } as WorkerLike & { sent: Command[] };
  return w;
}

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
const work: SavedWork = {
  version: 1,
  model: modelToJson(net),
  spec,
  hyper: { learningRate: 0.25, batchSize: 20, weightDecay: 0, momentum: 0 },
  seed: 11,
  input: { kind: "pad" },
  search: "",
};
const base = { dataUrl: "http://x/data/mnist", modelUrl: "http://x/models/3b1b-epoch-30.json" };
const initOf = (w: { sent: Command[] }) =>
  w.sent.find((c) => c.op === "init") as Extract<Command, { op: "init" }> | undefined;

describe("startExplorable(options with saved work)", () => {
  it("starts from the saved weights and settings, labelled as restored", async () => {
    const kv = memoryStore();
    kv.map.set("work", work);
    const worker = fakeWorker();
    const { store } = startExplorable(
      { ...base, saved: { work: createSavedWork(kv), accept: (w) => w, defaultsUrl: () => "/" } },
      () => worker,
    );
    await vi.waitFor(() => expect(initOf(worker)).toBeDefined());
    const init = initOf(worker)!;
    expect(init.model).toEqual({ text: work.model, label: RESTORED_LABEL });
    expect(init.hyper).toEqual(work.hyper);
    expect(store.getState().seed).toBe(11);
    expect(savedWorkControls(store)).toBeDefined();
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
    expect(initOf(worker)!.model).toEqual({ url: base.modelUrl });
    expect(store.getState().notice?.message).toMatch(/could not be read .* discarded/);
    expect(kv.map.size).toBe(0);
  });

  it("saves the latest frame's weights shortly after training pauses", async () => {
    const kv = memoryStore();
    const worker = fakeWorker();
    startExplorable(
      { ...base, saved: { work: createSavedWork(kv), accept: (w) => w, defaultsUrl: () => "/" } },
      () => worker,
    );
    await vi.waitFor(() => expect(initOf(worker)).toBeDefined());
    vi.useFakeTimers();
    const send = (e: WorkerEvent) => worker.onmessage?.({ data: e } as MessageEvent);
    send({ type: "ready", spec, trainCount: 1, testCount: 1, source: "pretrained 784-16-16-10" });
    send({
      type: "frame",
      stats: { epoch: 1, examplesSeen: 10, examplesPerSecond: 0, trainCost: 0.1, running: false },
      weights: { w: net.w, b: net.b },
      probe: null,
      history: [],
    });
    expect(kv.map.size).toBe(0); // nothing changed yet
    send({ type: "paused", reason: "step" });
    vi.advanceTimersByTime(1000);
    const saved = kv.map.get("work") as SavedWork;
    expect(Array.from(parseModel(saved.model).net.w[1]!)).toEqual(Array.from(net.w[1]!));
  });
});
