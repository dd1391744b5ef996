// The page's side of the experiments worker: `new AnalysisClient().call(op, args)` (see src/worker/rpcClient.ts).
import type { WorkerLike } from "../worker/client.ts";
import { RpcClient } from "../worker/rpcClient.ts";
import type { AnalysisMap } from "./protocol.ts";

export class AnalysisClient extends RpcClient<AnalysisMap> {
  constructor(createWorker: () => WorkerLike = createAnalysisWorker) {
    super(createWorker, "experiments worker");
  }
}

export function createAnalysisWorker(): WorkerLike {
  return new Worker(new URL("./analysis.worker.ts", import.meta.url), {
    type: "module",
    name: "experiments",
  });
}
