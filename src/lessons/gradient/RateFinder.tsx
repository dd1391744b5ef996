// Step "how large a step?": the lab's learning-rate finder, one trial per row revealed in turn (all at once with
// reduced motion): η, the batch cost before and after one step of all parameters, and whether it fell.
import { scaleBand, scaleLog } from "d3";
import type { FinderTrial } from "../../engine/experiments.ts";
import { formatFixed } from "../../render/format.ts";
import { HYPER_RULES } from "../../engine/hyper.ts";
import { Num } from "../views/Num.tsx";
import { GRADIENT_SETTINGS } from "./steps.ts";
import { useReveal } from "./useReveal.ts";

/** Time between two trials appearing, ms. */
const TRIAL_INTERVAL = 800;

const FW = 360;
const FH = 200;
const FM = { top: 12, right: 10, bottom: 34, left: 10 };

/** Each trial's cost after the step as a bar (log scale) against the cost before, a dashed line: the first bar
 * under the line is the rate found. Only the trials shown so far are drawn; the scale is fixed for all. */
export function FinderChart({ trials, shown }: { trials: readonly FinderTrial[]; shown: number }) {
  const finite = trials.flatMap((t) => [t.before, t.after]).filter((c) => Number.isFinite(c) && c > 0);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const x = scaleBand<number>()
    .domain(trials.map((_, i) => i))
    .range([FM.left, FW - FM.right])
    .padding(0.25);
  const y = scaleLog()
    .domain([lo / 1.6, hi * 1.3])
    .range([FH - FM.bottom, FM.top]);
  const before = trials[0]?.before ?? Number.NaN;
  const base = FH - FM.bottom;
  return (
    <svg
      className="finder-chart"
      viewBox={`0 0 ${FW} ${FH}`}
      width={FW}
      height={FH}
      role="img"
      aria-label="The cost after each trial's step, against the cost before"
    >
      {trials.slice(0, shown).map((t, i) => {
        const top = Number.isFinite(t.after) && t.after > 0 ? y(t.after) : FM.top;
        return (
          <g key={i} className={t.falls ? "falls" : "rises"}>
            <rect x={x(i)} width={x.bandwidth()} y={top} height={Math.max(1, base - top)} />
            <text className="tick" x={(x(i) ?? 0) + x.bandwidth() / 2} y={base + 14} textAnchor="middle">
              η = {formatFixed(t.learningRate, t.learningRate < 1 ? 3 : 0)}
            </text>
          </g>
        );
      })}
      <line className="axis" x1={FM.left} x2={FW - FM.right} y1={base} y2={base} />
      {Number.isFinite(before) ? (
        <g className="before-line">
          <line x1={FM.left} x2={FW - FM.right} y1={y(before)} y2={y(before)} />
          <text x={FW - FM.right} y={y(before) - 5} textAnchor="end">
            cost before
          </text>
        </g>
      ) : null}
      <text className="tick" x={FW / 2} y={FH - 4} textAnchor="middle">
        cost after the step (log scale)
      </text>
    </svg>
  );
}

export function RateFinder({ trials, reduced }: { trials: readonly FinderTrial[]; reduced: boolean }) {
  const { index, done, replay } = useReveal(trials.length, String(trials.length), {
    reduced,
    interval: TRIAL_INTERVAL,
  });
  const shown = trials.slice(0, index + 1);
  const found = trials.at(-1);
  return (
    <div className="rate-finder">
      <div className="finder-row">
        <table className="finder-table">
          <caption>Halving η until one step of all the parameters lowers the cost on the batch</caption>
          <thead>
            <tr>
              <th scope="col">trial</th>
              <th scope="col">
                <i>η</i>
              </th>
              <th scope="col">cost before</th>
              <th scope="col">cost after the step</th>
              <th scope="col">falls?</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((t, i) => (
              <tr key={i} className={t.falls ? "falls" : "rises"}>
                <td>{i + 1}</td>
                <td>
                  <Num term={`finder-rate-${i}`} value={t.learningRate} digits={t.learningRate < 1 ? 3 : 0} />
                </td>
                <td>
                  <Num term={`finder-before-${i}`} value={t.before} digits={4} />
                </td>
                <td>
                  <Num term={`finder-after-${i}`} value={t.after} digits={4} />
                </td>
                <td className="falls-cell">{t.falls ? "yes ✓" : "no ✗, halve η"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <FinderChart trials={trials} shown={index + 1} />
      </div>
      {done && found ? (
        <p className="finder-result" role="status">
          {found.falls ? (
            <>
              <i>η</i> ={" "}
              <Num term="found-rate" value={found.learningRate} digits={found.learningRate < 1 ? 3 : 0} /> is
              the first rate whose step lowers the cost, from{" "}
              <Num term="found-before" value={found.before} digits={4} /> to{" "}
              <Num term="found-after" value={found.after} digits={4} />.{" "}
              <Comparison rate={found.learningRate} />
            </>
          ) : (
            <>No rate down to {formatFixed(found.learningRate, 4)} lowered the cost.</>
          )}
        </p>
      ) : (
        <p className="hint" role="status">
          Trying η = {shown.at(-1) ? formatFixed(shown.at(-1)!.learningRate, 0) : "…"}…
        </p>
      )}
      <button type="button" onClick={replay} disabled={!done || reduced}>
        Run the trials again
      </button>
    </div>
  );
}

/**
 * The rate found beside the one that worked for a single weight, in numbers, and a link that opens the
 * explorable training a fresh network with it (the largest rate its slider allows, when the rate is above).
 */
function Comparison({ rate }: { rate: number }) {
  const single = GRADIENT_SETTINGS.defaultRate;
  const { max } = HYPER_RULES.learningRate;
  const ratio = single / rate;
  const words =
    ratio >= 1.05
      ? `That is ${formatFixed(ratio, 1)} times smaller than the η = ${single} that worked for a single weight.`
      : ratio <= 1 / 1.05
        ? `That is ${formatFixed(1 / ratio, 1)} times larger than the η = ${single} that worked for a single weight.`
        : `That is about the η = ${single} that worked for a single weight.`;
  const tryRate = Math.min(rate, max);
  return (
    <>
      {words}{" "}
      <a className="try-it" href={`./?model=none&lr=${tryRate}`} target="_blank" rel="noopener">
        Train a fresh network with η = {tryRate}
      </a>
      {rate > max ? ` (the explorable's largest η; ${formatFixed(rate, 0)} is beyond its slider)` : ""}. For
      whole passes over the data instead of one step, the same recipe is an experiment:{" "}
      <a className="try-it" href="./?experiment=lr-recipe" target="_blank" rel="noopener">
        halve until it learns
      </a>
      .
    </>
  );
}
