// Curves of several training runs overlaid on one pair of axes (d3 scales, SVG drawn by React), with a legend and
// a hover (or arrow-key) readout of every run's value at one point of training.
import { extent, line, scaleLinear, type ScaleLinear } from "d3";
import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useElementWidth } from "../../components/useFramePainter.ts";

/** One run's curve: y against examples seen; NaN values leave a gap. */
export interface Curve {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/** The chart's widest drawing width; a narrower figure draws at its own width, so its 11 px text stays 11 px. */
const W = 520;
const H = 260;
const M = { top: 12, right: 16, bottom: 38, left: 62 };

/** Examples seen, short: 12,000 → "12k", 1,500,000 → "1.5M". */
export function formatExamples(n: number): string {
  if (n >= 1e6) return `${+(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return String(n);
}

/** The x values of all curves, sorted and without repeats: where the readout can stop. */
export function readoutStops(curves: readonly Curve[]): number[] {
  return [...new Set(curves.flatMap((c) => c.points.map((p) => p.x)))].sort((a, b) => a - b);
}

/** The curve's last point at or before x, or null. */
export function valueAt(curve: Curve, x: number): number | null {
  let found: number | null = null;
  for (const p of curve.points) if (p.x <= x) found = p.y;
  return found;
}

export function RunChart({
  title,
  curves,
  yLabel,
  yDomain,
  format,
  tickFormat = format,
  guide,
}: {
  title: string;
  curves: readonly Curve[];
  yLabel: string;
  /** Fixed y range; from the data when absent. */
  yDomain?: readonly [number, number];
  format: (y: number) => string;
  /** Tick labels of the y axis; `format` when absent. */
  tickFormat?: (y: number) => string;
  /** A horizontal reference line (e.g. chance). */
  guide?: { y: number; label: string };
}) {
  const titleId = useId();
  const figure = useRef<HTMLElement>(null);
  // The drawing fills the figure less the svg's 1 px border on each side (runs.css).
  const width = Math.min(W, useElementWidth(figure, W + 2) - 2);
  const [hover, setHover] = useState<number | null>(null);
  const stops = readoutStops(curves);
  const { x, y } = scales(curves, stops, width, yDomain);
  const hoverX = hover === null ? null : (stops[Math.min(hover, stops.length - 1)] ?? null);

  const onPointer = (e: PointerEvent<SVGSVGElement>) => {
    if (stops.length === 0) return;
    const box = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - box.left) / Math.max(box.width, 1)) * width;
    const target = x.invert(px);
    let best = 0;
    stops.forEach((s, i) => {
      if (Math.abs(s - target) < Math.abs(stops[best]! - target)) best = i;
    });
    setHover(best);
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    if (stops.length === 0) return;
    const next = keyStop(e.key, hover, stops.length - 1);
    if (next === undefined) return;
    e.preventDefault();
    setHover(next);
  };

  return (
    <figure className="run-chart" ref={figure}>
      <h3 id={titleId}>{title}</h3>
      <svg
        viewBox={`0 0 ${width} ${H}`}
        role="img"
        aria-labelledby={titleId}
        tabIndex={0}
        onPointerMove={onPointer}
        onPointerLeave={() => setHover(null)}
        onKeyDown={onKey}
        onBlur={() => setHover(null)}
      >
        <Axes x={x} y={y} width={width} tickFormat={tickFormat} yLabel={yLabel} />
        {guide ? (
          <g className="guide">
            <line x1={M.left} x2={width - M.right} y1={y(guide.y)} y2={y(guide.y)} />
            <text x={M.left + 4} y={y(guide.y) - 5}>
              {guide.label}
            </text>
          </g>
        ) : null}
        <Curves curves={curves} x={x} y={y} />
        {hoverX !== null ? (
          <line className="rule" x1={x(hoverX)} x2={x(hoverX)} y1={M.top} y2={H - M.bottom} />
        ) : null}
      </svg>
      <Legend curves={curves} hoverX={hoverX} format={format} />
    </figure>
  );
}

/** The readout's stop after `key` from `hover` (null: the latest) of stops 0…last; null leaves the readout,
 * undefined ignores the key. */
function keyStop(key: string, hover: number | null, last: number): number | null | undefined {
  const cur = hover ?? last;
  if (key === "ArrowLeft") return Math.max(0, cur - 1);
  if (key === "ArrowRight") return Math.min(last, cur + 1);
  if (key === "Home") return 0;
  if (key === "End") return last;
  if (key === "Escape") return null;
  return undefined;
}

type Scale = ScaleLinear<number, number>;

/** Grid lines and labels of y, labels of x (examples seen), and both axis titles. */
function Axes({
  x,
  y,
  width,
  tickFormat,
  yLabel,
}: {
  x: Scale;
  y: Scale;
  width: number;
  tickFormat: (y: number) => string;
  yLabel: string;
}) {
  return (
    <g className="axis">
      {y.ticks(5).map((t) => (
        <g key={t}>
          <line x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} className="grid" />
          <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
            {tickFormat(t)}
          </text>
        </g>
      ))}
      {x.ticks(width < 400 ? 3 : 5).map((t) => (
        <text key={t} x={x(t)} y={H - M.bottom + 16} textAnchor="middle">
          {formatExamples(t)}
        </text>
      ))}
      <text x={(M.left + width - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-label">
        training examples seen
      </text>
      <text
        transform={`translate(12 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        className="axis-label"
      >
        {yLabel}
      </text>
    </g>
  );
}

/** Each run's value at the readout's point (its latest without one), and what the readout shows. */
function Legend({
  curves,
  hoverX,
  format,
}: {
  curves: readonly Curve[];
  hoverX: number | null;
  format: (y: number) => string;
}) {
  return (
    <figcaption>
      <ul className="legend">
        {curves.map((c) => {
          const v = hoverX === null ? (c.points.at(-1)?.y ?? null) : valueAt(c, hoverX);
          return (
            <li key={c.key}>
              <span
                className={`swatch${c.dashed ? " dashed" : ""}`}
                style={{ borderColor: c.color }}
                aria-hidden="true"
              />
              {c.label}{" "}
              <span className="num">{v === null ? "–" : Number.isFinite(v) ? format(v) : "diverged"}</span>
            </li>
          );
        })}
      </ul>
      <p className="hint" aria-live="polite">
        {hoverX === null
          ? "Latest values. Hover the chart, or focus it and use ← →, to read earlier ones."
          : `At ${hoverX.toLocaleString("en-US")} examples.`}
      </p>
    </figcaption>
  );
}

/** x: examples seen, 0 to the last stop; y: `yDomain`, or from 0 (or the lowest value) to the highest. */
function scales(
  curves: readonly Curve[],
  stops: readonly number[],
  width: number,
  yDomain?: readonly [number, number],
) {
  const maxX = stops.at(-1) ?? 1;
  const x = scaleLinear()
    .domain([0, Math.max(maxX, 1)])
    .range([M.left, width - M.right]);
  const ys = curves.flatMap((c) => c.points.map((p) => p.y)).filter(Number.isFinite);
  const [lo, hi] = extent(ys);
  const y = scaleLinear()
    .domain(yDomain ?? [Math.min(0, lo ?? 0), Math.max(hi ?? 1, 1e-9)])
    .range([H - M.bottom, M.top])
    .nice();
  return { x, y };
}

/** Each run's curve (values outside y's domain drawn at its edge, NaN a gap) and its measured points. */
function Curves({ curves, x, y }: { curves: readonly Curve[]; x: Scale; y: Scale }) {
  const path = line<{ x: number; y: number }>()
    .defined((p) => Number.isFinite(p.y))
    .x((p) => x(p.x))
    .y((p) => y(Math.max(y.domain()[0]!, Math.min(y.domain()[1]!, p.y))));
  return (
    <>
      {curves.map((c) => (
        <g key={c.key} className="curve" data-run={c.key} data-points={c.points.length}>
          <path
            d={path(c.points as { x: number; y: number }[]) ?? ""}
            stroke={c.color}
            strokeDasharray={c.dashed ? "6 4" : undefined}
            fill="none"
          />
          {c.points.map((p) =>
            Number.isFinite(p.y) ? (
              <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={2} fill={c.color} className="point" />
            ) : null,
          )}
        </g>
      ))}
    </>
  );
}
