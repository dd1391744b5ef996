// The page's side of the lab worker: `new LabClient().call(op, args)` for each operation of LabMap (see
// ../rpc/client.ts); `dispose()` ends the worker.
import { RpcClient } from "../rpc/client.ts";
import type { WorkerLike } from "../workerLike.ts";
import type { LabMap } from "./protocol.ts";

export class LabClient extends RpcClient<LabMap> {
  constructor(createWorker: () => WorkerLike = createLabWorker) {
    super(createWorker, "lab worker");
  }
}

/** The real lab worker (a module worker, bundled by Vite). */
export function createLabWorker(): WorkerLike {
  return new Worker(new URL("./lab.worker.ts", import.meta.url), { type: "module", name: "lab" });
}
