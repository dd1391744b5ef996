// Ready-made drawings for the sketch pads (components/SketchPad.tsx), each a list of strokes in pad fractions ((0, 0) top
// left, (1, 1) bottom right): digits drawn where preprocessing matters most, small, off-centre or stretched. Each
// is read as its digit by the trained network with every step on, and misread when a step it shows is skipped, or
// every step (test/render/drawings.test.ts checks this with the engine and the shipped model).
import type { StrokePoint, Strokes } from "../engine/drawing.ts";
import type { PreprocessSteps } from "../engine/preprocess.ts";
import type { Point } from "./pad.ts";

export interface Drawing {
  readonly name: string;
  readonly strokes: readonly (readonly Point[])[];
}

/** One of the ready-made drawings, with what it is for. */
export interface ReadyDrawing extends Drawing {
  /** The digit it is meant to be. */
  readonly digit: number;
  /** The preprocessing steps without which the videos' trained network misreads it. */
  readonly shows: readonly (keyof PreprocessSteps)[];
}

/** Milliseconds between the points of a ready-made drawing, as if drawn at one point a frame. */
export const DRAWING_POINT_MS = 16;

/**
 * A drawing given in pad fractions as the strokes a pad of `side` units records: each point times `side`, one
 * every DRAWING_POINT_MS from `t0`, a point that repeats the one before it dropped (the recorder keeps none).
 */
export function drawingStrokes(fractions: Drawing["strokes"], side: number, t0 = 0): Strokes {
  let t = t0;
  return fractions.map((points) => {
    const stroke: StrokePoint[] = [];
    points.forEach((q, i) => {
      if (i > 0) t += DRAWING_POINT_MS;
      const last = stroke[stroke.length - 1];
      const at = { x: q.x * side, y: q.y * side, t };
      if (!last || last.x !== at.x || last.y !== at.y) stroke.push(at);
    });
    return stroke;
  });
}

const p = (x: number, y: number): Point => ({ x, y });

/** A closed ellipse centred at (cx, cy) with radii rx, ry, starting at the top, as n + 1 points. */
function ellipse(cx: number, cy: number, rx: number, ry: number, n = 40): Point[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    return p(cx + rx * Math.sin(t), cy - ry * Math.cos(t));
  });
}

export const DRAWINGS: readonly ReadyDrawing[] = [
  {
    name: "A small 7 in a corner",
    strokes: [[p(0.68, 0.1), p(0.9, 0.1), p(0.76, 0.38)]],
    digit: 7,
    shows: ["crop", "scale", "centre"],
  },
  {
    name: "A 0 that fills the pad",
    strokes: [ellipse(0.5, 0.5, 0.45, 0.45)],
    digit: 0,
    shows: ["scale"],
  },
  { name: "A 1 at the edge", strokes: [[p(0.86, 0.1), p(0.86, 0.9)]], digit: 1, shows: ["centre"] },
  {
    name: "A narrow 0 on the left",
    strokes: [ellipse(0.25, 0.5, 0.15, 0.3)],
    digit: 0,
    shows: ["crop", "centre"],
  },
];
