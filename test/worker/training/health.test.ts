// The collapse checks on their own: the accuracy rule over a run's evaluations, the probe images' dead ReLU layers
// and saturated outputs, and the smaller learning rate the sentence suggests.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createNetwork } from "../../../src/engine/network.ts";
import { readModel } from "../../../src/worker/models.ts";
import {
  COLLAPSE_MS,
  CollapseWatch,
  probeProblem,
  smallerLearningRate,
} from "../../../src/worker/training/health.ts";
import { RELU_SPEC, SPEC, testPixels } from "./harness.ts";

const inputs = Array.from({ length: 20 }, (_, i) => testPixels(i));

describe("CollapseWatch.accuracy(accuracy, trainingMs)", () => {
  it("says nothing while a network has never learned, however long it stays at chance", () => {
    const watch = new CollapseWatch();
    for (let ms = 0; ms <= 60_000; ms += 2000) expect(watch.accuracy(0.11, ms)).toBeNull();
    expect(watch.suspect).toBe(false);
  });

  it("suspects a fall to chance after learning, and calls it a collapse after COLLAPSE_MS of training", () => {
    const watch = new CollapseWatch();
    expect(watch.accuracy(0.91, 0)).toBeNull();
    expect(watch.accuracy(0.12, 2000)).toBeNull();
    expect(watch.suspect).toBe(true);
    expect(watch.accuracy(0.1, 2000 + COLLAPSE_MS - 1)).toBeNull();
    expect(watch.accuracy(0.1, 2000 + COLLAPSE_MS)).toBe(
      "the test accuracy has stayed at chance (10%) for 5 seconds of training after reaching 91%, so the " +
        "network no longer tells the digits apart",
    );
  });

  it("forgives a dip that recovers, and forgets everything for a new network", () => {
    const watch = new CollapseWatch();
    watch.accuracy(0.8, 0);
    watch.accuracy(0.1, 2000);
    expect(watch.accuracy(0.6, 4000)).toBeNull();
    expect(watch.suspect).toBe(false);
    expect(watch.accuracy(0.1, 6000)).toBeNull();
    expect(watch.accuracy(0.1, 6000 + COLLAPSE_MS)).not.toBeNull();
    watch.restart();
    expect(watch.accuracy(0.1, 20_000)).toBeNull();
  });
});

describe("probeProblem(net, inputs)", () => {
  it("finds nothing wrong with an untrained network", () => {
    expect(probeProblem(createNetwork(SPEC, 1), inputs)).toBeNull();
    expect(probeProblem(createNetwork(RELU_SPEC, 1), inputs)).toBeNull();
  });

  it("names the first hidden ReLU layer whose every neuron is 0 on every image", () => {
    const net = createNetwork(RELU_SPEC, 2);
    net.b[2]!.fill(-1e4);
    expect(probeProblem(net, inputs)).toMatch(
      /^every ReLU neuron of hidden layer 2 outputs 0 for every test image/,
    );
    // A sigmoid layer is never "dead": its neurons only saturate.
    const sigmoid = createNetwork(SPEC, 2);
    sigmoid.b[2]!.fill(-1e4);
    expect(probeProblem(sigmoid, inputs)).toBeNull();
  });

  it("calls outputs pinned at 0 or 1 with one answer for all saturated, but not confident, varied answers", () => {
    const pinned = createNetwork(SPEC, 3);
    pinned.w[3]!.fill(0);
    pinned.b[3]!.fill(-40);
    pinned.b[3]![4] = 40;
    expect(probeProblem(pinned, inputs)).toMatch(/^the output neurons are pinned at 0 or 1 .* saturated/);
    // The pretrained network made twenty times as sure: pinned just as hard, but each image gets its own answer.
    const { net } = readModel(
      readFileSync(new URL("../../../public/models/3b1b-epoch-30.json", import.meta.url), "utf8"),
    );
    for (const v of [net.w[3]!, net.b[3]!]) for (let i = 0; i < v.length; i++) v[i] = v[i]! * 20;
    expect(probeProblem(net, inputs)).toBeNull();
  });
});

describe("smallerLearningRate(eta, min)", () => {
  it("is a tenth, rounded down to one significant digit, never below min", () => {
    expect(smallerLearningRate(10, 0.001)).toBe(1);
    expect(smallerLearningRate(1.5, 0.001)).toBe(0.1);
    expect(smallerLearningRate(0.05, 0.001)).toBe(0.005);
    expect(smallerLearningRate(0.003, 0.001)).toBe(0.001);
  });
});
