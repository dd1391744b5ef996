// Pen input for a drawing pad, framework-free: a mouse, finger or pen draws on a canvas (pointer capture, no
// scrolling or zooming under the finger), and the keyboard moves a pen that Space puts down. It reports ink as
// segments in the pad's own pixels; what the ink becomes is the pad's business.
import type { Point } from "./pad.ts";
import { THEME, withAlpha } from "./theme.ts";

/** The keys the pen answers to, in words, for the pad's instructions. */
export const PEN_INSTRUCTIONS =
  "Draw a digit with a mouse, finger or pen. With the keyboard: arrow keys move the pen (Shift for small " +
  "steps), Space puts it down or lifts it, Escape clears.";

/** Keyboard pen steps as fractions of the pad's side: arrow keys, and arrow keys with Shift. */
const KEY_STEP = 1 / 20;
const FINE_STEP = 1 / 70;

const ARROWS: Readonly<Record<string, Point>> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

const CLEAR_KEYS = ["Escape", "Delete", "Backspace"];

export interface PenInputOptions {
  /** Side of the pad in canvas pixels: pointer positions are scaled to it, the keyboard pen stays inside it. */
  readonly side: number;
  /** The keyboard pen's cursor, an element over the canvas: moved (left/top in %) and shown while the keys draw. */
  readonly cursor?: HTMLElement | null;
  /** A stroke begins at `at` (pad pixels); an onSegment dot at the same point follows at once. */
  readonly onStrokeStart?: (at: Point) => void;
  /** Ink from `from` to `to`, pad pixels; a dot when they are the same point. */
  readonly onSegment: (from: Point, to: Point) => void;
  /** A stroke ended: the pointer was lifted or lost, or the keyboard pen was lifted or left the pad. */
  readonly onStrokeEnd?: () => void;
  /** Escape, Delete or Backspace was pressed (the stroke in progress is already forgotten). */
  readonly onClear: () => void;
}

/** A pad's pen input, attached to its canvas. */
export interface PenInput {
  /** Forgets the stroke in progress and lifts the keyboard pen, without a stroke end (the pad was emptied). */
  readonly cancel: () => void;
  /** Removes the listeners and gives the canvas back its touch-action. */
  readonly detach: () => void;
}

/** What the input knows between events. */
interface PenState {
  /** The pointer drawing, if any, and where its ink ends. */
  pointer: number | null;
  last: Point | null;
  /** The keyboard's pen, pad pixels. */
  readonly pen: { x: number; y: number; down: boolean };
}

type Listeners = readonly (readonly [string, (e: never) => void])[];

/**
 * Listens to `canvas` for pointer (mouse: main button only; touch; pen) and keyboard input and reports each
 * piece of ink to `options.onSegment`. One pointer draws at a time; its coalesced events give every point the
 * hardware saw. The canvas must be focusable (tabIndex 0) for the keyboard pen.
 */
export function attachPenInput(canvas: HTMLCanvasElement, options: PenInputOptions): PenInput {
  const { side, cursor = null } = options;
  const state: PenState = { pointer: null, last: null, pen: { x: side / 2, y: side / 2, down: false } };
  const showCursor = (visible: boolean) => {
    if (!cursor) return;
    const { pen } = state;
    cursor.style.display = visible ? "block" : "none";
    cursor.style.left = `${(100 * pen.x) / side}%`;
    cursor.style.top = `${(100 * pen.y) / side}%`;
    cursor.style.background = pen.down ? withAlpha(THEME.on, 0.5) : "transparent";
  };
  const cancel = () => {
    state.pointer = state.last = null;
    state.pen.down = false;
    showCursor(false);
  };
  const listeners: Listeners = [
    ...pointerListeners(canvas, options, state),
    ...keyListeners(options, state, showCursor, cancel),
  ];
  for (const [name, listener] of listeners) canvas.addEventListener(name, listener as EventListener);
  // The browser must not scroll or zoom while a finger draws.
  const touchAction = canvas.style.touchAction;
  canvas.style.touchAction = "none";
  showCursor(false);
  return {
    cancel,
    detach() {
      for (const [name, listener] of listeners) canvas.removeEventListener(name, listener as EventListener);
      canvas.style.touchAction = touchAction;
    },
  };
}

/** Drawing with a mouse, finger or pen: down starts a stroke with a dot, moves extend it, up or loss ends it. */
function pointerListeners(canvas: HTMLCanvasElement, options: PenInputOptions, state: PenState): Listeners {
  const { side, onSegment, onStrokeStart, onStrokeEnd } = options;
  /** A pointer's position in pad pixels (the canvas may be shown at any size). */
  const toPad = (e: PointerEvent): Point => {
    const r = canvas.getBoundingClientRect();
    const sx = r.width > 0 ? side / r.width : 1;
    const sy = r.height > 0 ? side / r.height : 1;
    return { x: (e.clientX - r.left) * sx, y: (e.clientY - r.top) * sy };
  };
  const down = (e: PointerEvent) => {
    if (state.pointer !== null || (e.pointerType === "mouse" && e.button !== 0)) return;
    e.preventDefault();
    canvas.focus({ preventScroll: true });
    try {
      canvas.setPointerCapture(e.pointerId);
    } catch {
      // Synthetic events have no active pointer to capture; drawing works without capture.
    }
    state.pointer = e.pointerId;
    state.last = toPad(e);
    onStrokeStart?.(state.last);
    onSegment(state.last, state.last);
  };
  const move = (e: PointerEvent) => {
    if (e.pointerId !== state.pointer || !state.last) return;
    const events = e.getCoalescedEvents?.() ?? [];
    for (const c of events.length ? events : [e]) {
      const p = toPad(c);
      onSegment(state.last, p);
      state.last = p;
    }
  };
  const up = (e: PointerEvent) => {
    if (e.pointerId !== state.pointer) return;
    state.pointer = state.last = null;
    onStrokeEnd?.();
  };
  return [
    ["pointerdown", down],
    ["pointermove", move],
    ["pointerup", up],
    ["pointercancel", up],
    ["lostpointercapture", up],
  ];
}

/** The keyboard pen: arrows move it (Shift for small steps), Space or Enter lowers or lifts it, clear keys clear. */
function keyListeners(
  options: PenInputOptions,
  state: PenState,
  showCursor: (visible: boolean) => void,
  cancel: () => void,
): Listeners {
  const { side, onSegment, onStrokeStart, onStrokeEnd, onClear } = options;
  const { pen } = state;
  const keydown = (e: KeyboardEvent) => {
    const arrow = ARROWS[e.key];
    if (arrow) {
      const step = side * (e.shiftKey ? FINE_STEP : KEY_STEP);
      const from = { x: pen.x, y: pen.y };
      pen.x = Math.min(side, Math.max(0, pen.x + arrow.x * step));
      pen.y = Math.min(side, Math.max(0, pen.y + arrow.y * step));
      if (pen.down) onSegment(from, { x: pen.x, y: pen.y });
    } else if (e.key === " " || e.key === "Enter") {
      pen.down = !pen.down;
      const at = { x: pen.x, y: pen.y };
      if (pen.down) {
        onStrokeStart?.(at);
        onSegment(at, at);
      } else onStrokeEnd?.();
    } else if (CLEAR_KEYS.includes(e.key)) {
      e.preventDefault();
      cancel();
      onClear();
      return;
    } else return;
    e.preventDefault();
    showCursor(true);
  };
  const blur = () => {
    const wasDown = pen.down;
    pen.down = false;
    showCursor(false);
    if (wasDown) onStrokeEnd?.();
  };
  return [
    ["keydown", keydown],
    ["blur", blur],
  ];
}
