// @vitest-environment jsdom
// The cost curve's painter: smoothing, scales, the SVG it draws for each scale, the hover rule and the readout.
import { describe, expect, it, vi } from "vitest";
import { MNIST_TRAIN_COUNT } from "../../src/engine/mnist.ts";
import {
  costCurveScales,
  costReadout,
  paintCostCurve,
  paintHoverRule,
  smoothCost,
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
});

/** Training from 2.3 down, a test evaluation at the start, in the middle and at the end. */
const HISTORY: HistoryPoint[] = [
  point(0, 2.3, [2.4, 0.1]),
  point(1000, 1.2),
  point(2000, 0.8, [0.9, 0.7]),
  point(3000, Number.NaN),
  point(4000, 0.5, [0.6, 0.85]),
];

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

describe("costCurveScales(history, smooth, scale)", () => {
  it("spans the examples seen, at least 10,000 wide, and one epoch before any point", () => {
    const { x } = costCurveScales(HISTORY, smoothCost(HISTORY), "linear");
    expect(x.domain()).toEqual([0, 10_000]);
    expect(costCurveScales([], [], "linear").x.domain()).toEqual([0, MNIST_TRAIN_COUNT]);
  });
  it("starts a linear cost axis at 0 and a log one just under the least cost", () => {
    const smooth = smoothCost(HISTORY);
    const linear = costCurveScales(HISTORY, smooth, "linear").y.domain();
    expect(linear[0]).toBe(0);
    expect(linear[1]).toBeCloseTo(2.4 * 1.05);
    const log = costCurveScales(HISTORY, smooth, "log").y.domain();
    expect(log[0]).toBeCloseTo(0.6 * 0.8);
    expect(log[1]).toBeCloseTo(2.4 * 1.2);
  });
});

describe("paintCostCurve(svg, history, options)", () => {
  it("draws three axes, the three series and a dot per evaluation", () => {
    const el = svg();
    paintCostCurve(el, HISTORY, { scale: "linear" });
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
    paintCostCurve(el, HISTORY, { scale: "linear" });
    paintCostCurve(el, HISTORY, { scale: "log" });
    expect(el.querySelectorAll("path.train-cost")).toHaveLength(1);
    const ticks = [...el.querySelectorAll("g.axis")][1]!.querySelectorAll(".tick text");
    expect([...ticks].map((t) => t.textContent)).toContain("1");
  });

  it("draws nothing of a series but an empty path before any point", () => {
    const el = svg();
    paintCostCurve(el, [], { scale: "log" });
    expect(el.querySelector("path.train-cost")?.getAttribute("d")).toBe("");
    expect(el.querySelectorAll("circle")).toHaveLength(0);
  });

  it("reports the pointer leaving the plot", () => {
    const el = svg();
    const onHover = vi.fn();
    paintCostCurve(el, HISTORY, { scale: "linear", onHover });
    el.querySelector(".hover-target")!.dispatchEvent(new Event("pointerleave"));
    expect(onHover).toHaveBeenCalledWith(null);
  });
});

describe("paintHoverRule(svg, history, scales, index)", () => {
  it("moves the rule to the point and hides it for none", () => {
    const el = svg();
    const scales = paintCostCurve(el, HISTORY, { scale: "linear" });
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
    expect(costReadout(HISTORY, null)).toBe("After 4,000 examples: test cost 0.600, accuracy 85.0%");
    const smooth = smoothCost(HISTORY)[1]!.toFixed(3);
    expect(costReadout(HISTORY, 1)).toBe(
      `1,000 examples · training cost ${smooth} · test cost 2.400 · accuracy 10.0%`,
    );
    expect(costReadout([point(0, 0.005)], 0)).toBe("0 examples · training cost 5.00e-3");
  });
});
