// A runs session driven as its worker drives it, over real MNIST (cut to 1,000 training and 500 test images), with
// a clock that ticks 10 ms per reading, so every slice is five mini-batches: points stream in, stop works, an
// augmented run keeps one trainer (and its momentum) throughout, and `done` carries the trained network.
import { afterEach, describe, expect, it, vi } from "vitest";
import { LIGHT_AUGMENT } from "../../../src/engine/augment.ts";
import { evaluate, toSparse, Trainer } from "../../../src/engine/fast.ts";
import { createNetwork, type Network } from "../../../src/engine/network.ts";
import { augmentSeed, type RunPoint, type RunSpec } from "../../../src/engine/runs.ts";
import { loadMnistFromUrl } from "../../../src/worker/data.ts";
import { augmentedImages } from "../../../src/worker/runs/images.ts";
import type { RunsReply } from "../../../src/worker/runs/protocol.ts";
import { RunsSession } from "../../../src/worker/runs/session.ts";
import { mnistFetch, smallMnist, type Override } from "../fakeFetch.ts";

const SMALL = smallMnist(1000, 500);
const DATA_URL = "http://x/data/mnist";

const RUN: RunSpec = {
  label: "small",
  spec: { sizes: [784, 16, 10], hidden: ["relu"], output: "softmax", cost: "crossEntropy" },
  train: { learningRate: 0.05, batchSize: 10, weightDecay: 0, momentum: 0.9 },
  seed: 3,
  trainLimit: 1000,
  labelSeed: null,
  augment: null,
  trainEval: 200,
  testEval: 500,
  epochs: 2,
  pointEvery: 500,
};

/** A session, what it posted (structured-cloned, as postMessage does), and a fetch that counts its calls. */
function harness(overrides: Record<string, Override> = SMALL) {
  const replies: RunsReply[] = [];
  let clock = 0;
  const fetch = vi.fn(mnistFetch(overrides));
  const session = new RunsSession((reply) => replies.push(structuredClone(reply)), {
    fetch,
    now: () => (clock += 10),
    schedule: (fn) => setImmediate(fn),
  });
  const points = (): RunPoint[] => replies.flatMap((r) => (r.type === "point" ? [r.point] : []));
  const done = (): Network<Float32Array> | undefined =>
    replies.flatMap((r) => (r.type === "done" ? [r.net] : []))[0];
  return { session, replies, points, done, fetch };
}

afterEach(() => vi.restoreAllMocks());

describe("RunsSession", () => {
  it("streams a point before training and every pointEvery examples, then `done` with the trained network", async () => {
    const { session, replies, points, done } = harness();
    await session.start(RUN, DATA_URL);

    expect(replies.filter((r) => r.type === "status")).toEqual([
      { type: "status", text: "downloading MNIST" },
      { type: "status", text: "training" },
    ]);
    const p = points();
    expect(p.map((x) => x.examples)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(p.map((x) => x.epoch)).toEqual([0, 0.5, 1, 1.5, 2]);
    // Every mini-batch of 10 takes one 10 ms tick of the injected clock.
    expect(p.map((x) => x.examplesPerSecond)).toEqual([0, 1000, 1000, 1000, 1000]);
    expect(p.at(-1)!.testAccuracy).toBeGreaterThan(p[0]!.testAccuracy + 0.4);
    expect(p.at(-1)!.trainAccuracy).toBeGreaterThan(p[0]!.trainAccuracy + 0.4);
    expect(replies.at(-1)!.type).toBe("done");

    // `done` is the network the last point measured.
    const net = done()!;
    expect(net.spec).toEqual(RUN.spec);
    const test = await loadMnistFromUrl(DATA_URL, { fetch: mnistFetch(SMALL) }).loadTest();
    expect(evaluate(net, toSparse({ ...test, size: 784 })).accuracy).toBe(p.at(-1)!.testAccuracy);
  });

  it("stop() ends the run at the next slice: no more points and no `done`", async () => {
    const { session, replies, points } = harness();
    const running = session.start(RUN, DATA_URL);
    await vi.waitUntil(() => points().length === 2, { timeout: 20_000, interval: 1 });
    session.handle({ type: "stop" });
    await running;
    expect(points()).toHaveLength(2);
    expect(replies.some((r) => r.type === "done" || r.type === "error")).toBe(false);
  });

  it("a stop during the download ends the run before it trains", async () => {
    const { session, replies } = harness();
    const running = session.start(RUN, DATA_URL);
    session.stop();
    await running;
    expect(replies).toEqual([{ type: "status", text: "downloading MNIST" }]);
  });

  it("trains an augmented run on one trainer, a fresh augmented copy each epoch, momentum carried over", async () => {
    const setData = vi.spyOn(Trainer.prototype, "setData");
    const dispose = vi.spyOn(Trainer.prototype, "dispose");
    const run: RunSpec = { ...RUN, augment: LIGHT_AUGMENT, trainLimit: 500, epochs: 3, pointEvery: 500 };
    const { session, points, done } = harness();
    await session.start(run, DATA_URL);
    expect(points().map((x) => x.epoch)).toEqual([0, 1, 2, 3]);
    expect(setData).toHaveBeenCalledTimes(2);
    expect(dispose).toHaveBeenCalledTimes(1);

    // The same run by hand: one Trainer through three epochs, given epoch e's augmented images by setData.
    const train = await loadMnistFromUrl(DATA_URL, { fetch: mnistFetch(SMALL) }).loadTrain();
    const labels = train.labels.subarray(0, run.trainLimit);
    const epochImages = async (e: number) =>
      (await augmentedImages(
        train.pixels,
        labels,
        LIGHT_AUGMENT,
        augmentSeed(run.seed, e, 500),
        async () => true,
      ))!;
    const options = { ...run.train, shuffle: true };
    const trainer = new Trainer(createNetwork(run.spec, run.seed), await epochImages(0), options, run.seed);
    for (let e = 0; e < run.epochs; e++) {
      if (e > 0) trainer.setData(await epochImages(e));
      trainer.epoch();
    }
    expect(done()!.w).toEqual(trainer.net.w);
    trainer.dispose();
  });

  it("refuses a run whose training settings the table rejects, with the table's sentence", async () => {
    const { session, replies, fetch } = harness();
    await session.start({ ...RUN, train: { ...RUN.train, learningRate: 50 } }, DATA_URL);
    expect(replies).toEqual([
      {
        type: "error",
        message:
          "The run “small” cannot start: the learning rate η must be a number between 0.001 and 10, not 50.",
      },
    ]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("reports a download that fails as an error with the loader's sentence", async () => {
    const { session, replies } = harness({ "manifest.json": 404 });
    await session.start(RUN, DATA_URL);
    const last = replies.at(-1)!;
    expect(last.type).toBe("error");
    expect(last.type === "error" && last.message).toMatch(/manifest/);
  });
});
