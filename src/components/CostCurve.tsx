// The cost curve: training cost (smoothed) and test cost against examples seen, with test accuracy on a
// second axis; hover for values; linear or log cost scale; PNG and CSV exports. render/costCurve.ts draws the
// chart at its container's width in CSS px, from the store's thinned history (a few updates a second) and on a
// resize, never per frame; this view holds the rest.
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import {
  COST_CURVE_HEIGHT,
  costReadout,
  latestTest,
  paintCostCurve,
  paintHoverRule,
  type CostCurveScales,
  type CostScale,
} from "../render/costCurve.ts";
import { THEME } from "../render/theme.ts";
import { downloadBlob, downloadSvgAsPng, metricsCsv } from "../store/exports.ts";
import { useApp, useAppStore } from "./context.tsx";
import { useElementWidth } from "./useFramePainter.ts";
import { MNIST_TEST_COUNT } from "../engine/mnist.ts";
import { SUBSET_IMAGES } from "../worker/training/history.ts";

/** The chart's width until its container is measured (and where it can't be, as in jsdom), CSS px. */
const FALLBACK_WIDTH = 560;

export function CostCurve() {
  const history = useApp((s) => s.history);
  const scale = useApp((s) => s.costScale);
  const plotRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const scales = useRef<CostCurveScales | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  // Redrawn when the width changes, not on every resize notification (React skips an unchanged width).
  const width = useElementWidth(plotRef, FALLBACK_WIDTH);

  // Layout effects, so the chart has its size before the browser paints.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (svg)
      scales.current = paintCostCurve(svg, history, {
        scale,
        width,
        height: COST_CURVE_HEIGHT,
        onHover: setHover,
      });
  }, [history, scale, width]);
  // After the chart (effects run in order), so a repainted chart gets its rule back.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (svg && scales.current) paintHoverRule(svg, history, scales.current, hover);
  }, [history, scale, width, hover]);

  // The latest test evaluation as attributes too, for scripts that watch the page (bench:ui times Reset + Play
  // to 95 %): its accuracy (0…1) and which test images it used ("subset" or "full").
  const latest = latestTest(history);
  return (
    <section
      className="cost-curve"
      aria-label="Cost curve"
      data-test-accuracy={latest?.testAccuracy ?? undefined}
      data-test-set={latest?.testSet ?? undefined}
    >
      <div className="panel-head">
        <h2>Cost</h2>
        <ScaleToggle scale={scale} />
      </div>
      <div ref={plotRef}>
        <svg ref={svgRef} role="img" aria-label="Cost and accuracy against examples seen" />
      </div>
      <p className="legend mono">
        <span className="key train">— training cost (smoothed)</span>{" "}
        <span className="key test">— test cost</span> <span className="key acc">— test accuracy</span>{" "}
        <span className="key sets">
          ● all {MNIST_TEST_COUNT.toLocaleString("en-US")} test images ○ the first{" "}
          {SUBSET_IMAGES.toLocaleString("en-US")}, measured often early on
        </span>
      </p>
      <p className="readout mono" aria-live="off">
        {costReadout(history, hover)}
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

const SCALES: readonly CostScale[] = ["linear", "log"];
const ARROW_KEYS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"];

/** Linear or log cost axis: a radio group with one tab stop, the arrow keys moving the choice. */
function ScaleToggle({ scale }: { scale: CostScale }) {
  const store = useAppStore();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!ARROW_KEYS.includes(e.key)) return;
    e.preventDefault();
    const next = scale === "linear" ? "log" : "linear";
    store.getState().setCostScale(next);
    e.currentTarget.querySelector<HTMLElement>(`[data-scale="${next}"]`)?.focus();
  };
  return (
    <div role="radiogroup" aria-label="Cost scale" className="toggle" onKeyDown={onKeyDown}>
      {SCALES.map((s) => (
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
  );
}
