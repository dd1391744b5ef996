// The runs' cost paths (the lab's compareDescent: held-out cost after so many examples, or seconds) as a d3 line
// chart on a log scale of cost, with a legend and a hover readout of the nearest measurement of each run.
import { extent as d3extent, line, scaleLinear, scaleLog } from "d3";
import { useRef, useState } from "react";
import { useElementWidth } from "../../components/useFramePainter.ts";
import type { RunPoint } from "../../engine/experiments.ts";
import { formatCount } from "../../render/format.ts";
import { BottomAxis, LeftAxis, svgPoint } from "../views/Axes.tsx";
import { Count, Num } from "../views/Num.tsx";
import { nearestPoint, SGD_SETTINGS, xOf, type Axis, type RunDef } from "./runs.ts";

/** One run's definition and the lab's measurements of it. */
export interface RunResult {
  readonly def: RunDef;
  readonly path: readonly RunPoint[];
}

/** The chart's widest, CSS px: narrower screens get a narrower chart (so its text stays its size), not a smaller one. */
const MAX_W = 640;
const H = 320;
const M = { top: 14, right: 20, bottom: 46, left: 64 };
/** Cost ticks on the log scale, where they fit. */
const COST_TICKS = [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10];

/** "m = 10, η = 1.5" for a run. */
export function runSettings(def: RunDef): string {
  return `m = ${formatCount(def.batchSize)}, η = ${def.learningRate}`;
}

/** [min, max] of the costs (±Infinity for none, as Math.min/max give). */
function extent(costs: number[]): [number, number] {
  const [lo, hi] = d3extent(costs);
  return [lo ?? Infinity, hi ?? -Infinity];
}

function useChartWidth(ref: React.RefObject<HTMLElement | null>): number {
  return Math.min(MAX_W, useElementWidth(ref, MAX_W));
}

export function CostPaths({ runs, axis }: { runs: readonly RunResult[]; axis: Axis }) {
  const [hoverX, setHoverX] = useState<number | null>(null);
  const figureRef = useRef<HTMLElement>(null);
  const W = useChartWidth(figureRef);
  const finite = runs.flatMap((r) => r.path.filter((p) => Number.isFinite(p.cost)));
  const [lo, hi] = extent(finite.map((p) => p.cost));
  const xMax = Math.max(...finite.map((p) => xOf(p, axis)), axis === "examples" ? 1 : 0.001);
  const x = scaleLinear()
    .domain([0, xMax])
    .range([M.left, W - M.right]);
  const y = scaleLog()
    .domain([lo * 0.85, hi * 1.15])
    .range([H - M.bottom, M.top]);
  const ticks = COST_TICKS.filter((t) => t >= lo * 0.85 && t <= hi * 1.15);
  const draw = line<RunPoint>()
    .defined((p) => Number.isFinite(p.cost))
    .x((p) => x(xOf(p, axis)))
    .y((p) => y(p.cost));

  const hovered =
    hoverX === null ? [] : runs.map((r) => ({ run: r, point: nearestPoint(r.path, axis, hoverX) }));
  const onMove = (e: React.PointerEvent<SVGSVGElement>) => {
    const [px] = svgPoint(e);
    setHoverX(px < M.left || px > W - M.right ? null : x.invert(px));
  };

  return (
    <figure className="cost-paths" data-axis={axis} ref={figureRef}>
      <RunLegend runs={runs} />
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={`Cost on the held-out images against ${axis === "examples" ? "examples seen" : "seconds of training"}: ${runs.map((r) => r.def.name).join(", ")}`}
        onPointerMove={onMove}
        onPointerLeave={() => setHoverX(null)}
      >
        <BottomAxis
          scale={x}
          at={H - M.bottom}
          title={axis === "examples" ? "training examples seen" : "seconds of training"}
          count={W < 480 ? 3 : 6}
          {...(axis === "examples" ? { format: (v: number) => formatCount(v) } : {})}
        />
        <LeftAxis
          scale={y}
          at={M.left}
          title={`cost on ${formatCount(SGD_SETTINGS.heldOut)} held-out images (log scale)`}
          ticks={ticks}
          format={(v) => String(v)}
        />
        {runs.map(({ def, path }) => (
          <g key={def.id} className={`run-path run-${def.id}`} data-run={def.id}>
            <path d={draw(path as RunPoint[]) ?? ""} />
            {path.length <= 15
              ? path.map((p, i) => <circle key={i} cx={x(xOf(p, axis))} cy={y(p.cost)} r={3} />)
              : null}
          </g>
        ))}
        {hoverX !== null ? (
          <g className="hover">
            <line x1={x(hoverX)} x2={x(hoverX)} y1={M.top} y2={H - M.bottom} />
            {hovered.map(({ run, point }) =>
              point && Number.isFinite(point.cost) ? (
                <circle
                  key={run.def.id}
                  className={`run-${run.def.id}`}
                  cx={x(xOf(point, axis))}
                  cy={y(point.cost)}
                  r={5}
                />
              ) : null,
            )}
          </g>
        ) : null}
      </svg>
      <HoverReadout hovered={hoverX === null ? null : hovered} />
    </figure>
  );
}

/** Each run's name, settings and final cost, in its colour. */
function RunLegend({ runs }: { runs: readonly RunResult[] }) {
  return (
    <ul className="run-legend" aria-label="Runs">
      {runs.map(({ def, path }) => (
        <li key={def.id} className={`run-${def.id}`}>
          <span className="swatch" aria-hidden="true" />
          <span className="run-name">{def.name}</span> <span className="hint">{runSettings(def)}</span>
          <span className="hint">
            , final cost{" "}
            <Num term={`final-cost-${def.id}`} value={path.at(-1)?.cost ?? Number.NaN} digits={3} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Under the chart: each run's measurement nearest the pointer (`hovered`), or how to get them (null). */
function HoverReadout({
  hovered,
}: {
  hovered: readonly { run: RunResult; point: RunPoint | null }[] | null;
}) {
  return (
    <figcaption className="hover-readout" aria-live="polite">
      {hovered === null ? (
        <span className="hint">Point at the chart to read each run&apos;s nearest measurement.</span>
      ) : (
        hovered.map(({ run, point }) =>
          point ? (
            <span key={run.def.id} className={`hover-run run-${run.def.id}`}>
              <span className="swatch" aria-hidden="true" />
              {run.def.name}: <Num term={`hover-cost-${run.def.id}`} value={point.cost} digits={3} /> after{" "}
              <Count term={`hover-examples-${run.def.id}`} value={point.examplesSeen} /> examples,{" "}
              <Num term={`hover-seconds-${run.def.id}`} value={point.seconds} digits={2} /> s
            </span>
          ) : null,
        )
      )}
    </figcaption>
  );
}
