// Two distributions of confidence side by side: the network on real test digits and on noise, each bar the share
// of its own set (the sets differ in size), drawn with d3's scales into JSX.
import { scaleLinear } from "d3";
import { formatCount, formatPercent } from "../render/format.ts";
import { CONFIDENCE_DOMAIN, histogram, type Bar } from "./histogram.ts";

export interface Series {
  /** "test digits", "noise images". */
  readonly name: string;
  readonly className: string;
  readonly values: ArrayLike<number>;
}

const W = 600;
const H = 240;
const M = { top: 12, right: 12, bottom: 40, left: 48 };

export function ConfidenceHistogram({ series }: { series: readonly Series[] }) {
  const bars = series.map((s) => histogram(s.values));
  const top = Math.max(0.05, ...bars.flat().map((b) => b.share));
  const x = scaleLinear()
    .domain(CONFIDENCE_DOMAIN)
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, top])
    .nice()
    .range([H - M.bottom, M.top]);
  const slot = (b: Bar) => x(b.x1) - x(b.x0);
  const barWidth = (b: Bar) => Math.max(1, (slot(b) - 4) / series.length);
  const label = series.map((s) => `${formatCount(s.values.length)} ${s.name}`).join(" and ");
  return (
    <figure className="histogram">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Histogram of the network's confidence on ${label}`}
        data-counts={series.map((s) => s.values.length).join(",")}
      >
        {y.ticks(5).map((t) => (
          <g key={t} className="tick">
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end">
              {Math.round(100 * t)}%
            </text>
          </g>
        ))}
        {x.ticks(9).map((t) => (
          <text key={t} className="tick" x={x(t)} y={H - M.bottom + 16} textAnchor="middle">
            {t.toFixed(1)}
          </text>
        ))}
        <text className="axis-label" x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle">
          confidence: top output ÷ sum of the ten outputs
        </text>
        <text
          className="axis-label"
          transform={`translate(12 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          share of the set
        </text>
        {bars.map((set, s) => (
          <g key={series[s]!.name} className={`bars ${series[s]!.className}`} data-series={series[s]!.name}>
            {set.map((b) => (
              <rect
                key={b.x0}
                x={x(b.x0) + 2 + s * barWidth(b)}
                width={barWidth(b)}
                y={y(b.share)}
                height={Math.max(0, y(0) - y(b.share))}
                data-count={b.count}
              >
                <title>
                  {`${series[s]!.name}, confidence ${b.x0.toFixed(2)}–${b.x1.toFixed(2)}: ${formatCount(b.count)} (${formatPercent(b.share)})`}
                </title>
              </rect>
            ))}
          </g>
        ))}
        <line className="axis" x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} />
      </svg>
      <figcaption className="legend">
        {series.map((s) => (
          <span key={s.name} className={s.className}>
            <span className="swatch" aria-hidden="true" /> {formatCount(s.values.length)} {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
