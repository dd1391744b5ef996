// Painter for "why this answer?": the 28×28 input dimmed to grey, each inked pixel tinted blue where it pushed
// the answer up and red where it pushed it down, stronger the more it pushed (the engine's saliency).
import { MNIST_PIXELS, MNIST_SIDE } from "../engine/mnist.ts";

const BLUE = [88, 196, 221] as const;
const RED = [252, 98, 85] as const;

/**
 * Paints on a MNIST_SIDE × MNIST_SIDE canvas: grey = 0.3·xᵢ, mixed towards blue (sᵢ > 0) or red (sᵢ < 0) by
 * √(|sᵢ| / max|s|) — the square root so that the many small pushes show beside the few large ones.
 */
export function paintSaliency(
  ctx: CanvasRenderingContext2D,
  input: ArrayLike<number>,
  saliency: ArrayLike<number>,
): void {
  let max = 0;
  for (let i = 0; i < MNIST_PIXELS; i++) max = Math.max(max, Math.abs(saliency[i] ?? 0));
  const image = ctx.createImageData(MNIST_SIDE, MNIST_SIDE);
  for (let i = 0; i < MNIST_PIXELS; i++) {
    const s = saliency[i] ?? 0;
    const t = max > 0 ? Math.sqrt(Math.abs(s) / max) : 0;
    const tint = s >= 0 ? BLUE : RED;
    const grey = 255 * 0.3 * (input[i] ?? 0);
    for (let c = 0; c < 3; c++) image.data[4 * i + c] = Math.round(grey * (1 - t) + tint[c]! * t);
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}
