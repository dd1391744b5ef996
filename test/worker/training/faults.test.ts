// The training worker under load and when a network dies: a mini-batch too big for one slice runs a part per slice
// and can be cancelled, floods of resets and loads build only the last network while probes and pings are answered,
// and a run that collapses (saturated outputs, dead ReLUs, accuracy back at chance) is paused with a sentence, a
// smaller learning rate to try and last good weights from before the collapse.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelToJson } from "../../../src/engine/model.ts";
import { createNetwork, parameterCount, type NetworkSpec } from "../../../src/engine/network.ts";
import { parseUrlSettings, specOf } from "../../../src/store/urlState.ts";
import { examplesPerPart, PART_WORK } from "../../../src/worker/training/run.ts";
import { smallMnist } from "../fakeFetch.ts";
import { allFinite, harness, RELU_SPEC, SPEC, testPixels } from "./harness.ts";

const BIG: NetworkSpec = {
  sizes: [784, 512, 512, 512, 512, 10],
  hidden: ["relu", "relu", "relu", "relu"],
  output: "softmax",
  cost: "crossEntropy",
};

const PRETRAINED = readFileSync(
  new URL("../../../public/models/3b1b-epoch-30.json", import.meta.url),
  "utf8",
);
const pretrained = { text: PRETRAINED, origin: { kind: "pretrained", checkpoint: 30 } } as const;

describe("TrainingSession: the worker always answers", () => {
  it("a Step of a huge mini-batch on 784-512×4-10 runs a part per slice, reports progress, and Pause drops it", async () => {
    expect(examplesPerPart(BIG)).toBe(4);
    expect(examplesPerPart(BIG) * parameterCount(BIG)).toBeLessThanOrEqual(PART_WORK);
    expect(examplesPerPart(SPEC)).toBeGreaterThan(100); // the videos' batches are never split
    // 600 training and 100 test images: the big network evaluates at about 3 ms an image on a slow machine.
    const h = harness({ spec: BIG, hyper: { batchSize: 600 }, overrides: smallMnist(600, 100) });
    await h.start();
    const before = h.lastFrame().weights;
    h.send({ op: "step", unit: "batch" });
    for (let slice = 1; slice <= 5; slice++) {
      h.tasks.shift()!(); // one slice: one part of 4 examples (the fake clock runs 10 ms per reading)
      h.ack();
      expect(h.lastFrame().stats).toMatchObject({ running: true, examplesSeen: 0 });
      expect(h.lastFrame().stats.batch).toEqual({ done: 4 * slice, total: 600 });
    }
    // Between two slices every command is handled at once.
    h.send({ op: "ping", id: 7 });
    expect(h.events.at(-1)).toEqual({ type: "pong", id: 7 });
    h.send({ op: "pause" });
    expect(h.of("paused").at(-1)!.reason).toBe("command");
    await h.settle();
    expect(h.lastFrame().stats).toMatchObject({ running: false, examplesSeen: 0, batch: null });
    expect(h.lastFrame().weights).toEqual(before);

    // A batch of 40 goes in 10 parts, and its step is taken with the last.
    h.send({ op: "setHyper", hyper: { batchSize: 40 } });
    h.send({ op: "step", unit: "batch" });
    await h.settle();
    expect(h.of("paused").at(-1)!.reason).toBe("step");
    expect(h.lastFrame().stats).toMatchObject({ examplesSeen: 40, batch: null });
    expect(h.lastFrame().weights).not.toEqual(before);
    expect(h.of("error")).toEqual([]);
  });

  it("a flood of 1,000 resets builds only the last network, answering probes and pings all the while", async () => {
    const h = harness();
    await h.start();
    const x = testPixels(0);
    for (let i = 1; i <= 1000; i++) {
      h.send({ op: "reset", spec: SPEC, seed: i + 1 });
      if (i % 100 === 0) {
        const answered = h.of("probed").length;
        h.send({ op: "setProbe", probe: { kind: "pixels", pixels: x }, id: i });
        expect(h.of("probed")).toHaveLength(answered + 1);
      }
      if (i % 250 === 0) {
        h.send({ op: "ping", id: i });
        expect(h.events.at(-1)).toEqual({ type: "pong", id: i });
      }
    }
    h.send({ op: "reset", spec: { ...SPEC, sizes: [784, 0, 10], hidden: ["relu"] }, seed: 5 });
    expect(h.of("error").at(-1)).toMatchObject({ kind: "spec" }); // refused at once: the last valid one stands
    await h.settle();
    expect(h.of("network")).toHaveLength(1);
    expect(h.of("network")[0]!.origin).toEqual({ kind: "untrained", seed: 1001 });
    const net = createNetwork(SPEC, 1001);
    expect(h.lastFrame().weights).toEqual({ w: net.w, b: net.b });
    expect(h.lastFrame().probe!.probeId).toBe(1000);
  });

  it("of 1,000 alternating model loads only the last is built, with its request number", async () => {
    const h = harness();
    await h.start();
    const file = (name: string) => ({ kind: "file" as const, name, epochs: null });
    const a = createNetwork(SPEC, 21);
    const b = createNetwork(SPEC, 22);
    const [textA, textB] = [modelToJson(a), modelToJson(b)];
    for (let request = 1; request <= 1000; request++) {
      const [text, name] = request % 2 ? [textA, "a.json"] : [textB, "b.json"];
      h.send({ op: "loadModel", text, origin: file(name), request });
    }
    await h.settle();
    expect(h.of("network")).toEqual([{ type: "network", spec: SPEC, origin: file("b.json"), request: 1000 }]);
    expect(h.lastFrame().weights).toEqual({ w: b.w, b: b.b });
  });
});

