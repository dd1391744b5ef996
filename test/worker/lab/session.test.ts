// The lab session on the real MNIST files: data, a shipped model, and each experiment of its dispatch table
// answering by name, timed by the clock it is given.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LabSession } from "../../../src/worker/lab/session.ts";
import { mnistFetch } from "../fakeFetch.ts";

const model = readFileSync(new URL("../../../public/models/3b1b-epoch-30.json", import.meta.url), "utf8");
const batch = [0, 1, 2, 3].map((index) => ({ split: "test" as const, index }));

/** A lab over the real files whose clock ticks 1 ms per reading. */
function lab(): LabSession {
  let clock = 0;
  return new LabSession({ fetch: mnistFetch(), now: () => (clock += 1) });
}

describe("LabSession", () => {
  it("loads data and a model, then answers experiments with the engine's numbers", async () => {
    const { ops } = lab();
    expect(await ops.loadData({ dataUrl: "http://x/data", trainLimit: 500 })).toEqual({
      trainCount: 500,
      testCount: 10000,
    });
    expect((await ops.loadModel({ name: "trained", text: model })).spec.sizes).toEqual([784, 16, 16, 10]);

    const bt = await ops.traceBatch({ model: "trained", batch });
    expect(bt.examples).toHaveLength(4);
    const surface = await ops.costSurface({
      model: "trained",
      batch,
      params: [{ kind: "w", layer: 3, index: 0 }],
      span: 1,
      steps: 3,
    });
    expect(surface.values[1]).toBeCloseTo(bt.cost, 6);

    const step = await ops.sgdStep({ model: "trained", batch, learningRate: 0.5, saveAs: "stepped" });
    expect(step.before).toBeCloseTo(bt.cost, 6);
    const again = await ops.traceBatch({ model: "stepped", batch });
    expect(again.cost).toBeCloseTo(step.after, 6);
  });

  it("compareDescent trains on the loaded images and times each step by the injected clock", async () => {
    const { ops } = lab();
    await ops.loadData({ dataUrl: "http://x/data", trainLimit: 500 });
    await ops.loadModel({ name: "trained", text: model });
    const [run] = await ops.compareDescent({
      model: "trained",
      runs: [{ label: "mini-batch", batchSize: 10, learningRate: 1 }],
      budget: 100,
      points: 2,
      heldOut: 200,
    });
    expect(run!.path.map((p) => p.examplesSeen)).toEqual([0, 50, 100]);
    // Two readings 1 ms apart around each of the 10 steps: 10 ms of training.
    expect(run!.path.at(-1)!.seconds).toBeCloseTo(0.01, 9);
  });

  it("says what is wrong with a request in a sentence", async () => {
    const { ops } = lab();
    await expect(ops.traceBatch({ model: "nope", batch })).rejects.toThrow(/no network called "nope"/);
    await ops.loadModel({ name: "m", text: model });
    await expect(ops.traceBatch({ model: "m", batch })).rejects.toThrow(/test images are not loaded/);
    await expect(ops.loadModel({ name: "bad", text: "{" })).rejects.toThrow(/JSON/);
    await expect(
      ops.compareDescent({ model: "m", runs: [], budget: 10, points: 1, heldOut: 10 }),
    ).rejects.toThrow("the training images are not loaded yet");
  });
});
