// The page's side of a request/response worker (the lessons' lab, the experiments' analysis worker; serve.ts is
// the worker's side): `call(op, args)` returns a promise of the result, or rejects with the worker's sentence. The
// worker starts on the first call; a crashed worker rejects what was pending and is started afresh on the next.
import type { WorkerLike } from "../workerLike.ts";
import type { RpcMap, RpcReply, RpcRequest } from "./protocol.ts";

/** A client for the worker whose operations are M; `createWorker` starts it (a fake one in tests). */
export class RpcClient<M extends RpcMap<M>> {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  /** `name` says which worker in error messages ("the lab worker stopped: …"). */
  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly name: string,
  ) {}

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (e: MessageEvent) => {
      const reply = e.data as RpcReply;
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new Error(reply.message));
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      worker.terminate();
      this.worker = null;
      this.rejectAll(`the ${this.name} stopped: ${e.message || "unknown error"}`);
    };
    this.worker = worker;
    return worker;
  }

  private rejectAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  /** Asks the worker for `op`; resolves with its result, or rejects with its sentence. */
  call<K extends keyof M & string>(op: K, args: M[K]["args"]): Promise<M[K]["result"]> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, op, args } as RpcRequest<M>);
    });
  }

  /** Ends the worker; pending calls reject ("the lab worker was closed"). A later call starts a new one. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.rejectAll(`the ${this.name} was closed`);
  }
}
