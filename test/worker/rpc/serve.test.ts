// serveRpc over a fake port: replies carry their request's id, a handler's error becomes { ok: false, message },
// requests are answered one at a time in arrival order, and a whole round trip with RpcClient.
import { describe, expect, it } from "vitest";
import { RpcClient } from "../../../src/worker/rpc/client.ts";
import type { RpcReply, RpcRequest } from "../../../src/worker/rpc/protocol.ts";
import { serveRpc, type RpcHandlers, type RpcPort } from "../../../src/worker/rpc/serve.ts";
import type { WorkerLike } from "../../../src/worker/workerLike.ts";

interface TestMap {
  double: { args: { x: number }; result: number };
  /** Resolves with `x` after `ms` milliseconds. */
  later: { args: { x: number; ms: number }; result: number };
  fail: { args: { why: string }; result: never };
  bytes: { args: { n: number }; result: Uint8Array };
}

const handlers: RpcHandlers<TestMap> = {
  double: ({ x }) => 2 * x,
  later: ({ x, ms }) => new Promise((resolve) => setTimeout(() => resolve(x), ms)),
  fail: ({ why }) => {
    throw new Error(why);
  },
  bytes: ({ n }) => new Uint8Array(n),
};

/** A port served with `handlers`; `send` delivers a request, `replies` holds what came back with its transfer. */
function served() {
  const replies: { reply: RpcReply; transfer: Transferable[] }[] = [];
  const port: RpcPort = {
    onmessage: null,
    postMessage: (reply, transfer) => replies.push({ reply: reply as RpcReply, transfer }),
  };
  serveRpc<TestMap>(port, handlers, {
    name: "test worker",
    transfer: (op, result) => (op === "bytes" ? [(result as Uint8Array).buffer] : []),
  });
  const send = (request: RpcRequest<TestMap> | { id: number; op: string; args: unknown }) =>
    port.onmessage?.({ data: request } as MessageEvent);
  const settled = (n: number) => expect.poll(() => replies.length).toBe(n);
  return { replies, send, settled };
}

describe("serveRpc(port, handlers, options)", () => {
  it("replies with the handler's result under the request's id", async () => {
    const { replies, send, settled } = served();
    send({ id: 7, op: "double", args: { x: 21 } });
    await settled(1);
    expect(replies[0]!.reply).toEqual({ id: 7, ok: true, result: 42 });
  });

  it("turns a thrown error, and an unknown operation, into { ok: false, message }", async () => {
    const { replies, send, settled } = served();
    send({ id: 1, op: "fail", args: { why: "the file is not a network" } });
    send({ id: 2, op: "explode", args: {} });
    send({ id: 3, op: "toString", args: {} });
    await settled(3);
    expect(replies.map((r) => r.reply)).toEqual([
      { id: 1, ok: false, message: "the file is not a network" },
      { id: 2, ok: false, message: 'the test worker has no operation "explode"' },
      { id: 3, ok: false, message: 'the test worker has no operation "toString"' },
    ]);
  });

  it("answers requests one at a time, in the order they arrive, even when an earlier one is slower", async () => {
    const { replies, send, settled } = served();
    send({ id: 1, op: "later", args: { x: 1, ms: 30 } });
    send({ id: 2, op: "double", args: { x: 2 } });
    send({ id: 3, op: "later", args: { x: 3, ms: 0 } });
    await settled(3);
    expect(replies.map((r) => r.reply)).toEqual([
      { id: 1, ok: true, result: 1 },
      { id: 2, ok: true, result: 4 },
      { id: 3, ok: true, result: 3 },
    ]);
  });

  it("transfers the buffers options.transfer names, for results only", async () => {
    const { replies, send, settled } = served();
    send({ id: 1, op: "bytes", args: { n: 3 } });
    send({ id: 2, op: "fail", args: { why: "no" } });
    await settled(2);
    const [ok, failed] = replies;
    expect(ok!.transfer).toEqual([(ok!.reply as { result: Uint8Array }).result.buffer]);
    expect(failed!.transfer).toEqual([]);
  });

  it("serves an RpcClient end to end", async () => {
    const port: RpcPort = {
      onmessage: null,
      postMessage: (reply) => worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent),
    };
    const worker: WorkerLike = {
      postMessage: (request) => port.onmessage?.({ data: structuredClone(request) } as MessageEvent),
      terminate() {},
      onmessage: null,
      onerror: null,
    };
    serveRpc<TestMap>(port, handlers, { name: "test worker" });
    const client = new RpcClient<TestMap>(() => worker, "test worker");
    await expect(client.call("double", { x: 4 })).resolves.toBe(8);
    await expect(client.call("fail", { why: "no such image" })).rejects.toThrow("no such image");
  });
});
