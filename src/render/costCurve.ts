// The cost curve's painter: training cost (smoothed) and test cost against examples seen, with test accuracy
// on a second axis, drawn by d3 into an SVG at its real size in CSS px (so its text is as large as it says); a hover
// rule; and the words read out under it. Plain functions of (svg, history, options), called from the store's thinned
// history (a few updates a second) or on a resize, never per frame.
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
import { MNIST_TEST_COUNT, MNIST_TRAIN_COUNT } from "../engine/mnist.ts";
import { formatLr } from "./format.ts";
import type { HistoryPoint } from "../worker/training/protocol.ts";

/** How the cost axis is scaled. */
export type CostScale = "linear" | "log";

/** The chart's size in CSS px; the SVG's viewBox is the same, one user unit per CSS px. */
export interface CostCurveSize {
  readonly width: number;
  readonly height: number;
}

/** The chart's height, CSS px (its width is its container's). */
export const COST_CURVE_HEIGHT = 240;
/** Axis text, CSS px: the SVG is not scaled, so this is the size on screen. */
export const AXIS_FONT_PX = 12;
/** Margins around the plot, room for the tick labels at AXIS_FONT_PX and the x axis's label under them. */
const M = { top: 12, right: 48, bottom: 40, left: 52 };
/** Least distance between tick labels along the x axis ("120k" is 4 characters), and up the y axes, CSS px. */
const X_TICK_SPACING = 80;
const Y_TICK_SPACING = 40;
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

/** The chart's scales, CSS px: x examples seen, y cost, accuracy 0…1 on the right-hand axis. */
export interface CostCurveScales {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
  readonly accuracy: ScaleLinear<number, number>;
}

/**
 * Scales for a history in a chart of `size`: x over the examples seen (at least MIN_SPAN wide; one epoch of
 * MNIST's training set before any point), y from 0 (linear) or just under the least cost (log) to just over the
 * largest, smoothed training and test costs both counted.
 */
