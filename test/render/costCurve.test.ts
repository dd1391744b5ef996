// @vitest-environment jsdom
// The cost curve's painter: smoothing, scales, the SVG it draws for each scale and size, the hover rule and the
// readout.
import { describe, expect, it, vi } from "vitest";
import { MNIST_TRAIN_COUNT } from "../../src/engine/mnist.ts";
import {
  AXIS_FONT_PX,
  costCurveScales,
  costReadout,
  paintCostCurve,
  paintHoverRule,
  rateChanges,
  smoothCost,
  tickCounts,
} from "../../src/render/costCurve.ts";
import type { HistoryPoint } from "../../src/worker/training/protocol.ts";

const point = (
  examplesSeen: number,
  trainCost: number,
  test: [number, number] | null = null,
): HistoryPoint => ({
  examplesSeen,
  trainCost,
  testCost: test?.[0] ?? null,
  testAccuracy: test?.[1] ?? null,
  testImages: test ? 10000 : null,
  testSet: test ? "full" : null,
});

/** Training from 2.3 down, a test evaluation at the start, in the middle and at the end. */
const HISTORY: HistoryPoint[] = [
  point(0, 2.3, [2.4, 0.1]),
  point(1000, 1.2),
  point(2000, 0.8, [0.9, 0.7]),
  point(3000, Number.NaN),
  point(4000, 0.5, [0.6, 0.85]),
];

/** A desktop's chart, and a phone's (390 px window less the page's and the panel's padding). */
const DESKTOP = { width: 560, height: 240 };
const PHONE = { width: 311, height: 240 };

function svg(): SVGSVGElement {
  return document.createElementNS("http://www.w3.org/2000/svg", "svg");
}

describe("smoothCost(history, alpha)", () => {
  it("is an exponential moving average that skips non-finite costs", () => {
    const s = smoothCost(HISTORY, 0.5);
    expect(s[0]).toBe(2.3);
    expect(s[1]).toBeCloseTo(1.75);
    expect(s[2]).toBeCloseTo(1.275);
    expect(s[3]).toBeCloseTo(1.275); // NaN keeps the average
    expect(s[4]).toBeCloseTo(0.8875);
    expect(smoothCost([point(0, Number.NaN)])).toEqual([Number.NaN]);
  });
});

describe("costCurveScales(history, smooth, scale, size)", () => {
  it("spans the examples seen, at least 10,000 wide, and one epoch before any point", () => {
    const { x } = costCurveScales(HISTORY, smoothCost(HISTORY), "linear", DESKTOP);
    expect(x.domain()).toEqual([0, 10_000]);
    expect(costCurveScales([], [], "linear", DESKTOP).x.domain()).toEqual([0, MNIST_TRAIN_COUNT]);
  });
  it("starts a linear cost axis at 0 and a log one just under the least cost", () => {
    const smooth = smoothCost(HISTORY);
    const linear = costCurveScales(HISTORY, smooth, "linear", DESKTOP).y.domain();
    expect(linear[0]).toBe(0);
    expect(linear[1]).toBeCloseTo(2.4 * 1.05);
    const log = costCurveScales(HISTORY, smooth, "log", DESKTOP).y.domain();
    expect(log[0]).toBeCloseTo(0.6 * 0.8);
    expect(log[1]).toBeCloseTo(2.4 * 1.2);
  });
});

