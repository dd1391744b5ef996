// The cost curve's painter: training cost (smoothed) and test cost against examples seen, with test accuracy
// on a second axis, drawn by d3 into an SVG; a hover rule; and the words read out under it. Plain functions of
// (svg, history, options), called from the store's thinned history (a few updates a second), never per frame.
import {
  axisBottom,
  axisLeft,
  axisRight,
  bisector,
  extent,
  format,
  line,
  max,
  min,
  pointer,
  scaleLinear,
  scaleLog,
  select,
  type ScaleLinear,
  type ScaleLogarithmic,
} from "d3";
import { MNIST_TRAIN_COUNT } from "../engine/mnist.ts";
import type { HistoryPoint } from "../worker/training/protocol.ts";

/** How the cost axis is scaled. */
export type CostScale = "linear" | "log";

/** The SVG's user units (its viewBox); it is scaled to its container's width by CSS. */
export const COST_CURVE_WIDTH = 560;
export const COST_CURVE_HEIGHT = 240;
const W = COST_CURVE_WIDTH;
const H = COST_CURVE_HEIGHT;
const M = { top: 12, right: 48, bottom: 32, left: 52 };
/** The x axis spans at least this many examples, so the first few points don't fill the width. */
const MIN_SPAN = 10_000;

/** Exponential moving average of the training cost, so minibatch noise doesn't hide the trend. */
export function smoothCost(history: readonly HistoryPoint[], alpha = 0.15): number[] {
  const out: number[] = [];
  let s = Number.NaN;
  for (const p of history) {
    const c = p.trainCost;
    if (Number.isFinite(c)) s = Number.isFinite(s) ? s + alpha * (c - s) : c;
    out.push(s);
  }
  return out;
}

/** The chart's scales, SVG user units: x examples seen, y cost, accuracy 0…1 on the right-hand axis. */
export interface CostCurveScales {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
  readonly accuracy: ScaleLinear<number, number>;
}

/**
 * Scales for a history: x over the examples seen (at least MIN_SPAN wide; one epoch of MNIST's training set
 * before any point), y from 0 (linear) or just under the least cost (log) to just over the largest, smoothed training
 * and test costs both counted.
 */
export function costCurveScales(
  history: readonly HistoryPoint[],
  smooth: readonly number[],
  scale: CostScale,
): CostCurveScales {
  const xs = extent(history, (p) => p.examplesSeen);
  const x = scaleLinear()
    .domain(xs[0] === undefined ? [0, MNIST_TRAIN_COUNT] : [xs[0], Math.max(xs[1], xs[0] + MIN_SPAN)])
    .range([M.left, W - M.right]);
  const costs = [...smooth, ...history.map((p) => p.testCost ?? Number.NaN)].filter(
    (c) => Number.isFinite(c) && c > 0,
  );
  const hi = max(costs) ?? 1;
  const lo = min(costs) ?? 0.01;
  const range = [H - M.bottom, M.top];
  const y =
    scale === "log"
      ? scaleLog()
          .domain([Math.max(lo * 0.8, 1e-6), hi * 1.2])
          .range(range)
          .clamp(true)
      : scaleLinear()
          .domain([0, hi * 1.05])
          .range(range);
  return { x, y, accuracy: scaleLinear().domain([0, 1]).range(range) };
}

export interface CostCurveOptions {
  readonly scale: CostScale;
  /** Called with the index of the history point nearest the pointer, and null when it leaves the plot. */
  readonly onHover?: (index: number | null) => void;
}

/**
 * Draws the whole chart into `svg` (emptied first): axes, the smoothed training cost, the test cost and
 * accuracy as lines with a dot at each evaluation, a hidden hover rule (see paintHoverRule) and a transparent
 * target over the plot that reports the point under the pointer. Returns the scales it used.
 */
