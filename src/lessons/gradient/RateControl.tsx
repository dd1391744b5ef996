// The learning-rate scrubber (log scale) and the verdict on the lab's descent path at that rate, in words, with
// the costs it is read from.
import { line, scaleLinear } from "d3";
import type { DescentStep } from "../../engine/experiments.ts";
import { Num } from "../views/Num.tsx";
import {
  RATE_SCALE,
  rateFromSlider,
  readDescent,
  sliderFromRate,
  VERDICT_NAMES,
  verdictSentence,
} from "./descent.ts";

export function RateScrubber({ eta, onChange }: { eta: number; onChange: (eta: number) => void }) {
  const step = 1 / RATE_SCALE.stepsPerDecade;
  // The ends on whole steps, so that Home and End reach the scale's ends (the top one clamps to RATE_SCALE.max).
  const lo = Math.floor(sliderFromRate(RATE_SCALE.min) / step) * step;
  const hi = Math.ceil(sliderFromRate(RATE_SCALE.max) / step) * step;
  return (
    <label className="rate-scrubber">
      <span>
        Learning rate <i>η</i> = <Num term="learning-rate" value={eta} digits={eta < 10 ? 1 : 0} />
      </span>
      <input
        type="range"
        aria-label="Learning rate"
        aria-valuetext={`η = ${eta}`}
        min={lo}
        max={hi}
        step={step}
        value={sliderFromRate(eta)}
        onChange={(e) => onChange(rateFromSlider(Number(e.currentTarget.value)))}
      />
      <span className="scale-ticks hint" aria-hidden="true">
        {[1, 10, 100, 1000].map((v) => (
          <span key={v} style={{ left: `${(100 * (sliderFromRate(v) - lo)) / (hi - lo)}%` }}>
            {v}
          </span>
        ))}
      </span>
    </label>
  );
}

/** The verdict on a path: a heading word, a sentence, and the first and last cost. */
export function Verdict({ path, busy }: { path: readonly DescentStep[]; busy: boolean }) {
  const reading = readDescent(path);
  const first = path[0];
  const last = path.at(-1);
  return (
    <div className="verdict-box" data-verdict={reading.verdict} aria-busy={busy} aria-live="polite">
      <p className="verdict-name">
        <strong>{VERDICT_NAMES[reading.verdict]}</strong>
        {busy ? <span className="hint"> (updating…)</span> : null}
      </p>
      <p>{verdictSentence(reading)}</p>
      {first && last ? (
        <p className="hint">
          Cost <Num term="descent-cost-start" value={first.cost} digits={4} /> at the start,{" "}
          <Num term="descent-cost-end" value={last.cost} digits={4} /> after {reading.steps} steps.
        </p>
      ) : null}
    </div>
  );
}

const CW = 280;
const CH = 120;
const CM = { top: 8, right: 8, bottom: 20, left: 8 };

/** The cost after each step of the path, as a small line chart: falling, zig-zagging or climbing at a glance. */
export function CostBySteps({ path }: { path: readonly DescentStep[] }) {
  const costs = path.map((p) => p.cost).filter(Number.isFinite);
  const lo = Math.min(...costs);
  const hi = Math.max(...costs);
  const x = scaleLinear()
    .domain([0, Math.max(1, path.length - 1)])
    .range([CM.left, CW - CM.right]);
  const y = scaleLinear()
    .domain([lo, hi > lo ? hi : lo + 1])
    .range([CH - CM.bottom, CM.top]);
  const d = line<DescentStep>()
    .defined((p) => Number.isFinite(p.cost))
    .x((_, i) => x(i))
    .y((p) => y(p.cost))(path);
  return (
    <figure className="cost-by-steps">
      <svg
        viewBox={`0 0 ${CW} ${CH}`}
        width={CW}
        height={CH}
        role="img"
        aria-label="The cost after each step"
      >
        <line className="axis" x1={CM.left} x2={CW - CM.right} y1={CH - CM.bottom} y2={CH - CM.bottom} />
        <path className="curve" d={d ?? ""} />
        {path.map((p, i) =>
          Number.isFinite(p.cost) ? (
            <circle key={i} className="visited" cx={x(i)} cy={y(p.cost)} r={2} />
          ) : null,
        )}
        <text className="tick" x={CM.left} y={CH - 5}>
          step 0
        </text>
        <text className="tick" x={CW - CM.right} y={CH - 5} textAnchor="end">
          step {path.length - 1}
        </text>
      </svg>
      <figcaption>cost after each step</figcaption>
    </figure>
  );
}
