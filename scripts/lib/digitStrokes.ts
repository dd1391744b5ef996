// A corpus of drawn digits for `npm run bench:draw` and the pad's e2e test: every digit in two or three styles,
// each drawn at sizes from a quarter of the pad to nearly all of it, in the corners and the centre, slanted or
// upright, slowly (a point every 2 px, as a careful mouse) or fast (a point every 18 px, as a flick), with a
// small seeded wobble. Strokes are in the pad's units (0…side, y down) with times in ms, as the pad records them.
import { createRng } from "../../src/engine/rng.ts";
import type { Stroke, StrokePoint, Strokes } from "../../src/engine/drawing.ts";

/** A point of a template: the digit's box is 0…1 high, about 0.7 wide, y down. */
type P = readonly [number, number];

/** n + 1 points on an ellipse from angle a0 to a1 (degrees clockwise from 12 o'clock). */
function arc(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number, n = 24): P[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = ((a0 + ((a1 - a0) * i) / n) * Math.PI) / 180;
    return [cx + rx * Math.sin(t), cy - ry * Math.cos(t)] as const;
  });
}

/** A vertical figure of eight: top, round the upper lobe's right, the waist, the lower lobe, back up. */
function eight(): P[] {
  return Array.from({ length: 49 }, (_, i) => {
    const t = (2 * Math.PI * i) / 48;
    return [0.5 + 0.3 * Math.sin(2 * t), 0.5 - 0.5 * Math.cos(t)] as const;
  });
}

/** Each digit's styles; a style is its strokes, each a polyline through template points. */
const TEMPLATES: readonly { digit: number; style: string; strokes: P[][] }[] = [
  { digit: 0, style: "oval", strokes: [arc(0.5, 0.5, 0.3, 0.48, 0, -360)] },
  { digit: 0, style: "narrow, overlapping", strokes: [arc(0.5, 0.5, 0.22, 0.48, 10, -370)] },
  {
    digit: 1,
    style: "upright",
    strokes: [
      [
        [0.5, 0],
        [0.5, 1],
      ],
    ],
  },
  {
    digit: 1,
    style: "leaning",
    strokes: [
      [
        [0.62, 0],
        [0.42, 1],
      ],
    ],
  },
  {
    digit: 1,
    style: "with a flag",
    strokes: [
      [
        [0.34, 0.2],
        [0.56, 0],
        [0.56, 1],
      ],
    ],
  },
  {
    digit: 2,
    style: "curved",
    strokes: [[...arc(0.5, 0.28, 0.3, 0.27, -70, 125), [0.18, 1], [0.86, 1]]],
  },
  {
    digit: 2,
    style: "angular",
    strokes: [
      [
        [0.2, 0.2],
        [0.5, 0],
        [0.8, 0.18],
        [0.76, 0.4],
        [0.2, 1],
        [0.86, 0.98],
      ],
    ],
  },
  {
    digit: 3,
    style: "two bumps",
    strokes: [[...arc(0.48, 0.25, 0.3, 0.25, -60, 180), ...arc(0.46, 0.74, 0.34, 0.26, 0, 235)]],
  },
  {
    digit: 3,
    style: "flat top",
    strokes: [[[0.2, 0], [0.8, 0], [0.45, 0.38], ...arc(0.48, 0.68, 0.34, 0.32, -20, 235)]],
  },
  {
    digit: 4,
    style: "closed",
    strokes: [
      [
        [0.6, 0],
        [0.12, 0.66],
        [0.9, 0.66],
      ],
      [
        [0.66, 0.28],
        [0.66, 1],
      ],
    ],
  },
  {
    digit: 4,
    style: "open",
    strokes: [
      [
        [0.2, 0],
        [0.18, 0.58],
        [0.86, 0.56],
      ],
      [
        [0.72, 0],
        [0.72, 1],
      ],
    ],
  },
  {
    digit: 5,
    style: "one stroke",
    strokes: [[[0.78, 0], [0.3, 0], [0.24, 0.44], ...arc(0.5, 0.7, 0.34, 0.3, -55, 235)]],
  },
  {
    digit: 5,
    style: "bar last",
    strokes: [
      [[0.3, 0], [0.24, 0.44], ...arc(0.5, 0.7, 0.34, 0.3, -55, 235)],
      [
        [0.3, 0],
        [0.8, 0],
      ],
    ],
  },
  {
    digit: 6,
    style: "round",
    strokes: [[[0.72, 0], [0.45, 0.2], [0.24, 0.52], ...arc(0.5, 0.72, 0.28, 0.28, 250, -60)]],
  },
  {
    digit: 6,
    style: "straight back",
    strokes: [[[0.62, 0], [0.26, 0.6], ...arc(0.5, 0.74, 0.26, 0.26, 245, -90)]],
  },
  {
    digit: 7,
    style: "plain",
    strokes: [
      [
        [0.14, 0],
        [0.86, 0],
        [0.4, 1],
      ],
    ],
  },
  {
    digit: 7,
    style: "curved stem",
    strokes: [
      [
        [0.14, 0.04],
        [0.86, 0],
        [0.62, 0.45],
        [0.48, 1],
      ],
    ],
  },
  { digit: 8, style: "one stroke", strokes: [eight()] },
  {
    digit: 8,
    style: "two loops",
    strokes: [arc(0.5, 0.25, 0.24, 0.25, 0, 360), arc(0.5, 0.73, 0.3, 0.27, 0, 360)],
  },
  {
    digit: 9,
    style: "straight stem",
    strokes: [[...arc(0.46, 0.27, 0.28, 0.27, 90, -270), [0.72, 1]]],
  },
  {
    digit: 9,
    style: "curved stem",
    strokes: [[...arc(0.46, 0.27, 0.28, 0.27, 90, -270), [0.7, 0.7], [0.56, 1]]],
  },
];

