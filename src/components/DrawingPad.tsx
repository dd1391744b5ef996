// The drawing pad: draw a digit with a mouse, finger, pen or the keyboard; once per animation frame the ink
// is turned into MNIST's 28×28 format (shown beside the pad) and sent to the worker as the network's probe.
import { useEffect, useId, useRef } from "react";
import { alphaChannel, MNIST_SIDE, toMnist } from "../engine/preprocess.ts";
import { clearCanvas, paintGrayscale, paintStroke, PEN_WIDTH, type Point } from "../render/pad.ts";
import { THEME } from "../render/theme.ts";
import { useAppStore, useClient } from "./context.tsx";

/** The pad's backing store in canvas pixels (10 per MNIST pixel), whatever its size on screen. */
export const PAD_SIDE = 280;

/** Keyboard pen steps in pad pixels: arrow keys, and arrow keys with Shift. */
const KEY_STEP = PAD_SIDE / 20;
const FINE_STEP = PAD_SIDE / 70;

const ARROWS: Record<string, Point> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

export interface DrawingPadProps {
  /** Side of the pad on screen, in CSS pixels. */
  readonly size?: number;
}

/** What the pad does, wired to its canvases; created once per mount. */
interface PadController {
  clear(): void;
}

export function DrawingPad({ size = PAD_SIDE }: DrawingPadProps) {
  const client = useClient();
  const store = useAppStore();
  const padRef = useRef<HTMLCanvasElement>(null);
  const seenRef = useRef<HTMLCanvasElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const controller = useRef<PadController | null>(null);
  const probeId = useRef(0); // increases with every setProbe the pad sends, across remounts
  const instructionsId = useId();

  useEffect(() => {
    const pad = padRef.current;
    const ctx = pad?.getContext("2d", { willReadFrequently: true });
    if (!pad || !ctx) return;
    const seen = seenRef.current?.getContext("2d") ?? null;
    const cursor = cursorRef.current;

    let pending = 0; // requestAnimationFrame handle of the next send, 0 if none
    let pointer: number | null = null; // the pointer drawing, if any
    let last: Point | null = null;
    const pen = { x: PAD_SIDE / 2, y: PAD_SIDE / 2, down: false }; // the keyboard's pen

    const showCursor = (visible: boolean) => {
      if (!cursor) return;
      cursor.style.display = visible ? "block" : "none";
      cursor.style.left = `${(100 * pen.x) / PAD_SIDE}%`;
      cursor.style.top = `${(100 * pen.y) / PAD_SIDE}%`;
      cursor.style.background = pen.down ? "rgba(255,255,255,0.5)" : "transparent";
    };

    const wipe = () => {
      if (pending) cancelAnimationFrame(pending);
      pending = 0;
      pointer = last = null;
      pen.down = false;
      clearCanvas(ctx);
      if (seen) clearCanvas(seen, THEME.off);
      showCursor(false);
    };

    let lastSent = -Infinity; // when the last setProbe went out
    const send = () => {
      pending = 0;
      lastSent = performance.now();
      const image = ctx.getImageData(0, 0, PAD_SIDE, PAD_SIDE);
      const pixels = toMnist(alphaChannel(image.data), PAD_SIDE, PAD_SIDE);
      if (!pixels) return;
      if (seen) paintGrayscale(seen, pixels, MNIST_SIDE, MNIST_SIDE);
      client.send({ op: "setProbe", probe: { kind: "pixels", pixels }, id: ++probeId.current }, [
        pixels.buffer,
      ]);
      const state = store.getState();
      if (state.input.kind !== "pad") state.setInput({ kind: "pad" });
    };

    const clear = () => {
      wipe();
      client.send({ op: "setProbe", probe: null, id: ++probeId.current });
      const state = store.getState();
      state.setPrediction(null);
      if (state.input.kind !== "pad") state.setInput({ kind: "pad" });
    };

    const draw = (from: Point, to: Point) => {
      paintStroke(ctx, from, to, PAD_SIDE);
      // Leading edge at once (the first touch of ink classifies without waiting a frame), then at most one
      // send per animation frame while the stroke goes on.
      if (pending) return;
      if (performance.now() - lastSent >= 16) send();
      else pending = requestAnimationFrame(send);
    };

    /** A pointer's position in pad pixels (the canvas may be shown at any size). */
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
        // Synthetic events have no active pointer to capture; drawing works without capture.
      }
      pointer = e.pointerId;
      last = toPad(e);
      draw(last, last);
    };
    const onPointerMove = (e: PointerEvent) => {
      if (e.pointerId !== pointer || !last) return;
      const events = e.getCoalescedEvents?.() ?? [];
      for (const c of events.length ? events : [e]) {
        const p = toPad(c);
        draw(last, p);
        last = p;
      }
    };
    const onPointerUp = (e: PointerEvent) => {
      if (e.pointerId !== pointer) return;
      pointer = last = null;
    };

    const onKeyDown = (e: KeyboardEvent) => {
      const arrow = ARROWS[e.key];
      if (arrow) {
        const step = e.shiftKey ? FINE_STEP : KEY_STEP;
        const from = { x: pen.x, y: pen.y };
        pen.x = Math.min(PAD_SIDE, Math.max(0, pen.x + arrow.x * step));
        pen.y = Math.min(PAD_SIDE, Math.max(0, pen.y + arrow.y * step));
        if (pen.down) draw(from, pen);
      } else if (e.key === " " || e.key === "Enter") {
        pen.down = !pen.down;
        if (pen.down) draw(pen, pen);
      } else if (e.key === "Escape" || e.key === "Delete" || e.key === "Backspace") {
        clear();
        return e.preventDefault();
      } else return;
      e.preventDefault();
      showCursor(true);
    };
    const onBlur = () => {
      pen.down = false;
      showCursor(false);
    };

    // A test image chosen elsewhere replaces the drawing: the pad empties so it never shows stale ink.
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.input !== prev.input && state.input.kind === "test") wipe();
    });

    wipe();
    pad.addEventListener("pointerdown", onPointerDown);
    pad.addEventListener("pointermove", onPointerMove);
    pad.addEventListener("pointerup", onPointerUp);
    pad.addEventListener("pointercancel", onPointerUp);
    pad.addEventListener("lostpointercapture", onPointerUp);
    pad.addEventListener("keydown", onKeyDown);
    pad.addEventListener("blur", onBlur);
    controller.current = { clear };
    return () => {
      if (pending) cancelAnimationFrame(pending);
      unsubscribe();
      pad.removeEventListener("pointerdown", onPointerDown);
      pad.removeEventListener("pointermove", onPointerMove);
      pad.removeEventListener("pointerup", onPointerUp);
      pad.removeEventListener("pointercancel", onPointerUp);
      pad.removeEventListener("lostpointercapture", onPointerUp);
      pad.removeEventListener("keydown", onKeyDown);
      pad.removeEventListener("blur", onBlur);
      controller.current = null;
    };
  }, [client, store]);

  return (
    <section className="drawing-pad" aria-label="Draw a digit">
      <div style={{ display: "flex", gap: "1rem", alignItems: "flex-start", flexWrap: "wrap" }}>
        <div style={{ position: "relative", width: size, height: size }}>
          <canvas
            ref={padRef}
            width={PAD_SIDE}
            height={PAD_SIDE}
            role="img"
            aria-label="Drawing pad"
            aria-describedby={instructionsId}
            tabIndex={0}
            style={{
              display: "block",
              width: "100%",
              height: "100%",
              background: THEME.off,
              borderRadius: 8,
              touchAction: "none",
              cursor: "crosshair",
            }}
          />
          <div
            ref={cursorRef}
            aria-hidden="true"
            style={{
              display: "none",
              position: "absolute",
              width: `${100 * PEN_WIDTH}%`,
              height: `${100 * PEN_WIDTH}%`,
              transform: "translate(-50%, -50%)",
              border: `2px solid ${THEME.blue}`,
              borderRadius: "50%",
              pointerEvents: "none",
            }}
          />
        </div>
        <figure style={{ margin: 0 }}>
          <canvas
            ref={seenRef}
            width={MNIST_SIDE}
            height={MNIST_SIDE}
            role="img"
            aria-label="What the network sees: your drawing as 28 × 28 pixels"
            style={{
              display: "block",
              width: 112,
              height: 112,
              imageRendering: "pixelated",
              background: THEME.off,
            }}
          />
          <figcaption style={{ fontSize: "0.8rem", maxWidth: 112 }}>
            What the network sees (28 × 28)
          </figcaption>
        </figure>
      </div>
      <p id={instructionsId} style={{ fontSize: "0.85rem" }}>
        Draw a digit with a mouse, finger or pen. With the keyboard: arrow keys move the pen (Shift for small
        steps), Space puts it down or lifts it, Escape clears.
      </p>
      <button type="button" onClick={() => controller.current?.clear()}>
        Clear
      </button>
    </section>
  );
}
