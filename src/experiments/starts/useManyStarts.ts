// The many-starts runs and their comparison: `count` networks trained from seeds derived from the page's (one
// runs worker each), and, once all are done, two of them (A and B, the first two unless the learner picks others)
// compared in the experiments worker: B's neurons matched to A's and the cost along the line between them.
import { useCallback, useEffect, useState } from "react";
import type { Network } from "../../engine/network.ts";
import type { NetworkComparison } from "../../engine/slice.ts";
import { STARTS_SIZE, startsPlans, type StartsSize } from "../../engine/starts.ts";
import { useExperimentServices } from "../ExperimentsProvider.tsx";
import { parseRunSizeParams } from "../runs/params.ts";
import { useRuns, type RunState } from "../runs/useRuns.ts";

/** The comparison of the pair [a, b] (run indices): waiting for the runs, being computed, its result, or why not. */
export type Comparison =
  | { readonly status: "waiting" }
  | { readonly status: "computing"; readonly pair: readonly [number, number] }
  | { readonly status: "ready"; readonly pair: readonly [number, number]; readonly result: NetworkComparison }
  | { readonly status: "failed"; readonly pair: readonly [number, number]; readonly message: string };

/** What the experiments worker answered for the networks a and b. */
type Answer = { a: Network<Float32Array>; b: Network<Float32Array> } & (
  { result: NetworkComparison } | { message: string }
);

/** The runs' size: STARTS_SIZE with the URL's runLimit/runEpochs. */
export function startsSize(search: string): StartsSize {
  return { ...STARTS_SIZE, ...parseRunSizeParams(search) };
}

/** Run i's name in the legend, the tables and the pair's menus. */
export function runName(i: number): string {
  return `run ${i + 1}`;
}

export function useManyStarts(seed: number, count: number) {
  const services = useExperimentServices();
  const { runs, running, start, stop } = useRuns(services.runs);
  const [pair, setPair] = useState<readonly [number, number]>([0, 1]);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const size = startsSize(typeof window === "undefined" ? "" : window.location.search);

  const toggle = () => {
    if (running) return stop();
    setPair([0, 1]);
    start(startsPlans(seed, count, size).map((plan, i) => ({ ...plan, label: runName(i) })));
  };

  const nets = allTrained(runs);
  const a = nets?.[pair[0]];
  const b = nets?.[pair[1]];
  useEffect(() => {
    if (!a || !b) return;
    let live = true;
    services.source.compare(a, b).then(
      (result) => live && setAnswer({ a, b, result }),
      (err: unknown) =>
        live && setAnswer({ a, b, message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [a, b, services.source]);
  const comparison: Comparison =
    !a || !b
      ? { status: "waiting" }
      : answer?.a !== a || answer.b !== b
        ? { status: "computing", pair }
        : "result" in answer
          ? { status: "ready", pair, result: answer.result }
          : { status: "failed", pair, message: answer.message };

  /** Picks run `i` as A (which = 0) or B (1); picking the other one's run swaps them. */
  const choose = useCallback((which: 0 | 1, i: number) => {
    setPair((p) => {
      const other = p[1 - which]!;
      if (i === other) return which === 0 ? [i, p[0]] : [p[1], i];
      return which === 0 ? [i, other] : [other, i];
    });
  }, []);

  return { runs, running, toggle, size, pair, choose, comparison };
}

/** Every run's trained network, once all runs are done; null before (or if one was stopped or failed). */
function allTrained(runs: readonly RunState[]) {
  if (runs.length === 0 || runs.some((r) => r.status !== "done" || !r.net)) return null;
  return runs.map((r) => r.net!);
}
