// Shuffled labels (Zhang et al., "Understanding deep learning requires rethinking generalization", 2017): the
// same network from the same start, trained on the same images with their true labels and with the labels
// shuffled. Both learn their training labels; only one learns anything that carries over to the test set.
import { useState } from "react";
import { MEMORISATION_SIZE, type MemorisationSize } from "../../engine/runs.ts";
import { useExperimentServices } from "../ExperimentsProvider.tsx";
import { memorisationRuns } from "./labels.ts";
import { AccuracyChart, CoresNote, RunsTable, SeedField } from "./RunParts.tsx";
import { parseRunSizeParams } from "./params.ts";
import { useRuns, type RunState } from "./useRuns.ts";
import "./runs.css";

/**
 * The shuffled-labels experiment, trained by the page's runs client (ExperimentsProvider). `seed`/`onSeed` let a
 * host keep the seed in its URL; `size` (and the URL's runLimit/runEpochs) shrink the runs.
 */
export function ShuffledLabelsExperiment({
  seed: hostSeed,
  onSeed,
  size,
}: {
  seed?: number;
  onSeed?: (n: number) => void;
  size?: Partial<MemorisationSize>;
}) {
  const { runs, running, start, stop } = useRuns(useExperimentServices().runs);
  const [ownSeed, setOwnSeed] = useState(1);
  const seed = hostSeed ?? ownSeed;
  const setSeed = onSeed ?? setOwnSeed;
  const full: MemorisationSize = {
    ...MEMORISATION_SIZE,
    ...parseRunSizeParams(typeof window === "undefined" ? "" : window.location.search),
    ...size,
  };
  const passes = full.epochs;

  return (
    <section className="experiment runs-experiment" aria-label="Shuffled labels">
      <div className="prose">
        <p>
          Take {full.trainLimit.toLocaleString("en-US")} training digits and shuffle their labels: a 3 may now
          be called a 7, a 0 a 4, at random, though each digit name appears as often as before. There is
          nothing left to learn about handwriting. Can the network still get its training labels right?
        </p>
        <p>
          Two copies of one network ({full.hidden} ReLU hidden neurons, softmax output, cross-entropy) start
          from the same weights and see the same images in the same order for {passes} passes. The solid
          curves learn the true labels; the dashed ones the shuffled labels. Training accuracy is measured on
          the first {Math.min(full.trainEval, full.trainLimit).toLocaleString("en-US")} of those digits with
          the labels that run learns from; test accuracy on {full.testEval.toLocaleString("en-US")} test
          digits with their true labels.
        </p>
      </div>
      <div className="run-controls">
        <button
          type="button"
          className="primary"
          onClick={() => (running ? stop() : start(memorisationRuns(seed, full)))}
        >
          {running ? "Stop" : runs.length > 0 ? "Train again" : "Start training"}
        </button>
        <SeedField seed={seed} onSeed={setSeed} disabled={running} />
      </div>
      <CoresNote runs={2} />
      <AccuracyCharts runs={runs} />
      <RunsTable runs={runs} trainAccuracy />
      <div className="prose">
        <p>
          What to look for: the shuffled run climbs more slowly, but with enough passes it names most of its
          training digits “correctly” — by memorising each image, since no rule connects pixels to those
          labels. Its test accuracy stays near 10 %, chance for ten classes. The true-label run reaches high
          accuracy on both. Training accuracy alone cannot tell the two apart; only digits the network has
          never seen can.
        </p>
        <p className="hint">
          Zhang, Bengio, Hardt, Recht and Vinyals, “Understanding deep learning requires rethinking
          generalization”, ICLR 2017, showed the same with large image networks.
        </p>
      </div>
    </section>
  );
}

/** Every run's accuracy on its own training labels and on the test set, chance marked. */
function AccuracyCharts({ runs }: { runs: readonly RunState[] }) {
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
