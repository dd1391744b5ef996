// Painter for the mini-batch a paced Play just trained: its images side by side, each with its label under it.
import { MNIST_PIXELS, MNIST_SIDE } from "../engine/mnist.ts";
import type { ShownBatch } from "../worker/training/pace.ts";
import { THEME } from "./theme.ts";

/** Each image's side on the strip, CSS px, and the gap between images. */
export const BATCH_IMAGE = 2 * MNIST_SIDE;
export const BATCH_GAP = 6;
/** Height of the label row under the images, CSS px (12 px type). */
export const BATCH_LABEL = 18;

/** The strip's size for `count` images, CSS px. */
export function batchStripSize(count: number): { width: number; height: number } {
  return { width: count * (BATCH_IMAGE + BATCH_GAP) - BATCH_GAP, height: BATCH_IMAGE + BATCH_LABEL };
}

/**
 * Paints `batch` on a context already scaled to CSS px: image i at x = i·(BATCH_IMAGE + BATCH_GAP), white ink on
 * black, its label centred under it.
 */
export function paintBatch(ctx: CanvasRenderingContext2D, batch: ShownBatch): void {
  const count = batch.labels.length;
  const { width, height } = batchStripSize(count);
  ctx.clearRect(0, 0, width, height);
  const image = new ImageData(MNIST_SIDE, MNIST_SIDE);
  const tile = document.createElement("canvas");
  tile.width = tile.height = MNIST_SIDE;
  const tileCtx = tile.getContext("2d")!;
  ctx.imageSmoothingEnabled = false;
  ctx.font = `12px ${THEME.monoFont}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < MNIST_PIXELS; k++) {
      const v = batch.pixels[i * MNIST_PIXELS + k]!;
      image.data[4 * k] = image.data[4 * k + 1] = image.data[4 * k + 2] = v;
      image.data[4 * k + 3] = 255;
    }
    tileCtx.putImageData(image, 0, 0);
    const x = i * (BATCH_IMAGE + BATCH_GAP);
    ctx.drawImage(tile, x, 0, BATCH_IMAGE, BATCH_IMAGE);
    ctx.fillStyle = THEME.foreground;
    ctx.fillText(String(batch.labels[i]), x + BATCH_IMAGE / 2, BATCH_IMAGE + 3);
  }
}
