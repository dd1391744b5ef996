// A layer's heatmaps on one canvas, the sprite sheet the grid and the enlarged heatmap copy their tiles from:
// repainted only for new weights (a repaint for a focus ring or hover reuses it), resized only on change.
import { imageSide, paintHeatmapSheet, quantileAbs, sheetSize } from "./heatmap.ts";
import { THEME } from "./theme.ts";

export class SheetCanvas {
  private canvas: HTMLCanvasElement | null = null;
  private image: ImageData | null = null;
  private weights: ArrayLike<number> | null = null;
  private cols = 0;
  /** The shared scale s of the weights in the sheet: THEME.heatmap.scaleQuantile of |w| (NaN when none). */
  scale = Number.NaN;

  /**
   * The sheet of a layer's weights w[j·nIn + k] (weight from pixel k into neuron j, `count` neurons) in `cols`
   * columns, repainted when `w` is a new array or the layout changed; null when `w` does not have that shape or
   * there is no 2-D context.
   */
  update(
    w: ArrayLike<number> | undefined,
    nIn: number,
    count: number,
    cols: number,
  ): HTMLCanvasElement | null {
    if (!w || w.length !== nIn * count || count === 0) {
      this.scale = Number.NaN;
      return null;
    }
    const size = sheetSize(count, nIn, cols);
    this.canvas ??= document.createElement("canvas");
    const canvas = this.canvas;
    const resized = canvas.width !== size.width || canvas.height !== size.height;
    if (resized) {
      canvas.width = size.width;
      canvas.height = size.height;
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) return null;
    if (resized || !this.image || this.weights !== w || this.cols !== cols) {
      if (resized || !this.image) this.image = ctx.createImageData(size.width, size.height);
      this.cols = cols;
      this.scale = quantileAbs(w, THEME.heatmap.scaleQuantile);
      paintHeatmapSheet({ image: this.image, side: imageSide(nIn), cols }, w, nIn, this.scale);
      ctx.putImageData(this.image, 0, 0);
      this.weights = w;
    }
    return canvas;
  }
}
