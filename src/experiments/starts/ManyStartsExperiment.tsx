// "Different starts, equally good valleys": the videos' network trained from several seeds at once, one runs worker
// each. Their final costs and accuracies are close; their first-layer neurons are not the same, even after the
// best matching of B's neurons to A's; and the cost along the straight line between two of them, before and after
// that matching, shows whether they sit in one valley or in two.
import { useMemo } from "react";
import { MNIST_TRAIN_COUNT } from "../../engine/mnist.ts";
import { alignNetwork } from "../../engine/permute.ts";
import { PRESETS } from "../../engine/presets.ts";
import type { NetworkComparison } from "../../engine/slice.ts";
import { accuracySpread, SLICE_IMAGES } from "../../engine/starts.ts";
import { formatCount } from "../../render/format.ts";
import { quantileAbs } from "../../render/heatmap.ts";
import { DIVERGING_CSS, formatValue, THEME } from "../../render/theme.ts";
import { percent } from "../runs/params.ts";
import { AccuracyChart, CoresNote, SeedField, runCurves } from "../runs/RunParts.tsx";
import { RunChart } from "../runs/RunChart.tsx";
import type { RunState } from "../runs/useRuns.ts";
import { matchSentence, points, sliceSentence, spreadSentence } from "./conclusion.ts";
import { SliceChart } from "./SliceChart.tsx";
import { HeatmapRow, MatchTable, PairPicker, runColor, StartsTable } from "./StartsParts.tsx";
import { runName, useManyStarts, type Comparison } from "./useManyStarts.ts";
import "../runs/runs.css";
import "../firstLayer.css";
import "./starts.css";

/** Where the page is: not started, training, comparing the pair, showing it, or stopped/failed. */
function pageStatus(runs: readonly RunState[], running: boolean, comparison: Comparison): string {
  if (running) return "training";
  if (runs.length === 0) return "idle";
  if (comparison.status === "waiting") return runs.some((r) => r.status === "failed") ? "failed" : "stopped";
  return comparison.status;
}

export function ManyStartsExperiment({
  seed,
  onSeed,
  count,
}: {
  seed: number;
  onSeed: (n: number) => void;
  count: number;
}) {
  const { runs, running, toggle, size, pair, choose, comparison } = useManyStarts(seed, count);
  const failed = runs.find((r) => r.status === "failed");
  const { train } = PRESETS["3b1b"];
  const done = runs.length > 0 && runs.every((r) => r.status === "done");

  return (
    <section
      className="experiment runs-experiment many-starts"
      aria-label="Different starts, equally good valleys"
      data-status={pageStatus(runs, running, comparison)}
    >
      <div className="prose">
        <p>
          Train the same network the same way, and only the seed differs: the random weights it starts from
          and the order it sees the digits in. Here {count} copies of the videos’ 784-16-16-10 network
          (sigmoid neurons, squared-error cost, η = {train.learningRate}, mini-batches of {train.batchSize})
          each take {size.epochs} passes over {formatCount(Math.min(size.trainLimit, MNIST_TRAIN_COUNT))}{" "}
          training digits, in parallel. Do they end up equally good? Do they end up the same network?
        </p>
      </div>
      <div className="run-controls">
        <button type="button" className="primary" onClick={toggle}>
          {running ? "Stop" : runs.length > 0 ? "Train again" : `Train ${count} networks`}
        </button>
        <SeedField seed={seed} onSeed={onSeed} disabled={running} />
      </div>
      <p className="hint">
        Run k’s seed is 8 × {seed} + k − 1 (see the table): the same page seed gives the same {count} runs.
      </p>
      <CoresNote runs={count} />
      {failed ? (
        <p className="run-error" role="alert">
          {failed.message}
        </p>
      ) : null}
      {runs.length > 0 ? (
        <div className="run-charts">
          <AccuracyChart
            runs={runs}
            pick="testAccuracy"
            title="Accuracy on the test set"
            yLabel="test accuracy"
          />
          <RunChart
            title="Training cost"
            curves={runCurves(runs, "trainCost")}
            yLabel="cost of recent mini-batches"
            format={(v) => v.toFixed(3)}
            tickFormat={(v) => v.toFixed(2)}
          />
        </div>
      ) : null}
      <StartsTable runs={runs} />
      {done ? <Spread runs={runs} /> : null}
      <FirstLayers runs={runs} />
      {done ? <Compare runs={runs} pair={pair} onChoose={choose} comparison={comparison} /> : null}
    </section>
  );
}

/** The one-line summary of the final test accuracies. */
function Spread({ runs }: { runs: readonly RunState[] }) {
  const finals = runs.map((r) => r.points.at(-1)!);
  const { best, worst, spread } = accuracySpread(finals);
  return (
    <p className="starts-spread" data-spread={spread}>
      Spread of test accuracy: <strong className="num">{points(spread)}</strong> (best {percent(best)}, worst{" "}
      {percent(worst)}).
    </p>
  );
}

/** One shared scale for every first-layer heatmap on the page: the largest of the runs' 99th percentiles of |w|. */
function useSharedScale(runs: readonly RunState[]): number {
  return useMemo(
    () =>
      Math.max(0, ...runs.map((r) => (r.net ? quantileAbs(r.net.w[1]!, THEME.heatmap.scaleQuantile) : 0))),
    [runs],
  );
}

