// The cost curve: training cost (smoothed) and test cost against examples seen, with test accuracy on a
// second axis; hover for values; linear or log cost scale; PNG and CSV exports. render/costCurve.ts draws the
// chart from the store's thinned history (a few updates a second), never per frame; this view holds the rest.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import {
  COST_CURVE_HEIGHT,
  COST_CURVE_WIDTH,
  costReadout,
  paintCostCurve,
  paintHoverRule,
  type CostCurveScales,
  type CostScale,
} from "../render/costCurve.ts";
import { THEME } from "../render/theme.ts";
import { downloadBlob, downloadSvgAsPng, metricsCsv } from "../store/exports.ts";
import { useApp, useAppStore } from "./context.tsx";

export function CostCurve() {
  const history = useApp((s) => s.history);
  const scale = useApp((s) => s.costScale);
  const svgRef = useRef<SVGSVGElement>(null);
  const scales = useRef<CostCurveScales | null>(null);
  const [hover, setHover] = useState<number | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (svg) scales.current = paintCostCurve(svg, history, { scale, onHover: setHover });
  }, [history, scale]);
  // After the chart (effects run in order), so a repainted chart gets its rule back.
  useEffect(() => {
    const svg = svgRef.current;
    if (svg && scales.current) paintHoverRule(svg, history, scales.current, hover);
  }, [history, scale, hover]);

  return (
    <section className="cost-curve" aria-label="Cost curve">
      <div className="panel-head">
        <h2>Cost</h2>
        <ScaleToggle scale={scale} />
      </div>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${COST_CURVE_WIDTH} ${COST_CURVE_HEIGHT}`}
        role="img"
        aria-label="Cost and accuracy against examples seen"
      />
      <p className="legend mono">
        <span className="key train">— training cost (smoothed)</span>{" "}
        <span className="key test">— test cost</span> <span className="key acc">— test accuracy</span>
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
