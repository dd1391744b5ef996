// The bridge: commands from allowed origins drive the store, others are ignored with one warning; events go
// only to an allowed host.
import { afterEach, describe, expect, it, vi } from "vitest";
import { presetHyper } from "../../src/engine/hyper.ts";
import { PRESETS } from "../../src/engine/presets.ts";
import { startBridge, type BridgeWindow } from "../../src/embed/bridge.ts";
import { createAppStore } from "../../src/store/appStore.ts";
import { parseUrlSettings } from "../../src/store/urlState.ts";
import { syncSettings } from "../../src/store/urlSync.ts";
import { TrainingClient } from "../../src/worker/training/client.ts";
import type { WorkerEvent } from "../../src/worker/training/protocol.ts";
import { fakeTrainingWorker } from "../worker/training/fakeWorker.ts";

function setup(search: string, embedder = "https://host.example") {
  const worker = fakeTrainingWorker();
  const sent = worker.sent;
  const client = new TrainingClient(() => worker);
  const parsed = parseUrlSettings(search);
  const store = createAppStore(client);
  const sync = syncSettings(store, parsed);
  let listener: ((e: MessageEvent) => void) | null = null;
  const win: BridgeWindow = {
    location: { origin: "https://app.example", ancestorOrigins: [embedder] },
    document: { referrer: "" },
    addEventListener: (_, l) => (listener = l),
    removeEventListener: () => (listener = null),
  };
  const posted: { message: unknown; origin: string }[] = [];
  const parent = { postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) };
  const stop = startBridge(store, sync, parsed.settings.origins, win, parent);
  const receive = (data: unknown, origin: string, source: unknown = parent) =>
    listener?.({ data, origin, source } as MessageEvent);
  const emit = (event: WorkerEvent) => worker.emit(event);
  return { sent, store, posted, receive, emit, stop, parent };
}

const play = { type: "nn-explorable", version: 1, command: "play" };

afterEach(() => vi.restoreAllMocks());

