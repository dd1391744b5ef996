// Side-by-side runs: two to six copies of the videos' network from one seed, differing in one setting, each
// training in its own worker, their training cost and test accuracy overlaid as they go.
import { useId, useState } from "react";
import {
  LEARNING_RATE_SWEEP,
  SWEEP_BASE_3B1B,
  SWEEP_DEFAULTS,
  SWEEP_SETTINGS,
  type SweepBase,
  type SweepSetting,
} from "../../engine/runs.ts";
import { useExperimentServices } from "../ExperimentsProvider.tsx";
import { RunChart } from "./RunChart.tsx";
import { parseSweepValues, SWEEP_SETTING_LABELS, sweepRuns } from "./labels.ts";
import { AccuracyChart, CoresNote, RunsTable, runCurves, SeedField } from "./RunParts.tsx";
import { parseRunSizeParams } from "./params.ts";
import { useRuns, type RunState } from "./useRuns.ts";
import "./runs.css";

/** What every run shares, as words: all the settings but the one varied. */
function sharedBy(base: SweepBase, setting: SweepSetting): string[] {
  return [
    setting === "hidden" ? null : `${base.spec.sizes.join("-")}`,
    setting === "activation" ? null : `${base.spec.hidden[0] ?? "no hidden"} hidden neurons`,
    setting === "cost" ? null : base.spec.cost === "mse" ? "squared-error cost" : "cross-entropy cost",
    setting === "learningRate" ? null : `η = ${base.train.learningRate}`,
    setting === "batchSize" ? null : `mini-batches of ${base.train.batchSize}`,
  ].filter((s) => s !== null);
}

function SweepIntro({ base, setting }: { base: SweepBase; setting: SweepSetting }) {
  return (
    <div className="prose">
      <p>
        Change one thing and train again, and you cannot tell how much of the difference is that one thing:
        the next run starts from other random weights. Here every run starts from the same seed and sees the
        same first ordering of the images; only the setting you pick differs. Each trains for {base.epochs}{" "}
        {base.epochs === 1 ? "pass" : "passes"} over {base.trainLimit.toLocaleString("en-US")} training digits
        and is tested every {base.pointEvery.toLocaleString("en-US")} examples on{" "}
        {base.testEval.toLocaleString("en-US")} test digits.
      </p>
      <p className="hint">Shared by every run: {sharedBy(base, setting).join(", ")}.</p>
    </div>
  );
}

/** Under the values: how many runs they make, or why they cannot be run. */
function ValuesHint({
  id,
  parsed,
  setting,
}: {
  id: string;
  parsed: ReturnType<typeof parseSweepValues>;
  setting: SweepSetting;
}) {
  return (
    <p id={id} className={parsed.ok ? "hint" : "hint run-error"} role={parsed.ok ? undefined : "alert"}>
      {parsed.ok
        ? `${parsed.values.length} runs, separated by commas${setting === "hidden" ? ' (sizes joined by "-", or none)' : ""}.`
        : parsed.error}
    </p>
  );
}

/** Every run's training cost and test accuracy as they train. */
function SweepCharts({ runs }: { runs: readonly RunState[] }) {
  return (
    <div className="run-charts">
      <RunChart
        title="Training cost"
        curves={runCurves(runs, "trainCost")}
        yLabel="mean cost of recent mini-batches"
        format={(v) => v.toFixed(v >= 1 ? 1 : 2)}
      />
      <AccuracyChart runs={runs} pick="testAccuracy" title="Test accuracy" yLabel="test accuracy" />
    </div>
  );
}

/**
 * The side-by-side experiment, trained by the page's runs client (ExperimentsProvider). `seed`/`onSeed` let a host
 * keep the seed in its URL; `base` (and the URL's runLimit/runEpochs) change what every run shares.
 */
export function SideBySideExperiment({
  seed: hostSeed,
  onSeed,
  base: baseOverride,
}: {
  seed?: number;
  onSeed?: (n: number) => void;
  base?: Partial<SweepBase>;
}) {
  const { runs, running, start, stop } = useRuns(useExperimentServices().runs);
  const [ownSeed, setOwnSeed] = useState(1);
  const seed = hostSeed ?? ownSeed;
  const setSeed = onSeed ?? setOwnSeed;
  const [setting, setSetting] = useState<SweepSetting>("learningRate");
  const [text, setText] = useState(LEARNING_RATE_SWEEP);
  const parsed = parseSweepValues(setting, text);
  const base: SweepBase = {
    ...SWEEP_BASE_3B1B,
    ...parseRunSizeParams(typeof window === "undefined" ? "" : window.location.search),
    ...baseOverride,
  };
  const valuesId = useId();
  const errorId = useId();
  const choose = (s: SweepSetting) => {
    setSetting(s);
    setText(SWEEP_DEFAULTS[s]);
  };

  return (
    <section className="experiment runs-experiment" aria-label="Side-by-side runs">
      <SweepIntro base={base} setting={setting} />
      <div className="run-controls">
        <button type="button" onClick={() => choose("learningRate")} disabled={running}>
          Learning-rate sweep
        </button>
        <label className="run-field">
          Vary{" "}
          <select value={setting} disabled={running} onChange={(e) => choose(e.target.value as SweepSetting)}>
            {SWEEP_SETTINGS.map((s) => (
              <option key={s} value={s}>
                {SWEEP_SETTING_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="run-field" htmlFor={valuesId}>
          Values
        </label>
        <input
          id={valuesId}
          className="num run-values"
          value={text}
          disabled={running}
          aria-invalid={!parsed.ok}
          aria-describedby={errorId}
          onChange={(e) => setText(e.target.value)}
        />
        <SeedField seed={seed} onSeed={setSeed} disabled={running} />
        <button
          type="button"
          className="primary"
          disabled={!running && !parsed.ok}
          onClick={() =>
            running ? stop() : parsed.ok && start(sweepRuns(base, setting, parsed.values, seed))
          }
        >
          {running ? "Stop" : "Start runs"}
        </button>
      </div>
      <ValuesHint id={errorId} parsed={parsed} setting={setting} />
      <CoresNote runs={runs.length > 0 ? runs.length : parsed.ok ? parsed.values.length : 2} />
      <SweepCharts runs={runs} />
      <RunsTable runs={runs} trainAccuracy={false} />
      <p className="hint">
        Costs of different cost functions are not on the same scale; compare their accuracy instead. A run
        whose cost turns into NaN has diverged: its steps grew until the numbers overflowed.
      </p>
    </section>
  );
}
