// The cost (or accuracy) along the straight line θ(t) = (1 − t)·θ_A + t·θ_B, t from a little before A (t = 0) to a
// little past B (t = 1): as B was trained (dashed) and with B's neurons put in A's order. Drawn at the width it is
// shown at, so its text keeps its size; the ends are marked in the two runs' colours.
import { extent, line, scaleLinear, type ScaleLinear } from "d3";
import { useId, useRef } from "react";
import type { SlicePoint } from "../../engine/slice.ts";
import { useElementWidth } from "../../components/useFramePainter.ts";

const M = { top: 14, right: 16, bottom: 40, left: 58 };
const MIN_W = 280;
/** The svg's 1 px border on each side is inside the figure's width. */
const BORDER = 2;

/** One end of the line: its run's name and colour. */
export interface SliceEnd {
  readonly name: string;
  readonly color: string;
}

type Pick = "cost" | "accuracy";
type Scale = ScaleLinear<number, number>;

interface Series {
  readonly key: "before" | "after";
  readonly label: string;
  readonly points: readonly SlicePoint[];
}

export function SliceChart({
  title,
  before,
  after,
  pick,
  ends,
  format,
}: {
  title: string;
  before: readonly SlicePoint[];
  after: readonly SlicePoint[];
  pick: Pick;
  ends: readonly [SliceEnd, SliceEnd];
  format: (v: number) => string;
}) {
  const titleId = useId();
  const figureRef = useRef<HTMLElement>(null);
  const W = Math.max(MIN_W, useElementWidth(figureRef, 520) - BORDER);
  const H = Math.round(Math.min(320, Math.max(220, W * 0.45)));
  const all = [...before, ...after];
  const [t0 = 0, t1 = 1] = extent(all, (p) => p.t);
  const x = scaleLinear()
    .domain([t0, t1])
    .range([M.left, W - M.right]);
  const [lo = 0, hi = 1] = extent(all, (p) => p[pick]);
  const y = scaleLinear()
    .domain(pick === "accuracy" ? [Math.min(lo, 0.8), 1] : [0, Math.max(hi, 1e-9)])
    .range([H - M.bottom, M.top])
    .nice();
  const path = line<SlicePoint>()
    .x((p) => x(p.t))
    .y((p) => y(p[pick]));
  const series: Series[] = [
    { key: "before", label: `${ends[1].name} as trained`, points: before },
    { key: "after", label: `${ends[1].name} aligned to ${ends[0].name}`, points: after },
  ];

  return (
    <figure className="run-chart slice-chart" ref={figureRef} data-pick={pick}>
      <h3 id={titleId}>{title}</h3>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId}>
        <SliceAxes x={x} y={y} W={W} H={H} format={format} ends={ends} />
        {ends.map((end, i) => (
          <line
            key={i}
            className="slice-end"
            x1={x(i)}
            x2={x(i)}
            y1={M.top}
            y2={H - M.bottom}
            stroke={end.color}
          />
        ))}
        {series.map((s) => (
          <g key={s.key} className={`curve slice-${s.key}`} data-points={s.points.length}>
            <path d={path(s.points as SlicePoint[]) ?? ""} fill="none" />
          </g>
        ))}
        {ends.map((end, i) => {
          const p = before.find((q) => q.t === i);
          return p ? (
            <circle key={i} className="slice-end-dot" cx={x(i)} cy={y(p[pick])} r={5} fill={end.color} />
          ) : null;
        })}
      </svg>
      <SliceLegend series={series} pick={pick} ends={ends} format={format} />
    </figure>
  );
}

/** Grid lines and labels of y, the t ticks, and the x axis's title. */
function SliceAxes({
  x,
  y,
  W,
  H,
  format,
  ends,
}: {
  x: Scale;
  y: Scale;
  W: number;
  H: number;
  format: (v: number) => string;
  ends: readonly [SliceEnd, SliceEnd];
}) {
  return (
    <g className="axis">
      {y.ticks(5).map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="grid" />
          <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
            {format(v)}
          </text>
        </g>
      ))}
      {x.ticks(W < 400 ? 4 : 7).map((t) => (
        <text key={t} x={x(t)} y={H - M.bottom + 16} textAnchor="middle">
          {+t.toFixed(2)}
        </text>
      ))}
      <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-label">
        t: {ends[0].name} at 0, {ends[1].name} at 1
      </text>
    </g>
  );
}

/** Each series with its worst value between the ends (0 ≤ t ≤ 1), and what the dots are. */
function SliceLegend({
  series,
  pick,
  ends,
  format,
}: {
  series: readonly Series[];
  pick: Pick;
  ends: readonly [SliceEnd, SliceEnd];
  format: (v: number) => string;
}) {
  const worst = (points: readonly SlicePoint[]) => {
    const inside = points.filter((p) => p.t >= 0 && p.t <= 1).map((p) => p[pick]);
    return pick === "cost" ? Math.max(...inside) : Math.min(...inside);
  };
  return (
    <figcaption>
      <ul className="legend">
        {series.map((s) => (
          <li key={s.key} data-series={s.key} data-worst={worst(s.points)}>
            <span className={`swatch slice-${s.key}`} aria-hidden="true" />
            {s.label}{" "}
            <span className="num">
              {pick === "cost" ? "highest" : "lowest"} {format(worst(s.points))}
            </span>
          </li>
        ))}
      </ul>
      <p className="hint">
        The dots are the trained networks, {ends[0].name} at t = 0 and {ends[1].name} at t = 1, where both
        lines meet: reordering B’s neurons does not change what it computes.
      </p>
    </figcaption>
  );
}