describe("startBridge(store, sync, origins)", () => {
  it("runs a command from an allowed origin", () => {
    const { store, sent, receive, emit } = setup("?origins=https://host.example");
    emit({
      type: "ready",
      spec: store.getState().spec,
      trainCount: 1,
      testCount: 1,
      origin: { kind: "untrained", seed: 1 },
    });
    receive(play, "https://host.example");
    expect(sent.at(-1)).toEqual({ op: "play" });
    expect(store.getState().running).toBe(true);
  });

  it("ignores other origins and malformed messages, with one warning each", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { sent, receive } = setup("?origins=https://host.example");
    receive(play, "https://evil.example");
    receive(play, "https://evil.example");
    receive({ type: "nn-explorable", version: 1, command: "explode" }, "https://host.example");
    expect(sent.filter((c) => c.op === "play")).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it("answers an allowed host's malformed message with an `ignored` event every time, and other origins not at all", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { receive, posted } = setup("?origins=https://host.example");
    receive(play, "https://evil.example");
    const explode = { type: "nn-explorable", version: 1, command: "explode" };
    receive(explode, "https://host.example");
    receive(explode, "https://host.example");
    receive({ type: "nn-explorable", version: 1, command: "goToStep", step: 2 }, "https://host.example");
    const ignored = (reason: string) => ({
      message: { type: "nn-explorable", version: 1, event: "ignored", reason },
      origin: "https://host.example",
    });
    expect(posted.filter((p) => (p.message as { event: string }).event === "ignored")).toEqual([
      ignored('unknown command "explode"'),
      ignored('unknown command "explode"'),
      ignored("goToStep is for lesson scenes, not the explorable"),
    ]);
    expect(posted.filter((p) => p.origin !== "https://host.example")).toEqual([]);
  });

  it("only listens to the parent window", () => {
    const { sent, receive } = setup("?origins=https://host.example");
    receive(play, "https://host.example", {});
    expect(sent.filter((c) => c.op === "play")).toEqual([]);
  });

  it("allows its own origin without an allowlist", () => {
    const { receive, sent } = setup("", "https://app.example");
    receive({ ...play, command: "pause" }, "https://app.example");
    expect(sent.at(-1)).toEqual({ op: "pause" });
  });

  it("posts one epochEnded per epoch, in order, when the counters jump two epochs at once", () => {
    const { store, posted } = setup("?origins=https://host.example");
    store.setState({
      stats: { ...store.getState().stats, epoch: 2 },
      history: [
        {
          examplesSeen: 120000,
          trainCost: 0.2,
          testCost: 0.1,
          testAccuracy: 0.9,
          testImages: 10000,
          testSet: "full",
        },
      ],
    });
    expect(posted.map((p) => p.message)).toEqual([
      { type: "nn-explorable", version: 1, event: "epochEnded", epoch: 1, accuracy: null, cost: null },
      { type: "nn-explorable", version: 1, event: "epochEnded", epoch: 2, accuracy: 0.9, cost: 0.1 },
    ]);
  });

  it("posts ready, epochEnded and prediction events to the allowed embedder", () => {
    const { store, emit, posted } = setup("?origins=https://host.example");
    emit({
      type: "ready",
      spec: store.getState().spec,
      trainCount: 1,
      testCount: 1,
      origin: { kind: "untrained", seed: 1 },
    });
    store.setState({
      stats: { ...store.getState().stats, epoch: 1 },
      history: [
        {
          examplesSeen: 60000,
          trainCost: 0.2,
          testCost: 0.1,
          testAccuracy: 0.9,
          testImages: 10000,
          testSet: "full",
        },
      ],
    });
    const out = Float32Array.from([0, 0, 0, 0, 0, 0, 0, 0.93, 0.07, 0]);
    emit({ type: "probed", probe: { probeId: 1, z: [], a: [new Float32Array(784), out] } });
    expect(posted.map((p) => p.origin)).toEqual(Array(3).fill("https://host.example"));
    expect(posted.map((p) => p.message)).toEqual([
      { type: "nn-explorable", version: 1, event: "ready" },
      { type: "nn-explorable", version: 1, event: "epochEnded", epoch: 1, accuracy: 0.9, cost: 0.1 },
      {
        type: "nn-explorable",
        version: 1,
        event: "prediction",
        digit: 7,
        confidence: expect.closeTo(0.93, 6),
      },
    ]);
  });

  it("posts nothing to an embedder that isn't allowed", () => {
    const { store, emit, posted } = setup("", "https://other.example");
    emit({
      type: "ready",
      spec: store.getState().spec,
      trainCount: 1,
      testCount: 1,
      origin: { kind: "untrained", seed: 1 },
    });
    expect(posted).toEqual([]);
  });

  it("sets parameters by their URL names and answers, once the worker accepted them, with the settings", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { store, sent, receive, posted } = setup("?origins=https://host.example");
    receive(
      {
        type: "nn-explorable",
        version: 1,
        command: "set",
        params: { lr: "0.5", batch: "abc", hide: "play" },
      },
      "https://host.example",
    );
    expect(store.getState().hyper.learningRate).toBe(0.5);
    expect(store.getState().hide).toEqual(["play"]);
    expect(sent.at(-1)).toEqual({ op: "setHyper", hyper: { ...store.getState().hyper } });
    await vi.waitFor(() =>
      expect(posted.at(-1)?.message).toMatchObject({
        event: "settings",
        params: { lr: "0.5", hide: "play" },
        problems: ["batch=“abc” is not a whole number from 1 to 60000; using 10"],
      }),
    );
  });

  it("resets to a network of the new shape and seed", () => {
    const { store, sent, receive } = setup("?origins=https://host.example");
    receive(
      { type: "nn-explorable", version: 1, command: "set", params: { hidden: "32", seed: "9" } },
      "https://host.example",
    );
    expect(store.getState().spec.sizes).toEqual([784, 32, 10]);
    expect(store.getState().seed).toBe(9);
    expect(sent.at(-1)).toMatchObject({ op: "reset", seed: 9 });
  });

  it("starts a new preset from its own settings", () => {
    const { store, receive } = setup("?origins=https://host.example&lr=0.2&hidden=8");
    receive(
      { type: "nn-explorable", version: 1, command: "set", params: { preset: "best" } },
      "https://host.example",
    );
    expect(store.getState().preset).toBe("best");
    expect(store.getState().spec).toEqual(PRESETS.best.spec);
    expect(store.getState().hyper).toEqual(presetHyper("best"));
  });
});
