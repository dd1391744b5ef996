// Pieces both run experiments use: a seed field, the start/stop button, and a table of each run's progress
// and speed.
import { useId } from "react";
import { useSeedText } from "../parts.tsx";
import { formatExamples, RunChart, type Curve } from "./RunChart.tsx";
import { percent, percentTick, RUN_COLORS } from "./params.ts";
import type { RunState } from "./useRuns.ts";

/** A whole-number seed 0…2³²−1 typed in; only valid values reach `onSeed`. */
export function SeedField({
  seed,
  onSeed,
  disabled,
}: {
  seed: number;
  onSeed: (n: number) => void;
  disabled: boolean;
}) {
  const { text, valid, onChange } = useSeedText(seed, onSeed);
  const hintId = useId();
  return (
    <label className="run-field">
      Seed{" "}
      <input
        className="num"
        inputMode="numeric"
        value={text}
        disabled={disabled}
        aria-invalid={!valid}
        aria-describedby={hintId}
        onChange={onChange}
      />
      <span id={hintId} className="hint">
        {valid ? "same seed, same runs" : "a whole number from 0 to 4294967295"}
      </span>
    </label>
  );
}

/** A run's row header: its colour and its name. */
export function RunName({ run, index }: { run: RunState; index: number }) {
  return (
    <th scope="row">
      <span className="swatch" style={{ borderColor: RUN_COLORS[index % RUN_COLORS.length] }} />
      {run.run.label}
    </th>
  );
}

/** Start or stop a pair of runs ("Train again" once it has run), and its seed. */
export function PairControls({
  running,
  ran,
  onToggle,
  seed,
  onSeed,
}: {
  running: boolean;
  ran: boolean;
  onToggle: () => void;
  seed: number;
  onSeed: (n: number) => void;
}) {
  return (
    <div className="run-controls">
      <button type="button" className="primary" onClick={onToggle}>
        {running ? "Stop" : ran ? "Train again" : "Start training"}
      </button>
      <SeedField seed={seed} onSeed={onSeed} disabled={running} />
    </div>
  );
}

/** A run's latest measured speed, examples per second, as a table cell's text ("–" before it has one). */
export function runSpeed(run: RunState): string {
  const speed = run.points.findLast((q) => q.examplesPerSecond > 0)?.examplesPerSecond;
  return speed === undefined ? "–" : Math.round(speed).toLocaleString("en-US");
}

/** Each run: status, epochs done, the latest numbers, and its own speed in examples per second. */
export function RunsTable({ runs, trainAccuracy }: { runs: readonly RunState[]; trainAccuracy: boolean }) {
  if (runs.length === 0) return null;
  return (
    <div className="runs-table-scroll">
      <table className="runs-table">
        <thead>
          <tr>
            <th scope="col">run</th>
            <th scope="col">status</th>
            <th scope="col">examples</th>
            <th scope="col">epochs</th>
            {trainAccuracy ? <th scope="col">training accuracy</th> : <th scope="col">training cost</th>}
            <th scope="col">test accuracy</th>
            <th scope="col">examples/s</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r, i) => {
            const p = r.points.at(-1);
            return (
              <tr key={i} data-status={r.status}>
                <RunName run={r} index={i} />
                <td>{r.status === "starting" || r.status === "failed" ? r.message : r.status}</td>
                <td className="num">{p ? formatExamples(p.examples) : "–"}</td>
                <td className="num">{p ? p.epoch.toFixed(1) : "–"}</td>
                <td className="num">
                  {!p
                    ? "–"
                    : trainAccuracy
                      ? percent(p.trainAccuracy)
                      : Number.isFinite(p.trainCost)
                        ? p.trainCost.toFixed(4)
                        : "diverged"}
                </td>
                <td className="num">{p ? percent(p.testAccuracy) : "–"}</td>
                <td className="num run-speed">{runSpeed(r)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The sentence on sharing the processor: how many runs there are and how many cores the browser reports. */
export function CoresNote({ runs }: { runs: number }) {
  const cores = typeof navigator === "undefined" ? 0 : navigator.hardwareConcurrency || 0;
  return (
    <p className="hint cores-note">
      Each run trains in its own worker.{" "}
      {cores > 0 ? `This browser reports ${cores} processor core${cores === 1 ? "" : "s"}` : "Your processor"}
      {cores > 0 && runs > cores
        ? `, so the ${runs} runs take turns on them: each goes slower than it would alone, which is why every run’s speed is shown.`
        : ", shared with the page and everything else running: each run’s own speed is shown."}
    </p>
  );
}

/** One curve per run of a measure, in the run's colour; runs on shuffled labels dashed. */
export function runCurves(
  runs: readonly RunState[],
  pick: "trainCost" | "trainAccuracy" | "testAccuracy",
): Curve[] {
  return runs.map((r, i) => ({
    key: String(i),
    label: r.run.label,
    color: RUN_COLORS[i % RUN_COLORS.length]!,
    dashed: r.run.labelSeed !== null,
    points: r.points.map((p) => ({ x: p.examples, y: p[pick] })),
  }));
}

/** An accuracy chart of every run (0–100 %, chance marked). */
export function AccuracyChart({
  runs,
  pick,
  title,
  yLabel,
}: {
  runs: readonly RunState[];
  pick: "trainAccuracy" | "testAccuracy";
  title: string;
  yLabel: string;
}) {
  return (
    <RunChart
      title={title}
      curves={runCurves(runs, pick)}
      yLabel={yLabel}
      yDomain={[0, 1]}
      format={percent}
      tickFormat={percentTick}
      guide={{ y: 0.1, label: "chance" }}
    />
  );
}

/** Every run's accuracy on its own training labels and on the test set, chance marked. */
export function PairAccuracyCharts({ runs }: { runs: readonly RunState[] }) {
  return (
    <div className="run-charts">
      <AccuracyChart
        runs={runs}
        pick="trainAccuracy"
        title="Accuracy on the training labels"
        yLabel="training accuracy"
      />
      <AccuracyChart
        runs={runs}
        pick="testAccuracy"
        title="Accuracy on the test set"
        yLabel="test accuracy"
      />
    </div>
  );
}
