// Saved work: slots round-tripped through an in-memory key-value store, corrupt records discarded (a failing store is
// not a corrupt record), the slot a page starts from, and the URL's say.
import { describe, expect, it } from "vitest";
import { modelToJson } from "../../src/engine/model.ts";
import { createNetwork } from "../../src/engine/network.ts";
import { PRESETS } from "../../src/engine/presets.ts";
import {
  acceptSaved,
  chooseSaved,
  createSavedWork,
  FIRST_SLOT,
  MAX_SLOTS,
  newSlot,
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
    keys: () => Promise.resolve([...map.keys()]),
  };
}

const spec = PRESETS["3b1b"].spec;
const work: SavedWork = {
  version: 2,
  origin: { kind: "trained", from: { kind: "untrained", seed: 7 }, epochs: 2 },
  model: modelToJson(createNetwork(spec, 7)),
  spec,
  hyper: { learningRate: 0.5, batchSize: 10, weightDecay: 0, momentum: 0, lrSchedule: 1 },
  seed: 7,
  input: { kind: "test", index: 12, label: null },
  search: "?seed=7",
  savedAt: 1000,
};

describe("createSavedWork(kv)", () => {
  it("find() gives back what save(slot, work) saved, newest first", async () => {
    const saved = createSavedWork(memoryStore());
    expect(await saved.find()).toEqual({ slots: [], unreadable: [] });
    await saved.save("work", work);
    await saved.save("work:b", { ...work, seed: 8, savedAt: 2000 });
    expect(await saved.find()).toEqual({
      slots: [
        { slot: "work:b", work: { ...work, seed: 8, savedAt: 2000 } },
        { slot: "work", work },
      ],
      unreadable: [],
    });
  });

  it("a corrupt record is discarded and its reason given, not thrown; other keys are left alone", async () => {
    const kv = memoryStore();
    const saved = createSavedWork(kv);
    await kv.set("work", { ...work, model: '{"format":"mnist-mlp"' });
    await kv.set("work:x", "nonsense");
    await kv.set("unrelated", 1);
    const found = await saved.find();
    expect(found.slots).toEqual([]);
    expect(found.unreadable).toHaveLength(2);
    expect([...kv.map.keys()]).toEqual(["unrelated"]);
  });

  it("a record whose settings the URL would refuse is discarded too, with the reason", async () => {
    const kv = memoryStore();
    const saved = createSavedWork(kv);
    await kv.set("work", { ...work, hyper: { ...work.hyper, learningRate: 50 } });
    expect((await saved.find()).unreadable).toEqual([
      "the record's training settings are outside what the app accepts",
    ]);
    await kv.set("work", { ...work, seed: 0 });
    expect((await saved.find()).unreadable).toEqual(["the record's seed is not a valid seed"]);
    await kv.set("work", { ...work, input: { kind: "test", index: 10000 } });
    expect((await saved.find()).unreadable).toHaveLength(1);
    expect(kv.map.size).toBe(0);
  });

  it("a storage that fails rejects: it is not a corrupt record, and nothing is deleted", async () => {
    const kv = memoryStore();
    await kv.set("work", work);
    const failing = { ...kv, get: () => Promise.reject(new Error("the disk is gone")) };
    await expect(createSavedWork(failing).find()).rejects.toThrow("the disk is gone");
    expect(kv.map.size).toBe(1);
  });

  it("a version 1 record (no origin, no date) comes back as the work of the last visit", async () => {
    const kv = memoryStore();
    const v1: Record<string, unknown> = { ...work, version: 1 };
    delete v1.origin;
    delete v1.savedAt;
    await kv.set("work", v1);
    expect((await createSavedWork(kv).find()).slots).toEqual([
      {
        slot: "work",
        work: { ...work, savedAt: 0, origin: { kind: "file", name: "your last visit", epochs: null } },
      },
    ]);
  });

  it("a record saved before the η schedule existed comes back with η as set (schedule 0), as it trained", async () => {
    const kv = memoryStore();
    const { lrSchedule, ...before } = work.hyper;
    expect(lrSchedule).toBe(1);
    await kv.set("work", { ...work, hyper: before });
    const { slots } = await createSavedWork(kv).find();
    expect(slots.map((s) => s.work.hyper)).toEqual([{ ...before, lrSchedule: 0 }]);
  });

  it("clearAll() forgets every slot; prune(inUse) keeps the newest MAX_SLOTS and the slots open tabs use", async () => {
    const kv = memoryStore();
    const saved = createSavedWork(kv);
    for (let i = 0; i < MAX_SLOTS + 3; i++) await saved.save(`work:${i}`, { ...work, savedAt: i });
    await saved.prune(["work:0"]);
    const kept = (await saved.find()).slots.map((s) => s.slot);
    expect(kept).toEqual(["work:7", "work:6", "work:5", "work:4", "work:3", "work:0"]);
    await kv.set("other", 1);
    await saved.clearAll();
    expect([...kv.map.keys()]).toEqual(["other"]);
  });
});

describe("chooseSaved(found, parsedUrl, search)", () => {
  const slots = [
    { slot: "work:new", work: { ...work, search: "?hidden=32", savedAt: 3 } },
    { slot: "work", work: { ...work, search: "?seed=7", savedAt: 2 } },
  ];
  const choose = (search: string) => chooseSaved({ slots, unreadable: [] }, parseUrlSettings(search), search);

  it("a reload restores the slot saved at the same address, whichever is newest", () => {
    expect(choose("?seed=7")).toEqual(slots[1]);
    expect(choose("?hidden=32")).toEqual(slots[0]);
  });
  it("a link that names no network restores the newest work; one that names another starts afresh", () => {
    expect(choose("")?.slot).toBe("work:new");
    expect(choose("?lr=2")?.work.hyper.learningRate).toBe(2);
    expect(choose("?hidden=64")).toBeNull();
    expect(choose("?embed=1")).toBeNull();
  });
  it("new slots get fresh names, the first is 'work'", () => {
    expect(FIRST_SLOT).toBe("work");
    expect(newSlot(() => 0.5)).toMatch(/^work:[0-9a-z]+$/);
    expect(newSlot(() => 0.5)).not.toBe(newSlot(() => 0.25));
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