export function paintCostCurve(
  svg: SVGSVGElement,
  history: readonly HistoryPoint[],
  options: CostCurveOptions,
): CostCurveScales {
  const root = select(svg);
  root.selectAll("*").remove();
  const smooth = smoothCost(history);
  const scales = costCurveScales(history, smooth, options.scale);
  const { x, y, accuracy } = scales;
  paintAxes(svg, scales, options.scale);

  const ok = (c: number | null): c is number =>
    c !== null && Number.isFinite(c) && (options.scale === "linear" || c > 0);
  const tests = history.filter((p) => p.testCost !== null);
  const path = (className: string, d: string | null) =>
    root
      .append("path")
      .attr("class", className)
      .attr("d", d ?? "");
  path(
    "train-cost",
    line<number>()
      .defined(ok)
      .x((_, i) => x(history[i]!.examplesSeen))
      .y((c) => y(c))(smooth),
  );
  path(
    "test-cost",
    line<HistoryPoint>()
      .defined((p) => ok(p.testCost))
      .x((p) => x(p.examplesSeen))
      .y((p) => y(p.testCost!))(tests),
  );
  path(
    "test-accuracy",
    line<HistoryPoint>()
      .x((p) => x(p.examplesSeen))
      .y((p) => accuracy(p.testAccuracy ?? 0))(tests),
  );
  // Dots at each evaluation, so a single one (before any training) shows too.
  const evaluated = tests.filter((p) => ok(p.testCost));
  const dots = (className: string, cy: (p: HistoryPoint) => number) =>
    root
      .append("g")
      .attr("class", className)
      .selectAll("circle")
      .data(evaluated)
      .join("circle")
      .attr("cx", (p) => x(p.examplesSeen))
      .attr("cy", cy)
      .attr("r", 2.5);
  dots("test-cost-dots", (p) => y(p.testCost!));
  dots("test-accuracy-dots", (p) => accuracy(p.testAccuracy ?? 0));

  root
    .append("line")
    .attr("class", "hover-rule")
    .attr("display", "none")
    .attr("y1", M.top)
    .attr("y2", H - M.bottom);
  const byX = bisector<HistoryPoint, number>((p) => p.examplesSeen).center;
  const { onHover } = options;
  root
    .append("rect")
    .attr("class", "hover-target")
    .attr("x", M.left)
    .attr("y", M.top)
    .attr("width", W - M.left - M.right)
    .attr("height", H - M.top - M.bottom)
    .on("pointermove", (event: PointerEvent) => {
      if (!history.length) return;
      const [mx] = pointer(event);
      onHover?.(byX(history, x.invert(mx)));
    })
    .on("pointerleave", () => onHover?.(null));
  return scales;
}

/** The three axes and the x axis's label. */
function paintAxes(svg: SVGSVGElement, scales: CostCurveScales, scale: CostScale): void {
  const root = select(svg);
  root
    .append("g")
    .attr("class", "axis")
    .attr("transform", `translate(0,${H - M.bottom})`)
    .call(axisBottom(scales.x).ticks(5).tickFormat(format("~s")));
  root
    .append("g")
    .attr("class", "axis")
    .attr("transform", `translate(${M.left},0)`)
    .call(axisLeft(scales.y).ticks(5, scale === "log" ? "~g" : undefined));
  root
    .append("g")
    .attr("class", "axis accuracy-axis")
    .attr("transform", `translate(${W - M.right},0)`)
    .call(axisRight(scales.accuracy).ticks(5).tickFormat(format(".0%")));
  root
    .append("text")
    .attr("class", "axis-label")
    .attr("x", M.left)
    .attr("y", H - 4)
    .text("examples seen");
}

/** Shows the dashed rule at history point `index` (hides it for null or a point the history lacks). */
export function paintHoverRule(
  svg: SVGSVGElement,
  history: readonly HistoryPoint[],
  scales: CostCurveScales,
  index: number | null,
): void {
  const rule = select(svg).select<SVGLineElement>("line.hover-rule");
  const p = index === null ? undefined : history[index];
  if (!p) {
    rule.attr("display", "none");
    return;
  }
  const px = scales.x(p.examplesSeen);
  rule.attr("display", null).attr("x1", px).attr("x2", px);
}

const fmtInt = format(",d");
const fmtCost = (c: number) => (c >= 0.01 ? c.toFixed(3) : c.toExponential(2));
const fmtAccuracy = (a: number | null) => `${((a ?? 0) * 100).toFixed(1)}%`;

/**
 * The line under the chart: the hovered point's examples and smoothed training cost with the latest test
 * before it, else the latest test's cost and accuracy, else "No training yet.".
 */
export function costReadout(history: readonly HistoryPoint[], hover: number | null): string {
  const shown = hover === null ? undefined : history[hover];
  if (shown && hover !== null) {
    const train = smoothCost(history.slice(0, hover + 1)).at(-1) ?? Number.NaN;
    const test = history.slice(0, hover + 1).findLast((p) => p.testCost !== null);
    return (
      `${fmtInt(shown.examplesSeen)} examples · training cost ${fmtCost(train)}` +
      (test ? ` · test cost ${fmtCost(test.testCost!)} · accuracy ${fmtAccuracy(test.testAccuracy)}` : "")
    );
  }
  const last = history.findLast((p) => p.testCost !== null);
  return last
    ? `After ${fmtInt(last.examplesSeen)} examples: test cost ${fmtCost(last.testCost!)}, accuracy ${fmtAccuracy(last.testAccuracy)}`
    : "No training yet.";
}
