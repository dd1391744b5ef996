// The page's side of the lab worker: `call(op, args)` returns a promise of the result, or rejects with the lab's
// sentence. A crashed lab rejects what was pending and is started afresh on the next call.
import type { LabMap, LabOp, LabReply } from "./labProtocol.ts";
import type { WorkerLike } from "./client.ts";

export class LabClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly createWorker: () => WorkerLike = createLabWorker) {}

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (e: MessageEvent) => {
      const reply = e.data as LabReply;
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
      for (const p of this.pending.values())
        p.reject(new Error(`the lab worker stopped: ${e.message || "unknown error"}`));
      this.pending.clear();
    };
    this.worker = worker;
    return worker;
  }

  call<K extends LabOp>(op: K, args: LabMap[K]["args"]): Promise<LabMap[K]["result"]> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, op, args });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error("the lab was closed"));
    this.pending.clear();
  }
}

export function createLabWorker(): WorkerLike {
  return new Worker(new URL("./lab.worker.ts", import.meta.url), { type: "module", name: "lab" });
}
