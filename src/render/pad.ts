// Painters for the drawing pad (a soft round marker stroke, ink in the alpha channel) and for 28×28 digit
// images (what the network sees). Plain functions of a 2-D context, called outside React's render path.
import { MNIST_SIDE } from "../engine/mnist.ts";
import { THEME } from "./theme.ts";

/** A drawing pad's backing store in canvas pixels (10 per MNIST pixel), whatever its size on screen. */
export const PAD_SIDE = 10 * MNIST_SIDE;

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The marker's width as a fraction of the pad's side: MNIST strokes are about 2–3 px of a 20 px digit. */
export const PEN_WIDTH = 1 / 12;

/**
 * A soft, thick, round stroke from `from` to `to` (a dot if they coincide), white with a blurred rim so
 * the ink fades out over about half a pen width — like a felt marker, and like MNIST's anti-aliased scans.
 * The ink is in the alpha channel: the pad's canvas is transparent, its dark colour is the page's.
 */
export function paintStroke(ctx: CanvasRenderingContext2D, from: Point, to: Point, side: number): void {
  const width = side * PEN_WIDTH;
  ctx.save();
  ctx.strokeStyle = ctx.fillStyle = ctx.shadowColor = THEME.on;
  ctx.shadowBlur = width / 2;
  ctx.lineWidth = width;
  ctx.lineCap = ctx.lineJoin = "round";
  ctx.beginPath();
  if (Math.hypot(to.x - from.x, to.y - from.y) < 0.5) {
    ctx.arc(to.x, to.y, width / 2, 0, 2 * Math.PI);
    ctx.fill();
  } else {
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * A greyscale image, white ink on black, one canvas pixel per value: values[y·width + x] in 0…max
 * (max 1 for activations, 255 for MNIST bytes). Scale it up with CSS `image-rendering: pixelated`.
 */
export function paintGrayscale(
  ctx: CanvasRenderingContext2D,
  values: ArrayLike<number>,
  width: number,
  height: number,
  max = 1,
): void {
  const image = ctx.createImageData(width, height);
  const { data } = image;
  for (let i = 0; i < width * height; i++) {
    const g = Math.round((255 * (values[i] ?? 0)) / max);
    data[4 * i] = data[4 * i + 1] = data[4 * i + 2] = g;
    data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

/** Empties a canvas (a blank pad is transparent; a blank digit image black). */
export function clearCanvas(ctx: CanvasRenderingContext2D, fill: string | null = null): void {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  if (fill === null) return;
  ctx.fillStyle = fill;
  ctx.fillRect(0, 0, width, height);
}
