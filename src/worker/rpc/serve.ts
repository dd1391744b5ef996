// The worker's side of every request/response worker (the lessons' lab, the experiments' analysis worker; client.ts
// is the page's side): requests are answered one at a time in arrival order by a typed table of handlers, each
// reply carrying its request's id, and a handler's error becomes a reply with its sentence.
import type { RpcMap, RpcReply, RpcRequest } from "./protocol.ts";

/** The dispatch table: op name → handler. A handler throws (or rejects) with one sentence for the reader. */
export type RpcHandlers<M extends RpcMap<M>> = {
  readonly [K in keyof M]: (args: M[K]["args"]) => M[K]["result"] | Promise<M[K]["result"]>;
};

/** The worker's end of the channel: the worker's `self`, or a fake in tests. */
export interface RpcPort {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export interface ServeOptions<M> {
  /** The worker in sentences, as RpcClient names it: "lab worker" ("the lab worker has no operation …"). */
  readonly name: string;
  /** The buffers of a result to transfer rather than copy (none by default); the result is the reply's alone. */
  readonly transfer?: (op: keyof M & string, result: unknown) => Transferable[];
}

/**
 * The reply to one request: the handler's result, or `{ ok: false, message }` with the sentence it threw (or
 * "the lab worker has no operation …" for a name not in the table).
 */
export async function answer<M extends RpcMap<M>>(
  handlers: RpcHandlers<M>,
  request: RpcRequest<M>,
  name: string,
): Promise<RpcReply> {
  const { id, op, args } = request;
  try {
    if (!Object.hasOwn(handlers, op)) throw new Error(`the ${name} has no operation "${String(op)}"`);
    const handler = handlers[op] as (a: unknown) => unknown;
    return { id, ok: true, result: await handler(args) };
  } catch (err) {
    return { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Answers every request arriving on `port` with `handlers`, one at a time, in the order they arrive. */
export function serveRpc<M extends RpcMap<M>>(
  port: RpcPort,
  handlers: RpcHandlers<M>,
  options: ServeOptions<M>,
): void {
  let queue = Promise.resolve();
  port.onmessage = (e: MessageEvent) => {
    const request = e.data as RpcRequest<M>;
    queue = queue.then(async () => {
      const reply = await answer(handlers, request, options.name);
      const transfer = reply.ok && options.transfer ? options.transfer(request.op, reply.result) : [];
      port.postMessage(reply, transfer);
    });
  };
}
