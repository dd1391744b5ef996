// A drawing pad's canvas, framework-free: pen input (penInput.ts) paints the comfortable marker (pad.ts) and the
// strokes are recorded as vectors (strokeRecorder.ts) — the one piece both the explorable's pad and the
// experiments' sketch pad are made of. What the strokes become, and when, is the caller's business.
import type { Strokes } from "../engine/drawing.ts";
import type { ViewClock } from "./clock.ts";
import { drawingStrokes } from "./drawings.ts";
import { clearCanvas, PAD_SIDE, paintStroke, type Point } from "./pad.ts";
import { attachPenInput } from "./penInput.ts";
import { createStrokeRecorder } from "./strokeRecorder.ts";

export interface StrokePadOptions {
  /** The keyboard pen's cursor over the canvas, if any. */
  readonly cursor: HTMLElement | null;
  readonly clock: ViewClock;
  /** Ink was added (a dot or a segment): the strokes have grown. */
  readonly onInk: () => void;
  /** A stroke ended (the pointer or the keyboard pen was lifted). */
  readonly onStrokeEnd?: () => void;
  /** Escape, Delete or Backspace on the pad. */
  readonly onClear: () => void;
}

/** A pad with ink on it. */
export interface StrokePad {
  /** The strokes so far, pad pixels (0…PAD_SIDE), a copy. */
  strokes(): Strokes;
  readonly empty: boolean;
  /** Empties the canvas and the strokes, and drops a stroke in progress. */
  wipe(): void;
  /** Paints and records a whole drawing given in pad fractions ((0, 0) top left), one point every 16 ms. */
  drawFractions(strokes: readonly (readonly Point[])[]): void;
  detach(): void;
}

export function attachStrokePad(
  canvas: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
  { cursor, clock, onInk, onStrokeEnd, onClear }: StrokePadOptions,
): StrokePad {
  const recorder = createStrokeRecorder();
  const input = attachPenInput(canvas, {
    side: PAD_SIDE,
    cursor,
    onStrokeStart: (at) => recorder.start(at, clock.now()),
    onSegment: (from, to) => {
      paintStroke(ctx, from, to, PAD_SIDE);
      recorder.extend(to, clock.now());
      onInk();
    },
    ...(onStrokeEnd ? { onStrokeEnd } : {}),
    onClear,
  });
  return {
    strokes: () => recorder.strokes(),
    get empty() {
      return recorder.empty;
    },
    wipe() {
      input.cancel();
      recorder.clear();
      clearCanvas(ctx);
    },
    drawFractions(fractions) {
      for (const stroke of drawingStrokes(fractions, PAD_SIDE, clock.now()))
        stroke.forEach((q, i) => {
          if (i === 0) recorder.start(q, q.t);
          else recorder.extend(q, q.t);
          paintStroke(ctx, stroke[Math.max(0, i - 1)]!, q, PAD_SIDE);
        });
    },
    detach: () => input.detach(),
  };
}