/** Where a digit's box sits on the pad: its centre, as fractions of the pad's side. */
const PLACES: readonly { name: string; x: number; y: number }[] = [
  { name: "centre", x: 0.5, y: 0.5 },
  { name: "top left", x: 0, y: 0 },
  { name: "top right", x: 1, y: 0 },
  { name: "bottom left", x: 0, y: 1 },
  { name: "bottom right", x: 1, y: 1 },
];

/** A digit's height as a fraction of the pad's side: a quarter to nearly all of it. */
const SIZES = [0.25, 0.4, 0.6, 0.8, 0.92] as const;

/** Pad units between recorded points, and ms between them: a careful mouse, and a flick. */
const SPEEDS = [
  { name: "slow", spacing: 2, ms: 8 },
  { name: "fast", spacing: 18, ms: 16 },
] as const;

/** Variants drawn of each style. */
const VARIANTS = 10;

/** One drawn digit of the corpus. */
export interface DrawnDigit {
  readonly digit: number;
  /** "7 plain, 0.25 of the pad, top left, slanted, fast". */
  readonly name: string;
  /** Its height as a fraction of the pad's side. */
  readonly size: number;
  readonly strokes: Strokes;
}

/**
 * The polyline through `points` as a pen records it: a point every `spacing` units along the path, `ms` apart,
 * the last point always kept, starting at time t0.
 */
function sample(
  points: readonly { x: number; y: number }[],
  spacing: number,
  ms: number,
  t0: number,
): Stroke {
  const out: StrokePoint[] = [];
  let t = t0;
  let carry = 0;
  for (let i = 0; i < points.length; i++) {
    const b = points[i]!;
    if (i === 0) {
      out.push({ x: b.x, y: b.y, t });
      continue;
    }
    const a = points[i - 1]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    let s = spacing - carry;
    for (; s <= len; s += spacing) {
      const f = s / len;
      out.push({ x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y), t: (t += ms) });
    }
    carry = len - (s - spacing);
  }
  const last = points[points.length - 1]!;
  const end = out[out.length - 1]!;
  if (end.x !== last.x || end.y !== last.y) out.push({ x: last.x, y: last.y, t: t + ms });
  return out;
}

/**
 * The corpus for a pad `side` units square: every style of every digit in VARIANTS variants (size, place,
 * slant and speed cycle through their lists at different rates, so each style meets most of them), with a
 * wobble of about 1 % of the digit's height from a generator seeded by `seed`.
 */
export function drawnDigits(side: number, seed = 1): DrawnDigit[] {
  const rng = createRng(seed);
  const out: DrawnDigit[] = [];
  TEMPLATES.forEach((template, i) => {
    for (let v = 0; v < VARIANTS; v++) {
      const size = SIZES[(i + v) % SIZES.length]!;
      const place = PLACES[(2 * i + v) % PLACES.length]!;
      const speed = SPEEDS[v % SPEEDS.length]!;
      const slant = (v >> 1) % 2 === 1 ? 0.18 : 0;
      const h = size * side;
      const w = 0.8 * h; // the template's box, slant included, fits in h × 0.8h
      const margin = 0.04 * side;
      const cx = Math.min(side - margin - w / 2, Math.max(margin + w / 2, place.x * side));
      const cy = Math.min(side - margin - h / 2, Math.max(margin + h / 2, place.y * side));
      const phase = 2 * Math.PI * rng.next();
      const wobble = 0.012 * h;
      let t = 0;
      const strokes = template.strokes.map((points) => {
        const onPad = points.map(([x, y], k) => ({
          x: cx + (x - 0.5 + slant * (0.5 - y)) * 0.8 * h + wobble * Math.sin(phase + k / 3),
          y: cy + (y - 0.5) * h + wobble * Math.cos(1.3 * phase + k / 4),
        }));
        const stroke = sample(onPad, speed.spacing, speed.ms, t);
        t = stroke[stroke.length - 1]!.t + 150;
        return stroke;
      });
      const name = [
        `${template.digit} ${template.style}`,
        `${size} of the pad`,
        place.name,
        slant ? "slanted" : "upright",
        speed.name,
      ].join(", ");
      out.push({ digit: template.digit, name, size, strokes });
    }
  });
  return out;
}
