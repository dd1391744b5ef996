// One activation function f drawn over z, with a neuron's z and f(z) marked: sigmoid, ReLU or tanh.
import { line, scaleLinear } from "d3";
import { activate, type Activation } from "../../engine/activations.ts";
import { formatFixed } from "../../render/format.ts";
import { Num } from "./Num.tsx";

const NAMES: Record<Activation, string> = { sigmoid: "σ(z)", relu: "ReLU(z)", tanh: "tanh(z)" };

export interface ActivationPlotProps {
  readonly kind: Activation;
  /** The neuron's weighted sum, marked on the curve. */
  readonly z: number;
  readonly width: number;
  readonly height: number;
}

/** Half-width of the z range: at least ±6, wide enough to show z. */
export function zRange(z: number): number {
  return Math.max(6, Number.isFinite(z) ? Math.ceil(Math.abs(z)) + 1 : 6);
}

export function ActivationPlot({ kind, z, width, height }: ActivationPlotProps) {
  const r = zRange(z);
  const m = { top: 10, right: 12, bottom: 22, left: 30 };
  const x = scaleLinear()
    .domain([-r, r])
    .range([m.left, width - m.right]);
  const yMin = kind === "tanh" ? -1 : 0;
  const yMax = kind === "relu" ? r : 1;
  const y = scaleLinear()
    .domain([yMin, yMax])
    .range([height - m.bottom, m.top]);
  const samples = Array.from({ length: 161 }, (_, i) => -r + (2 * r * i) / 160);
  const path = line<number>()
    .x((t) => x(t))
    .y((t) => y(activate(kind, t)))(samples);
  const fz = activate(kind, z);
  const px = x(z);
  const py = y(fz);
  return (
    <figure className="activation-plot" data-kind={kind}>
      <svg width={width} height={height} role="img" aria-label={`${NAMES[kind]} against z`}>
        <line className="axis" x1={m.left} x2={width - m.right} y1={y(0)} y2={y(0)} />
        <line className="axis" x1={x(0)} x2={x(0)} y1={m.top} y2={height - m.bottom} />
        <text className="tick" x={m.left} y={height - 6} textAnchor="start">
          {formatFixed(-r, 0)}
        </text>
        <text className="tick" x={width - m.right} y={height - 6} textAnchor="end">
          {formatFixed(r, 0)}
        </text>
        <text className="tick" x={m.left - 4} y={y(yMax) + 4} textAnchor="end">
          {formatFixed(yMax, 0)}
        </text>
        {yMin < 0 ? (
          <text className="tick" x={m.left - 4} y={y(yMin) + 4} textAnchor="end">
            {formatFixed(yMin, 0)}
          </text>
        ) : null}
        <path className="curve" d={path ?? ""} />
        <g className="marker" style={{ transform: `translate(${px}px, ${py}px)` }}>
          <line className="guide" x1={0} x2={0} y1={0} y2={y(0) - py} />
          <line className="guide" x1={0} x2={x(0) - px} y1={0} y2={0} />
          <circle r={4.5} />
        </g>
      </svg>
      <figcaption>
        <span className="fn">{NAMES[kind]}</span> at z = <Num term={`${kind}-z`} value={z} digits={2} />:{" "}
        <Num term={`${kind}-of-z`} value={fz} />
      </figcaption>
    </figure>
  );
}
