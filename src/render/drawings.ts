// Ready-made drawings for the sketch pads (components/SketchPad.tsx), each a list of strokes in pad fractions ((0, 0) top
// left, (1, 1) bottom right): digits drawn where preprocessing matters most, small, off-centre or stretched.
import type { Point } from "./pad.ts";

export interface Drawing {
  readonly name: string;
  readonly strokes: readonly (readonly Point[])[];
}

const p = (x: number, y: number): Point => ({ x, y });

/** A closed ellipse centred at (cx, cy) with radii rx, ry, starting at the top, as n + 1 points. */
function ellipse(cx: number, cy: number, rx: number, ry: number, n = 40): Point[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    return p(cx + rx * Math.sin(t), cy - ry * Math.cos(t));
  });
}

export const DRAWINGS: readonly Drawing[] = [
  { name: "A small 7 in a corner", strokes: [[p(0.08, 0.1), p(0.3, 0.1), p(0.16, 0.38)]] },
  { name: "A wide 0", strokes: [ellipse(0.5, 0.5, 0.4, 0.2)] },
  { name: "A 1 at the edge", strokes: [[p(0.86, 0.1), p(0.86, 0.9)]] },
  {
    name: "A 2",
    strokes: [
      [
        p(0.3, 0.3),
        p(0.38, 0.2),
        p(0.52, 0.16),
        p(0.64, 0.22),
        p(0.66, 0.36),
        p(0.56, 0.5),
        p(0.3, 0.78),
        p(0.7, 0.78),
      ],
    ],
  },
];
