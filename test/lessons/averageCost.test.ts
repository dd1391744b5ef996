// averageCost: the mean of the engine's exampleCost over a test set, in chunks, with progress; it agrees with
// the training path's evaluate().
import { describe, expect, it } from "vitest";
import { evaluate, toSparse } from "../../src/engine/fast.ts";
import { argmax, exampleCost, forward, oneHot } from "../../src/engine/network.ts";
import { averageCost } from "../../src/lessons/cost/averageCost.ts";
import { imageActivations } from "../../src/engine/idx.ts";
import { fakeLessonData } from "./fixtures.ts";

const now = () => Promise.resolve();

describe("averageCost", () => {
  it("averageCost(net, test) is (1/n) Σ exampleCost over the images, with the count answered right", async () => {
    const { trained: net, test } = fakeLessonData(7);
    let sum = 0;
    let correct = 0;
    for (let i = 0; i < test.count; i++) {
      const aL = forward(net, imageActivations(test, i));
      sum += exampleCost(net.spec, aL, oneHot(test.labels[i]!, 10)).cost;
      if (argmax(aL) === test.labels[i]) correct++;
    }
    const result = await averageCost(net, test, { chunk: 3, pause: now });
    expect(result.count).toBe(7);
    expect(result.correct).toBe(correct);
    expect(result.cost).toBeCloseTo(sum / 7, 12);
  });

  it("reports progress after every chunk and pauses between chunks", async () => {
    const { trained: net, test } = fakeLessonData(7);
    const progress: number[] = [];
    let pauses = 0;
    await averageCost(net, test, {
      chunk: 3,
      onProgress: (done, total) => progress.push(done / total),
      pause: () => {
        pauses++;
        return Promise.resolve();
      },
    });
    expect(progress).toEqual([3 / 7, 6 / 7, 1]);
    expect(pauses).toBe(2);
  });

  it("stops when aborted", async () => {
    const { trained: net, test } = fakeLessonData(7);
    const stop = new AbortController();
    const run = averageCost(net, test, {
      chunk: 2,
      signal: stop.signal,
      pause: () => {
        stop.abort(new Error("gone"));
        return Promise.resolve();
      },
    });
    await expect(run).rejects.toThrow("gone");
  });

  it("agrees with evaluate() on the fast path", async () => {
    const { untrained: net, test } = fakeLessonData(9);
    const fast = evaluate(
      net,
      toSparse({ count: test.count, size: 784, pixels: test.pixels, labels: test.labels }),
    );
    const mine = await averageCost(net, test, { pause: now });
    expect(mine.cost).toBeCloseTo(fast.cost, 5);
    expect(mine.correct).toBe(fast.correct);
  });
});
