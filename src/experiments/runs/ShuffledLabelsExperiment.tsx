// Shuffled labels (Zhang et al., "Understanding deep learning requires rethinking generalization", 2017): the
// same network from the same start, trained on the same images with their true labels and with the labels
// shuffled. Both learn their training labels; only one learns anything that carries over to the test set.
import { MEMORISATION_SIZE } from "../../engine/runs.ts";
import { CoresNote, PairAccuracyCharts, PairControls, RunsTable } from "./RunParts.tsx";
import { useMemorisationPair, type PairProps } from "./useMemorisationPair.ts";
import "./runs.css";

/**
 * The shuffled-labels experiment, trained by the page's runs client (ExperimentsProvider). `seed`/`onSeed` let a
 * host keep the seed in its URL; `size` (and the URL's runLimit/runEpochs) shrink the runs.
 */
export function ShuffledLabelsExperiment(props: PairProps) {
  const { runs, running, toggle, seed, setSeed, full } = useMemorisationPair(MEMORISATION_SIZE, props);
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
      <PairControls running={running} ran={runs.length > 0} onToggle={toggle} seed={seed} onSeed={setSeed} />
      <CoresNote runs={2} />
      <PairAccuracyCharts runs={runs} />
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
