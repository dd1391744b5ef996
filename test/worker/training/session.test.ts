// Tests for the training worker's logic, driven through the harness (harness.ts): a fake fetch serving real MNIST, a
// clock that ticks 10 ms per reading, and a scheduler the test pumps by hand.
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { modelToJson, parseModel } from "../../../src/engine/model.ts";
import {
  createNetwork,
  argmax,
  forward,
  oneHot,
  traceExample,
  type NetworkSpec,
} from "../../../src/engine/network.ts";
import type { Command } from "../../../src/worker/training/protocol.ts";
import { allFinite, frameNetwork, harness, HYPER, RELU_SPEC, SMALL, SPEC, testPixels } from "./harness.ts";
import { saliency } from "../../../src/engine/saliency.ts";

describe("TrainingSession", () => {
  it("init posts progress, then testReady, then ready, and a first point evaluating the start network", async () => {
    const h = harness({ full: true });
    await h.start();
    const types = h.events
      // Frames and the start network's lastGood may come first: the network exists before the data; the echo of
      // the settings answers init at once.
      .filter((e) => e.type !== "frame" && e.type !== "lastGood" && e.type !== "hyper")
      .map((e) => (e.type === "progress" ? `progress:${e.phase}` : e.type));
    const testReady = types.indexOf("testReady");
    expect(types[0]).toBe("progress:test");
    expect(testReady).toBeGreaterThan(types.lastIndexOf("progress:test"));
    expect(testReady).toBeLessThan(types.indexOf("progress:train"));
    expect(types.indexOf("ready")).toBeGreaterThan(types.lastIndexOf("progress:train"));
    expect(h.of("error")).toEqual([]);
    expect(h.of("testReady")[0]!.testCount).toBe(10000);
    expect(h.of("ready")[0]).toMatchObject({
      trainCount: 60000,
      testCount: 10000,
      origin: { kind: "untrained", seed: 1 },
    });
    expect(h.of("hyper")[0]).toEqual({ type: "hyper", hyper: HYPER, problems: [] });
    expect(h.of("ready")[0]!.spec).toEqual(SPEC);

    const history = h.history();
    expect(history).toHaveLength(1);
    expect(history[0]!.examplesSeen).toBe(0);
    expect(history[0]!.testAccuracy).toBeGreaterThan(0.05);
    expect(history[0]!.testAccuracy).toBeLessThan(0.2); // an untrained network guesses
    expect(history[0]!.testCost).toBeGreaterThan(0);
    expect(h.lastFrame().stats).toMatchObject({ examplesSeen: 0, epoch: 0, running: false });
  });

  it("setProbe answers at once with `probed` and a frame whose activations are forward(net, x)", async () => {
    const h = harness();
    await h.start();
    const x = testPixels(3);
    const before = h.events.length;
    h.send({ op: "setProbe", probe: { kind: "pixels", pixels: x }, id: 41 });
    expect(h.events.length).toBe(before + 2); // both posted inside handle, no slice in between
    const probed = h.of("probed").at(-1)!;
    expect(probed.probe!.probeId).toBe(41);
    const frame = h.lastFrame();
    expect(probed.probe!.a.at(-1)).toEqual(frame.probe!.a.at(-1));
    expect(frame.probe!.probeId).toBe(41);
    const output = frame.probe!.a.at(-1)!;
    expect(output).toHaveLength(10);
    expect(output).toEqual(forward(frameNetwork(frame, SPEC), x));
    expect(frame.probe!.a[0]).toEqual(x);
    // Why the answer: the saliency of the largest output, as the engine computes it for these weights.
    const digit = argmax(output);
    expect(frame.probe!.why!.digit).toBe(digit);
    expect(frame.probe!.why!.saliency).toEqual(saliency(frameNetwork(frame, SPEC), x, digit));
  });

  it("teach takes one step on the drawing with its label, says the cost before and after, and undoTeach goes back", async () => {
    const h = harness();
    await h.start();
    const x = testPixels(0);
    h.send({ op: "setProbe", probe: { kind: "pixels", pixels: x }, id: 1 });
    const before = h.lastFrame();
    h.ack();
    h.send({ op: "teach", label: 3 });
    const step = h.of("taught").at(-1)!.step!;
    expect(step.label).toBe(3);
    expect(step.x).toEqual(x);
    expect(step.costAfter).toBeLessThan(step.costBefore);
    const after = h.lastFrame();
    expect(after.stats.origin).toEqual({ kind: "taught", from: { kind: "untrained", seed: 1 }, drawings: 1 });
    expect(after.probe!.a.at(-1)![3]).toBeGreaterThan(before.probe!.a.at(-1)![3]!);
    h.ack();
    h.send({ op: "undoTeach" });
    expect(h.of("taught").at(-1)!.step).toBeNull();
    const undone = h.lastFrame();
    expect(undone.weights.w).toEqual(before.weights.w);
    expect(undone.stats.origin).toEqual({ kind: "untrained", seed: 1 });
    h.send({ op: "undoTeach" });
    expect(h.of("error").at(-1)!.message).toMatch(/there is no taught step to undo/);
    // A step trained since a taught step makes it final: nothing to undo.
    h.send({ op: "teach", label: 3 });
    h.send({ op: "step", unit: "batch" });
    await h.settle();
    h.send({ op: "undoTeach" });
    expect(h.of("error").at(-1)!.message).toMatch(/there is no taught step to undo/);
  });

  it("a test-image probe also posts the image and its label, once the test set is in", async () => {
    const h = harness();
    h.send({ op: "setProbe", probe: { kind: "test", index: 0 }, id: 7 }); // before init: remembered
    await h.start();
    const image = h.of("testImage")[0]!;
    expect(image.index).toBe(0);
    expect(image.label).toBe(7);
    expect(image.pixels).toHaveLength(784);
    const frame = h.lastFrame();
    expect(frame.probe!.probeId).toBe(7);
    expect(frame.probe!.a.at(-1)).toEqual(forward(frameNetwork(frame, SPEC), testPixels(0)));
  });

  it("sends no new frame until the last one is acknowledged with frameDone", async () => {
    const h = harness({ autoAck: false });
    await h.start();
    h.ack();
    const x = testPixels(1);
    h.send({ op: "setProbe", probe: { kind: "pixels", pixels: x }, id: 1 });
    const frames = h.of("frame").length;
    h.send({ op: "setProbe", probe: { kind: "pixels", pixels: x }, id: 2 });
    h.send({ op: "setProbe", probe: { kind: "pixels", pixels: x }, id: 3 });
    h.send({ op: "play" });
    await h.runUntil(() => h.session.examplesSeen >= 200);
    expect(h.of("frame").length).toBe(frames);
    h.ack();
    expect(h.of("frame").length).toBe(frames + 1);
    expect(h.lastFrame().probe!.probeId).toBe(3);
    expect(h.lastFrame().stats.examplesSeen).toBeGreaterThanOrEqual(200);
    h.ack(); // nothing changed since: no frame
    expect(h.of("frame").length).toBe(frames + 1);
  });

  it("paced, play trains one mini-batch per 1/pace s and frames show that batch's images", async () => {
    const h = harness();
    await h.start();
    h.send({ op: "setPace", batchesPerSecond: 2 });
    h.send({ op: "play" });
    await h.runUntil(() => h.session.examplesSeen >= 30);
    h.send({ op: "pause" });
    await h.settle();
    // 10 examples a batch, a wait before each batch after the first of about 500 ms (the fake clock ticks 10 ms a reading).
    expect(h.session.examplesSeen).toBe(30);
    expect(h.delays.length).toBeGreaterThanOrEqual(2);
    expect(h.delays.every((ms) => ms > 400 && ms <= 500)).toBe(true);
    const shown = h.of("frame").flatMap((f) => (f.batch ? [f.batch] : []));
    expect(shown.length).toBeGreaterThanOrEqual(1);
    expect(shown[0]!.size).toBe(10);
    expect(shown[0]!.labels).toHaveLength(10);
    expect(shown[0]!.pixels).toHaveLength(10 * 784);
    expect(shown[0]!.pixels.some((p) => p > 200)).toBe(true);
    expect(() => h.session.handle({ op: "setPace", batchesPerSecond: 3 })).not.toThrow();
    expect(h.of("error").at(-1)!.message).toMatch(/3 is not a pace on offer/);
    // Back at full speed: no waits, many batches a slice, no batch images.
    h.send({ op: "setPace", batchesPerSecond: null });
    const waits = h.delays.length;
    const frames = h.of("frame").length;
    h.send({ op: "play" });
    await h.runUntil(() => h.session.examplesSeen >= 600);
    h.send({ op: "pause" });
    await h.settle();
    expect(h.delays).toHaveLength(waits);
    expect(
      h
        .of("frame")
        .slice(frames)
        .every((f) => f.batch === null),
    ).toBe(true);
  });

  it("play trains in slices until pause; frames carry stats and cost points with test evaluations", async () => {
    const h = harness();
    await h.start();
    h.send({ op: "play" });
    await h.runUntil(() => h.session.examplesSeen >= 4000);
    h.send({ op: "pause" });
    expect(h.of("paused").at(-1)!.reason).toBe("command");
    await h.settle();

    const frames = h.of("frame");
    const seen = frames.map((f) => f.stats.examplesSeen);
    expect(seen.at(-1)).toBeGreaterThanOrEqual(4000);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(frames.some((f) => f.stats.running && f.stats.examplesPerSecond > 0)).toBe(true);
    expect(h.lastFrame().stats).toMatchObject({ running: false, examplesPerSecond: 0 });

    const history = frames.flatMap((f) => f.history);
    expect(history.length).toBeGreaterThan(10);
    expect(history.slice(1).every((p) => Number.isFinite(p.trainCost))).toBe(true);
    const evaluated = history.filter((p) => p.testAccuracy !== null);
    // The start on the whole test set (the harness's 2,000 images), then the first 1,000 at every 1,000 examples
    // while the curve is steep.
    expect(evaluated[0]).toMatchObject({ examplesSeen: 0, testImages: 2000 });
    expect(evaluated.slice(1, 5).map((p) => [p.examplesSeen, p.testImages])).toEqual([
      [1000, 1000],
      [2000, 1000],
      [3000, 1000],
      [4000, 1000],
    ]);
    expect(evaluated.at(-1)!.testAccuracy!).toBeGreaterThan(evaluated[0]!.testAccuracy! + 0.2);
    // After pausing, the session is idle: nothing scheduled, no frames without a change.
    const count = h.of("frame").length;
    h.ack();
    expect(h.tasks).toHaveLength(0);
    expect(h.of("frame").length).toBe(count);
  });

  it("play and step sent while the training images load wait for them", async () => {
    const h = harness();
    h.send({ op: "init", dataUrl: "/data/mnist", model: null, spec: SPEC, hyper: HYPER, seed: 1 });
    h.send({ op: "play" });
    await h.runUntil(() => h.session.examplesSeen > 0);
    expect(h.of("ready")).toHaveLength(1);
    expect(h.of("error")).toEqual([]);
  });

  it("step trains one mini-batch, or to the end of the epoch, then pauses with reason step", async () => {
    const h = harness();
    await h.start();
    h.send({ op: "setHyper", hyper: { batchSize: 32 } });
    h.send({ op: "step", unit: "batch" });
    await h.settle();
    expect(h.of("paused").map((e) => e.reason)).toEqual(["step"]);
    expect(h.lastFrame().stats.examplesSeen).toBe(32);
    const point = h.history().at(-1)!;
    expect(point.examplesSeen).toBe(32);
    expect(point.testAccuracy).not.toBeNull();

    h.send({ op: "setHyper", hyper: { batchSize: 200 } });
    h.send({ op: "step", unit: "epoch" });
    await h.settle();
    expect(h.of("paused").map((e) => e.reason)).toEqual(["step", "step"]);
    expect(h.lastFrame().stats).toMatchObject({ epoch: 1, examplesSeen: 6000, running: false });
    expect(h.history().at(-1)).toMatchObject({ examplesSeen: 6000 });
  });

  it("setHyper applies what the settings table accepts while training runs, and echoes it", async () => {
    const h = harness();
    await h.start();
    h.send({ op: "play" });
    await h.runUntil(() => h.session.examplesSeen >= 500);
    h.send({ op: "setHyper", hyper: { learningRate: 0.25, batchSize: 20 } });
    expect(h.of("hyper").at(-1)).toEqual({
      type: "hyper",
      hyper: { ...HYPER, learningRate: 0.25, batchSize: 20 },
      problems: [],
    });
    // The trainer reads the new batch size at its next mini-batch: examples now go 20 at a time.
    const from = h.session.examplesSeen;
    h.send({ op: "pause" });
    h.send({ op: "step", unit: "batch" });
    await h.settle();
    expect(h.session.examplesSeen).toBe(from + 20);

    // A refused value keeps the current one, says why about that key only, and is not an error.
    h.send({ op: "setHyper", hyper: { batchSize: 0, learningRate: "fast", momentum: 0.5 } });
    const echo = h.of("hyper").at(-1)!;
    expect(echo.hyper).toEqual({ ...HYPER, learningRate: 0.25, batchSize: 20, momentum: 0.5 });
    expect(echo.problems.map((p) => p.key)).toEqual(["learningRate", "batchSize"]);
    expect(echo.problems[1]!.message).toBe(
      "the mini-batch size m must be a whole number from 1 to 60000, not 0",
    );
    expect(h.of("error")).toEqual([]);
  });

  it("posts its last good weights: the start, a stop, and never the copy taken just before a blow-up", async () => {
    const h = harness();
    await h.start();
    expect(h.of("lastGood")).toHaveLength(1);
    expect(h.of("lastGood")[0]!.origin).toEqual({ kind: "untrained", seed: 1 });
    h.send({ op: "step", unit: "batch" });
    await h.settle();
    const good = h.of("lastGood").at(-1)!;
    expect(h.of("lastGood")).toHaveLength(2);
    expect(good.weights).toEqual(h.lastFrame().weights); // a step's end is good as it stands
  });

  it("lastGoodText answers the model file of the weights the last lastGood event posted", async () => {
    const h = harness();
    await h.start();
    h.send({ op: "step", unit: "batch" });
    await h.settle();
    h.send({ op: "lastGoodText", id: 7 });
    const answer = h.of("lastGoodText").at(-1)!;
    const good = h.of("lastGood").at(-1)!;
    expect(answer.id).toBe(7);
    expect(parseModel(answer.text!).net.w).toEqual(good.weights.w);
    expect(parseModel(answer.text!).net.b).toEqual(good.weights.b);
  });

  it("a huge learning rate diverges: error and pause; restoreLastGood brings back finite weights", async () => {
    const h = harness();
    await h.start();
    // Three hidden layers of 100 ReLUs overflow to NaN within ~60 examples at η = 10, the table's largest rate
    // (the videos' network only saturates or dies there).
    const deep: NetworkSpec = {
      ...RELU_SPEC,
      sizes: [784, 100, 100, 100, 10],
      hidden: ["relu", "relu", "relu"],
    };
    h.send({ op: "reset", spec: deep, seed: 1 });
    await h.settle(); // the network is built before the next slice
    expect(h.of("network").at(-1)).toEqual({
      type: "network",
      spec: deep,
      origin: { kind: "untrained", seed: 1 },
      request: null,
    });
    await h.settle();
    h.send({ op: "setHyper", hyper: { learningRate: 10, weightDecay: 0 } });
    h.send({ op: "play" });
    await h.runUntil(() => h.of("paused").length > 0);
    const error = h.of("error").at(-1)!;
    expect(error.kind).toBe("diverged");
    expect(error.recoverable).toBe(true);
    expect(error.message).toMatch(/^Training diverged at learning rate 10: after [\d,]+ examples /);
    expect(error.message).toContain("Lower the learning rate");
    expect(h.of("paused").at(-1)!.reason).toBe("diverged");
    await h.settle();
    const seen = h.lastFrame().stats.examplesSeen;
    const good = h.of("lastGood").at(-1)!;
    expect([...good.weights.w, ...good.weights.b].every((v) => v.every(Number.isFinite))).toBe(true);

    h.send({ op: "restoreLastGood" });
    await h.settle();
    const restored = h.lastFrame();
    expect(allFinite(restored)).toBe(true);
    expect(restored.stats.examplesSeen).toBe(seen); // counters carry on
    expect(restored.weights).toEqual(good.weights); // the weights the worker posted as good
    expect(restored.history.at(-1)!.testAccuracy).not.toBeNull();

    h.send({ op: "setHyper", hyper: { learningRate: 0.01 } });
    h.send({ op: "play" });
    await h.runUntil(() => h.session.examplesSeen >= seen + 300);
    h.send({ op: "pause" });
    await h.settle();
    expect(h.of("error")).toHaveLength(1);
    expect(allFinite(h.lastFrame())).toBe(true);
  });

  it("loadModel swaps in a valid model and keeps the network when the text is malformed", async () => {
    const h = harness();
    await h.start();
    const x = testPixels(0);
    h.send({ op: "setProbe", probe: { kind: "pixels", pixels: x }, id: 1 });
    const before = h.lastFrame().weights;

    const file = (name: string) => ({ kind: "file" as const, name, epochs: null });
    h.send({ op: "loadModel", text: '{"format": "mnist-mlp", ', origin: file("broken.json"), request: 1 });
    const error = h.of("error").at(-1)!;
    expect(error).toMatchObject({ kind: "model", recoverable: true, request: 1 });
    expect(error.message).toMatch(/^The file “broken\.json” is not a usable network: .*JSON/);
    expect(h.of("network")).toHaveLength(0);
    h.send({ op: "setProbe", probe: { kind: "pixels", pixels: x }, id: 2 });
    await h.settle();
    expect(h.lastFrame().probe!.probeId).toBe(2);
    expect(h.lastFrame().weights).toEqual(before);

    const model = createNetwork(SPEC, 5);
    h.send({
      op: "loadModel",
      text: modelToJson(model, { epochs: 3 }),
      origin: file("mine.json"),
      request: 2,
    });
    await h.settle(); // the network is built before the next slice
    expect(h.of("network").at(-1)).toMatchObject({
      spec: SPEC,
      origin: { kind: "file", name: "mine.json", epochs: 3 },
      request: 2,
    });
    expect(h.lastFrame().weights).toEqual({ w: model.w, b: model.b });
    expect(h.lastFrame().history[0]).toMatchObject({ examplesSeen: 0 });
  });

  it("init with a bad model reports it and starts from a fresh network of the spec", async () => {
    const h = harness({
      model: { text: "not json", origin: { kind: "file", name: "x.json", epochs: null } },
    });
    await h.start();
    expect(h.of("error").map((e) => e.kind)).toEqual(["model"]);
    expect(h.of("error")[0]!.message).toMatch(
      /^The file “x\.json” is not a usable network: .*, so the network starts untrained\.$/,
    );
    expect(h.of("ready")[0]!.origin).toEqual({ kind: "untrained", seed: 1 });
    expect(h.lastFrame().weights).toEqual({ w: createNetwork(SPEC, 1).w, b: createNetwork(SPEC, 1).b });
  });

  it("init with a model URL starts from it, with the origin the page gave", async () => {
    const net = createNetwork(SPEC, 2);
    const text = modelToJson(net, { epochs: 30 });
    const origin = { kind: "pretrained", checkpoint: 30 } as const;
    const h = harness({
      model: { url: "/models/3b1b.json", origin },
      overrides: { "3b1b.json": Buffer.from(text) },
    });
    await h.start();
    expect(h.of("error")).toEqual([]);
    expect(h.of("ready")[0]!.origin).toEqual(origin);
    expect(h.lastFrame().weights).toEqual({ w: net.w, b: net.b });
  });

  it("init with a model URL that fails names the file and starts untrained", async () => {
    const origin = { kind: "pretrained", checkpoint: 30 } as const;
    const h = harness({ model: { url: "/models/missing.json", origin } });
    await h.start();
    expect(h.of("error")[0]!.message).toMatch(/^Could not download the network models\/missing\.json/);
    expect(h.of("ready")[0]!.origin).toEqual({ kind: "untrained", seed: 1 });
  });

  it("a data file with a wrong checksum ends loading with a one-sentence data error", async () => {
    const labels = gunzipSync(SMALL["train-labels-idx1-ubyte.gz"] as Uint8Array);
    labels[5] = (labels[5]! + 1) % 10;
    const h = harness({ overrides: { "train-labels-idx1-ubyte.gz": gzipSync(labels) } });
    await h.start();
    expect(h.of("testReady")).toHaveLength(1); // the test set still works
    expect(h.of("ready")).toHaveLength(0);
    const error = h.of("error")[0]!;
    expect(error).toMatchObject({ kind: "data", recoverable: false });
    expect(error.message).toBe(
      "The file train-labels-idx1-ubyte.gz is corrupt: its SHA-256 checksum does not match the data manifest.",
    );
  });

  it("trace answers with the reference's backpropagation of the probe", async () => {
    const h = harness();
    await h.start();
    h.send({ op: "trace", probe: { kind: "test", index: 0 }, label: 7, id: 12 });
    const traced = h.of("traced")[0]!;
    expect(traced.id).toBe(12);
    const net = frameNetwork(h.lastFrame(), SPEC);
    expect(traced.trace).toEqual(traceExample(net, testPixels(0), oneHot(7, 10)));
  });

  it("turns a failing command into an internal error and keeps working", async () => {
    const h = harness();
    await h.start();
    h.send({ op: "setProbe", probe: { kind: "pixels", pixels: new Float32Array(5) }, id: 1 });
    h.send({ op: "setProbe", probe: { kind: "test", index: 10000 }, id: 2 });
    h.send({ op: "init", dataUrl: "/data/mnist", model: null, spec: SPEC, hyper: HYPER, seed: 1 });
    h.send({ op: "explode" } as unknown as Command);
    await new Promise((r) => setImmediate(r)); // the second init fails asynchronously
    const errors = h.of("error");
    expect(errors.map((e) => e.kind)).toEqual(["internal", "internal", "internal", "internal"]);
    for (const e of errors)
      expect(e.message).toMatch(/^The training worker ran into a problem while handling "\w+": .+\.$/);
    h.send({ op: "setProbe", probe: { kind: "test", index: 2 }, id: 3 });
    await h.settle();
    expect(h.lastFrame().probe!.probeId).toBe(3);
  });
});
