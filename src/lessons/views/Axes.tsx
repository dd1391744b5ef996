// Axes for the lessons' d3 charts, drawn by React: a bottom and a left axis with ticks from a d3 scale, and an
// axis title. Shared by the gradient-descent and SGD scenes.
import type { ScaleLinear, ScaleLogarithmic } from "d3";
import { formatFixed } from "../../render/format.ts";

type Scale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;

/** Decimals that tell ticks `step` apart: 0 for whole steps, 1 for 0.5, 2 for 0.05 … */
export function tickDigits(ticks: readonly number[]): number {
  if (ticks.length < 2) return 2;
  const step = Math.abs(ticks[1]! - ticks[0]!);
  return step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step) - 1e-9));
}

export interface AxisProps {
  readonly scale: Scale;
  /** Where the axis line sits: the chart's bottom (x axis) or left edge (y axis), in px. */
  readonly at: number;
  readonly title: string;
  readonly count?: number;
  /** Text of a tick; fixed decimals by default. */
  readonly format?: (v: number) => string;
  /** The ticks, instead of the scale's own. */
  readonly ticks?: readonly number[];
}

export function BottomAxis({ scale, at, title, count = 6, format, ticks = scale.ticks(count) }: AxisProps) {
  const digits = tickDigits(ticks);
  const [x0, x1] = scale.range() as [number, number];
  return (
    <g className="axis-group" aria-hidden="true">
      <line className="axis" x1={x0} x2={x1} y1={at} y2={at} />
      {ticks.map((t) => (
        <g key={t} transform={`translate(${scale(t)}, ${at})`}>
          <line className="tick-mark" y2={4} />
          <text className="tick" y={15} textAnchor="middle">
            {format ? format(t) : formatFixed(t, digits)}
          </text>
        </g>
      ))}
      <text className="axis-title" x={(x0 + x1) / 2} y={at + 31} textAnchor="middle">
        {title}
      </text>
    </g>
  );
}

export function LeftAxis({ scale, at, title, count = 5, format, ticks = scale.ticks(count) }: AxisProps) {
  const digits = tickDigits(ticks);
  const [y0, y1] = scale.range() as [number, number];
  return (
    <g className="axis-group" aria-hidden="true">
      <line className="axis" x1={at} x2={at} y1={y0} y2={y1} />
      {ticks.map((t) => (
        <g key={t} transform={`translate(${at}, ${scale(t)})`}>
          <line className="tick-mark" x2={-4} />
          <text className="tick" x={-7} y={3.5} textAnchor="end">
            {format ? format(t) : formatFixed(t, digits)}
          </text>
        </g>
      ))}
      <text
        className="axis-title"
        transform={`translate(${at - 42}, ${(y0 + y1) / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {title}
      </text>
    </g>
  );
}

/** The point of an SVG with a viewBox under a pointer event, in viewBox units. */
export function svgPoint(e: { clientX: number; clientY: number; currentTarget: Element }): [number, number] {
  const svg = e.currentTarget instanceof SVGSVGElement ? e.currentTarget : e.currentTarget.closest("svg");
  const box = (svg ?? e.currentTarget).getBoundingClientRect();
  const view = svg?.viewBox?.baseVal;
  const sx = view && view.width > 0 && box.width > 0 ? view.width / box.width : 1;
  const sy = view && view.height > 0 && box.height > 0 ? view.height / box.height : 1;
  return [(e.clientX - box.left) * sx, (e.clientY - box.top) * sy];
}
