// The cost curve: training cost (smoothed) and test cost against examples seen, with test accuracy on a
// second axis; hover for values; linear or log cost scale. d3 draws into the SVG in an effect, from the
// store's thinned history (a few updates a second), never per frame.
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
} from "d3";
import { useEffect, useRef, useState } from "react";
import { THEME } from "../render/theme.ts";
import { downloadBlob, downloadSvgAsPng, metricsCsv } from "../store/exports.ts";
import type { HistoryPoint } from "../worker/protocol.ts";
import { useApp, useAppStore } from "./context.tsx";

const W = 560;
const H = 240;
const M = { top: 12, right: 48, bottom: 32, left: 52 };

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

const fmtInt = format(",d");
const fmtCost = (c: number) => (c >= 0.01 ? c.toFixed(3) : c.toExponential(2));

export function CostCurve() {
  const history = useApp((s) => s.history);
  const scale = useApp((s) => s.costScale);
  const store = useAppStore();
  const svgRef = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<number | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const root = select(svg);
    root.selectAll("*").remove();
    const smooth = smoothCost(history);
    const tests = history.map((p, i) => ({ p, i })).filter(({ p }) => p.testCost !== null);
    const xs = extent(history, (p) => p.examplesSeen) as [number, number] | [undefined, undefined];
    const x = scaleLinear()
      .domain(xs[0] === undefined ? [0, 60000] : [xs[0], Math.max(xs[1], xs[0] + 10000)])
      .range([M.left, W - M.right]);
    const costs = [...smooth, ...tests.map(({ p }) => p.testCost!)].filter(
      (c) => Number.isFinite(c) && c > 0,
    );
    const hi = max(costs) ?? 1;
    const lo = min(costs) ?? 0.01;
    const y =
      scale === "log"
        ? scaleLog()
            .domain([Math.max(lo * 0.8, 1e-6), hi * 1.2])
            .range([H - M.bottom, M.top])
            .clamp(true)
        : scaleLinear()
            .domain([0, hi * 1.05])
            .range([H - M.bottom, M.top]);
    const yAcc = scaleLinear()
      .domain([0, 1])
      .range([H - M.bottom, M.top]);

    root
      .append("g")
      .attr("class", "axis")
      .attr("transform", `translate(0,${H - M.bottom})`)
      .call(axisBottom(x).ticks(5).tickFormat(format("~s")));
    root
      .append("g")
      .attr("class", "axis")
      .attr("transform", `translate(${M.left},0)`)
      .call(axisLeft(y).ticks(5, scale === "log" ? "~g" : undefined));
    root
      .append("g")
      .attr("class", "axis accuracy-axis")
      .attr("transform", `translate(${W - M.right},0)`)
      .call(axisRight(yAcc).ticks(5).tickFormat(format(".0%")));
    root
      .append("text")
      .attr("class", "axis-label")
      .attr("x", M.left)
      .attr("y", H - 4)
      .text("examples seen");

    const ok = (c: number) => Number.isFinite(c) && (scale === "linear" || c > 0);
    root
      .append("path")
      .attr("class", "train-cost")
      .attr(
        "d",
        line<number>()
          .defined((c) => ok(c))
          .x((_, i) => x(history[i]!.examplesSeen))
          .y((c) => y(c))(smooth) ?? "",
      );
    root
      .append("path")
      .attr("class", "test-cost")
      .attr(
        "d",
        line<{ p: HistoryPoint }>()
          .defined(({ p }) => ok(p.testCost!))
          .x(({ p }) => x(p.examplesSeen))
          .y(({ p }) => y(p.testCost!))(tests) ?? "",
      );
    root
      .append("path")
      .attr("class", "test-accuracy")
      .attr(
        "d",
        line<{ p: HistoryPoint }>()
          .x(({ p }) => x(p.examplesSeen))
          .y(({ p }) => yAcc(p.testAccuracy ?? 0))(tests) ?? "",
      );

    // Dots at each evaluation, so a single one (before any training) shows too.
    const evaluated = tests.filter(({ p }) => ok(p.testCost!));
    root
      .append("g")
      .attr("class", "test-cost-dots")
      .selectAll("circle")
      .data(evaluated)
      .join("circle")
      .attr("cx", ({ p }) => x(p.examplesSeen))
      .attr("cy", ({ p }) => y(p.testCost!))
      .attr("r", 2.5);
    root
      .append("g")
      .attr("class", "test-accuracy-dots")
      .selectAll("circle")
      .data(evaluated)
      .join("circle")
      .attr("cx", ({ p }) => x(p.examplesSeen))
      .attr("cy", ({ p }) => yAcc(p.testAccuracy ?? 0))
      .attr("r", 2.5);

    if (hover !== null && history[hover]) {
      const px = x(history[hover].examplesSeen);
      root
        .append("line")
        .attr("class", "hover-rule")
        .attr("x1", px)
        .attr("x2", px)
        .attr("y1", M.top)
        .attr("y2", H - M.bottom);
    }

    const byX = bisector<HistoryPoint, number>((p) => p.examplesSeen).center;
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
        setHover(byX(history, x.invert(mx)));
      })
      .on("pointerleave", () => setHover(null));
  }, [history, scale, hover]);

  const smooth = smoothCost(history);
  const lastTest = [...history].reverse().find((p) => p.testCost !== null);
  const shown = hover !== null ? history[hover] : undefined;
  const nearestTest =
    shown && hover !== null
      ? [...history.slice(0, hover + 1)].reverse().find((p) => p.testCost !== null)
      : undefined;
  return (
    <section className="cost-curve" aria-label="Cost curve">
      <div className="panel-head">
        <h2>Cost</h2>
        <div
          role="radiogroup"
          aria-label="Cost scale"
          className="toggle"
          onKeyDown={(e) => {
            // One tab stop; the arrow keys move the choice, as in any radio group.
            if (!["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].includes(e.key)) return;
            e.preventDefault();
            const next = scale === "linear" ? "log" : "linear";
            store.getState().setCostScale(next);
            (e.currentTarget.querySelector(`[data-scale="${next}"]`) as HTMLElement | null)?.focus();
          }}
        >
          {(["linear", "log"] as const).map((s) => (
            <button
              key={s}
              type="button"
              role="radio"
              data-scale={s}
              aria-checked={scale === s}
              tabIndex={scale === s ? 0 : -1}
              onClick={() => store.getState().setCostScale(s)}
            >
              {s === "linear" ? "Linear" : "Log"}
            </button>
          ))}
        </div>
      </div>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Cost and accuracy against examples seen"
      />
      <p className="legend mono">
        <span className="key train">— training cost (smoothed)</span>{" "}
        <span className="key test">— test cost</span> <span className="key acc">— test accuracy</span>
      </p>
      <p className="readout mono" aria-live="off">
        {shown
          ? `${fmtInt(shown.examplesSeen)} examples · training cost ${fmtCost(smooth[hover!] ?? Number.NaN)}` +
            (nearestTest
              ? ` · test cost ${fmtCost(nearestTest.testCost!)} · accuracy ${((nearestTest.testAccuracy ?? 0) * 100).toFixed(1)}%`
              : "")
          : lastTest
            ? `After ${fmtInt(lastTest.examplesSeen)} examples: test cost ${fmtCost(lastTest.testCost!)}, accuracy ${((lastTest.testAccuracy ?? 0) * 100).toFixed(1)}%`
            : "No training yet."}
      </p>
      <div className="control-row">
        <button
          type="button"
          onClick={() => {
            const svg = svgRef.current;
            if (svg)
              downloadSvgAsPng(svg, "cost-curve.png", { background: THEME.background }).catch(
                (err: unknown) => console.warn(`The cost curve could not be saved: ${String(err)}`),
              );
          }}
        >
          Save cost curve as PNG
        </button>
        <button
          type="button"
          disabled={history.length === 0}
          onClick={() => downloadBlob(new Blob([metricsCsv(history)], { type: "text/csv" }), "metrics.csv")}
        >
          Download metrics CSV
        </button>
      </div>
    </section>
  );
}
