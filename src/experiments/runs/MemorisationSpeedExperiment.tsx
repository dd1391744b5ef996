// Real labels are learned first (Arpit et al., "A closer look at memorization in deep networks", 2017): the
// shuffled-labels pair timed. The same network from the same seed, on the same 5,000 images, with true and with
// shuffled labels; how many epochs each takes to get 50, 90 and 99 % of its training labels right, and its test
// accuracy at the end. The runs are the shuffled-labels experiment's (labels.ts), trained by the page's runs workers.
import { useId } from "react";
import { ACCURACY_MILESTONES, MEMORISATION_SPEED_SIZE } from "../../engine/runs.ts";
import { formatEpochs, speedConclusion, speedSummary } from "./memorisationSpeed.ts";
import { percent, percentTick } from "./params.ts";
import { CoresNote, PairAccuracyCharts, PairControls, RunName, RunsTable } from "./RunParts.tsx";
import { useMemorisationPair, type PairProps } from "./useMemorisationPair.ts";
import type { RunState } from "./useRuns.ts";
import "./runs.css";

/**
 * The memorisation-speed experiment, trained by the page's runs client (ExperimentsProvider). `seed`/`onSeed` let
 * a host keep the seed in its URL; `size` (and the URL's runLimit/runEpochs) shrink the runs.
 */
export function MemorisationSpeedExperiment(props: PairProps) {
  const { runs, running, toggle, seed, setSeed, full } = useMemorisationPair(MEMORISATION_SPEED_SIZE, props);
  const measured = Math.min(full.trainEval, full.trainLimit).toLocaleString("en-US");

  return (
    <section className="experiment runs-experiment" aria-label="Real labels are learned first">
      <div className="prose">
        <p>
          A network can memorise {full.trainLimit.toLocaleString("en-US")} digits whose labels were shuffled
          at random (see Shuffled labels). But does memorising come as easily as learning? Two copies of one
          network ({full.hidden} ReLU hidden neurons, softmax output, cross-entropy) start from the same
          weights and see the same images in the same order, one with the true labels and one with the labels
          shuffled, for at most {full.epochs} passes. After every pass each is scored on all {measured} of its
          training digits, against the labels it learns from, and on {full.testEval.toLocaleString("en-US")}{" "}
          test digits with their true labels.
        </p>
      </div>
      <PairControls running={running} ran={runs.length > 0} onToggle={toggle} seed={seed} onSeed={setSeed} />
      <CoresNote runs={2} />
      <MilestoneTable runs={runs} cap={full.epochs} />
      <Conclusion runs={runs} running={running} cap={full.epochs} />
      <PairAccuracyCharts runs={runs} />
      <RunsTable runs={runs} trainAccuracy />
      <p className="hint">
        Arpit, Jastrzębski, Ballas et al., “A closer look at memorization in deep networks”, ICML 2017, found
        the same with larger networks: real patterns are fitted first, noise later.
      </p>
    </section>
  );
}

/** Each run's epochs to each milestone (the first measurement at or above it) and its latest test accuracy. */
function MilestoneTable({ runs, cap }: { runs: readonly RunState[]; cap: number }) {
  const captionId = useId();
  if (runs.length === 0) return null;
  return (
    <div className="runs-table-scroll">
      <p className="hint" id={captionId}>
        Epochs until each run’s training accuracy first reached 50, 90 and 99 % (“&gt; n”: not within the n
        epochs it trained), and its test accuracy after its last epoch (of {cap}).
      </p>
      <table className="runs-table milestone-table" aria-describedby={captionId}>
        <thead>
          <tr>
            <th scope="col">run</th>
            {ACCURACY_MILESTONES.map((t) => (
              <th scope="col" key={t}>
                {percentTick(t)}
              </th>
            ))}
            <th scope="col">test</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r, i) => {
            const s = speedSummary(r.points);
            const over = r.status === "done" || r.status === "stopped" || r.status === "failed";
            return (
              <tr key={i} data-status={r.status}>
                <RunName run={r} index={i} />
                {ACCURACY_MILESTONES.map((t, k) => {
                  const e = s?.reached[k] ?? null;
                  return (
                    <td className="num" key={t} data-epochs={e ?? ""}>
                      {e !== null ? formatEpochs(e) : over ? `> ${formatEpochs(s?.epochs ?? 0)}` : "–"}
                    </td>
                  );
                })}
                <td className="num" data-accuracy={s?.testAccuracy ?? ""}>
                  {s ? percent(s.testAccuracy) : "–"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What the two runs showed, once neither is training. */
function Conclusion({ runs, running, cap }: { runs: readonly RunState[]; running: boolean; cap: number }) {
  const [truth, shuffled] = runs.map((r) => speedSummary(r.points));
  if (running || !truth || !shuffled) return null;
  const finished = runs.every((r) => r.status === "done");
  return (
    <div className="prose run-conclusion" aria-live="polite">
      <h2>What this run shows</h2>
      {speedConclusion(truth, shuffled, finished).map((p) => (
        <p key={p}>{p}</p>
      ))}
      {finished ? (
        <p className="hint">Each run trained for {cap} epochs; another seed gives other numbers.</p>
      ) : null}
    </div>
  );
}
