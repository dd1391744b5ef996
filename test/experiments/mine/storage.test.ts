// The "My digits" collection on an in-memory backend: adds, deletes and clears persist through a new store on
// the same backend (a reload), damaged entries are skipped, bad labels are refused.
import { describe, expect, it } from "vitest";
import { asDigit, digitStore, DIGITS_KEY, memoryBackend } from "../../../src/experiments/mine/storage.ts";

const image = (v: number) => new Float32Array(784).fill(v);

describe("digitStore", () => {
  it("add(pixels, label, time) keeps the digit, and a new store on the same backend still has it", async () => {
    const backend = memoryBackend();
    const store = digitStore(backend);
    expect(await store.list()).toEqual([]);
    await store.add(image(0.25), 7, 1000);
    const after = await store.add(image(1), 1, 2000);
    expect(after.map((d) => [d.label, d.time])).toEqual([
      [7, 1000],
      [1, 2000],
    ]);
    expect(after[0]!.pixels).toHaveLength(784);
    expect(after[0]!.pixels[100]).toBe(0.25);
    expect(new Set(after.map((d) => d.id)).size).toBe(2);

    const reloaded = await digitStore(backend).list();
    expect(reloaded).toEqual(after);
  });

  it("two adds without waiting both land", async () => {
    const store = digitStore(memoryBackend());
    await Promise.all([store.add(image(0), 3, 5), store.add(image(0), 4, 5)]);
    expect((await store.list()).map((d) => d.label)).toEqual([3, 4]);
  });

  it("remove(id) deletes one digit; clear() deletes them all and the key", async () => {
    const backend = memoryBackend();
    const store = digitStore(backend);
    await store.add(image(0), 1, 1);
    const [a, b] = await store.add(image(0), 2, 2);
    expect((await store.remove(a!.id)).map((d) => d.id)).toEqual([b!.id]);
    expect(await store.clear()).toEqual([]);
    expect(backend.data.has(DIGITS_KEY)).toBe(false);
  });

  it("refuses a label outside 0…9 or an image that is not 784 pixels; clamps pixels into [0, 1]", async () => {
    const store = digitStore(memoryBackend());
    await expect(store.add(image(0), 10)).rejects.toThrow(RangeError);
    await expect(store.add(image(0), 1.5)).rejects.toThrow(RangeError);
    await expect(store.add(new Float32Array(10), 1)).rejects.toThrow(RangeError);
    const [d] = await store.add(image(3), 0, 1);
    expect(Math.max(...d!.pixels)).toBe(1);
  });

  it("skips stored entries that are not digits", async () => {
    const backend = memoryBackend();
    const good = { id: "a", pixels: Array<number>(784).fill(0), label: 5, time: 1 };
    await backend.set(DIGITS_KEY, [good, { ...good, label: 12 }, { ...good, pixels: [1] }, "<b>x</b>", null]);
    expect(await digitStore(backend).list()).toEqual([good]);
    await backend.set(DIGITS_KEY, "not a list");
    expect(await digitStore(backend).list()).toEqual([]);
  });

  it("asDigit refuses pixels outside [0, 1]", () => {
    expect(asDigit({ id: "a", pixels: Array<number>(784).fill(2), label: 5, time: 1 })).toBeNull();
  });
});
