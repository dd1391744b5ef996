// A drawing pad for the experiments: a mouse, finger or pen draws with the explorable's marker (render/pad.ts);
// the keyboard moves a pen; ready-made drawings fill it. Its ink (the canvas's alpha channel) goes to `onInk` at
// most every INK_INTERVAL_MS while drawing and at once when a stroke ends.
import { useEffect, useId, useRef } from "react";
import { alphaChannel } from "../engine/preprocess.ts";
import { clearCanvas, paintStroke, PEN_WIDTH, type Point } from "../render/pad.ts";
import type { Drawing } from "./drawings.ts";

/** The pad's backing store in canvas pixels (10 per MNIST pixel), whatever its size on screen. */
export const PAD_SIDE = 280;

/** Ink goes out at most this often while a stroke goes on. */
export const INK_INTERVAL_MS = 80;

const KEY_STEP = PAD_SIDE / 20;
const FINE_STEP = PAD_SIDE / 70;
const ARROWS: Record<string, Point> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

interface PadController {
  clear(): void;
  draw(drawing: Drawing): void;
}

export function SketchPad({
  onInk,
  drawings,
  size = PAD_SIDE,
}: {
  /** The pad's alpha bytes (alpha[y·PAD_SIDE + x]), or null when it was cleared. */
  onInk: (alpha: Uint8ClampedArray | null) => void;
  drawings: readonly Drawing[];
  size?: number;
}) {
  const padRef = useRef<HTMLCanvasElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const controller = useRef<PadController | null>(null);
  const onInkRef = useRef(onInk);
  const instructionsId = useId();

  useEffect(() => {
    onInkRef.current = onInk;
  }, [onInk]);

  useEffect(() => {
    const pad = padRef.current;
    const ctx = pad?.getContext("2d", { willReadFrequently: true });
    if (!pad || !ctx) return;
    const cursor = cursorRef.current;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pointer: number | null = null;
    let last: Point | null = null;
    const pen = { x: PAD_SIDE / 2, y: PAD_SIDE / 2, down: false };

    const send = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      onInkRef.current(alphaChannel(ctx.getImageData(0, 0, PAD_SIDE, PAD_SIDE).data));
    };
    const schedule = () => {
      timer ??= setTimeout(send, INK_INTERVAL_MS);
    };
    const stroke = (from: Point, to: Point) => {
      paintStroke(ctx, from, to, PAD_SIDE);
      schedule();
    };
    const showCursor = (visible: boolean) => {
      if (!cursor) return;
      cursor.style.display = visible ? "block" : "none";
      cursor.style.left = `${(100 * pen.x) / PAD_SIDE}%`;
      cursor.style.top = `${(100 * pen.y) / PAD_SIDE}%`;
      cursor.style.background = pen.down ? "rgba(255,255,255,0.5)" : "transparent";
    };
    const clear = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pointer = last = null;
      pen.down = false;
      clearCanvas(ctx);
      showCursor(false);
      onInkRef.current(null);
    };
    const draw = (drawing: Drawing) => {
      clear();
      for (const points of drawing.strokes) {
        const at = (q: Point) => ({ x: q.x * PAD_SIDE, y: q.y * PAD_SIDE });
        points.forEach((q, i) => paintStroke(ctx, at(points[Math.max(0, i - 1)]!), at(q), PAD_SIDE));
      }
      send();
    };

    const toPad = (e: PointerEvent): Point => {
      const r = pad.getBoundingClientRect();
      const sx = r.width > 0 ? PAD_SIDE / r.width : 1;
      const sy = r.height > 0 ? PAD_SIDE / r.height : 1;
      return { x: (e.clientX - r.left) * sx, y: (e.clientY - r.top) * sy };
    };
    const onPointerDown = (e: PointerEvent) => {
      if (pointer !== null || (e.pointerType === "mouse" && e.button !== 0)) return;
      e.preventDefault();
      pad.focus({ preventScroll: true });
      try {
        pad.setPointerCapture(e.pointerId);
      } catch {
        // Synthetic events have no active pointer to capture; drawing works without it.
      }
      pointer = e.pointerId;
      last = toPad(e);
      stroke(last, last);
    };
    const onPointerMove = (e: PointerEvent) => {
      if (e.pointerId !== pointer || !last) return;
      const events = e.getCoalescedEvents?.() ?? [];
      for (const c of events.length ? events : [e]) {
        const q = toPad(c);
        stroke(last, q);
        last = q;
      }
    };
    const onPointerUp = (e: PointerEvent) => {
      if (e.pointerId !== pointer) return;
      pointer = last = null;
      send();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const arrow = ARROWS[e.key];
      if (arrow) {
        const step = e.shiftKey ? FINE_STEP : KEY_STEP;
        const from = { x: pen.x, y: pen.y };
        pen.x = Math.min(PAD_SIDE, Math.max(0, pen.x + arrow.x * step));
        pen.y = Math.min(PAD_SIDE, Math.max(0, pen.y + arrow.y * step));
        if (pen.down) stroke(from, pen);
      } else if (e.key === " " || e.key === "Enter") {
        pen.down = !pen.down;
        if (pen.down) stroke(pen, pen);
        else send();
      } else if (e.key === "Escape" || e.key === "Delete" || e.key === "Backspace") {
        clear();
        e.preventDefault();
        return;
      } else return;
      e.preventDefault();
      showCursor(true);
    };
    const onBlur = () => {
      if (pen.down) send();
      pen.down = false;
      showCursor(false);
    };

    const events = [
      ["pointerdown", onPointerDown],
      ["pointermove", onPointerMove],
      ["pointerup", onPointerUp],
      ["pointercancel", onPointerUp],
      ["lostpointercapture", onPointerUp],
      ["keydown", onKeyDown],
      ["blur", onBlur],
    ] as const;
    for (const [name, handler] of events) pad.addEventListener(name, handler as EventListener);
    controller.current = { clear, draw };
    return () => {
      if (timer !== null) clearTimeout(timer);
      for (const [name, handler] of events) pad.removeEventListener(name, handler as EventListener);
      controller.current = null;
    };
  }, []);

  return (
    <div className="sketch-pad">
      <div className="pad-frame" style={{ width: size, height: size }}>
        <canvas
          ref={padRef}
          width={PAD_SIDE}
          height={PAD_SIDE}
          role="img"
          aria-label="Drawing pad"
          aria-describedby={instructionsId}
          tabIndex={0}
        />
        <div
          ref={cursorRef}
          className="pen-cursor"
          aria-hidden="true"
          style={{ width: `${100 * PEN_WIDTH}%`, height: `${100 * PEN_WIDTH}%` }}
        />
      </div>
      <p id={instructionsId} className="hint">
        Draw a digit with a mouse, finger or pen. With the keyboard: arrow keys move the pen (Shift for small
        steps), Space puts it down or lifts it, Escape clears.
      </p>
      <button type="button" onClick={() => controller.current?.clear()}>
        Clear
      </button>
      <div className="pad-buttons" role="group" aria-labelledby={`${instructionsId}-ready`}>
        <span id={`${instructionsId}-ready`} className="hint">
          Or let it draw one:
        </span>
        {drawings.map((d) => (
          <button key={d.name} type="button" onClick={() => controller.current?.draw(d)}>
            {d.name}
          </button>
        ))}
      </div>
    </div>
  );
}
