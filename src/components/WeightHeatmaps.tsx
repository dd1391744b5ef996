// The first layer's weights as heatmaps, one per neuron, live from the training frames: one canvas painted
// from a sprite sheet (fast up to 512 neurons), hit-tested for clicks and keys; one enlarged with its bias.
import { useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from "react";
import { devicePixelRatio, fitCanvas } from "../render/canvas.ts";
import {
  drawHeatmapGrid,
  heatmapAt,
  imageSide,
  layoutHeatmapGrid,
  moveInGrid,
  paintHeatmapSheet,
  quantileAbs,
  sheetSize,
} from "../render/heatmap.ts";
import { DIVERGING_CSS, formatValue, THEME } from "../render/theme.ts";
import { downloadCanvas } from "../store/exports.ts";
import type { Frame } from "../worker/client.ts";
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

/** Pixels per weight in the saved PNG (a 28×28 heatmap becomes 112×112). */
const PNG_ZOOM = 4;

/** The numbers (scale, bias) refresh at most this often while training. */
const TEXT_INTERVAL_MS = 250;

/** 99 → "99th". */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** The colour scale −s … 0 … +s; the numbers are written by the frame loop into the data-scale spans. */
function ScaleLegend({ width }: { width: number }) {
  return (
    <div style={{ width }}>
      <div style={{ height: 8, borderRadius: 2, background: DIVERGING_CSS }} />
      <div style={{ ...mono, display: "flex", justifyContent: "space-between" }}>
        <span data-scale="-">−s</span>
        <span>0</span>
        <span data-scale="+">+s</span>
      </div>
    </div>
  );
}

/**
 * Heatmaps of the weights into each neuron of layer 1 (w[1][j·784 + k] at pixel k, blue +, red −, all on one
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
  const focus = useRef<{ index: number | null; inside: boolean }>({ index: null, inside: false });
  /** The sprite sheet: a canvas the layer's heatmaps are put into, rewritten only for a new frame. */
  const sheet = useRef<{
    canvas: HTMLCanvasElement | null;
    image: ImageData | null;
    frame: Frame | null;
    cols: number;
    /** The shared scale s of the frame in the sheet (NaN when none). */
    scale: number;
  }>({ canvas: null, image: null, frame: null, cols: 0, scale: Number.NaN });
  const text = useRef({ dirty: true, last: -Infinity });
  const width = Math.min(maxWidth, useElementWidth(wrapRef, maxWidth));
  const grid = useMemo(() => layoutHeatmapGrid(count, width, columns), [count, width, columns]);
  const big = THEME.heatmap.enlargedSide;
  const quantileName = ordinal(Math.round(THEME.heatmap.scaleQuantile * 100));
  const shown = enlarged !== null && enlarged < count ? enlarged : null;

  /** Writes the layer's weights into the sheet if the frame is new; the sheet, or null if the frame doesn't fit. */
  const updateSheet = (frame: Frame | null): HTMLCanvasElement | null => {
    const w = frame?.weights.w[1];
    const s = sheet.current;
    if (!frame || !w || w.length !== nIn * count || count === 0) {
      s.scale = Number.NaN;
      return null;
    }
    const size = sheetSize(count, nIn, grid.cols);
    s.canvas ??= document.createElement("canvas");
    const resized = s.canvas.width !== size.width || s.canvas.height !== size.height;
    if (resized) {
      s.canvas.width = size.width;
      s.canvas.height = size.height;
    }
    const ctx = s.canvas.getContext("2d");
    if (!ctx) return null;
    if (resized || !s.image || s.frame !== frame || s.cols !== grid.cols) {
      if (resized || !s.image) s.image = ctx.createImageData(size.width, size.height);
      s.cols = grid.cols;
      s.scale = quantileAbs(w, THEME.heatmap.scaleQuantile);
      paintHeatmapSheet({ image: s.image, side, cols: grid.cols }, w, nIn, s.scale);
      ctx.putImageData(s.image, 0, 0);
      s.frame = frame;
    }
    return s.canvas;
  };

  /** The scale's range and the enlarged neuron's bias, as text. */
  const updateText = (frame: Frame | null, now: number) => {
    const t = text.current;
    const wrap = wrapRef.current;
    if (!wrap || (!t.dirty && now - t.last < TEXT_INTERVAL_MS)) return;
    t.dirty = false;
    t.last = now;
    const s = sheet.current.scale;
    for (const el of wrap.querySelectorAll<HTMLElement>("[data-scale]"))
      el.textContent = Number.isFinite(s)
        ? `${el.dataset.scale === "-" ? "\u2212" : "+"}${formatValue(s)}`
        : "—";
    const j = store.getState().enlarged;
    const b = frame?.weights.b[1];
    const bias = wrap.querySelector<HTMLElement>("[data-bias]");
    if (bias)
      bias.textContent = j !== null && b && j < b.length && b.length === count ? formatValue(b[j]!) : "—";
  };

  const invalidate = useFramePainter((frame) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = devicePixelRatio();
    const source = updateSheet(frame);
    const ctx = fitCanvas(canvas, grid.width, grid.height, dpr);
    const j = store.getState().enlarged;
    if (ctx)
      drawHeatmapGrid(ctx, source, {
        grid,
        side,
        enlarged: j,
        focused: focus.current.inside ? focus.current.index : null,
      });
    const bigCanvas = bigRef.current;
    const bigCtx = bigCanvas && fitCanvas(bigCanvas, big, big, dpr);
    if (bigCtx && j !== null && j < count) {
      bigCtx.fillStyle = THEME.off;
      bigCtx.fillRect(0, 0, big, big);
      bigCtx.imageSmoothingEnabled = false;
      if (source)
        bigCtx.drawImage(
          source,
          (j % grid.cols) * side,
          Math.floor(j / grid.cols) * side,
          side,
          side,
          0,
          0,
          big,
          big,
        );
    }
    updateText(frame, performance.now());
  });

  useEffect(() => {
    text.current.dirty = true;
    invalidate();
  }, [grid, shown, invalidate]);

  const announce = () => {
    const live = liveRef.current;
    const j = focus.current.index;
    if (!live || j === null) return;
    const open = store.getState().enlarged === j;
    live.textContent = `Neuron ${j} of ${count}${open ? ", enlarged" : ""}. Enter enlarges it.`;
  };
  const moveFocus = (j: number) => {
    focus.current.index = j;
    announce();
    invalidate();
  };
  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const j = heatmapAt(grid, e.clientX - rect.left, e.clientY - rect.top);
    if (j === null) return;
    store.getState().enlarge(j);
    moveFocus(j);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
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
  };

  /** The sheet of heatmaps, each pixel of a weight drawn as PNG_ZOOM × PNG_ZOOM pixels, saved as a PNG. */
  const savePng = () => {
    const source = updateSheet(client.frame);
    if (!source) return;
    const png = document.createElement("canvas");
    png.width = source.width * PNG_ZOOM;
    png.height = source.height * PNG_ZOOM;
    const ctx = png.getContext("2d");
    if (!ctx) return;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(source, 0, 0, png.width, png.height);
    downloadCanvas(png, `heatmaps-layer-1-${count}.png`);
  };

  const name = `Weights into layer 1: ${count} heatmaps of ${side}×${side} pixels`;
  return (
    <div
      className={className}
      ref={wrapRef}
      style={{ position: "relative", display: "flex", flexWrap: "wrap", gap: 16, alignItems: "flex-start" }}
    >
      <div>
        <canvas
          ref={canvasRef}
          role="application"
          aria-label={name}
          tabIndex={0}
          style={{ display: "block", width: grid.width, height: grid.height, cursor: "pointer" }}
          onClick={onClick}
          onKeyDown={onKeyDown}
          onFocus={() => {
            focus.current.inside = true;
            moveFocus(focus.current.index ?? store.getState().enlarged ?? 0);
          }}
          onBlur={() => {
            focus.current.inside = false;
            invalidate();
          }}
        />
        <div style={{ height: 6 }} />
        <ScaleLegend width={grid.width} />
        <p style={{ ...caption, maxWidth: grid.width }}>
          One colour scale for all {count} heatmaps: s is the {quantileName} percentile of |w| in the layer;
          stronger weights show at full colour.
        </p>
        <button type="button" onClick={savePng} disabled={count === 0}>
          Save heatmaps as PNG
        </button>
      </div>
      {shown !== null && (
        <figure style={{ margin: 0 }} aria-label={`Neuron ${shown}, enlarged`}>
          <canvas ref={bigRef} aria-hidden="true" style={{ display: "block", width: big, height: big }} />
          <figcaption style={{ ...mono, marginTop: 6, width: big }}>
            <div style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline" }}>
              <strong>Neuron {shown}</strong>
              <button
                type="button"
                aria-label="Close the enlarged heatmap"
                onClick={() => store.getState().enlarge(null)}
                style={{
                  background: "none",
                  border: "none",
                  color: THEME.muted,
                  cursor: "pointer",
                  fontSize: 16,
                }}
              >
                ×
              </button>
            </div>
            <div>
              bias b = <span data-bias="" />
            </div>
            <div style={{ height: 6 }} />
            <ScaleLegend width={big} />
          </figcaption>
        </figure>
      )}
      <div ref={liveRef} role="status" aria-live="polite" style={visuallyHidden} />
    </div>
  );
}
