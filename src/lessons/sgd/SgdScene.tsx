// The scene "Stochastic gradient descent": the lab (one worker per mount) loads 10,000 training images and the
// untrained network, then trains three copies of it, one run after another so the page can show progress: full
// batch, single example, mini-batch (compareDescent, same start and same shuffled order). The views only draw the
// lab's measurements.
import { useEffect, useMemo, useState } from "react";
import { formatCount } from "../../render/format.ts";
import { Computing, LabStarting } from "../lab/LabStatus.tsx";
import { START_MODEL, type Lab } from "../lab/lab.ts";
import { useLabSession } from "../lab/useLab.tsx";
import { errorMessage } from "../loadStore.ts";
import type { SceneProps } from "../types.ts";
import { Count, Num } from "../views/Num.tsx";
import { CostPaths, runSettings, type RunResult } from "./CostPaths.tsx";
import {
  firstReaching,
  rises,
  RUN_ORDER,
  runsShown,
  SGD_CHECKPOINT,
  SGD_SETTINGS,
  sgdRuns,
  soonest,
  type Axis,
  type RunId,
} from "./runs.ts";
import type { SgdView } from "./steps.ts";
import "./sgd.css";
import { sgdGlance } from "../glance/sceneGlances.ts";
import { useCheckpointGlance } from "../glance/useCheckpointGlance.ts";

export function SgdScene({ view }: SceneProps<SgdView>) {
  useCheckpointGlance(SGD_CHECKPOINT, sgdGlance, "sgd");
  const session = useLabSession({ checkpoint: SGD_CHECKPOINT, trainLimit: SGD_SETTINGS.trainLimit });
  if (session.status === "error")
    return (
      <div className="notice error" role="alert">
        <p>The lab could not start: {session.message}</p>
      </div>
    );
  if (session.status === "loading")
    return session.stage === "model" ? (
      <LabStarting stage="model" what="the untrained network" />
    ) : (
      <div className="lesson-loading sgd-scene" role="status">
        <p>
          Loading {formatCount(SGD_SETTINGS.trainLimit)} training images and the test images into the lab…
        </p>
        <progress aria-label="Starting the lab" />
        <RunPlan trainCount={SGD_SETTINGS.trainLimit} />
      </div>
    );
  return <SgdLive lab={session.lab} trainCount={session.trainCount} view={view} />;
}