function ScaleLegend({ scale }: { scale: number }) {
  return (
    <div className="scale-legend">
      <span className="num">−{formatValue(scale, 2)}</span>
      <span className="ramp" style={{ background: DIVERGING_CSS }} aria-hidden="true" />
      <span className="num">+{formatValue(scale, 2)}</span>
      <span className="hint">weight: red holds the neuron back, blue excites it (all on one scale)</span>
    </div>
  );
}

/** Every trained run's 16 first-layer neurons, a row each. */
function FirstLayers({ runs }: { runs: readonly RunState[] }) {
  const scale = useSharedScale(runs);
  const trained = runs.flatMap((r, i) => (r.net ? [{ i, net: r.net }] : []));
  if (trained.length === 0) return null;
  return (
    <div className="starts-first-layers">
      <h2>What each network’s first layer learned</h2>
      <p>
        Each row is one network’s 16 first-layer neurons, the weights from every pixel into each as a 28 × 28
        picture. If the networks had learned the same thing, the rows would hold the same pictures in another
        order.
      </p>
      <ScaleLegend scale={scale} />
      {trained.map(({ i, net }) => (
        <HeatmapRow
          key={i}
          w1={net.w[1]!}
          scale={scale}
          caption={runName(i)}
          color={runColor(i)}
          kind="run"
        />
      ))}
    </div>
  );
}

/** The pair compared: B's neurons matched to A's, their first layers side by side, the slice, and the conclusion. */
function Compare({
  runs,
  pair,
  onChoose,
  comparison,
}: {
  runs: readonly RunState[];
  pair: readonly [number, number];
  onChoose: (which: 0 | 1, i: number) => void;
  comparison: Comparison;
}) {
  const scale = useSharedScale(runs);
  const [ia, ib] = pair;
  const [a, b] = [runName(ia), runName(ib)];
  const result = comparison.status === "ready" ? comparison.result : null;
  return (
    <div className="starts-compare">
      <h2>Matching one network’s neurons to another’s</h2>
      <p>
        A hidden layer’s neurons can be listed in any order without changing what the network computes. To
        compare two networks fairly, each of B’s neurons is paired with one of A’s, the pairing that makes the
        paired neurons’ activations on {formatCount(SLICE_IMAGES)} test digits correlate most in total (an
        optimal assignment, layer by layer). Then the cost is measured along the straight line from A’s
        weights to B’s: as B was trained, and with B’s neurons in A’s order.
      </p>
      <PairPicker
        count={runs.length}
        pair={pair}
        onChoose={onChoose}
        disabled={comparison.status === "computing"}
      />
      {comparison.status === "computing" ? (
        <p className="hint" role="status">
          Matching {b}’s neurons to {a}’s and measuring the cost between them…
        </p>
      ) : null}
      {comparison.status === "failed" ? (
        <p className="run-error" role="alert">
          The comparison failed: {comparison.message}
        </p>
      ) : null}
      {result ? <Compared runs={runs} pair={pair} result={result} scale={scale} /> : null}
    </div>
  );
}

/** The pair's first layers (A, B, B aligned), the match table, the slice charts and what they show. */
function Compared({
  runs,
  pair: [ia, ib],
  result,
  scale,
}: {
  runs: readonly RunState[];
  pair: readonly [number, number];
  result: NetworkComparison;
  scale: number;
}) {
  const [a, b] = [runName(ia), runName(ib)];
  const netB = runs[ib]!.net!;
  const aligned = useMemo(() => alignNetwork(netB, result.matches), [netB, result]);
  const ends = [
    { name: a, color: runColor(ia) },
    { name: b, color: runColor(ib) },
  ] as const;
  return (
    <>
      <HeatmapRow w1={runs[ia]!.net!.w[1]!} scale={scale} caption={a} color={ends[0].color} kind="a" />
      <HeatmapRow w1={netB.w[1]!} scale={scale} caption={`${b} as trained`} color={ends[1].color} kind="b" />
      <HeatmapRow
        w1={aligned.w[1]!}
        scale={scale}
        caption={`${b}, its neurons put in ${a}’s order`}
        color={ends[1].color}
        kind="aligned"
      />
      <MatchTable comparison={result} a={a} b={b} />
      <div className="run-charts">
        <SliceChart
          title={`Cost between ${a} and ${b}`}
          before={result.before}
          after={result.after}
          pick="cost"
          ends={ends}
          format={(v) => v.toFixed(2)}
        />
        <SliceChart
          title={`Accuracy between ${a} and ${b}`}
          before={result.before}
          after={result.after}
          pick="accuracy"
          ends={ends}
          format={(v) => `${Math.round(v * 100)} %`}
        />
      </div>
      <div className="prose run-conclusion" aria-live="polite">
        <h2>What this run shows</h2>
        <p>{spreadSentence(runs.map((r) => r.points.at(-1)!))}</p>
        <p>{matchSentence(result, a, b)}</p>
        <p>{sliceSentence(result, a, b)}</p>
        <p className="hint">
          Cost and accuracy along the line are measured on the first {formatCount(SLICE_IMAGES)} test digits;
          the table’s on all it was told to measure. Another seed, or another pair, gives other numbers.
        </p>
      </div>
    </>
  );
}
