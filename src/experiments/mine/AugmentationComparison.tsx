// "Does augmentation help?": the same network trained twice in workers from one seed on the same MNIST images,
// once as they are and once on lightly augmented copies (shifts, rotations, stroke thickness), then each trained
// network scored on the learner's own digits beside its MNIST test accuracy. The page never trains.
import { useMemo, useState } from "react";
import { LIGHT_AUGMENT } from "../../engine/augment.ts";
import type { Network } from "../../engine/network.ts";
import { AUGMENTATION_SIZE, type AugmentationSize, type RunSpec } from "../../engine/runs.ts";
import { augmentationRuns } from "../runs/labels.ts";
import { formatCount, formatPercent } from "../../render/format.ts";
import type { RunsClient } from "../../worker/runs/client.ts";
import { useExperimentServices } from "../ExperimentsProvider.tsx";
import { parseRunSizeParams } from "../runs/params.ts";
import { RunsTable } from "../runs/RunParts.tsx";
import { useRuns, type RunState } from "../runs/useRuns.ts";
import { scoreDigits } from "./score.ts";
import type { MyDigit } from "./storage.ts";
import "../runs/runs.css";

/** Fewest saved digits the comparison runs with: fewer say too little to compare two networks. */
export const MIN_DIGITS_TO_COMPARE = 5;

/** Both runs start from this seed: the same initial weights and the same first order of images. */
const SEED = 1;

/** One finished run's marks: right answers on the learner's digits, and the run's last MNIST test accuracy. */
interface Result {
  readonly label: string;
  readonly correct: number;
  readonly total: number;
  readonly testAccuracy: number;
}

function results(
  runs: readonly RunState[],
  nets: ReadonlyMap<RunSpec, Network<Float32Array>>,
  digits: readonly MyDigit[],
): Result[] | null {
  if (runs.length !== 2) return null;
  const out: Result[] = [];
  for (const r of runs) {
    const net = nets.get(r.run);
    const last = r.points.at(-1);
    if (r.status !== "done" || !net || !last) return null;
    const { correct, total } = scoreDigits(net, digits);
    out.push({ label: r.run.label, correct, total, testAccuracy: last.testAccuracy });
  }
  return out;
}

/** What happened, in one or two sentences: the augmented run against the plain one, on both test sets. */
export function describeResults(plain: Result, augmented: Result): string {
  const mine =
    augmented.correct === plain.correct
      ? `Both networks got ${formatCount(plain.correct)} of your ${formatCount(plain.total)} digits right: on your handwriting, augmentation made no difference this time.`
      : `The network trained on augmented images got ${formatCount(augmented.correct)} of your ${formatCount(augmented.total)} digits right, the other ${formatCount(plain.correct)}: on your handwriting, augmentation ${augmented.correct > plain.correct ? "helped" : "hurt"} this time.`;
  const gap = augmented.testAccuracy - plain.testAccuracy;
  const test =
    Math.abs(gap) < 0.0005
      ? `On MNIST’s test digits both scored ${formatPercent(plain.testAccuracy)}.`
      : `On MNIST’s test digits the augmented network scored ${formatPercent(augmented.testAccuracy)} against ${formatPercent(plain.testAccuracy)}, ${Math.abs(100 * gap).toFixed(1)} points ${gap > 0 ? "higher" : "lower"}.`;
  return `${mine} ${test}`;
}

/**
 * The comparison for the learner's `digits`, trained by the page's runs client (ExperimentsProvider); `size`
 * (and the URL's runLimit/runEpochs) shrink the runs.
 */
export function AugmentationComparison({
  digits,
  size,
}: {
  digits: readonly MyDigit[];
  size?: Partial<AugmentationSize>;
}) {
  const client = useExperimentServices().runs;
  const [nets, setNets] = useState<ReadonlyMap<RunSpec, Network<Float32Array>>>(new Map());
  // The page's runs client, with each finished run's network kept for scoring.
  const keeping = useMemo<RunsClient>(() => {
    return {
      start: (run, dataUrl, listener) =>
        client.start(run, dataUrl, {
          ...listener,
          onDone: (net) => {
            setNets((m) => new Map(m).set(run, net));
            listener.onDone(net);
          },
        }),
    };
  }, [client]);
  const { runs, running, start, stop } = useRuns(keeping);
  const full: AugmentationSize = {
    ...AUGMENTATION_SIZE,
    ...parseRunSizeParams(typeof window === "undefined" ? "" : window.location.search),
    ...size,
  };
  const enough = digits.length >= MIN_DIGITS_TO_COMPARE;
  const done = useMemo(() => results(runs, nets, digits), [runs, nets, digits]);

  return (
    <section className="my-augment" aria-labelledby="my-augment-title">
      <h2 id="my-augment-title">Does augmentation help?</h2>
      <div className="prose">
        <p>
          Your digits may sit off-centre, lean, or be drawn with a thicker or thinner stroke than MNIST’s. One
          remedy is to train on copies of the training digits changed a little at random: moved by up to{" "}
          {LIGHT_AUGMENT.shift} pixels, turned by up to {LIGHT_AUGMENT.rotate}°, their strokes thickened or
          thinned — a fresh copy every pass.
        </p>
        <p>
          Two copies of one network (784-100-10, ReLU, softmax, cross-entropy) start from the same weights and
          train for {full.epochs} passes over the same {formatCount(full.trainLimit)} MNIST digits, one on the
          digits as they are, one on augmented copies. Then both answer your digits.
        </p>
      </div>
      <div className="run-controls">
        <button
          type="button"
          className="primary"
          disabled={!running && !enough}
          onClick={() => {
            if (running) stop();
            else {
              setNets(new Map());
              start(augmentationRuns(SEED, LIGHT_AUGMENT, full));
            }
          }}
        >
          {running ? "Stop" : runs.length > 0 ? "Compare again" : "Compare"}
        </button>
        {!enough ? (
          <p className="hint my-augment-hint">
            Add at least {MIN_DIGITS_TO_COMPARE} of your digits first (you have {formatCount(digits.length)}).
          </p>
        ) : null}
      </div>
      <RunsTable runs={runs} trainAccuracy={false} />
      {done ? <ResultsTable done={done} /> : null}
    </section>
  );
}

/** Both finished networks on the learner's digits and on MNIST's test digits, and what that says. */
function ResultsTable({ done }: { done: NonNullable<ReturnType<typeof results>> }) {
  return (
    <>
      <table className="runs-table my-augment-results">
        <thead>
          <tr>
            <th scope="col">trained on</th>
            <th scope="col">your digits right</th>
            <th scope="col">accuracy on your digits</th>
            <th scope="col">MNIST test accuracy</th>
          </tr>
        </thead>
        <tbody>
          {done.map((r) => (
            <tr key={r.label} data-correct={r.correct} data-total={r.total}>
              <th scope="row">{r.label}</th>
              <td className="num">
                {formatCount(r.correct)} of {formatCount(r.total)}
              </td>
              <td className="num">{formatPercent(r.correct / r.total)}</td>
              <td className="num">{formatPercent(r.testAccuracy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="my-augment-summary">{describeResults(done[0]!, done[1]!)}</p>
    </>
  );
}