/** What the scene is about to run, shown while the lab loads: the three runs and what they share. */
function RunPlan({ trainCount }: { trainCount: number }) {
  return (
    <div className="run-plan">
      <p>
        Then three training runs start from the same untrained network, each allowed{" "}
        {formatCount(SGD_SETTINGS.budget)} examples; their cost on {formatCount(SGD_SETTINGS.heldOut)}{" "}
        held-out images is charted as each one finishes:
      </p>
      <ul>
        {sgdRuns(trainCount).map((def) => (
          <li key={def.id} className={`run-${def.id}`}>
            <span className="run-name">{def.name}</span> {runSettings(def)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The runs, computed one after another; the list grows as each finishes. */
function useRuns(
  lab: Lab,
  trainCount: number,
): { results: RunResult[]; error: string | null; total: number } {
  const defs = useMemo(() => sgdRuns(trainCount), [trainCount]);
  const [results, setResults] = useState<RunResult[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      for (const def of defs) {
        const [run] = await lab.call("compareDescent", {
          model: START_MODEL,
          runs: [def],
          budget: SGD_SETTINGS.budget,
          points: SGD_SETTINGS.points,
          heldOut: SGD_SETTINGS.heldOut,
        });
        if (!live) return;
        if (run) setResults((rs) => [...rs, { def, path: run.path }]);
      }
    })().catch((err: unknown) => {
      if (live) setError(errorMessage(err));
    });
    return () => {
      live = false;
    };
  }, [lab, defs]);
  return { results, error, total: defs.length };
}

function SgdLive({ lab, trainCount, view }: { lab: Lab; trainCount: number; view: SgdView }) {
  const { results, error, total } = useRuns(lab, trainCount);
  const [chosenAxis, setChosenAxis] = useState<Partial<Record<SgdView, Axis>>>({});
  const axis = chosenAxis[view] ?? (view === "time" || view === "summary" ? "seconds" : "examples");
  const byId = (id: RunId) => results.find((r) => r.def.id === id) ?? null;
  const wanted = runsShown(view);
  const shown = wanted.map(byId).filter((r): r is RunResult => r !== null);
  const next = sgdRuns(trainCount).find((d) => !byId(d.id));

  return (
    <div className="sgd-scene">
      <fieldset className="axis-toggle">
        <legend>Along the bottom</legend>
        {(["examples", "seconds"] as const).map((a) => (
          <label key={a}>
            <input
              type="radio"
              name="sgd-axis"
              value={a}
              checked={axis === a}
              onChange={() => setChosenAxis((c) => ({ ...c, [view]: a }))}
            />
            {a === "examples" ? "examples seen" : "seconds of training"}
          </label>
        ))}
      </fieldset>
      {error ? <Computing what="the training runs" error={error} /> : null}
      {!error && next ? (
        <div className="computing" role="status">
          <progress max={total} value={results.length} aria-label="Training runs done" />
          <span className="hint">
            Training run {results.length + 1} of {total}: {next.name.toLowerCase()} ({runSettings(next)}) on{" "}
            {formatCount(trainCount)} images, {formatCount(SGD_SETTINGS.budget)} examples in all…
          </span>
        </div>
      ) : null}
      {shown.length > 0 ? <CostPaths runs={shown} axis={axis} /> : null}
      <RunFacts view={view} byId={byId} />
    </div>
  );
}

/** The facts each step points at, read off the lab's measurements. */
function RunFacts({ view, byId }: { view: SgdView; byId: (id: RunId) => RunResult | null }) {
  const full = byId("full");
  const single = byId("single");
  const mini = byId("mini");
  const target = full?.path.at(-1)?.cost ?? null;
  const reach = (r: RunResult | null) => (r && target !== null ? firstReaching(r.path, target) : null);

  switch (view) {
    case "full": {
      const start = full?.path[0];
      const end = full?.path.at(-1);
      return full && start && end ? (
        <p className="run-facts">
          Full batch took <Count term="steps-full" value={end.steps} /> steps in{" "}
          <Count term="examples-full" value={end.examplesSeen} /> examples: the cost went from{" "}
          <Num term="start-cost" value={start.cost} digits={3} /> to{" "}
          <Num term="end-cost-full" value={end.cost} digits={3} />.
        </p>
      ) : null;
    }
    case "single": {
      const end = single?.path.at(-1);
      const at = reach(single);
      return single && end ? (
        <p className="run-facts">
          Single example took <Count term="steps-single" value={end.steps} /> steps. Between two measurements
          its cost went up <Count term="rises-single" value={rises(single.path)} /> times out of{" "}
          {single.path.length - 1}: that is the noise.
          {at ? (
            <>
              {" "}
              It got down to the full batch&apos;s final cost after only{" "}
              <Count term="reach-examples-single" value={at.examplesSeen} /> examples.
            </>
          ) : null}
        </p>
      ) : null;
    }
    case "mini": {
      const end = mini?.path.at(-1);
      const singleEnd = single?.path.at(-1);
      const at = reach(mini);
      return mini && end ? (
        <p className="run-facts">
          Mini-batch took <Count term="steps-mini" value={end.steps} /> steps and ended at a cost of{" "}
          <Num term="end-cost-mini" value={end.cost} digits={3} />
          {singleEnd ? (
            <>
              {" "}
              (single example: <Num term="end-cost-single" value={singleEnd.cost} digits={3} />)
            </>
          ) : null}
          .
          {at ? (
            <>
              {" "}
              It reached the full batch&apos;s final cost after{" "}
              <Count term="reach-examples-mini" value={at.examplesSeen} /> examples.
            </>
          ) : null}
        </p>
      ) : null;
    }
    case "time": {
      const runs = [full, single, mini].filter((r): r is RunResult => r !== null);
      const first =
        target !== null && runs.length === RUN_ORDER.length ? soonest(runs, target, "seconds") : null;
      const at = reach(first);
      return first && at && target !== null ? (
        <p className="run-facts">
          First to reach the full batch&apos;s final cost,{" "}
          <Num term="target-cost" value={target} digits={3} />:{" "}
          <strong className={`run-${first.def.id}`}>{first.def.name.toLowerCase()}</strong>, after{" "}
          <Num term="reach-seconds" value={at.seconds} digits={2} /> s of training.
        </p>
      ) : null;
    }
    case "summary":
      return <RunTable runs={[full, single, mini]} target={target} />;
  }
}

function RunTable({ runs, target }: { runs: readonly (RunResult | null)[]; target: number | null }) {
  const done = runs.filter((r): r is RunResult => r !== null);
  return (
    <table className="run-table">
      <caption>
        Each run from the same untrained network, {formatCount(SGD_SETTINGS.budget)} training examples in all
      </caption>
      <thead>
        <tr>
          <th scope="col">run</th>
          <th scope="col">m</th>
          <th scope="col">η</th>
          <th scope="col">steps</th>
          <th scope="col">seconds</th>
          <th scope="col">final cost</th>
          <th scope="col">reached the full batch&apos;s final cost after</th>
        </tr>
      </thead>
      <tbody>
        {done.map(({ def, path }) => {
          const end = path.at(-1)!;
          const at = target !== null ? firstReaching(path, target) : null;
          return (
            <tr key={def.id} className={`run-${def.id}`}>
              <th scope="row">
                <span className="swatch" aria-hidden="true" /> {def.name}
              </th>
              <td>
                <Count term={`m-${def.id}`} value={def.batchSize} />
              </td>
              <td>
                <Num term={`eta-${def.id}`} value={def.learningRate} digits={1} />
              </td>
              <td>
                <Count term={`steps-${def.id}`} value={end.steps} />
              </td>
              <td>
                <Num term={`seconds-${def.id}`} value={end.seconds} digits={2} />
              </td>
              <td>
                <Num term={`final-${def.id}`} value={end.cost} digits={3} />
              </td>
              <td>
                {at ? (
                  <>
                    <Count term={`reach-examples-${def.id}`} value={at.examplesSeen} /> examples,{" "}
                    <Num term={`reach-seconds-${def.id}`} value={at.seconds} digits={2} /> s
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
