// The cost along one weight (the lab's 1-D costSurface) as a d3 curve, with the ball's descent path (the lab's
// descend) up to the step being shown, and optionally the tangent at the weight's current value. Clicking the chart
// picks where the ball starts.
import { extent, line, scaleLinear } from "d3";
import type { CostSurface, DescentStep } from "../../engine/experiments.ts";
import { BottomAxis, LeftAxis, svgPoint } from "../views/Axes.tsx";

const W = 580;
const H = 290;
const M = { top: 14, right: 18, bottom: 44, left: 62 };

export interface CostCurveProps {
  readonly surface: CostSurface;
  /** The descent, or null for none. */
  readonly path: readonly DescentStep[] | null;
  /** The path's point the ball is at. */
  readonly index: number;
  /** The slope ∂C/∂w at the weight's current value and the cost there: drawn as a tangent (step 1). */
  readonly tangent?: { readonly slope: number; readonly cost: number } | null;
  /** Name of the weight, for the axis and the accessible name. */
  readonly weightName: string;
  /** Called with a weight value when the reader clicks the chart. */
  readonly onPick?: (w: number) => void;
}

/** A small triangle at the chart's edge pointing the way a point left it (up when only its cost is off). */
function arrowHead(side: -1 | 0 | 1): string {
  if (side < 0) return "M-6,0 L1,-4.5 L1,4.5 z";
  if (side > 0) return "M6,0 L-1,-4.5 L-1,4.5 z";
  return "M0,-6 L-4.5,1 L4.5,1 z";
}

/** Where a path point is drawn: its position clamped into the chart, and whether it lies outside. */
function place(v: number, [lo, hi]: readonly [number, number]): { v: number; outside: -1 | 0 | 1 } {
  if (!Number.isFinite(v)) return { v: hi, outside: 1 };
  if (v < lo) return { v: lo, outside: -1 };
  if (v > hi) return { v: hi, outside: 1 };
  return { v, outside: 0 };
}

export function CostCurve({ surface, path, index, tangent = null, weightName, onPick }: CostCurveProps) {
  const ws = surface.axes[0]!;
  const values = Array.from(surface.values);
  const domain: [number, number] = [ws[0]!, ws.at(-1)!];
  const [lo = 0, hi = 1] = extent(values);
  const pad = 0.08 * (hi - lo || 1);
  const x = scaleLinear()
    .domain(domain)
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([H - M.bottom, M.top]);
  const yDomain = y.domain() as [number, number];
  const curve = line<number>()
    .x((_, i) => x(ws[i]!))
    .y((c) => y(c))(values);
  const centre = surface.centre[0]!;

  const shown = path ? path.slice(0, index + 1) : [];
  const points = shown.map((p) => {
    const px = place(p.values[0]!, domain);
    const py = place(p.cost, yDomain);
    return { x: x(px.v), y: y(py.v), outside: px.outside !== 0 || py.outside !== 0, side: px.outside };
  });
  const pick = (e: React.MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const [px] = svgPoint(e);
    const w = Math.min(domain[1], Math.max(domain[0], x.invert(px)));
    onPick(Number(w.toFixed(2)));
  };

  return (
    <svg
      className={onPick ? "cost-curve pickable" : "cost-curve"}
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={`The cost C on the batch as the weight ${weightName} varies${onPick ? "; click to start the ball there" : ""}`}
      onClick={pick}
    >
      <BottomAxis scale={x} at={H - M.bottom} title={`value of the weight ${weightName}`} />
      <LeftAxis scale={y} at={M.left} title="cost C" />
      <line className="now-line" x1={x(centre)} x2={x(centre)} y1={M.top} y2={H - M.bottom} />
      <text className="now-label" x={x(centre) + 4} y={M.top + 10}>
        now
      </text>
      <path className="curve" d={curve ?? ""} />
      {tangent ? (
        <line
          className="tangent"
          x1={x(centre - 1)}
          x2={x(centre + 1)}
          y1={y(tangent.cost - tangent.slope)}
          y2={y(tangent.cost + tangent.slope)}
        />
      ) : null}
      {tangent ? <circle className="here" cx={x(centre)} cy={y(tangent.cost)} r={5} /> : null}
      <Hops points={points} />
    </svg>
  );
}

/** The ball's hops so far: a line through them, a dot at each (a triangle at the edge for one beyond the chart),
 * and the ball at the last. */
function Hops({
  points,
}: {
  points: readonly { x: number; y: number; outside: boolean; side: -1 | 0 | 1 }[];
}) {
  const ball = points.at(-1);
  return (
    <>
      {points.length > 1 ? (
        <polyline className="hops" points={points.map((p) => `${p.x},${p.y}`).join(" ")} />
      ) : null}
      {points
        .slice(0, -1)
        .map((p, i) =>
          p.outside ? (
            <path
              key={i}
              className="visited outside"
              d={arrowHead(p.side)}
              transform={`translate(${p.x}, ${p.y})`}
            />
          ) : (
            <circle key={i} className="visited" cx={p.x} cy={p.y} r={2.5} />
          ),
        )}
      {ball ? (
        <g className="ball" style={{ transform: `translate(${ball.x}px, ${ball.y}px)` }}>
          <circle r={7} />
        </g>
      ) : null}
    </>
  );
}
