// The page's side of the lab worker: `new LabClient().call(op, args)` (see rpcClient.ts).
import type { WorkerLike } from "./client.ts";
import type { LabMap } from "./labProtocol.ts";
import { RpcClient } from "./rpcClient.ts";

export class LabClient extends RpcClient<LabMap> {
  constructor(createWorker: () => WorkerLike = createLabWorker) {
    super(createWorker, "lab worker");
  }
}

export function createLabWorker(): WorkerLike {
  return new Worker(new URL("./lab.worker.ts", import.meta.url), { type: "module", name: "lab" });
}
