// A drawing pad for the experiments and the lessons: a mouse, finger, pen or the keyboard draws (render/penInput.ts) with the
// explorable's marker (render/pad.ts); ready-made drawings fill it. Its strokes (vectors with times, as the
// explorable's pad keeps them) go to `onDrawing` at most every INK_INTERVAL_MS while drawing and at once when a
// stroke ends.
import { useEffect, useId, useRef } from "react";
import type { Strokes } from "../engine/drawing.ts";
import { browserClock, type ViewClock } from "../render/clock.ts";
import { PAD_SIDE } from "../render/pad.ts";
import { PEN_INSTRUCTIONS } from "../render/penInput.ts";
import { attachStrokePad } from "../render/strokePad.ts";
import type { Drawing } from "../render/drawings.ts";
import { PadCanvas } from "./PadCanvas.tsx";
import "./sketchPad.css";

export { PAD_SIDE };

/** Ink goes out at most this often while a stroke goes on. */
export const INK_INTERVAL_MS = 80;

interface PadController {
  clear(): void;
  draw(drawing: Drawing): void;
  detach(): void;
}

export interface SketchPadProps {
  /** The drawing's strokes in pad pixels (0…PAD_SIDE), or null when it was cleared. */
  readonly onDrawing: (strokes: Strokes | null) => void;
  readonly drawings: readonly Drawing[];
  /** Side of the pad on screen, in CSS pixels. */
  readonly size?: number;
  /** The clock that paces the ink (the browser's by default; tests pass one they drive by hand). */
  readonly clock?: ViewClock;
}

export function SketchPad({ onDrawing, drawings, size = PAD_SIDE, clock = browserClock }: SketchPadProps) {
  const padRef = useRef<HTMLCanvasElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const controller = useRef<PadController | null>(null);
  const onDrawingRef = useRef(onDrawing);
  const instructionsId = useId();

  useEffect(() => {
    onDrawingRef.current = onDrawing;
  }, [onDrawing]);

  useEffect(() => {
    const pad = padRef.current;
    const ctx = pad?.getContext("2d");
    if (!pad || !ctx) return;
    const onDrawing = (strokes: Strokes | null) => onDrawingRef.current(strokes);
    const attached = attachSketchPad(pad, ctx, cursorRef.current, clock, onDrawing);
    controller.current = attached;
    return () => {
      attached.detach();
      controller.current = null;
    };
  }, [clock]);

  return (
    <div className="sketch-pad">
      <PadCanvas padRef={padRef} cursorRef={cursorRef} size={size} describedBy={instructionsId} />
      <p id={instructionsId} className="hint">
        {PEN_INSTRUCTIONS}
      </p>
      <button type="button" onClick={() => controller.current?.clear()}>
        Clear
      </button>
      {drawings.length > 0 ? (
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
      ) : null}
    </div>
  );
}

/**
 * Wires the pad: pen input paints and records strokes and sends them to `onDrawing` INK_INTERVAL_MS after a
 * stroke's first paint and at once when the stroke ends; `clear` sends null, `draw` paints a ready-made drawing
 * and sends it.
 */
function attachSketchPad(
  pad: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
  cursor: HTMLElement | null,
  clock: ViewClock,
  onDrawing: (strokes: Strokes | null) => void,
): PadController {
  let cancelSend: (() => void) | null = null; // the timed send, if one is waiting
  const send = () => {
    cancelSend?.();
    cancelSend = null;
    onDrawing(strokePad.empty ? null : strokePad.strokes());
  };
  const clear = () => {
    cancelSend?.();
    cancelSend = null;
    strokePad.wipe();
    onDrawing(null);
  };
  const draw = (drawing: Drawing) => {
    clear();
    strokePad.drawFractions(drawing.strokes);
    send();
  };
  const strokePad = attachStrokePad(pad, ctx, {
    cursor,
    clock,
    onInk: () => void (cancelSend ??= clock.after(INK_INTERVAL_MS, send)),
    onStrokeEnd: send,
    onClear: clear,
  });
  return {
    clear,
    draw,
    detach() {
      cancelSend?.();
      strokePad.detach();
    },
  };
}
