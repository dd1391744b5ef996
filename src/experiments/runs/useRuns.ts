// Runs in progress for a component: start a set of RunSpecs (one worker each), collect their streamed points,
// stop them all. Points arrive about once a second per run, so they go through React state; a finished run keeps
// its trained network.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Network } from "../../engine/network.ts";
import type { RunPoint, RunSpec } from "../../engine/runs.ts";
import type { RunHandle, RunsClient } from "../../worker/runs/client.ts";
import { useExperimentServices } from "../ExperimentsProvider.tsx";

export type RunStatus = "starting" | "training" | "done" | "stopped" | "failed";

export interface RunState {
  readonly run: RunSpec;
  readonly status: RunStatus;
  /** The worker's last word while starting ("downloading MNIST"), or the error. */
  readonly message: string;
  readonly points: readonly RunPoint[];
  /** The network as trained, once the run is done (not when it was stopped or failed). */
  readonly net?: Network<Float32Array>;
}

/** Runs started with `client`, downloading the page's MNIST folder (ExperimentsProvider). */
export function useRuns(client: RunsClient): {
  runs: readonly RunState[];
  running: boolean;
  start: (specs: readonly RunSpec[]) => void;
  stop: () => void;
} {
  const { dataUrl } = useExperimentServices();
  const [runs, setRuns] = useState<readonly RunState[]>([]);
  const handles = useRef<RunHandle[]>([]);

  const update = useCallback((i: number, f: (r: RunState) => RunState) => {
    setRuns((all) => all.map((r, j) => (j === i ? f(r) : r)));
  }, []);

  const stopAll = useCallback(() => {
    for (const h of handles.current) h.stop();
    handles.current = [];
  }, []);

  const stop = useCallback(() => {
    stopAll();
    setRuns((all) =>
      all.map((r) => (r.status === "starting" || r.status === "training" ? { ...r, status: "stopped" } : r)),
    );
  }, [stopAll]);

  const start = useCallback(
    (specs: readonly RunSpec[]) => {
      stopAll();
      setRuns(specs.map((run) => ({ run, status: "starting", message: "starting", points: [] })));
      const url = dataUrl;
      handles.current = specs.map((run, i) =>
        client.start(run, url, {
          onStatus: (text) => update(i, (r) => ({ ...r, message: text })),
          onPoint: (point) => update(i, (r) => ({ ...r, status: "training", points: [...r.points, point] })),
          onDone: (net) => update(i, (r) => ({ ...r, status: "done", net })),
          onError: (message) => update(i, (r) => ({ ...r, status: "failed", message })),
        }),
      );
    },
    [client, dataUrl, stopAll, update],
  );

  useEffect(() => stopAll, [stopAll]);

  const running = runs.some((r) => r.status === "starting" || r.status === "training");
  return { runs, running, start, stop };
}
