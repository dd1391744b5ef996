// The page's side of the runs workers: one worker per training run, started with a RunSpec, streaming a
// RunPoint per measurement until it finishes or is stopped.
import type { Network } from "../../engine/network.ts";
import type { RunPoint, RunSpec } from "../../engine/runs.ts";
import type { WorkerLike } from "../workerLike.ts";
import type { ByType, RunsReply, RunsRequest } from "./protocol.ts";

/** What a run's owner hears. */
export interface RunListener {
  onStatus(text: string): void;
  onPoint(point: RunPoint): void;
  /** The run finished; `net` is the network as trained (a copy the listener owns). */
  onDone(net: Network<Float32Array>): void;
  onError(message: string): void;
}

/** A run in progress: `stop()` ends it and its worker (no more callbacks after). */
export interface RunHandle {
  stop(): void;
}

/** Starts runs; the components take one so tests can inject a fake. */
export interface RunsClient {
  start(run: RunSpec, dataUrl: string, listener: RunListener): RunHandle;
}

/** The real runs worker (a module worker, bundled by Vite). */
export function createRunsWorker(): WorkerLike {
  return new Worker(new URL("./runs.worker.ts", import.meta.url), { type: "module", name: "runs" });
}

/** Runs in Web Workers, a fresh worker per run, so parallel runs use the machine's cores. */
export function createRunsClient(createWorker: () => WorkerLike = createRunsWorker): RunsClient {
  return {
    start(run, dataUrl, listener) {
      const worker = createWorker();
      let live = true;
      const end = () => {
        live = false;
        worker.terminate();
      };
      const onReply: ByType<RunsReply> = {
        status: ({ text }) => listener.onStatus(text),
        point: ({ point }) => listener.onPoint(point),
        done: ({ net }) => {
          end();
          listener.onDone(net);
        },
        error: ({ message }) => {
          end();
          listener.onError(message);
        },
      };
      worker.onmessage = (e: MessageEvent) => {
        if (!live) return;
        const reply = e.data as RunsReply;
        (onReply[reply.type] as (r: RunsReply) => void)(reply);
      };
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault?.();
        if (!live) return;
        end();
        listener.onError(`The training worker stopped: ${e.message || "unknown error"}.`);
      };
      worker.postMessage({ type: "start", run, dataUrl } satisfies RunsRequest);
      return {
        stop() {
          if (!live) return;
          worker.postMessage({ type: "stop" } satisfies RunsRequest);
          end();
        },
      };
    },
  };
}
