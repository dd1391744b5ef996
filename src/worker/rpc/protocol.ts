// The messages of every request/response worker (the lessons' lab, the experiments' analysis worker), as types
// only: a request names an operation of the worker's map and carries an id; each request gets one reply with it.

/** Each operation's arguments and result, by name (an interface like LabMap). */
export type RpcMap<M> = { [K in keyof M]: { args: unknown; result: unknown } };

/** Page → worker: operation `op` with its arguments; `id` is the client's, echoed in the reply. */
export type RpcRequest<M extends RpcMap<M>> = {
  [K in keyof M & string]: { id: number; op: K; args: M[K]["args"] };
}[keyof M & string];

/** Worker → page: the result of request `id`, or one sentence saying why there is none. */
export type RpcReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };
