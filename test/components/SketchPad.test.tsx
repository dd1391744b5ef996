// @vitest-environment jsdom
// SketchPad: the strokes go to onDrawing at most every INK_INTERVAL_MS while a stroke goes on and at once when it
// ends; Clear sends null; a ready-made drawing is sent at once. Time comes from a fake clock.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Strokes } from "../../src/engine/drawing.ts";
import type { Drawing } from "../../src/render/drawings.ts";
import { INK_INTERVAL_MS, PAD_SIDE, SketchPad } from "../../src/components/SketchPad.tsx";
import { fakeClock, type FakeClock } from "../render/fakeClock.ts";
import { fakeCanvas } from "../components/inputHarness.tsx";

const DOT: Drawing = { name: "A dot", strokes: [[{ x: 0.5, y: 0.5 }]] };

let clock: FakeClock;
let onInk: ReturnType<typeof vi.fn<(strokes: Strokes | null) => void>>;

beforeEach(() => {
  fakeCanvas();
  clock = fakeClock();
  onInk = vi.fn<(strokes: Strokes | null) => void>();
  render(<SketchPad onDrawing={onInk} drawings={[DOT]} clock={clock} />);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const pad = () => screen.getByRole("img", { name: "Drawing pad" });
/** The strokes' points as [x, y] pairs, pad pixels (jsdom lays the pad out at 0 × 0: one client px each). */
const points = (strokes: Strokes | null | undefined) => strokes?.map((s) => s.map((p) => [p.x, p.y])) ?? null;

describe("SketchPad", () => {
  it("sends the strokes every INK_INTERVAL_MS while drawing, and at once when the stroke ends", () => {
    fireEvent.pointerDown(pad(), { pointerId: 1, pointerType: "touch", clientX: 50, clientY: 50 });
    fireEvent.pointerMove(pad(), { pointerId: 1, pointerType: "touch", clientX: 60, clientY: 90 });
    expect(onInk).not.toHaveBeenCalled();
    clock.advance(INK_INTERVAL_MS - 1);
    expect(onInk).not.toHaveBeenCalled();
    clock.advance(1);
    expect(onInk).toHaveBeenCalledTimes(1);
    expect(points(onInk.mock.calls[0]![0])).toEqual([
      [
        [50, 50],
        [60, 90],
      ],
    ]);
    fireEvent.pointerMove(pad(), { pointerId: 1, pointerType: "touch", clientX: 70, clientY: 120 });
    fireEvent.pointerUp(pad(), { pointerId: 1, pointerType: "touch", clientX: 70, clientY: 120 });
    expect(onInk).toHaveBeenCalledTimes(2);
    expect(points(onInk.mock.calls[1]![0])?.[0]).toHaveLength(3);
    expect(clock.pending().timeouts).toBe(0); // the timed send was replaced by the one at the stroke's end
  });

  it("Clear sends null and drops the pending send", () => {
    fireEvent.pointerDown(pad(), { pointerId: 1, pointerType: "mouse", button: 0, clientX: 50, clientY: 50 });
    fireEvent.click(screen.getByRole("button", { name: "Clear" }));
    expect(onInk.mock.calls).toEqual([[null]]);
    clock.advance(INK_INTERVAL_MS);
    expect(onInk).toHaveBeenCalledTimes(1);
  });

  it("draws a ready-made drawing and sends it at once", () => {
    fireEvent.click(screen.getByRole("button", { name: "A dot" }));
    expect(onInk.mock.calls.map(([strokes]) => points(strokes))).toEqual([
      null,
      [[[PAD_SIDE / 2, PAD_SIDE / 2]]],
    ]);
  });

  it("draws from the keyboard and sends the ink when the pen lifts", () => {
    pad().focus();
    fireEvent.keyDown(pad(), { key: " " });
    fireEvent.keyDown(pad(), { key: "ArrowDown" });
    fireEvent.keyDown(pad(), { key: " " });
    expect(onInk).toHaveBeenCalledTimes(1);
    const [stroke] = points(onInk.mock.calls[0]![0]) ?? [];
    expect(stroke?.[0]).toEqual([PAD_SIDE / 2, PAD_SIDE / 2]);
    expect(stroke?.[1]?.[1]).toBeGreaterThan(PAD_SIDE / 2);
  });
});
