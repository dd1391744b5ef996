// Between URL settings and a running store: starting state, settings read back, model sources, URL write-back.
import { describe, expect, it } from "vitest";
import { createAppStore } from "../../src/store/appStore.ts";
import { defaultSettings, parseUrlSettings } from "../../src/store/urlState.ts";
import { initialOverrides, settingsFromStore, syncSettings } from "../../src/store/urlSync.ts";
import { TrainingClient } from "../../src/worker/training/client.ts";
import type { WorkerLike } from "../../src/worker/workerLike.ts";

const worker: WorkerLike = { postMessage() {}, terminate() {}, onmessage: null, onerror: null };

describe("settingsFromStore(state, model, page)", () => {
  it("reads back the settings a store was started with", () => {
    const { settings } = parseUrlSettings("?hidden=32,8&activation=relu&lr=0.5&seed=9&hide=play&model=none");
    const store = createAppStore(new TrainingClient(() => worker), initialOverrides(settings));
    expect(settingsFromStore(store.getState(), "none", settings)).toEqual(settings);
  });

  it("takes the input's test image", () => {
    const store = createAppStore(new TrainingClient(() => worker));
    store.getState().setInput({ kind: "test", index: 42, label: null });
    expect(settingsFromStore(store.getState(), 30, defaultSettings()).image).toBe(42);
  });
});

describe("syncSettings(store, parsed).set(params)", () => {
  function started(search: string) {
    const sent: unknown[] = [];
    const w: WorkerLike = {
      postMessage: (m) => sent.push(m),
      terminate() {},
      onmessage: null,
      onerror: null,
    };
    const parsed = parseUrlSettings(search);
    const store = createAppStore(new TrainingClient(() => w), initialOverrides(parsed.settings));
    const sync = syncSettings(store, parsed);
    return { sent, store, sync };
  }

  it("an invalid value keeps the current setting (never the default) and names only that key", () => {
    const { sent, store, sync } = started("?lr=0.5&seed=4&model=none");
    const { problems } = sync.set({ lr: "abc" });
    expect(problems).toEqual(["lr=“abc” is not a number between 0.001 and 10; using 0.5"]);
    expect(sent).toEqual([]); // nothing changed, nothing sent
    expect(store.getState().hyper.learningRate).toBe(0.5);
    sync.set({ seed: "0" });
    expect(sent).toEqual([]); // an invalid seed does not replace the network
  });

  it("a valid value is sent to the worker", () => {
    const { sent, sync } = started("?lr=0.5");
    expect(sync.set({ lr: "2", schedule: "0" }).problems).toEqual([]);
    expect(sent).toEqual([
      {
        op: "setHyper",
        hyper: { learningRate: 2, batchSize: 10, weightDecay: 5e-5, momentum: 0, lrSchedule: 0 },
      },
    ]);
  });

  it("new layer sizes keep a ReLU network's activation, and say nothing about keys not sent", () => {
    const { store, sync } = started(
      "?hidden=16,16&activation=relu&output=softmax&cost=crossEntropy&model=none",
    );
    expect(sync.set({ hidden: "10" }).problems).toEqual([]);
    expect(store.getState().spec).toMatchObject({
      sizes: [784, 10, 10],
      hidden: ["relu"],
      output: "softmax",
    });
    expect(sync.set({ hidden: "32,32,32" }).problems).toEqual([]);
    expect(store.getState().spec.hidden).toEqual(["relu", "relu", "relu"]);
  });

  it("mixed activations are kept layer by layer when the count allows, else extended and said of `hidden`", () => {
    const { store, sync } = started("?hidden=16,16&activation=relu,tanh&model=none");
    expect(sync.set({ hidden: "8,8" }).problems).toEqual([]);
    expect(store.getState().spec.hidden).toEqual(["relu", "tanh"]);
    expect(sync.set({ hidden: "8,8,8" }).problems).toEqual([
      "hidden=8,8,8 has 3 layers but the activations were relu,tanh; using relu,tanh,tanh",
    ]);
    expect(store.getState().spec.hidden).toEqual(["relu", "tanh", "tanh"]);
    // Activations sent with the sizes are taken as sent.
    expect(sync.set({ hidden: "8", activation: "sigmoid" }).problems).toEqual([]);
    expect(store.getState().spec.hidden).toEqual(["sigmoid"]);
  });

  it("an invalid layer size keeps the network as it is and names only `hidden`", () => {
    const { sent, store, sync } = started("?hidden=16,16&activation=relu&model=none");
    expect(sync.set({ hidden: "0" }).problems).toEqual([
      "hidden=“0” is not a list of at most 4 layer sizes, each a whole number from 1 to 512; using 16,16",
    ]);
    expect(store.getState().spec.hidden).toEqual(["relu", "relu"]);
    expect(sent.filter((c) => (c as { op: string }).op === "reset")).toEqual([]);
  });

  it("a changed network after a checkpoint was loaded reports nothing about `model`, which was not sent", () => {
    const { store, sync } = started("?model=5");
    expect(sync.set({ hidden: "10" }).problems).toEqual([]);
    expect(store.getState().spec.sizes).toEqual([784, 10, 10]);
  });

  it("names the page's own settings, unknown names and names in another case, and changes nothing for them", () => {
    const { sent, store, sync } = started("?lr=0.5&model=none");
    const { problems } = sync.set({
      origins: "https://a.example",
      view: "pad",
      embed: "0",
      LR: "2",
      speed: "x",
    });
    expect(problems).toEqual([
      "origins is set by the page's address and cannot change while it runs; it was not changed",
      "view is set by the page's address and cannot change while it runs; it was not changed",
      "embed is set by the page's address and cannot change while it runs; it was not changed",
      "“LR” is not a setting (names are lower case: lr); it was ignored",
      "“speed” is not a setting; it was ignored",
    ]);
    expect(sent).toEqual([]);
    expect(store.getState().hyper.learningRate).toBe(0.5);
    expect(sync.current().view).toBe("all");
  });
});
