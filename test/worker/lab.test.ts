// The lab session on the real MNIST files: data, a shipped model, and each experiment answering by name.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LabSession } from "../../src/worker/lab.ts";
import { LabClient } from "../../src/worker/labClient.ts";
import type { WorkerLike } from "../../src/worker/client.ts";
import { mnistFetch } from "./fakeFetch.ts";

const model = readFileSync(new URL("../../public/models/3b1b-epoch-30.json", import.meta.url), "utf8");
const batch = [0, 1, 2, 3].map((index) => ({ split: "test" as const, index }));

describe("LabSession", () => {
  it("loads data and a model, then answers experiments with the engine's numbers", async () => {
    const lab = new LabSession({ fetch: mnistFetch() });
    expect(await lab.handle("loadData", { dataUrl: "http://x/data", trainLimit: 500 })).toEqual({
      trainCount: 500,
      testCount: 10000,
    });
    expect((await lab.handle("loadModel", { name: "trained", text: model })).spec.sizes).toEqual([
      784, 16, 16, 10,
    ]);

    const bt = await lab.handle("traceBatch", { model: "trained", batch });
    expect(bt.examples).toHaveLength(4);
    const surface = await lab.handle("costSurface", {
      model: "trained",
      batch,
      params: [{ kind: "w", layer: 3, index: 0 }],
      span: 1,
      steps: 3,
    });
    expect(surface.values[1]).toBeCloseTo(bt.cost, 6);

    const step = await lab.handle("sgdStep", {
      model: "trained",
      batch,
      learningRate: 0.5,
      saveAs: "stepped",
    });
    expect(step.before).toBeCloseTo(bt.cost, 6);
    const again = await lab.handle("traceBatch", { model: "stepped", batch });
    expect(again.cost).toBeCloseTo(step.after, 6);

    const runs = await lab.handle("compareDescent", {
      model: "trained",
      runs: [{ label: "mini-batch", batchSize: 10, learningRate: 1 }],
      budget: 100,
      points: 2,
      heldOut: 200,
    });
    expect(runs[0]!.path.at(-1)!.examplesSeen).toBe(100);
  });

  it("says what is wrong with a request in a sentence", async () => {
    const lab = new LabSession({ fetch: mnistFetch() });
    await expect(lab.handle("traceBatch", { model: "nope", batch })).rejects.toThrow(
      /no network called "nope"/,
    );
    await lab.handle("loadModel", { name: "m", text: model });
    await expect(lab.handle("traceBatch", { model: "m", batch })).rejects.toThrow(
      /test images are not loaded/,
    );
    await expect(lab.handle("loadModel", { name: "bad", text: "{" })).rejects.toThrow();
  });
});

describe("LabClient", () => {
  it("matches replies to calls by id and rejects with the lab's message", async () => {
    const sent: { id: number; op: string }[] = [];
    const worker: WorkerLike = {
      postMessage: (m: unknown) => sent.push(m as { id: number; op: string }),
      terminate() {},
      onmessage: null,
      onerror: null,
    };
    const lab = new LabClient(() => worker);
    const a = lab.call("loadModel", { name: "a", text: "{}" });
    const b = lab.call("loadModel", { name: "b", text: "{}" });
    worker.onmessage?.({ data: { id: sent[1]!.id, ok: false, message: "bad file" } } as MessageEvent);
    worker.onmessage?.({ data: { id: sent[0]!.id, ok: true, result: { spec: 1 } } } as MessageEvent);
    await expect(a).resolves.toEqual({ spec: 1 });
    await expect(b).rejects.toThrow("bad file");
  });
});
