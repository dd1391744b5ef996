// The many-starts page's pieces: the table of runs, a run's first-layer neurons as one row of heatmaps, the
// table of how well B's neurons match A's, and the menus that pick the pair.
import { useEffect, useId, useRef } from "react";
import { MNIST_PIXELS, MNIST_SIDE } from "../../engine/mnist.ts";
import type { NetworkComparison } from "../../engine/slice.ts";
import { useElementWidth } from "../../components/useFramePainter.ts";
import { paintHeatmap } from "../../render/heatmap.ts";
import { percent, RUN_COLORS } from "../runs/params.ts";
import { runSpeed } from "../runs/RunParts.tsx";
import type { RunState } from "../runs/useRuns.ts";
import { runName } from "./useManyStarts.ts";

/** Sheet pixels between two heatmaps of a row (left transparent: the page shows through). */
const GAP = 3;

/** Run i's colour, as the charts draw it. */
export function runColor(i: number): string {
  return RUN_COLORS[i % RUN_COLORS.length]!;
}

/** Each run: seed, status, epochs, its latest training cost, test cost and test accuracy. */
export function StartsTable({ runs }: { runs: readonly RunState[] }) {
  const captionId = useId();
  if (runs.length === 0) return null;
  return (
    <div className="runs-table-scroll">
      <p className="hint" id={captionId}>
        Each run’s latest measurement: the mean cost of its last training mini-batches, its cost and accuracy
        on the test digits, and how many examples a second it trains at.
      </p>
      <table className="runs-table starts-table" aria-describedby={captionId}>
        <thead>
          <tr>
            <th scope="col">run</th>
            <th scope="col">seed</th>
            <th scope="col">status</th>
            <th scope="col">epochs</th>
            <th scope="col">training cost</th>
            <th scope="col">test cost</th>
            <th scope="col">test accuracy</th>
            <th scope="col">examples/s</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r, i) => {
            const p = r.points.at(-1);
            return (
              <tr key={i} data-status={r.status}>
                <th scope="row">
                  <span className="swatch" style={{ borderColor: runColor(i) }} />
                  {r.run.label}
                </th>
                <td className="num">{r.run.seed}</td>
                <td>{r.status === "starting" || r.status === "failed" ? r.message : r.status}</td>
                <td className="num">{p ? p.epoch.toFixed(2) : "–"}</td>
                <td className="num">{p && Number.isFinite(p.trainCost) ? p.trainCost.toFixed(4) : "–"}</td>
                <td className="num" data-cost={p?.testCost}>
                  {p ? p.testCost.toFixed(4) : "–"}
                </td>
                <td className="num" data-accuracy={p?.testAccuracy}>
                  {p ? percent(p.testAccuracy) : "–"}
                </td>
                <td className="num">{runSpeed(r)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Below this width (CSS px) a row of heatmaps wraps into two, so that each stays large enough to read. */
const WRAP_BELOW = 560;

/**
 * The first-layer neurons of a network as a row of heatmaps: w[1] (n[1] rows of MNIST_PIXELS weights) on the
 * symmetric scale [−scale, +scale], neuron j at column j (two rows, j = 0 … n/2 − 1 above, on a narrow page),
 * painted into one canvas that scales with the page.
 */
export function HeatmapRow({
  w1,
  scale,
  caption,
  color,
  kind,
}: {
  w1: Float32Array;
  scale: number;
  caption: string;
  color?: string;
  kind: string;
}) {
  const figureRef = useRef<HTMLElement>(null);
  const ref = useRef<HTMLCanvasElement>(null);
  const count = w1.length / MNIST_PIXELS;
  const cols = useElementWidth(figureRef, WRAP_BELOW) < WRAP_BELOW ? Math.ceil(count / 2) : count;
  const rows = Math.ceil(count / cols);
  const width = cols * MNIST_SIDE + (cols - 1) * GAP;
  const height = rows * MNIST_SIDE + (rows - 1) * GAP;
  useEffect(() => {
    const ctx = ref.current?.getContext("2d");
    if (!ctx) return;
    const image = ctx.createImageData(width, height);
    for (let j = 0; j < count; j++)
      paintHeatmap(image, w1, scale, {
        x0: (j % cols) * (MNIST_SIDE + GAP),
        y0: Math.floor(j / cols) * (MNIST_SIDE + GAP),
        offset: j * MNIST_PIXELS,
        length: MNIST_PIXELS,
      });
    ctx.putImageData(image, 0, 0);
  }, [w1, scale, count, cols, width, height]);
  return (
    <figure className="heatmap-row" data-row={kind} ref={figureRef}>
      <figcaption>
        {color ? <span className="swatch" style={{ borderColor: color }} aria-hidden="true" /> : null}
        {caption}
      </figcaption>
      <canvas
        ref={ref}
        className="pixels"
        width={width}
        height={height}
        role="img"
        aria-label={`The weights into each of the ${count} first-layer neurons of ${caption}, in order`}
      />
    </figure>
  );
}

/** Per hidden layer: mean correlation of paired neurons in the given order and matched, and the least alike. */
export function MatchTable({ comparison, a, b }: { comparison: NetworkComparison; a: string; b: string }) {
  const { matches, distance } = comparison;
  const captionId = useId();
  return (
    <div className="runs-table-scroll">
      <p className="hint" id={captionId}>
        How alike {b}’s neurons are to {a}’s: the correlation of two neurons’ activations over the test digits
        (1: they always rise and fall together, 0: unrelated), averaged over the pairs, in the order they were
        trained in and matched.
      </p>
      <table className="runs-table match-table" aria-describedby={captionId}>
        <thead>
          <tr>
            <th scope="col">hidden layer</th>
            <th scope="col">in trained order</th>
            <th scope="col">matched</th>
            <th scope="col">least alike pair</th>
          </tr>
        </thead>
        <tbody>
          {matches.map((m) => (
            <tr key={m.layer} data-layer={m.layer} data-before={m.before} data-after={m.after}>
              <th scope="row">{m.layer}</th>
              <td className="num">{m.before.toFixed(2)}</td>
              <td className="num">{m.after.toFixed(2)}</td>
              <td className="num">{Math.min(...m.pairs).toFixed(2)}</td>
            </tr>
          ))}
          <tr data-distance-before={distance.before} data-distance-after={distance.after}>
            <th scope="row">weights apart</th>
            <td className="num">{percent(distance.before)}</td>
            <td className="num">{percent(distance.after)}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <p className="hint">
        “Weights apart”: how far {b}’s weights and biases, all together, are from {a}’s, as a share of the
        size of {a}’s (‖θB − θA‖ / ‖θA‖), before and after putting {b}’s neurons in {a}’s order.
      </p>
    </div>
  );
}

/** Two menus: which run is A and which is B (picking the other's run swaps them). */
export function PairPicker({
  count,
  pair,
  onChoose,
  disabled,
}: {
  count: number;
  pair: readonly [number, number];
  onChoose: (which: 0 | 1, i: number) => void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="run-controls pair-picker">
      {([0, 1] as const).map((which) => (
        <span key={which} className="run-field">
          <label htmlFor={`${id}-${which}`}>{which === 0 ? "Network A" : "Network B"}</label>
          <select
            id={`${id}-${which}`}
            value={pair[which]}
            disabled={disabled}
            onChange={(e) => onChoose(which, Number(e.target.value))}
          >
            {Array.from({ length: count }, (_, i) => (
              <option key={i} value={i}>
                {runName(i)}
              </option>
            ))}
          </select>
        </span>
      ))}
    </div>
  );
}
