// Saved work: a round trip through an in-memory key-value store, corrupt records discarded, the URL's say.
import { describe, expect, it } from "vitest";
import { modelToJson } from "../../src/engine/model.ts";
import { createNetwork } from "../../src/engine/network.ts";
import { PRESETS } from "../../src/engine/presets.ts";
import {
  acceptSaved,
  createSavedWork,
  type KeyValueStore,
  type SavedWork,
} from "../../src/store/savedWork.ts";
import { parseUrlSettings } from "../../src/store/urlState.ts";

function memoryStore(): KeyValueStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: (key) => Promise.resolve(structuredClone(map.get(key))),
    set: (key, value) => Promise.resolve(void map.set(key, structuredClone(value))),
    del: (key) => Promise.resolve(void map.delete(key)),
  };
}

const spec = PRESETS["3b1b"].spec;
const work: SavedWork = {
  version: 2,
  origin: { kind: "trained", from: { kind: "untrained", seed: 7 }, epochs: 2 },
  model: modelToJson(createNetwork(spec, 7)),
  spec,
  hyper: { learningRate: 0.5, batchSize: 10, weightDecay: 0, momentum: 0 },
  seed: 7,
  input: { kind: "test", index: 12, label: null },
  search: "?seed=7",
};

describe("createSavedWork(kv)", () => {
  it("restore() gives back what save(work) saved", async () => {
    const saved = createSavedWork(memoryStore());
    expect(await saved.restore()).toEqual({ kind: "none" });
    await saved.save(work);
    expect(await saved.restore()).toEqual({ kind: "work", work });
  });

  it("a corrupt record is discarded and reported, not thrown", async () => {
    const kv = memoryStore();
    const saved = createSavedWork(kv);
    await kv.set("work", { ...work, model: '{"format":"mnist-mlp"' });
    const restored = await saved.restore();
    expect(restored.kind).toBe("corrupt");
    expect(kv.map.size).toBe(0);
    await kv.set("work", "nonsense");
    expect((await saved.restore()).kind).toBe("corrupt");
    await kv.set("work", { ...work, hyper: { learningRate: "fast" } });
    expect((await saved.restore()).kind).toBe("corrupt");
  });

  it("a record whose settings the URL would refuse is discarded too, with the reason", async () => {
    const kv = memoryStore();
    const saved = createSavedWork(kv);
    await kv.set("work", { ...work, hyper: { ...work.hyper, learningRate: 50 } });
    expect(await saved.restore()).toEqual({
      kind: "corrupt",
      reason: "the record's training settings are outside what the app accepts",
    });
    await kv.set("work", { ...work, seed: 0 });
    expect(await saved.restore()).toMatchObject({
      kind: "corrupt",
      reason: "the record's seed is not a valid seed",
    });
    await kv.set("work", { ...work, input: { kind: "test", index: 10000 } });
    expect((await saved.restore()).kind).toBe("corrupt");
    expect(kv.map.size).toBe(0);
  });

  it("a version 1 record (no origin) comes back as the work of the last visit", async () => {
    const kv = memoryStore();
    const v1: Record<string, unknown> = { ...work, version: 1 };
    delete v1.origin;
    await kv.set("work", v1);
    const restored = await createSavedWork(kv).restore();
    expect(restored).toEqual({
      kind: "work",
      work: { ...work, origin: { kind: "file", name: "your last visit", epochs: null } },
    });
  });

  it("clear() forgets the saved work", async () => {
    const saved = createSavedWork(memoryStore());
    await saved.save(work);
    await saved.clear();
    expect(await saved.restore()).toEqual({ kind: "none" });
  });
});

describe("acceptSaved(work, parsedUrl, search)", () => {
  const accept = (search: string) => acceptSaved(work, parseUrlSettings(search), search);

  it("a reload of the page it was saved on restores everything", () => {
    expect(accept("?seed=7")).toEqual(work);
  });
  it("an embed, or a link that sets the seed, model or network, is not restored over", () => {
    expect(accept("?embed=1")).toBeNull();
    expect(accept("?seed=3")).toBeNull();
    expect(accept("?model=0")).toBeNull();
    expect(accept("?hidden=32")).toBeNull();
  });
  it("other parameters a link sets win over the saved ones", () => {
    const kept = accept("?lr=2&image=5");
    expect(kept?.hyper.learningRate).toBe(2);
    expect(kept?.hyper.batchSize).toBe(10);
    expect(kept?.input).toEqual({ kind: "test", index: 5, label: null });
    expect(kept?.model).toBe(work.model);
  });
});
