// The first layer's weights as heatmaps, one per neuron, live from the training frames: one canvas painted
// from a sprite sheet (fast up to 512 neurons), hit-tested for clicks and keys; one enlarged with its bias.
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from "react";
import { devicePixelRatio, fitCanvas } from "../render/canvas.ts";
import { pacer } from "../render/clock.ts";
import { formatCompact } from "../render/format.ts";
import {
  drawEnlargedHeatmap,
  drawHeatmapGrid,
  heatmapAt,
  imageSide,
  layoutHeatmapGrid,
  moveInGrid,
  type HeatmapGrid,
} from "../render/heatmap.ts";
import { SheetCanvas } from "../render/heatmapSheetCanvas.ts";
import { DIVERGING_CSS, THEME } from "../render/theme.ts";
import type { AppStore } from "../store/appStore.ts";
import { downloadCanvas } from "../store/exports.ts";
import { useApp, useAppStore, useClient } from "./context.tsx";
import { useElementWidth, useFramePainter } from "./useFramePainter.ts";
import { caption, mono, visuallyHidden } from "./viewStyles.ts";

export interface WeightHeatmapsProps {
  /** Columns of the grid; ⌈√n⌉ for n neurons by default. */
  readonly columns?: number;
  /** Widest the grid grows, CSS px (it shrinks with its container). */
  readonly maxWidth?: number;
  readonly className?: string;
}

/** Pixels per weight in the saved PNG (an MNIST heatmap of 28×28 weights becomes 112×112). */
const PNG_ZOOM = 4;

/** The numbers (scale, bias) refresh at most this often while training. */
const TEXT_INTERVAL_MS = 250;

/** The keyboard focus in the grid; drawn only while the grid has the page's focus. */
interface GridFocus {
  index: number | null;
  inside: boolean;
}

/**
 * Heatmaps of the weights into each neuron of layer 1 (w[1][j·nIn + k] at pixel k, blue +, red −, all on one
 * scale ±s so they compare; s = THEME.heatmap.scaleQuantile of |w| over the layer, so a few outliers
 * saturate rather than dimming the rest). Click one, or focus the grid and press Enter/Space on
 * it (arrows move), to enlarge it (store `enlarged`) with its bias and the scale's range; Escape closes.
 */
export function WeightHeatmaps({ columns, maxWidth = 360, className }: WeightHeatmapsProps) {
  const store = useAppStore();
  const client = useClient();
  const sizes = useApp((s) => s.spec.sizes);
  const enlarged = useApp((s) => s.enlarged);
  const nIn = sizes[0] ?? 0;
  const count = sizes.length > 1 ? sizes[1]! : 0;
  const side = imageSide(nIn);
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const bigRef = useRef<HTMLCanvasElement>(null);
  const liveRef = useRef<HTMLDivElement>(null);
  const focus = useRef<GridFocus>({ index: null, inside: false });
  const [sheet] = useState(() => new SheetCanvas());
  const [textPace] = useState(() => pacer(TEXT_INTERVAL_MS));
  const width = Math.min(maxWidth, useElementWidth(wrapRef, maxWidth));
  const grid = useMemo(() => layoutHeatmapGrid(count, width, columns), [count, width, columns]);
  const big = THEME.heatmap.enlargedSide;
  const shown = enlarged !== null && enlarged < count ? enlarged : null;

  const invalidate = useFramePainter((frame) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = devicePixelRatio();
    const source = sheet.update(frame?.weights.w[1], nIn, count, grid.cols);
    const j = store.getState().enlarged;
    const focused = focus.current.inside ? focus.current.index : null;
    const ctx = fitCanvas(canvas, grid.width, grid.height, dpr);
    if (ctx) drawHeatmapGrid(ctx, source, { grid, side, enlarged: j, focused });
    const bigCtx = bigRef.current && fitCanvas(bigRef.current, big, big, dpr);
    if (bigCtx && j !== null && j < count)
      drawEnlargedHeatmap(bigCtx, source, { j, cols: grid.cols, side, size: big });
    // The numbers, at most every TEXT_INTERVAL_MS (and at once after a change of layout or enlarged neuron).
    if (!wrapRef.current || !textPace.due(performance.now())) return;
    const b = frame?.weights.b[1];
    const bias = j !== null && b && b.length === count && j < count ? b[j]! : null;
    writeNumbers(wrapRef.current, sheet.scale, bias);
  });

  useEffect(() => {
    textPace.touch();
    invalidate();
  }, [grid, shown, textPace, invalidate]);

  const handlers = useGridKeys({ grid, store, focus, liveRef, invalidate });

  return (
    <div className={className} ref={wrapRef} style={wrapStyle}>
      <div>
        <canvas
          ref={canvasRef}
          role="application"
          aria-label={`Weights into layer 1: ${count} heatmaps of ${side}×${side} pixels`}
          tabIndex={0}
          style={{ display: "block", width: grid.width, height: grid.height, cursor: "pointer" }}
          {...handlers}
        />
        <GridLegend width={grid.width} count={count} />
        <button
          type="button"
          onClick={() => savePng(sheet.update(client.frame?.weights.w[1], nIn, count, grid.cols), count)}
          disabled={count === 0}
        >
          Save heatmaps as PNG
        </button>
      </div>
      {shown !== null && (
        <EnlargedHeatmap
          j={shown}
          size={big}
          canvasRef={bigRef}
          onClose={() => store.getState().enlarge(null)}
        />
      )}
      <div ref={liveRef} role="status" aria-live="polite" style={visuallyHidden} />
    </div>
  );
}

/**
 * Clicks and keys on the grid: a click enlarges the heatmap under it; arrows, Home and End move a focus,
 * Enter or Space enlarges the focused heatmap, Escape closes; each move is announced in `liveRef`.
 */
