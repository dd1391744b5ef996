// What a pad keeps of a drawing: its strokes as vectors (points with times), the network's input is made from
// them (engine/drawing.ts), never from the pad's pixels. Framework-free.
import type { StrokePoint, Strokes } from "../engine/drawing.ts";
import type { Point } from "./pad.ts";

/** A drawing being recorded. */
export interface StrokeRecorder {
  /** A new stroke begins at `p`, at time `t` (ms). */
  start(p: Point, t: number): void;
  /** The stroke in progress reaches `p` at `t` (ignored if no stroke has begun). */
  extend(p: Point, t: number): void;
  /** Forgets every stroke. */
  clear(): void;
  /** The strokes so far, a copy the recorder will not change. */
  strokes(): Strokes;
  /** Whether any stroke has begun. */
  readonly empty: boolean;
}

export function createStrokeRecorder(): StrokeRecorder {
  let strokes: StrokePoint[][] = [];
  return {
    start(p, t) {
      strokes.push([{ x: p.x, y: p.y, t }]);
    },
    extend(p, t) {
      const stroke = strokes[strokes.length - 1];
      const last = stroke?.[stroke.length - 1];
      if (!stroke || !last || (last.x === p.x && last.y === p.y)) return;
      stroke.push({ x: p.x, y: p.y, t });
    },
    clear() {
      strokes = [];
    },
    strokes: () => strokes.map((s) => [...s]),
    get empty() {
      return strokes.length === 0;
    },
  };
}
