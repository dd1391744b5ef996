// The analysis worker's session on the real MNIST files and the shipped model: its test-set answers reproduce the
// model's recorded accuracy; what a reply transfers.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answers, confusionMatrix, correctCounts, noiseImages } from "../../../src/engine/analysis.ts";
import { MNIST_CLASSES, MNIST_PIXELS } from "../../../src/engine/mnist.ts";
import { parseModel } from "../../../src/engine/model.ts";
import { ascend, startAscent } from "../../../src/engine/inputAscent.ts";
import { correctCount, labelledImages, lesionNetwork, NO_LESION } from "../../../src/engine/lesions.ts";
import { createNetwork, forward } from "../../../src/engine/network.ts";
import { permuteHidden } from "../../../src/engine/permute.ts";
import { score } from "../../../src/engine/slice.ts";
import { SLICE_IMAGES, SLICE_TS } from "../../../src/engine/starts.ts";
import { neuronProfiles } from "../../../src/engine/secondLayer.ts";
import { AnalysisSession, transferOf } from "../../../src/worker/analysis/session.ts";
import { mnistFetch } from "../fakeFetch.ts";

const MODEL = "3b1b-epoch-30.json";
const modelText = readFileSync(new URL(`../../../public/models/${MODEL}`, import.meta.url), "utf8");

/** mnistFetch for the data, plus model files by name: the shipped model, and a broken file. */
function appFetch(): (url: string) => Promise<Response> {
  const data = mnistFetch();
  const models: Record<string, string> = { [MODEL]: modelText, "broken.json": "{" };
  return async (url) => {
    if (!url.includes("/models/")) return data(url);
    const text = models[url.slice(url.lastIndexOf("/") + 1)];
    return text === undefined ? new Response("no", { status: 404 }) : new Response(text);
  };
}

describe("AnalysisSession", () => {
  it("classifies the 10,000 test digits with the shipped model's recorded accuracy", async () => {
    const { ops } = new AnalysisSession({ fetch: appFetch() });
    const modelUrl = `http://x/models/${MODEL}`;
    const { net } = await ops.loadModel({ modelUrl });
    const { test } = await ops.loadTest({ dataUrl: "http://x/data/mnist" });
    expect(test.count).toBe(10000);
    const c = await ops.classifyTest({ modelUrl });
    expect(c.outputs).toHaveLength(10000 * MNIST_CLASSES);
    expect(c.firstA).toHaveLength(10000 * 16);
    const { digits } = answers(c.outputs, c.count, net.spec.output);
    const m = confusionMatrix(test.labels, digits);
    const recorded = parseModel(modelText).meta["testAccuracy"];
    expect(correctCounts(m).total / 10000).toBe(recorded);
  });

  it("classifies noise images of a seed, and refuses absurd counts and unknown files", async () => {
    const { ops } = new AnalysisSession({ fetch: appFetch() });
    const modelUrl = `http://x/models/${MODEL}`;
    const c = await ops.classifyNoise({ modelUrl, seed: 3, count: 5 });
    const { net } = parseModel(modelText);
    const x = noiseImages(3, 5);
    expect(Array.from(c.outputs.subarray(4 * MNIST_CLASSES, 5 * MNIST_CLASSES))).toEqual(
      Array.from(forward(net, x.subarray(4 * MNIST_PIXELS))),
    );
    await expect(ops.classifyNoise({ modelUrl, seed: 3, count: 0 })).rejects.toThrow(
      "ask for 1 to 10000 noise images, not 0",
    );
    await expect(ops.loadModel({ modelUrl: "http://x/models/other.json" })).rejects.toThrow(
      "Could not download the network models/other.json: the server answered 404.",
    );
    await expect(ops.loadModel({ modelUrl: "http://x/models/broken.json" })).rejects.toThrow(
      /^The file models\/broken.json is not a usable network: /,
    );
    await expect(ops.classifyTest({ modelUrl })).rejects.toThrow("not loaded yet");
  });
});

describe("transferOf(op, result)", () => {
  it("transfers a result's typed arrays (and its test set's), but never a kept model's", () => {
    const pixels = new Uint8Array(4);
    const labels = new Uint8Array(1);
    const outputs = new Float32Array(10);
    expect(transferOf("loadTest", { test: { count: 1, pixels, labels } })).toEqual([
      pixels.buffer,
      labels.buffer,
    ]);
    expect(transferOf("classifyNoise", { count: 1, outputs })).toEqual([outputs.buffer]);
    expect(transferOf("loadModel", { net: { w: [outputs] } })).toEqual([]);
  });
});

