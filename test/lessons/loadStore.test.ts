// A load as a store: it starts on first use, runs once, keeps its outcome readable, and tries again after a failure.
import { describe, expect, it } from "vitest";
import { createLoadStore, storesByKey } from "../../src/lessons/loadStore.ts";

describe("createLoadStore", () => {
  it("createLoadStore(load) loads once, on the first subscriber or load(), and keeps the value", async () => {
    let calls = 0;
    const store = createLoadStore(async () => ++calls);
    expect(calls).toBe(0);
    expect(store.getState()).toEqual({ status: "loading" });
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getState().status));
    expect(await store.load()).toBe(1);
    expect(await store.load()).toBe(1);
    expect(calls).toBe(1);
    expect(store.getState()).toEqual({ status: "ready", value: 1 });
    expect(seen).toEqual(["ready"]);
  });

  it("keeps a failure's sentence, and the next subscriber tries again", async () => {
    let calls = 0;
    const store = createLoadStore(async () => {
      calls++;
      if (calls === 1) throw new Error("offline");
      return "model";
    });
    await expect(store.load()).rejects.toThrow("offline");
    expect(store.getState()).toEqual({ status: "error", message: "offline" });
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getState().status));
    expect(await store.load()).toBe("model");
    expect(calls).toBe(2);
    expect(seen).toEqual(["loading", "ready"]);
  });
});

describe("storesByKey", () => {
  it("storesByKey(make)(key) is one store per key", async () => {
    const asked: number[] = [];
    const stores = storesByKey(async (n: number) => {
      asked.push(n);
      return n * 2;
    });
    expect(stores(5)).toBe(stores(5));
    expect(await stores(5).load()).toBe(10);
    expect(await stores(1).load()).toBe(2);
    expect(asked).toEqual([5, 1]);
  });
});