describe("TrainingSession: a network that dies is noticed", () => {
  it("/?hidden=100&activation=relu&lr=10&seed=1&model=none: the collapse is noticed and training paused", async () => {
    const { settings } = parseUrlSettings("?hidden=100&activation=relu&lr=10&seed=1&model=none");
    const hyper = {
      learningRate: settings.lr,
      batchSize: settings.batch,
      weightDecay: settings.decay,
      momentum: settings.momentum,
    };
    const h = harness({ full: true, spec: specOf(settings), hyper, seed: settings.seed });
    await h.start();
    const start = h.lastFrame().weights;
    h.send({ op: "play" });
    await h.runUntil(() => h.of("paused").length > 0);
    const error = h.of("error").at(-1)!;
    expect(error).toMatchObject({ kind: "collapsed", recoverable: true, suggestedLearningRate: 1 });
    expect(error.message).toMatch(
      /^The network stopped learning at learning rate 10: after [\d,]+ examples /,
    );
    expect(error.message).toMatch(/saturated|dead/);
    expect(error.message).toMatch(
      /Try a smaller learning rate, such as 1, then restore the last good weights\.$/,
    );
    expect(h.of("paused").at(-1)!.reason).toBe("collapsed");
    expect(h.session.examplesSeen).toBeLessThan(20_000); // noticed within a few evaluations, not minutes
    // Nothing it trained into was vouched for: the last good weights are the untrained network's, and a Step of the
    // collapsed network does not make its weights good either.
    expect(h.of("lastGood").at(-1)!.weights).toEqual(start);
    const paused = h.of("paused").length;
    h.send({ op: "step", unit: "batch" });
    await h.settle();
    expect(
      h
        .of("paused")
        .slice(paused)
        .map((e) => e.reason),
    ).toEqual(["step", "collapsed"]); // still collapsed
    expect(h.of("lastGood").at(-1)!.weights).toEqual(start);
    h.send({ op: "restoreLastGood" });
    await h.settle();
    expect(h.lastFrame().weights).toEqual(start);
  });

  it("a hidden ReLU layer dead on every probe image is noticed once it trains, naming the layer", async () => {
    const dead = createNetwork(RELU_SPEC, 3);
    dead.b[1]!.fill(-1000);
    const h = harness({
      spec: RELU_SPEC,
      model: { text: modelToJson(dead), origin: { kind: "file", name: "dead.json", epochs: null } },
    });
    await h.start();
    expect(h.of("error")).toEqual([]); // loading it is not a collapse: training it is
    h.send({ op: "play" });
    await h.runUntil(() => h.of("paused").length > 0);
    const error = h.of("error").at(-1)!;
    expect(error.kind).toBe("collapsed");
    expect(error.message).toContain(
      "every ReLU neuron of hidden layer 1 outputs 0 for every test image tried",
    );
    expect(error.suggestedLearningRate).toBe(0.1); // a tenth of the videos' 1.5, rounded down
  });

  it("accuracy back at chance for 5 s of training after 96% is noticed; the last good weights are the start's", async () => {
    // Weight decay λ = 0.1 at η = 5 halves the weights at every step: the pretrained network forgets everything.
    const h = harness({ model: pretrained, hyper: { learningRate: 5, weightDecay: 0.1 } });
    await h.start();
    const start = h.lastFrame().weights;
    h.send({ op: "play" });
    await h.runUntil(() => h.of("paused").length > 0);
    const error = h.of("error").at(-1)!;
    expect(error.kind).toBe("collapsed");
    expect(error.message).toMatch(
      /the test accuracy has stayed at chance \(\d+%\) for \d+ seconds of training after reaching 9\d%/,
    );
    expect(h.of("lastGood").map((e) => e.weights)).toEqual([start]);
    // A pause while the collapse was suspected would not have made those weights good either.
    h.send({ op: "restoreLastGood" });
    await h.settle();
    expect(h.lastFrame().weights).toEqual(start);
  });

  it("a network that goes on learning is never flagged, and its healthy weights become good as it trains", async () => {
    const h = harness({ model: pretrained });
    await h.start();
    h.send({ op: "play" });
    await h.runUntil(() => h.session.examplesSeen >= 6000);
    h.send({ op: "pause" });
    await h.settle();
    expect(h.of("error")).toEqual([]);
    expect(h.of("lastGood").length).toBeGreaterThan(2); // the start, healthy evaluations, the stop
    expect(allFinite(h.lastFrame())).toBe(true);
  });
});
