// The experiments worker's session on the real MNIST files and the shipped model, and its client over a fake
// worker: the session's test-set answers reproduce the model's recorded accuracy.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answers, confusionMatrix, correctCounts, noiseImages } from "../../src/engine/analysis.ts";
import { parseModel } from "../../src/engine/model.ts";
import { forward } from "../../src/engine/network.ts";
import { AnalysisClient } from "../../src/experiments/analysisClient.ts";
import { AnalysisSession } from "../../src/experiments/analysisSession.ts";
import type { AnalysisReply, AnalysisRequest } from "../../src/experiments/protocol.ts";
import type { WorkerLike } from "../../src/worker/client.ts";
import { mnistFetch } from "../worker/fakeFetch.ts";

const MODEL = "3b1b-epoch-30.json";
const modelText = readFileSync(new URL(`../../public/models/${MODEL}`, import.meta.url), "utf8");

/** mnistFetch for the data, plus the model files of public/models by name. */
function appFetch(): (url: string) => Promise<Response> {
  const data = mnistFetch();
  return async (url) =>
    url.endsWith(".json") && url.includes("/models/")
      ? url.endsWith(MODEL)
        ? new Response(modelText)
        : new Response("no", { status: 404 })
      : data(url);
}

describe("AnalysisSession", () => {
  it("classifies the 10,000 test digits with the shipped model's recorded accuracy", async () => {
    const session = new AnalysisSession({ fetch: appFetch() });
    const modelUrl = `http://x/models/${MODEL}`;
    const { net } = await session.handle("loadModel", { modelUrl });
    const { test } = await session.handle("loadTest", { dataUrl: "http://x/data/mnist" });
    expect(test.count).toBe(10000);
    const c = await session.handle("classifyTest", { modelUrl });
    expect(c.outputs).toHaveLength(100_000);
    expect(c.firstA).toHaveLength(160_000);
    const { digits } = answers(c.outputs, c.count, net.spec.output);
    const m = confusionMatrix(test.labels, digits);
    const recorded = parseModel(modelText).meta["testAccuracy"];
    expect(correctCounts(m).total / 10000).toBe(recorded);
  });

  it("classifies noise images of a seed, and refuses absurd counts and unknown files", async () => {
    const session = new AnalysisSession({ fetch: appFetch() });
    const modelUrl = `http://x/models/${MODEL}`;
    const c = await session.handle("classifyNoise", { modelUrl, seed: 3, count: 5 });
    const { net } = parseModel(modelText);
    const x = noiseImages(3, 5);
    expect(Array.from(c.outputs.subarray(40, 50))).toEqual(Array.from(forward(net, x.subarray(4 * 784))));
    await expect(session.handle("classifyNoise", { modelUrl, seed: 3, count: 0 })).rejects.toThrow(
      "ask for 1 to 10000 noise images, not 0",
    );
    await expect(session.handle("loadModel", { modelUrl: "http://x/models/other.json" })).rejects.toThrow(
      "Could not download the network models/other.json: the server answered 404.",
    );
    await expect(session.handle("classifyTest", { modelUrl })).rejects.toThrow("not loaded yet");
  });
});

describe("AnalysisClient", () => {
  function fakeWorker() {
    const w: WorkerLike & { sent: AnalysisRequest[]; terminated: boolean } = {
      sent: [],
      terminated: false,
      postMessage(m: unknown) {
        this.sent.push(m as AnalysisRequest);
      },
      terminate() {
        this.terminated = true;
      },
      onmessage: null,
      onerror: null,
    };
    return w;
  }
  const reply = (w: WorkerLike, r: AnalysisReply) => w.onmessage?.({ data: r } as MessageEvent);

  it("matches replies to requests by id and rejects with the worker's sentence", async () => {
    const w = fakeWorker();
    const client = new AnalysisClient(() => w);
    const a = client.call("loadTest", { dataUrl: "d" });
    const b = client.call("loadModel", { modelUrl: "m" });
    expect(w.sent.map((r) => r.op)).toEqual(["loadTest", "loadModel"]);
    reply(w, { id: w.sent[1]!.id, ok: false, message: "No such model." });
    reply(w, { id: w.sent[0]!.id, ok: true, result: { test: "T" } });
    await expect(a).resolves.toEqual({ test: "T" });
    await expect(b).rejects.toThrow("No such model.");
  });

  it("rejects what was pending when the worker crashes, and starts a new one on the next call", async () => {
    const workers = [fakeWorker(), fakeWorker()];
    let made = 0;
    const client = new AnalysisClient(() => workers[made++]!);
    const a = client.call("loadTest", { dataUrl: "d" });
    workers[0]!.onerror?.({ message: "out of memory", preventDefault() {} } as ErrorEvent);
    await expect(a).rejects.toThrow("the experiments worker stopped: out of memory");
    expect(workers[0]!.terminated).toBe(true);
    void client.call("loadTest", { dataUrl: "d" }).catch(() => {});
    expect(made).toBe(2);
    client.dispose();
  });
});
