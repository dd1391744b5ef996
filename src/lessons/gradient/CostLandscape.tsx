// The cost over two weights (the lab's 2-D costSurface) as a d3 heatmap with contour lines in a calm colour scale,
// the ball's descent path (the lab's descend) and the direction −∇C where it starts. Clicking picks a start.
import {
  contours,
  geoPath,
  interpolateRgbBasis,
  quantileSorted,
  scaleLinear,
  scaleSequentialQuantile,
} from "d3";
import { useMemo } from "react";
import type { CostSurface, DescentStep } from "../../engine/experiments.ts";
import { BottomAxis, LeftAxis, svgPoint } from "../views/Axes.tsx";
import { LANDSCAPE_SCALE } from "../../render/theme.ts";

const SIDE = 340;
const M = { top: 12, right: 14, bottom: 44, left: 62 };
const W = M.left + SIDE + M.right;
const H = M.top + SIDE + M.bottom;
/** Length of the −∇C arrow, px: it shows a direction only. */
const ARROW = 46;
/** Contour lines: at these quantiles of the costs on the grid, so they crowd neither the basin nor the heights. */
const CONTOUR_QUANTILES = [0.04, 0.1, 0.18, 0.27, 0.37, 0.48, 0.6, 0.72, 0.84, 0.94];

/** The theme's landscape scale, low cost to high. Colour follows the cost's rank on the grid, not its value, so
 * the shape of the basin shows. */
const interpolate = interpolateRgbBasis([...LANDSCAPE_SCALE]);

export interface CostLandscapeProps {
  readonly surface: CostSurface;
  readonly path: readonly DescentStep[] | null;
  readonly index: number;
  /** Names of the two weights (axis 0 across, axis 1 up). */
  readonly names: readonly [string, string];
  readonly onPick?: (values: [number, number]) => void;
}

/** The surface's values with axis 0 varying fastest (d3.contours' order): grid[j·n + i] = values[i·n + j]. */
export function transposeGrid(values: ArrayLike<number>, n: number): number[] {
  const grid = new Array<number>(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) grid[j * n + i] = values[i * n + j]!;
  return grid;
}

export function CostLandscape({ surface, path, index, names, onPick }: CostLandscapeProps) {
  const [us, vs] = [surface.axes[0]!, surface.axes[1]!];
  const n = us.length;
  const du = (us.at(-1)! - us[0]!) / (n - 1);
  const dv = (vs.at(-1)! - vs[0]!) / (n - 1);
  // Each grid value fills a cell centred on its point.
  const x = scaleLinear()
    .domain([us[0]! - du / 2, us.at(-1)! + du / 2])
    .range([M.left, M.left + SIDE]);
  const y = scaleLinear()
    .domain([vs[0]! - dv / 2, vs.at(-1)! + dv / 2])
    .range([M.top + SIDE, M.top]);
  const cell = SIDE / n;

  const { grid, colour, lines } = useMemo(() => {
    const grid = transposeGrid(surface.values, n);
    // Colour by rank among the grid's costs: the low basin gets as many shades as the steep heights.
    const colour = scaleSequentialQuantile(interpolate).domain(grid);
    const sorted = grid.filter(Number.isFinite).sort((a, b) => a - b);
    const thresholds = CONTOUR_QUANTILES.map((q) => quantileSorted(sorted, q) ?? 0);
    const levels = contours().size([n, n]).thresholds(thresholds)(grid);
    const draw = geoPath();
    return { grid, colour, lines: levels.map((c) => ({ value: c.value, d: draw(c) ?? "" })) };
  }, [surface.values, n]);

  const shown = path ? path.slice(0, index + 1) : [];
  const points = shown.map((p) => [x(p.values[0]!), y(p.values[1]!)] as const);
  const start = path?.[0];
  const g = start?.gradient ?? [0, 0];
  const glen = Math.hypot(g[0]!, g[1]!);
  // −∇C in px: u across (right = larger w₁), v up (up = larger w₂, so the y of the screen is flipped).
  const arrow = start && glen > 0 ? { dx: (-g[0]! / glen) * ARROW, dy: (g[1]! / glen) * ARROW } : null;

  const pick = (e: React.MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const [px, py] = svgPoint(e);
    if (px < M.left || px > M.left + SIDE || py < M.top || py > M.top + SIDE) return;
    onPick([Number(x.invert(px).toFixed(2)), Number(y.invert(py).toFixed(2))]);
  };

  return (
    <svg
      className={onPick ? "cost-landscape pickable" : "cost-landscape"}
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={`The cost C on the batch over the weights ${names[0]} (across) and ${names[1]} (up), dark where it is low${onPick ? "; click to start the ball there" : ""}`}
      onClick={pick}
    >
      <LandscapeDefs />
      <g shapeRendering="crispEdges" clipPath="url(#landscape-clip)">
        {grid.map((c, k) => (
          <rect
            key={k}
            x={M.left + (k % n) * cell}
            y={M.top + SIDE - (Math.floor(k / n) + 1) * cell}
            width={cell + 0.5}
            height={cell + 0.5}
            fill={colour(c)}
          />
        ))}
      </g>
      <g className="contours" transform={`translate(${M.left}, ${M.top + SIDE}) scale(${cell}, ${-cell})`}>
        {lines.map((l) => (
          <path key={l.value} d={l.d} vectorEffect="non-scaling-stroke" />
        ))}
      </g>
      <BottomAxis scale={x} at={M.top + SIDE} title={`weight ${names[0]}`} count={5} />
      <LeftAxis scale={y} at={M.left} title={`weight ${names[1]}`} count={5} />
      <g clipPath="url(#landscape-clip)">
        <DescentPath centre={[x(surface.centre[0]!), y(surface.centre[1]!)]} points={points} arrow={arrow} />
      </g>
    </svg>
  );
}

/** The plot's clip to the grid, and the arrowhead of −∇C. */
function LandscapeDefs() {
  return (
    <defs>
      <clipPath id="landscape-clip">
        <rect x={M.left} y={M.top} width={SIDE} height={SIDE} />
      </clipPath>
      <marker
        id="landscape-arrow"
        viewBox="0 0 10 10"
        refX={8}
        refY={5}
        markerWidth={7}
        markerHeight={7}
        orient="auto"
      >
        <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
      </marker>
    </defs>
  );
}

/**
 * The weights' current values (a dot at `centre`), the ball's hops so far (`points`, px) with the ball at the last,
 * and −∇C at the start as an arrow of `arrow`'s offset.
 */
function DescentPath({
  centre,
  points,
  arrow,
}: {
  centre: readonly [number, number];
  points: readonly (readonly [number, number])[];
  arrow: { dx: number; dy: number } | null;
}) {
  const ball = points.at(-1);
  return (
    <>
      <circle className="now-dot" cx={centre[0]} cy={centre[1]} r={3.5} />
      {points.length > 1 ? (
        <polyline className="hops" points={points.map(([px, py]) => `${px},${py}`).join(" ")} />
      ) : null}
      {points.slice(0, -1).map(([px, py], i) => (
        <circle key={i} className="visited" cx={px} cy={py} r={2.2} />
      ))}
      {arrow && points[0] ? (
        <line
          className="descent-arrow"
          x1={points[0][0]}
          y1={points[0][1]}
          x2={points[0][0] + arrow.dx}
          y2={points[0][1] + arrow.dy}
          markerEnd="url(#landscape-arrow)"
        />
      ) : null}
      {ball ? (
        <g className="ball" style={{ transform: `translate(${ball[0]}px, ${ball[1]}px)` }}>
          <circle r={6.5} />
        </g>
      ) : null}
    </>
  );
}