export function costCurveScales(
  history: readonly HistoryPoint[],
  smooth: readonly number[],
  scale: CostScale,
  size: CostCurveSize,
): CostCurveScales {
  const xs = extent(history, (p) => p.examplesSeen);
  const x = scaleLinear()
    .domain(xs[0] === undefined ? [0, MNIST_TRAIN_COUNT] : [xs[0], Math.max(xs[1], xs[0] + MIN_SPAN)])
    .range([M.left, Math.max(M.left, size.width - M.right)]);
  const costs = [...smooth, ...history.map((p) => p.testCost ?? Number.NaN)].filter(
    (c) => Number.isFinite(c) && c > 0,
  );
  const hi = max(costs) ?? 1;
  const lo = min(costs) ?? 0.01;
  const range = [Math.max(M.top, size.height - M.bottom), M.top];
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

export interface CostCurveOptions extends CostCurveSize {
  readonly scale: CostScale;
  /** Called with the index of the history point nearest the pointer, and null when it leaves the plot. */
  readonly onHover?: (index: number | null) => void;
}

/**
 * Draws the whole chart into `svg` (emptied first, and sized options.width × options.height CSS px with the same
 * viewBox): axes, the smoothed training cost, the test cost and accuracy as lines with a dot at each evaluation, a
 * hidden hover rule (see paintHoverRule) and a transparent target over the plot that reports the point under the
 * pointer. Returns the scales it used.
 */
export function paintCostCurve(
  svg: SVGSVGElement,
  history: readonly HistoryPoint[],
  options: CostCurveOptions,
): CostCurveScales {
  const { width, height } = options;
  const root = select(svg)
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`);
  root.selectAll("*").remove();
  const smooth = smoothCost(history);
  const scales = costCurveScales(history, smooth, options.scale, options);
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
      // A filled dot for the whole test set, a small ring for the subset measured often early on.
      .attr("class", (p) => (isSubset(p) ? "subset" : "full"))
      .attr("r", (p) => (isSubset(p) ? 2 : 3));
  dots("test-cost-dots", (p) => y(p.testCost!));
  dots("test-accuracy-dots", (p) => accuracy(p.testAccuracy ?? 0));

  paintRateChanges(svg, history, scales);
  paintHoverTarget(svg, history, scales, options.onHover);
  return scales;
}

/** A change of η on the curve: η before and after, and the examples seen where the new one began. */
export interface RateChange {
  readonly examplesSeen: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Where η changed (the schedule, or the learner's scrubber): at each point whose η differs from that of the last
 * point with one before it, the new η began where that earlier point closed.
 */
export function rateChanges(history: readonly HistoryPoint[]): RateChange[] {
  const changes: RateChange[] = [];
  let last: HistoryPoint | null = null;
  for (const p of history) {
    const eta = p.learningRate ?? null;
    if (eta === null) continue;
    if (last && last.learningRate !== eta)
      changes.push({ examplesSeen: last.examplesSeen, from: last.learningRate!, to: eta });
    last = p;
  }
  return changes;
}

/** Least distance between two η marks, and between two of their labels, CSS px (a scrubbed η makes many). */
const RATE_MARK_SPACING = 24;
const RATE_LABEL_SPACING = 72;

/**
 * A faint upright rule at each change of η, with "η 0.45" beside it at the foot of the plot (clear of the
 * accuracy line, which runs near the top once the network has learned) where there is room.
 */
function paintRateChanges(
  svg: SVGSVGElement,
  history: readonly HistoryPoint[],
  { x, y }: CostCurveScales,
): void {
  const [bottom, top] = y.range() as [number, number];
  const [, right] = x.range() as [number, number];
  const g = select(svg).append("g").attr("class", "rate-changes");
  let lastMark = -Infinity;
  let lastLabel = -Infinity;
  for (const c of rateChanges(history)) {
    const px = x(c.examplesSeen);
    if (px - lastMark < RATE_MARK_SPACING) continue;
    lastMark = px;
    g.append("line").attr("x1", px).attr("x2", px).attr("y1", top).attr("y2", bottom);
    if (px - lastLabel < RATE_LABEL_SPACING) continue;
    lastLabel = px;
    // Right of the rule, or left of it near the plot's right-hand edge.
    const left = px + RATE_LABEL_SPACING > right;
    g.append("text")
      .attr("x", left ? px - 4 : px + 4)
      .attr("text-anchor", left ? "end" : "start")
      .attr("y", bottom - 4)
      .attr("font-size", AXIS_FONT_PX)
      .text(`η ${formatLr(c.to)}`);
  }
}

/** The hover rule (hidden; see paintHoverRule) and a transparent target over the plot reporting the point under it. */
function paintHoverTarget(
  svg: SVGSVGElement,
  history: readonly HistoryPoint[],
  { x, y }: CostCurveScales,
  onHover: CostCurveOptions["onHover"],
): void {
  const root = select(svg);
  const [bottom, top] = y.range() as [number, number];
  const [left, right] = x.range() as [number, number];
  root.append("line").attr("class", "hover-rule").attr("display", "none").attr("y1", top).attr("y2", bottom);
  const byX = bisector<HistoryPoint, number>((p) => p.examplesSeen).center;
  root
    .append("rect")
    .attr("class", "hover-target")
    .attr("x", left)
    .attr("y", top)
    .attr("width", right - left)
    .attr("height", bottom - top)
    .on("pointermove", (event: PointerEvent) => {
      if (!history.length) return;
      const [mx] = pointer(event);
      onHover?.(byX(history, x.invert(mx)));
    })
    .on("pointerleave", () => onHover?.(null));
}

/**
 * How many ticks to ask d3 for on each axis of a plot `plotWidth` × `plotHeight` CSS px: about one per
 * X_TICK_SPACING across and Y_TICK_SPACING up, at least 2 and at most 5, so labels never crowd a narrow chart.
 */
export function tickCounts(plotWidth: number, plotHeight: number): { x: number; y: number } {
  const fit = (length: number, spacing: number) => Math.max(2, Math.min(5, Math.floor(length / spacing)));
  return { x: fit(plotWidth, X_TICK_SPACING), y: fit(plotHeight, Y_TICK_SPACING) };
}

/** The three axes and the x axis's label under them, its text AXIS_FONT_PX. */
function paintAxes(svg: SVGSVGElement, scales: CostCurveScales, scale: CostScale): void {
  const root = select(svg);
  const [left, right] = scales.x.range() as [number, number];
  const [bottom, top] = scales.y.range() as [number, number];
  const ticks = tickCounts(right - left, bottom - top);
  const axis = (className: string, transform: string) =>
    root.append("g").attr("class", className).attr("transform", transform);
  axis("axis", `translate(0,${bottom})`).call(axisBottom(scales.x).ticks(ticks.x).tickFormat(format("~s")));
  axis("axis", `translate(${left},0)`).call(
    axisLeft(scales.y).ticks(ticks.y, scale === "log" ? "~g" : undefined),
  );
  axis("axis accuracy-axis", `translate(${right},0)`).call(
    axisRight(scales.accuracy).ticks(ticks.y).tickFormat(format(".0%")),
  );
  // d3's axes set their own font size (10) on their groups: ours replaces it.
  root.selectAll("g.axis").attr("font-size", AXIS_FONT_PX);
  root
    .append("text")
    .attr("class", "axis-label")
    .attr("font-size", AXIS_FONT_PX)
    .attr("x", left)
    .attr("y", bottom + M.bottom - 4)
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

/** Whether a point's test figures come from the subset of the test set (the worker says, HistoryPoint.testSet). */
const isSubset = (p: HistoryPoint) => p.testSet === "subset";

/** "(the first 1,000 test images)" or "(all 10,000 test images)": which test set a point's figures are from. */
function testSetOf(p: HistoryPoint): string {
  return isSubset(p)
    ? `(the first ${fmtInt(p.testImages!)} test images)`
    : `(all ${fmtInt(p.testImages ?? MNIST_TEST_COUNT)} test images)`;
}

/** The latest point with a test evaluation (what the readout reports when nothing is hovered), else undefined. */
export function latestTest(history: readonly HistoryPoint[]): HistoryPoint | undefined {
  return history.findLast((p) => p.testCost !== null);
}

/**
 * The line under the chart: the hovered point's examples and smoothed training cost with the latest test
 * before it, else the latest test's cost and accuracy, else "No training yet.".
 */
export function costReadout(history: readonly HistoryPoint[], hover: number | null): string {
  const shown = hover === null ? undefined : history[hover];
  if (shown && hover !== null) {
    const train = smoothCost(history.slice(0, hover + 1)).at(-1) ?? Number.NaN;
    const test = history.slice(0, hover + 1).findLast((p) => p.testCost !== null);
    const eta = shown.learningRate ?? null;
    return (
      `${fmtInt(shown.examplesSeen)} examples · training cost ${fmtCost(train)}` +
      (eta === null ? "" : ` · η ${formatLr(eta)}`) +
      (test
        ? ` · test cost ${fmtCost(test.testCost!)} · accuracy ${fmtAccuracy(test.testAccuracy)} ${testSetOf(test)}`
        : "")
    );
  }
  const last = latestTest(history);
  return last
    ? `After ${fmtInt(last.examplesSeen)} examples: test cost ${fmtCost(last.testCost!)}, accuracy ${fmtAccuracy(last.testAccuracy)} ${testSetOf(last)}`
    : "No training yet.";
}
