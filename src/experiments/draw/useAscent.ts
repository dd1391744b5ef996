// The run of "draw a digit": gradient ascent on the input in the experiments worker, a few steps per animation
// frame (one request in flight), each chunk handed to `paint` for the canvases outside React; React hears only
// the end (or a failure).
import { useEffect, useMemo, useRef, useState } from "react";
import { startAscent, type AscentOptions, type AscentState } from "../../engine/inputAscent.ts";
import type { Network } from "../../engine/network.ts";
import { browserClock, type ViewClock } from "../../render/clock.ts";
import type { Checkpoint } from "../../worker/models.ts";
import { useExperimentServices } from "../ExperimentsProvider.tsx";

/** Steps of a run, at most (it ends sooner if the ascent stalls at a top). */
export const MAX_STEPS = 200;
/** Steps asked for per request: one request per animation frame. */
const CHUNK = 4;

/** The run so far: aⱼ before any step, after each step taken, and the state now. */
export interface AscentProgress {
  readonly startOutput: number;
  readonly outputs: readonly number[];
  readonly state: AscentState;
}

export type AscentStatus =
  | { readonly kind: "running" }
  | { readonly kind: "done"; readonly progress: AscentProgress }
  | { readonly kind: "error"; readonly message: string };

const RUNNING: AscentStatus = { kind: "running" };

/**
 * Runs the ascent of `options` from image `x0` through `net` (checkpoint `epochs`) whenever one of them changes
 * or `run` (a counter) does; `paint(progress)` after each chunk. x0 null: not ready to start.
 */
export function useAscent(
  net: Network<Float32Array>,
  epochs: Checkpoint,
  x0: Float32Array | null,
  options: AscentOptions,
  run: number,
  paint: (progress: AscentProgress) => void,
  clock: ViewClock = browserClock,
): AscentStatus {
  const { source } = useExperimentServices();
  const { digit, roughness } = options;
  // One run per request: a status belongs to the request it was made for.
  const request = useMemo(
    () => ({ net, epochs, x0, options: { digit, roughness }, run }),
    [net, epochs, x0, digit, roughness, run],
  );
  const [status, setStatus] = useState<{ request: object; status: AscentStatus } | null>(null);
  const paintRef = useRef(paint);
  useEffect(() => {
    paintRef.current = paint;
  }, [paint]);
  useEffect(() => {
    const { x0, options: o } = request;
    if (!x0) return;
    let live = true;
    let cancelFrame = () => {};
    const start = startAscent(request.net, x0, o);
    let progress: AscentProgress = { startOutput: start.output, outputs: [], state: start };
    paintRef.current(progress);
    const next = () => {
      if (!live) return;
      if (progress.state.stalled || progress.state.steps >= MAX_STEPS) {
        setStatus({ request, status: { kind: "done", progress } });
        return;
      }
      const count = Math.min(CHUNK, MAX_STEPS - progress.state.steps);
      source.ascend(request.epochs, progress.state, o, count).then(
        (r) => {
          if (!live) return;
          progress = { ...progress, outputs: [...progress.outputs, ...r.outputs], state: r.state };
          paintRef.current(progress);
          cancelFrame = clock.frame(next);
        },
        (err: unknown) =>
          live &&
          setStatus({
            request,
            status: { kind: "error", message: err instanceof Error ? err.message : String(err) },
          }),
      );
    };
    next();
    return () => {
      live = false;
      cancelFrame();
    };
  }, [request, source, clock]);
  return status?.request === request ? status.status : RUNNING;
}
