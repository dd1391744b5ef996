// The page's side of the request/response workers over a fake worker: replies matched to calls by id, the
// worker's sentence as the rejection, a crashed worker replaced on the next call, and the lab's and the analysis
// worker's clients named in their sentences.
import { describe, expect, it } from "vitest";
import { AnalysisClient } from "../../../src/worker/analysis/client.ts";
import { LabClient } from "../../../src/worker/lab/client.ts";
import type { AnalysisRequest } from "../../../src/worker/analysis/protocol.ts";
import type { RpcReply } from "../../../src/worker/rpc/protocol.ts";
import type { WorkerLike } from "../../../src/worker/workerLike.ts";

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
const reply = (w: WorkerLike, r: RpcReply) => w.onmessage?.({ data: r } as MessageEvent);

describe("RpcClient", () => {
  it("call(op, args) posts { id, op, args } and resolves or rejects with the reply of that id", async () => {
    const w = fakeWorker();
    const client = new AnalysisClient(() => w);
    const a = client.call("loadTest", { dataUrl: "d" });
    const b = client.call("loadModel", { modelUrl: "m" });
    expect(w.sent).toEqual([
      { id: 1, op: "loadTest", args: { dataUrl: "d" } },
      { id: 2, op: "loadModel", args: { modelUrl: "m" } },
    ]);
    reply(w, { id: 2, ok: false, message: "No such model." });
    reply(w, { id: 1, ok: true, result: { test: "T" } });
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

  it("dispose() ends the worker and rejects what was pending, naming the worker", async () => {
    const w = fakeWorker();
    const lab = new LabClient(() => w);
    const a = lab.call("loadModel", { name: "a", text: "{}" });
    lab.dispose();
    await expect(a).rejects.toThrow("the lab worker was closed");
    expect(w.terminated).toBe(true);
  });
});
