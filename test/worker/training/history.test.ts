// The cost curve's schedule: the test subset evaluated every 1,000 examples to 10,000 then log-spaced, the whole
// test set at an epoch's end, a step's end and for a new network; each point says on how many test images.
import { describe, expect, it } from "vitest";
import { placeImages, toSparse, type PlacedImages } from "../../../src/engine/fast.ts";
import { MNIST_PIXELS } from "../../../src/engine/mnist.ts";
import { createNetwork } from "../../../src/engine/network.ts";
import { PRESETS } from "../../../src/engine/presets.ts";
import { createRng } from "../../../src/engine/rng.ts";
import { CostHistory, nextSample, SUBSET_IMAGES } from "../../../src/worker/training/history.ts";

/** `count` chunks of 20 random images each, placed for evaluation. */
function chunks(count: number): PlacedImages[] {
  const rng = createRng(5);
  return Array.from({ length: count }, () => {
    const pixels = Uint8Array.from({ length: 20 * MNIST_PIXELS }, () => (rng.next() < 0.2 ? 255 : 0));
    const labels = Uint8Array.from({ length: 20 }, () => rng.int(10));
    return placeImages(toSparse({ count: 20, size: MNIST_PIXELS, pixels, labels }));
  });
}

describe("nextSample(seen)", () => {
  it("is every 1,000 examples up to 10,000, then each about 1.25 times the last", () => {
    expect([0, 1, 999, 1000, 9999].map(nextSample)).toEqual([1000, 1000, 1000, 2000, 10000]);
    const schedule = [10000];
    while (schedule.length < 8) schedule.push(nextSample(schedule.at(-1)!));
    expect(schedule).toEqual([10000, 13000, 16000, 20000, 25000, 31000, 39000, 49000]);
  });
});

describe("CostHistory", () => {
  const net = createNetwork(PRESETS["3b1b"].spec, 1);
  const now = () => 0;

  it("evaluates the subset at the scheduled counts and the whole test set at an epoch's end", () => {
    const all = chunks(60); // 1,200 images: the subset is the first 1,000 (50 chunks)
    const h = new CostHistory();
    h.restart();
    h.requestPoint(0, "full");
    expect(h.evaluateSlice(net, all, now, Infinity)?.testImages).toBe(1200);
    expect(h.nextSampleAt).toBe(1000);

    h.addCost(1, 990, 1.5);
    h.afterSlice(10, 99, 990, false, false);
    expect(h.evaluating).toBe(false);
    h.addCost(1, 10, 0.45);
    h.afterSlice(10, 1, 1000, false, false);
    expect(h.evaluating).toBe(true);
    expect(h.nextSampleAt).toBe(2000);
    const subset = h.evaluateSlice(net, all, now, Infinity)!;
    expect(subset).toMatchObject({ examplesSeen: 1000, testImages: SUBSET_IMAGES, testSet: "subset" });

    h.afterSlice(10, 5, 1050, false, true); // an epoch ended
    expect(h.evaluateSlice(net, all, now, Infinity)?.testImages).toBe(1200);
    const points = h.take();
    expect(points.map((p) => [p.examplesSeen, p.testImages])).toEqual([
      [0, 1200],
      [1000, 1000],
      [1050, 1200],
    ]);
    // Each point carries the η of its last mini-batch; none trained before the first or since the second.
    expect(points.map((p) => p.learningRate)).toEqual([null, 0.45, null]);
  });

  it("closes a point without figures when another evaluation is asked for before it ran", () => {
    const h = new CostHistory();
    h.restart();
    h.requestPoint(0, "full");
    h.afterSlice(10, 1, 1000, false, false);
    expect(h.take()).toEqual([
      {
        examplesSeen: 0,
        trainCost: Number.NaN,
        learningRate: null,
        testCost: null,
        testAccuracy: null,
        testImages: null,
        testSet: null,
      },
    ]);
  });
});