function useGridKeys({
  grid,
  store,
  focus,
  liveRef,
  invalidate,
}: {
  grid: HeatmapGrid;
  store: AppStore;
  focus: RefObject<GridFocus>;
  liveRef: RefObject<HTMLDivElement | null>;
  invalidate: () => void;
}) {
  const { count } = grid;
  const announce = () => {
    const live = liveRef.current;
    const j = focus.current.index;
    if (!live || j === null) return;
    const open = store.getState().enlarged === j;
    live.textContent = `Neuron ${j} (of 0–${count - 1})${open ? ", enlarged" : ""}. Enter enlarges it.`;
  };
  const moveFocus = (j: number) => {
    focus.current.index = j;
    announce();
    invalidate();
  };
  return {
    onClick(e: MouseEvent<HTMLCanvasElement>) {
      const rect = e.currentTarget.getBoundingClientRect();
      const j = heatmapAt(grid, e.clientX - rect.left, e.clientY - rect.top);
      if (j === null) return;
      store.getState().enlarge(j);
      moveFocus(j);
    },
    onKeyDown(e: KeyboardEvent<HTMLCanvasElement>) {
      if (count === 0) return;
      const j = Math.min(focus.current.index ?? 0, count - 1); // the layer may have shrunk
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        store.getState().enlarge(j);
        announce();
      } else if (e.key === "Escape") {
        if (store.getState().enlarged !== null) e.preventDefault();
        store.getState().enlarge(null);
        announce();
      } else {
        const next = moveInGrid(grid, j, e.key);
        if (next === null) return;
        e.preventDefault();
        moveFocus(next);
      }
    },
    onFocus() {
      focus.current.inside = true;
      moveFocus(focus.current.index ?? store.getState().enlarged ?? 0);
    },
    onBlur() {
      focus.current.inside = false;
      invalidate();
    },
  };
}

/** The enlarged heatmap of neuron j with its bias and the scale's range (numbers written by writeNumbers). */
function EnlargedHeatmap({
  j,
  size,
  canvasRef,
  onClose,
}: {
  j: number;
  size: number;
  canvasRef: RefObject<HTMLCanvasElement | null>;
  onClose: () => void;
}) {
  return (
    <figure style={{ margin: 0 }} aria-label={`Neuron ${j}, enlarged`}>
      <canvas ref={canvasRef} aria-hidden="true" style={{ display: "block", width: size, height: size }} />
      <figcaption style={{ ...mono, marginTop: 6, width: size }}>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline" }}>
          <strong>Neuron {j}</strong>
          <button type="button" aria-label="Close the enlarged heatmap" onClick={onClose} style={closeStyle}>
            ×
          </button>
        </div>
        <div>
          bias b = <span data-bias="" />
        </div>
        <div style={{ height: 6 }} />
        <ScaleLegend width={size} />
      </figcaption>
    </figure>
  );
}

const wrapStyle = {
  position: "relative",
  display: "flex",
  flexWrap: "wrap",
  gap: 16,
  alignItems: "flex-start",
} as const;

const closeStyle = {
  background: "none",
  border: "none",
  color: THEME.muted,
  cursor: "pointer",
  fontSize: 16,
} as const;

/** Under the grid: its colour scale and what s is. */
function GridLegend({ width, count }: { width: number; count: number }) {
  const quantileName = ordinal(Math.round(THEME.heatmap.scaleQuantile * 100));
  return (
    <>
      <div style={{ height: 6 }} />
      <ScaleLegend width={width} />
      <p style={{ ...caption, maxWidth: width }}>
        One colour scale for all {count} heatmaps: s is the {quantileName} percentile of |w| in the layer;
        stronger weights show at full colour.
      </p>
    </>
  );
}

/** The colour scale −s … 0 … +s; the numbers are written by the frame loop into the data-scale spans. */
function ScaleLegend({ width }: { width: number }) {
  return (
    <div style={{ width }}>
      <div style={{ height: 8, borderRadius: 2, background: DIVERGING_CSS }} />
      <div
        style={{ ...mono, display: "flex", flexWrap: "wrap", justifyContent: "space-between", columnGap: 8 }}
      >
        <span data-scale="-">−s</span>
        <span>0</span>
        <span data-scale="+">+s</span>
      </div>
    </div>
  );
}

/** Writes the scale ±s into every data-scale span under `wrap`, and the bias (or "—") into the data-bias one. */
function writeNumbers(wrap: HTMLElement, scale: number, bias: number | null): void {
  for (const el of wrap.querySelectorAll<HTMLElement>("[data-scale]"))
    el.textContent = Number.isFinite(scale)
      ? `${el.dataset.scale === "-" ? "\u2212" : "+"}${formatCompact(scale)}`
      : "—";
  const biasEl = wrap.querySelector<HTMLElement>("[data-bias]");
  if (biasEl) biasEl.textContent = bias === null ? "—" : formatCompact(bias);
}

/** The sheet of `count` heatmaps, each weight drawn as PNG_ZOOM × PNG_ZOOM pixels, saved as a PNG. */
function savePng(sheet: HTMLCanvasElement | null, count: number): void {
  const png = sheet && zoomed(sheet, PNG_ZOOM);
  if (png) downloadCanvas(png, `heatmaps-layer-1-${count}.png`);
}

/** A copy of `source` with each pixel drawn as zoom × zoom pixels; null where there is no 2-D context. */
function zoomed(source: HTMLCanvasElement, zoom: number): HTMLCanvasElement | null {
  const out = document.createElement("canvas");
  out.width = source.width * zoom;
  out.height = source.height * zoom;
  const ctx = out.getContext("2d");
  if (!ctx) return null;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(source, 0, 0, out.width, out.height);
  return out;
}

/** 99 → "99th". */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}
