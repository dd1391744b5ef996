// "Halve until it learns": the learning-rate recipe of the source notes, run live. The `best` network starts
// from one seed with a rate so high that it stalls; each halving gets one pass over the same images, drawn as
// a curve of its test accuracy; the first rate whose pass ends above twice chance is where the recipe settles.
import { converges, CONVERGING_ACCURACY, passEnd, RECIPE } from "../../engine/recipe.ts";
import { formatCount } from "../../render/format.ts";
import { AccuracyChart, SeedField } from "../runs/RunParts.tsx";
import { parseRunSizeParams, percent } from "../runs/params.ts";
import type { RunState } from "../runs/useRuns.ts";
import { useRecipe, type RecipeStatus } from "./useRecipe.ts";
import "../runs/runs.css";
import "./recipe.css";

function rateOf(r: RunState): number {
  return r.run.train.learningRate;
}

export function RecipeExperiment({ seed, onSeed }: { seed: number; onSeed: (n: number) => void }) {
  const trainLimit =
    parseRunSizeParams(typeof window === "undefined" ? "" : window.location.search).trainLimit ??
    RECIPE.trainLimit;
  const { rates, runs, outcome, status, error, begin, halt } = useRecipe(seed, trainLimit);
  const settled = outcome.kind === "settled" ? runs[outcome.index] : undefined;
  const running = status === "running";

  return (
    <section
      className="experiment runs-experiment recipe"
      aria-label="Halve until it learns"
      data-status={status}
      data-settled-rate={settled ? rateOf(settled) : undefined}
    >
      <div className="prose">
        <p>
          How large should the learning rate η be? A recipe from practice: start with a rate so high that the
          network stalls, then halve it until training begins to converge. Here a 784-100-10 network (ReLU
          hidden neurons, softmax output, cross-entropy, momentum 0.9: the &ldquo;better network&rdquo;
          preset) starts from the same random weights each time and gets one pass over the first{" "}
          {formatCount(trainLimit)} training digits at η = {rates[0]}, then {rates[1]}, {rates[2]}, … A rate
          &ldquo;begins to converge&rdquo; when after its pass the network names more than{" "}
          {percent(CONVERGING_ACCURACY)} of {formatCount(RECIPE.testEval)} test digits right, twice chance.
        </p>
      </div>
      <div className="run-controls">
        <button type="button" className="primary" onClick={running ? halt : begin}>
          {running ? "Stop" : runs.length > 0 ? "Run the recipe again" : "Run the recipe"}
        </button>
        <SeedField seed={seed} onSeed={onSeed} disabled={running} />
      </div>
      {error ? (
        <p className="run-error" role="alert">
          {error}
        </p>
      ) : null}
      {runs.length > 0 ? (
        <AccuracyChart
          runs={runs}
          pick="testAccuracy"
          title="Test accuracy during each rate's pass"
          yLabel={`accuracy on ${formatCount(RECIPE.testEval)} test digits`}
        />
      ) : null}
      <RecipeTable runs={runs} settledIndex={outcome.kind === "settled" ? outcome.index : -1} />
      <Conclusion status={status} runs={runs} settled={settled} />
    </section>
  );
}

function RecipeTable({ runs, settledIndex }: { runs: readonly RunState[]; settledIndex: number }) {
  if (runs.length === 0) return null;
  return (
    <div className="runs-table-scroll">
      <table className="runs-table recipe-table">
        <caption className="hint">After each rate&apos;s pass</caption>
        <thead>
          <tr>
            <th scope="col">η</th>
            <th scope="col">test cost</th>
            <th scope="col">test accuracy</th>
            <th scope="col">verdict</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r, i) => {
            const end = passEnd(r.points);
            const verdict = !end ? "training…" : converges(r.points) ? "learns" : "stalls";
            return (
              <tr key={i} className={i === settledIndex ? "settled" : undefined} data-rate={rateOf(r)}>
                <th scope="row">{rateOf(r)}</th>
                <td className="num">{end ? end.testCost.toFixed(3) : "—"}</td>
                <td className="num" data-accuracy={end?.testAccuracy}>
                  {end ? percent(end.testAccuracy) : "—"}
                </td>
                <td className={`verdict ${verdict === "training…" ? "" : verdict}`}>{verdict}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Conclusion({
  status,
  runs,
  settled,
}: {
  status: RecipeStatus;
  runs: readonly RunState[];
  settled: RunState | undefined;
}) {
  const first = runs[0] ? passEnd(runs[0].points) : null;
  if (status === "settled" && settled && first) {
    const end = passEnd(settled.points)!;
    const halvings = runs.length - 1;
    return (
      <p className="conclusion" role="status">
        {halvings === 0
          ? `η = ${rateOf(settled)} learns at once: ${percent(end.testAccuracy)} right after one pass, so there was nothing to halve.`
          : `At η = ${rateOf(runs[0]!)} the network stalls: after its pass it names ${percent(first.testAccuracy)} of the test digits right, about chance.${halvings > 1 ? ` Every rate down to η = ${rateOf(runs[halvings - 1]!)} stalls too (at most ${percent(Math.max(...runs.slice(0, halvings).map((r) => passEnd(r.points)?.testAccuracy ?? 0)))}).` : ""} After ${halvings} halving${halvings === 1 ? "" : "s"}, η = ${rateOf(settled)} is the first rate at which it learns: ${percent(end.testAccuracy)} right after one pass. That is where the recipe settles; it finds where learning begins, and a little lower may still learn faster.`}
      </p>
    );
  }
  if (status === "none")
    return (
      <p className="conclusion" role="status">
        Every rate down to η = {rateOf(runs.at(-1)!)} stalled within one pass.
      </p>
    );
  return null;
}
