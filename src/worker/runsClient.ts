// The page's side of the runs workers: one worker per training run, started with a RunSpec, streaming a
// RunPoint per measurement until it finishes or is stopped. The message types both sides share are here.
import type { Network } from "../engine/network.ts";
import type { RunPoint, RunSpec } from "../engine/runs.ts";
import type { WorkerLike } from "./client.ts";

/** Page → worker: start the one run this worker trains (once), or stop it. */
export type RunsRequest = { type: "start"; run: RunSpec; dataUrl: string } | { type: "stop" };

/** Worker → page: what it is doing, each measurement, the end with the trained network, or what went wrong. */
export type RunsReply =
  | { type: "status"; text: string }
  | { type: "point"; point: RunPoint }
  | { type: "done"; net: Network<Float32Array> }
  | { type: "error"; message: string };

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
      worker.onmessage = (e: MessageEvent) => {
        if (!live) return;
        const reply = e.data as RunsReply;
        switch (reply.type) {
          case "status":
            listener.onStatus(reply.text);
            break;
          case "point":
            listener.onPoint(reply.point);
            break;
          case "done":
            end();
            listener.onDone(reply.net);
            break;
          case "error":
            end();
            listener.onError(reply.message);
        }
      };
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault?.();
        if (!live) return;
        end();
        listener.onError(`The training worker stopped: ${e.message || "unknown error"}.`);
      };
      const request: RunsRequest = { type: "start", run, dataUrl };
      worker.postMessage(request);
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
