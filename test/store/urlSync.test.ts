// Between URL settings and a running store: starting state, settings read back, model sources, URL write-back.
import { describe, expect, it } from "vitest";
import { createAppStore } from "../../src/store/appStore.ts";
import { defaultSettings, parseUrlSettings } from "../../src/store/urlState.ts";
import { initialOverrides, modelFromSource, settingsFromStore } from "../../src/store/urlSync.ts";
import { TrainingClient, type WorkerLike } from "../../src/worker/client.ts";

const worker: WorkerLike = { postMessage() {}, terminate() {}, onmessage: null, onerror: null };

describe("modelFromSource(source)", () => {
  it.each([
    ["untrained, seed 3", "none"],
    ["pretrained 784-16-16-10 (30 epochs)", 30],
    ["checkpoint of 784-16-16-10 (1 epoch)", 1],
    ["checkpoint of 784-16-16-10 (7 epochs)", null],
    ["my-model.json 784-100-10 (30 epochs)", null],
  ])("%s → %s", (source, model) => {
    expect(modelFromSource(source)).toBe(model);
  });
});

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