describe("paintCostCurve(svg, history, options)", () => {
  it("draws three axes, the three series and a dot per evaluation", () => {
    const el = svg();
    paintCostCurve(el, HISTORY, { scale: "linear", ...DESKTOP });
    expect(el.querySelectorAll("g.axis")).toHaveLength(3);
    expect(el.querySelector(".axis-label")?.textContent).toBe("examples seen");
    for (const series of ["train-cost", "test-cost", "test-accuracy"])
      expect(el.querySelector(`path.${series}`)?.getAttribute("d")).toMatch(/^M/);
    expect(el.querySelectorAll(".test-cost-dots circle")).toHaveLength(3);
    expect(el.querySelectorAll(".test-accuracy-dots circle")).toHaveLength(3);
    expect(el.querySelector("line.hover-rule")?.getAttribute("display")).toBe("none");
  });

  it("replaces what it drew before, and labels a log axis with plain numbers", () => {
    const el = svg();
    paintCostCurve(el, HISTORY, { scale: "linear", ...DESKTOP });
    paintCostCurve(el, HISTORY, { scale: "log", ...DESKTOP });
    expect(el.querySelectorAll("path.train-cost")).toHaveLength(1);
    const ticks = [...el.querySelectorAll("g.axis")][1]!.querySelectorAll(".tick text");
    expect([...ticks].map((t) => t.textContent)).toContain("1");
  });

  it("draws at its size in CSS px: the viewBox is the size, so axis text is AXIS_FONT_PX on screen", () => {
    const el = svg();
    const scales = paintCostCurve(el, HISTORY, { scale: "linear", ...PHONE });
    expect(el.getAttribute("viewBox")).toBe("0 0 311 240");
    expect([el.getAttribute("width"), el.getAttribute("height")]).toEqual(["311", "240"]);
    for (const axis of el.querySelectorAll("g.axis"))
      expect(axis.getAttribute("font-size")).toBe(String(AXIS_FONT_PX));
    expect(el.querySelector(".axis-label")?.getAttribute("font-size")).toBe(String(AXIS_FONT_PX));
    const [left, right] = scales.x.range();
    expect(left).toBeGreaterThan(0);
    expect(right).toBeLessThan(PHONE.width);
    expect(Number(el.querySelector(".hover-target")?.getAttribute("width"))).toBeCloseTo(right! - left!);
  });

  it("spaces the x axis's labels at least 60 px apart on a phone's width", () => {
    const el = svg();
    paintCostCurve(el, HISTORY, { scale: "linear", ...PHONE });
    const xs = [...el.querySelectorAll("g.axis")][0]!.querySelectorAll(".tick");
    const at = [...xs].map((t) => Number(/translate\(([\d.]+)/.exec(t.getAttribute("transform")!)![1]));
    expect(at.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(60);
  });

  it("draws nothing of a series but an empty path before any point", () => {
    const el = svg();
    paintCostCurve(el, [], { scale: "log", ...DESKTOP });
    expect(el.querySelector("path.train-cost")?.getAttribute("d")).toBe("");
    expect(el.querySelectorAll("circle")).toHaveLength(0);
  });

  it("reports the pointer leaving the plot", () => {
    const el = svg();
    const onHover = vi.fn();
    paintCostCurve(el, HISTORY, { scale: "linear", ...DESKTOP, onHover });
    el.querySelector(".hover-target")!.dispatchEvent(new Event("pointerleave"));
    expect(onHover).toHaveBeenCalledWith(null);
  });
});

describe("tickCounts(plotWidth, plotHeight)", () => {
  it("asks for one tick per 80 px across and 40 px up, 2 to 5 of them", () => {
    expect(tickCounts(460, 188)).toEqual({ x: 5, y: 4 });
    expect(tickCounts(211, 188)).toEqual({ x: 2, y: 4 });
    expect(tickCounts(40, 40)).toEqual({ x: 2, y: 2 });
    expect(tickCounts(2000, 1000)).toEqual({ x: 5, y: 5 });
  });
});

describe("paintHoverRule(svg, history, scales, index)", () => {
  it("moves the rule to the point and hides it for none", () => {
    const el = svg();
    const scales = paintCostCurve(el, HISTORY, { scale: "linear", ...DESKTOP });
    const rule = el.querySelector("line.hover-rule")!;
    paintHoverRule(el, HISTORY, scales, 2);
    expect(rule.hasAttribute("display")).toBe(false);
    expect(Number(rule.getAttribute("x1"))).toBeCloseTo(scales.x(2000));
    paintHoverRule(el, HISTORY, scales, 99);
    expect(rule.getAttribute("display")).toBe("none");
  });
});

describe("costReadout(history, hover)", () => {
  it("reads out the latest test, or the hovered point with the test before it", () => {
    expect(costReadout([], null)).toBe("No training yet.");
    expect(costReadout(HISTORY, null)).toBe(
      "After 4,000 examples: test cost 0.600, accuracy 85.0% (all 10,000 test images)",
    );
    const smooth = smoothCost(HISTORY)[1]!.toFixed(3);
    expect(costReadout(HISTORY, 1)).toBe(
      `1,000 examples · training cost ${smooth} · test cost 2.400 · accuracy 10.0% (all 10,000 test images)`,
    );
    const subset = [
      ...HISTORY,
      { ...point(5000, 0.5, [0.5, 0.9]), testImages: 1000, testSet: "subset" as const },
    ];
    expect(costReadout(subset, null)).toBe(
      "After 5,000 examples: test cost 0.500, accuracy 90.0% (the first 1,000 test images)",
    );
    expect(costReadout([point(0, 0.005)], 0)).toBe("0 examples · training cost 5.00e-3");
  });
});

describe("η on the curve", () => {
  /** Passes of 60,000: η 1.5 up to the end of pass 15, then 0.45 (the schedule), one point per pass. */
  const passes: HistoryPoint[] = Array.from({ length: 20 }, (_, i) => ({
    ...point(i * MNIST_TRAIN_COUNT, 0.1, [0.1, 0.94]),
    learningRate: i === 0 ? null : i <= 15 ? 1.5 : 0.45,
  }));

  it("finds where η changed: the new one began where the last point of the old one closed", () => {
    expect(rateChanges(passes)).toEqual([{ examplesSeen: 15 * MNIST_TRAIN_COUNT, from: 1.5, to: 0.45 }]);
    expect(rateChanges(HISTORY)).toEqual([]); // points without η (none trained, or from before) mark nothing
  });

  it("marks each change with a rule and its new η, and the hovered point's readout says its η", () => {
    const el = svg();
    const { x } = paintCostCurve(el, passes, { scale: "linear", ...DESKTOP });
    const rules = el.querySelectorAll(".rate-changes line");
    expect(rules).toHaveLength(1);
    expect(Number(rules[0]!.getAttribute("x1"))).toBeCloseTo(x(15 * MNIST_TRAIN_COUNT), 6);
    expect(el.querySelector(".rate-changes text")?.textContent).toBe("η 0.45");
    expect(costReadout(passes, 16)).toMatch(/^960,000 examples · training cost 0\.100 · η 0\.45 · test cost/);
  });

  it("draws one rule per 24 px and no crowded labels when a scrubbed η changes at every point", () => {
    const scrubbed = Array.from({ length: 200 }, (_, i) => ({
      ...point(i * 100, 1),
      learningRate: 1 + (i % 2),
    }));
    const el = svg();
    paintCostCurve(el, scrubbed, { scale: "linear", ...PHONE });
    const xs = [...el.querySelectorAll(".rate-changes line")].map((l) => Number(l.getAttribute("x1")));
    expect(xs.length).toBeGreaterThan(2);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(24);
    // Each label is 4 px right of its rule, or 4 px left of it (anchored at its end) near the right-hand edge.
    const labels = [...el.querySelectorAll(".rate-changes text")].map(
      (t) => Number(t.getAttribute("x")) + (t.getAttribute("text-anchor") === "end" ? 4 : -4),
    );
    for (let i = 1; i < labels.length; i++) expect(labels[i]! - labels[i - 1]!).toBeGreaterThanOrEqual(72);
  });
});
