// Sizing a canvas for the screen: the backing store follows CSS size × devicePixelRatio, changed only when it
// differs (assigning width or height clears and reallocates the canvas), and painters draw in CSS px.

/**
 * Gives `canvas` a backing store of cssWidth×cssHeight CSS px at `dpr` device pixels each and returns its 2D
 * context scaled so that painters draw in CSS px; null where there is no 2D context (jsdom).
 */
export function fitCanvas(
  canvas: HTMLCanvasElement,
  cssWidth: number,
  cssHeight: number,
  dpr: number,
): CanvasRenderingContext2D | null {
  const w = Math.max(1, Math.round(cssWidth * dpr));
  const h = Math.max(1, Math.round(cssHeight * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext("2d");
  ctx?.setTransform(w / Math.max(1, cssWidth), 0, 0, h / Math.max(1, cssHeight), 0, 0);
  return ctx;
}

/** The screen's device pixels per CSS px (1 outside a browser). */
export function devicePixelRatio(): number {
  return typeof window !== "undefined" && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
}