describe("AnalysisSession: the draw-a-digit operations", () => {
  it("averages the 60,000 training digits once, and ascends on a loaded model", async () => {
    const { ops } = new AnalysisSession({ fetch: appFetch() });
    const a = await ops.averageImages({ dataUrl: "http://x/data/mnist" });
    expect(a.digits).toHaveLength(MNIST_CLASSES * MNIST_PIXELS);
    // The middle of the average 0 is its hole: darker than the ring around it.
    const at = (d: number, r: number, c: number) => a.digits[d * MNIST_PIXELS + r * 28 + c]!;
    expect(at(0, 14, 14)).toBeLessThan(at(0, 14, 8));
    const again = await ops.averageImages({ dataUrl: "http://x/data/mnist" });
    expect(Array.from(again.all)).toEqual(Array.from(a.all));
    expect(again.all).not.toBe(a.all); // a copy each time: the reply's buffers are transferred

    const modelUrl = `http://x/models/${MODEL}`;
    const { net } = parseModel(modelText);
    const options = { digit: 3, roughness: 0 };
    const state = startAscent(net, a.all, options);
    const r = await ops.ascend({ modelUrl, state, options, count: 5 });
    expect(r).toEqual(ascend(net, state, options, 5));
    await expect(ops.ascend({ modelUrl, state, options, count: 0 })).rejects.toThrow(
      "ask for 1 to 1000 ascent steps, not 0",
    );
  });
});

describe("AnalysisSession: the lesion operations", () => {
  it("scores a lesioned model on the test set, and each hidden neuron silenced alone", async () => {
    const { ops } = new AnalysisSession({ fetch: appFetch() });
    const modelUrl = `http://x/models/${MODEL}`;
    await expect(ops.lesionAccuracy({ modelUrl, lesion: NO_LESION, count: 10 })).rejects.toThrow(
      "the test images are not loaded yet",
    );
    const { test } = await ops.loadTest({ dataUrl: "http://x/data/mnist" });
    const { net } = parseModel(modelText);
    const lesion = { ...NO_LESION, silenced: [{ layer: 1, neuron: 5 }] };
    const images = labelledImages(test);
    expect(await ops.lesionAccuracy({ modelUrl, lesion, count: 1000 })).toEqual({
      correct: correctCount(lesionNetwork(net, lesion), images, 1000),
      count: 1000,
    });
    const scores = await ops.silencedScores({ modelUrl });
    expect(scores).toHaveLength(32);
    const full = await ops.lesionAccuracy({ modelUrl, lesion, count: 10000 });
    expect(scores.find((s) => s.layer === 1 && s.neuron === 5)!.correct).toBe(full.correct);
  });
});

describe("AnalysisSession: neuronProfiles", () => {
  it("profiles a hidden layer over the loaded test set as the engine does", async () => {
    const { ops } = new AnalysisSession({ fetch: appFetch() });
    const modelUrl = `http://x/models/${MODEL}`;
    const { test } = await ops.loadTest({ dataUrl: "http://x/data/mnist" });
    const profiles = await ops.neuronProfiles({ modelUrl, layer: 2, count: 6 });
    expect(profiles).toEqual(neuronProfiles(parseModel(modelText).net, labelledImages(test), 2, 6));
    expect(profiles).toHaveLength(16);
    expect(profiles[0]!.top).toHaveLength(6);
  });
});

describe("AnalysisSession: compareNetworks", () => {
  it("compares two networks on the first SLICE_IMAGES test images, downloading them itself", async () => {
    const { ops } = new AnalysisSession({ fetch: appFetch() });
    const { net } = parseModel(modelText);
    const shuffled = permuteHidden(net, 1, [...Array.from({ length: 15 }, (_, j) => j + 1), 0]);
    const c = await ops.compareNetworks({ dataUrl: "http://x/data/mnist", a: net, b: shuffled });
    const { test } = await ops.loadTest({ dataUrl: "http://x/data/mnist" });
    const images = { ...labelledImages(test), count: SLICE_IMAGES };
    expect(c.before).toHaveLength(SLICE_TS.length);
    const end = c.before.find((p) => p.t === 1)!;
    expect({ cost: end.cost, accuracy: end.accuracy }).toEqual(score(net, images));
    // The shuffled copy is matched back: layer 1 by the inverse shift, layer 2 as it was.
    expect(c.matches[0]!.perm).toEqual([15, ...Array.from({ length: 15 }, (_, j) => j)]);
    expect(c.matches[1]!.perm).toEqual(Array.from({ length: 16 }, (_, j) => j));
    expect(c.distance.after).toBe(0);
    expect(new Set(c.after.filter((p) => p.t >= 0 && p.t <= 1).map((p) => p.cost)).size).toBe(1);
    await expect(
      ops.compareNetworks({
        dataUrl: "http://x/data/mnist",
        a: net,
        b: createNetwork({ ...net.spec, sizes: [784, 16, 10], hidden: ["sigmoid"] }, 1),
      }),
    ).rejects.toThrow("only networks of the same shape can be compared");
  });
});
