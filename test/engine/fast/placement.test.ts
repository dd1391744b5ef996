// Image sets in the kernels' memory have owners: placeImages(data) copies them in, release() gives the memory back
// (once, however often it is called), and evaluate reads a placed set where it is or places a plain one for the call.
import { describe, expect, it } from "vitest";
import { evaluate, placeImages, toSparse, wasmMemoryBytes, type Dataset } from "../../../src/engine/fast.ts";
import { replaceImages } from "../../../src/engine/fast/placement.ts";
import { createNetwork, type Network, type NetworkSpec } from "../../../src/engine/network.ts";
import { createRng } from "../../../src/engine/rng.ts";

/** `count` random 10×10 images, about a third of the pixels inked, labels 0–3. */
function images(count: number, seed: number): Dataset {
  const rng = createRng(seed);
  const size = 100;
  const pixels = Uint8Array.from({ length: count * size }, () => (rng.next() < 0.35 ? 1 + rng.int(255) : 0));
  const labels = Uint8Array.from({ length: count }, () => rng.int(4));
  return { count, size, pixels, labels };
}

const spec: NetworkSpec = {
  sizes: [100, 16, 4],
  hidden: ["sigmoid"],
  output: "softmax",
  cost: "crossEntropy",
};
const net = createNetwork(spec, 1) as Network<Float32Array>;

describe("placeImages(data)", () => {
  it("returns a handle on the images that release() frees, and a second release() does nothing", () => {
    const data = toSparse(images(50, 1));
    const placed = placeImages(data);
    expect(placed.data).toBe(data);
    expect(placed.released).toBe(false);
    placed.release();
    expect(placed.released).toBe(true);
    expect(() => placed.release()).not.toThrow();
  });

  it("reuses released memory: placing and releasing 200 times does not grow the kernels' memory", () => {
    const data = toSparse(images(2000, 2)); // ~420 KB placed, more than the 64 KiB of a memory page
    placeImages(data).release();
    const before = wasmMemoryBytes();
    for (let i = 0; i < 200; i++) placeImages({ ...data }).release(); // a new object each time: nothing cached
    expect(wasmMemoryBytes()).toBe(before);
  });
});

describe("replaceImages(old, data)", () => {
  it("releases old and, from the first replacement on, keeps one block for sets of about the same size", () => {
    const sets = [3, 4, 5, 6, 7, 8].map((seed) => toSparse(images(1000 + seed, seed)));
    let placed = placeImages(sets[0]!);
    const old = placed;
    placed = replaceImages(placed, sets[1]!);
    expect(old.released).toBe(true);
    const after = wasmMemoryBytes();
    for (const set of sets.slice(2)) placed = replaceImages(placed, set);
    expect(wasmMemoryBytes()).toBe(after);
    expect(placed.data).toBe(sets.at(-1));
    placed.release();
  });
});

describe("evaluate(net, data)", () => {
  it("gives the same answer for plain and placed images, and leaves no memory behind", () => {
    const data = toSparse(images(250, 4));
    const plain = evaluate(net, data);
    const placed = placeImages(data);
    expect(evaluate(net, placed)).toEqual(plain);
    expect(evaluate(net, placed, 120)).toEqual(evaluate(net, data, 120));
    placed.release();
    const before = wasmMemoryBytes();
    for (let i = 0; i < 50; i++) evaluate(net, data);
    expect(wasmMemoryBytes()).toBe(before);
  });

  it("refuses images that were released", () => {
    const placed = placeImages(toSparse(images(10, 5)));
    placed.release();
    expect(() => evaluate(net, placed)).toThrow(/released/);
  });
});
