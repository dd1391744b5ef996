// The page's side of the analysis worker (the experiments pages' models, test set and classifications):
// `new AnalysisClient().call(op, args)` for each operation of AnalysisMap (see ../rpc/client.ts).
import { RpcClient } from "../rpc/client.ts";
import type { WorkerLike } from "../workerLike.ts";
import type { AnalysisMap } from "./protocol.ts";

export class AnalysisClient extends RpcClient<AnalysisMap> {
  constructor(createWorker: () => WorkerLike = createAnalysisWorker) {
    super(createWorker, "experiments worker");
  }
}

/** The real analysis worker (a module worker, bundled by Vite). */
export function createAnalysisWorker(): WorkerLike {
  return new Worker(new URL("./analysis.worker.ts", import.meta.url), {
    type: "module",
    name: "experiments",
  });
}
