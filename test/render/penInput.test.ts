// @vitest-environment jsdom
// attachPenInput(canvas, options): pointer strokes in pad pixels (one pointer at a time, main mouse button
// only), the keyboard pen, clearing keys, stroke ends, cancel and detach.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Point } from "../../src/render/pad.ts";
import { attachPenInput, type PenInput } from "../../src/render/penInput.ts";

const SIDE = 280;

/** A canvas shown at half its side (140 CSS px at (10, 20)), a cursor, and everything the input reports. */
function setup() {
  const canvas = document.createElement("canvas");
  canvas.tabIndex = 0;
  document.body.append(canvas);
  vi.spyOn(canvas, "getBoundingClientRect").mockReturnValue({
    left: 10,
    top: 20,
    width: SIDE / 2,
    height: SIDE / 2,
  } as DOMRect);
  const cursor = document.createElement("div");
  const segments: [Point, Point][] = [];
  const onStrokeEnd = vi.fn();
  const onClear = vi.fn();
  const input: PenInput = attachPenInput(canvas, {
    side: SIDE,
    cursor,
    onSegment: (from, to) => segments.push([{ ...from }, { ...to }]),
    onStrokeEnd,
    onClear,
  });
  return { canvas, cursor, segments, onStrokeEnd, onClear, input };
}

function pointer(canvas: HTMLCanvasElement, type: string, init: PointerEventInit) {
  canvas.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, ...init }));
}

function key(canvas: HTMLCanvasElement, k: string, shiftKey = false): KeyboardEvent {
  const e = new KeyboardEvent("keydown", { key: k, shiftKey, bubbles: true, cancelable: true });
  canvas.dispatchEvent(e);
  return e;
}

afterEach(() => {
  document.body.innerHTML = "";
  vi.restoreAllMocks();
});

describe("attachPenInput(canvas, options)", () => {
  it("reports a pointer's stroke as segments in pad pixels, starting with a dot, and its end", () => {
    const { canvas, segments, onStrokeEnd } = setup();
    pointer(canvas, "pointerdown", { pointerId: 1, pointerType: "touch", clientX: 10, clientY: 20 });
    pointer(canvas, "pointermove", { pointerId: 1, pointerType: "touch", clientX: 60, clientY: 20 });
    pointer(canvas, "pointermove", { pointerId: 1, pointerType: "touch", clientX: 60, clientY: 70 });
    expect(onStrokeEnd).not.toHaveBeenCalled();
    pointer(canvas, "pointerup", { pointerId: 1, pointerType: "touch", clientX: 60, clientY: 70 });
    expect(segments).toEqual([
      [
        { x: 0, y: 0 },
        { x: 0, y: 0 },
      ],
      [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ],
      [
        { x: 100, y: 0 },
        { x: 100, y: 100 },
      ],
    ]);
    expect(onStrokeEnd).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(canvas);
  });

  it("draws with one pointer at a time and the mouse's main button only", () => {
    const { canvas, segments, onStrokeEnd } = setup();
    pointer(canvas, "pointermove", { pointerId: 1, pointerType: "mouse", clientX: 30, clientY: 30 });
    pointer(canvas, "pointerdown", {
      pointerId: 1,
      pointerType: "mouse",
      button: 2,
      clientX: 30,
      clientY: 30,
    });
    expect(segments).toHaveLength(0);
    pointer(canvas, "pointerdown", { pointerId: 2, pointerType: "pen", clientX: 30, clientY: 30 });
    pointer(canvas, "pointerdown", { pointerId: 3, pointerType: "touch", clientX: 40, clientY: 40 });
    pointer(canvas, "pointermove", { pointerId: 3, pointerType: "touch", clientX: 50, clientY: 50 });
    pointer(canvas, "pointerup", { pointerId: 3, pointerType: "touch", clientX: 50, clientY: 50 });
    expect(segments).toHaveLength(1); // the pen's dot; the second finger drew nothing
    expect(onStrokeEnd).not.toHaveBeenCalled();
    pointer(canvas, "pointercancel", { pointerId: 2, pointerType: "pen" });
    expect(onStrokeEnd).toHaveBeenCalledTimes(1);
  });

  it("moves a keyboard pen that Space puts down and lifts, with its cursor shown", () => {
    const { canvas, cursor, segments, onStrokeEnd } = setup();
    expect(key(canvas, "ArrowRight").defaultPrevented).toBe(true);
    expect(segments).toHaveLength(0); // the pen is up
    expect([cursor.style.display, cursor.style.left, cursor.style.top]).toEqual(["block", "55%", "50%"]);
    key(canvas, " ");
    key(canvas, "ArrowDown", true);
    expect(segments).toEqual([
      [
        { x: 154, y: 140 },
        { x: 154, y: 140 },
      ],
      [
        { x: 154, y: 140 },
        { x: 154, y: 144 },
      ],
    ]);
    expect(cursor.style.background).not.toBe("transparent");
    key(canvas, "Enter");
    expect(onStrokeEnd).toHaveBeenCalledTimes(1);
    expect(key(canvas, "a").defaultPrevented).toBe(false);
  });

  it("keeps the keyboard pen inside the pad", () => {
    const { canvas, cursor } = setup();
    for (let i = 0; i < 30; i++) key(canvas, "ArrowLeft");
    expect(cursor.style.left).toBe("0%");
  });

  it("clears on Escape, Delete or Backspace, forgetting the stroke in progress", () => {
    const { canvas, cursor, segments, onClear, onStrokeEnd } = setup();
    pointer(canvas, "pointerdown", {
      pointerId: 1,
      pointerType: "mouse",
      button: 0,
      clientX: 30,
      clientY: 30,
    });
    for (const k of ["Escape", "Delete", "Backspace"]) expect(key(canvas, k).defaultPrevented).toBe(true);
    expect(onClear).toHaveBeenCalledTimes(3);
    expect(cursor.style.display).toBe("none");
    pointer(canvas, "pointermove", { pointerId: 1, pointerType: "mouse", clientX: 50, clientY: 50 });
    pointer(canvas, "pointerup", { pointerId: 1, pointerType: "mouse", clientX: 50, clientY: 50 });
    expect(segments).toHaveLength(1);
    expect(onStrokeEnd).not.toHaveBeenCalled();
  });

  it("ends the keyboard's stroke when the pad loses focus", () => {
    const { canvas, cursor, onStrokeEnd } = setup();
    key(canvas, " ");
    canvas.dispatchEvent(new FocusEvent("blur"));
    expect(onStrokeEnd).toHaveBeenCalledTimes(1);
    expect(cursor.style.display).toBe("none");
    canvas.dispatchEvent(new FocusEvent("blur"));
    expect(onStrokeEnd).toHaveBeenCalledTimes(1); // the pen was already up
  });

  it("cancel() lifts the pen without a stroke end; detach() stops listening and restores touch-action", () => {
    const { canvas, segments, onStrokeEnd, input } = setup();
    expect(canvas.style.touchAction).toBe("none");
    key(canvas, " ");
    input.cancel();
    key(canvas, "ArrowUp");
    expect(segments).toHaveLength(1);
    expect(onStrokeEnd).not.toHaveBeenCalled();
    input.detach();
    expect(canvas.style.touchAction).toBe("");
    pointer(canvas, "pointerdown", { pointerId: 1, pointerType: "touch", clientX: 30, clientY: 30 });
    key(canvas, " ");
    expect(segments).toHaveLength(1);
  });
});
