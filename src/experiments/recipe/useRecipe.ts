// The recipe's runs, one rate after another, trained by the page's runs client: when a run finishes, the next
// rate starts unless this one converged or none is left. Points stream in as each run measures them.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { recipeOutcome, recipePlan, recipeRates, RECIPE } from "../../engine/recipe.ts";
import type { RunPoint, RunSpec } from "../../engine/runs.ts";
import type { RunHandle } from "../../worker/runs/client.ts";
import { useExperimentServices } from "../ExperimentsProvider.tsx";
import type { RunState } from "../runs/useRuns.ts";

export type RecipeStatus = "idle" | "running" | "settled" | "none" | "stopped" | "failed";

function rateSpec(rate: number, seed: number, trainLimit: number): RunSpec {
  return { ...recipePlan(rate, seed, trainLimit), label: `η = ${rate}` };
}

export function useRecipe(seed: number, trainLimit: number = RECIPE.trainLimit) {
  const { runs: client, dataUrl } = useExperimentServices();
  const rates = useMemo(() => recipeRates(), []);
  const [runs, setRuns] = useState<readonly RunState[]>([]);
  const [active, setActive] = useState(false);
  const handle = useRef<RunHandle | null>(null);
  useEffect(() => () => handle.current?.stop(), []);

  const begin = useCallback(() => {
    handle.current?.stop();
    setActive(true);
    /** Runs rate `index`, after the finished runs `before` (their points). */
    const launch = (index: number, before: readonly (readonly RunPoint[])[]) => {
      const run = rateSpec(rates[index]!, seed, trainLimit);
      const points: RunPoint[] = [];
      const update = (f: (r: RunState) => RunState) =>
        setRuns((all) => all.map((r, j) => (j === index ? f(r) : r)));
      setRuns((all) => [
        ...all.slice(0, index),
        { run, status: "starting", message: "starting", points: [] },
      ]);
      handle.current = client.start(run, dataUrl, {
        onStatus: (text) => update((r) => ({ ...r, message: text })),
        onPoint: (point) => {
          points.push(point);
          update((r) => ({ ...r, status: "training", points: [...points] }));
        },
        onDone: () => {
          update((r) => ({ ...r, status: "done" }));
          const finished = [...before, points];
          if (recipeOutcome(finished, rates).kind === "running") launch(index + 1, finished);
          else {
            handle.current = null;
            setActive(false);
          }
        },
        onError: (message) => {
          update((r) => ({ ...r, status: "failed", message }));
          handle.current = null;
          setActive(false);
        },
      });
    };
    setRuns([]);
    launch(0, []);
  }, [client, dataUrl, rates, seed, trainLimit]);

  const halt = useCallback(() => {
    handle.current?.stop();
    handle.current = null;
    setActive(false);
    setRuns((all) => all.map((r) => (r.status === "done" ? r : { ...r, status: "stopped" })));
  }, []);

  const outcome = recipeOutcome(
    runs.filter((r) => r.status === "done").map((r) => r.points),
    rates,
  );
  const failed = runs.find((r) => r.status === "failed");
  const status: RecipeStatus = active
    ? "running"
    : failed
      ? "failed"
      : outcome.kind === "settled"
        ? "settled"
        : outcome.kind === "none"
          ? "none"
          : runs.length > 0
            ? "stopped"
            : "idle";
  return { rates, runs, outcome, status, error: failed?.message ?? null, begin, halt };
}
