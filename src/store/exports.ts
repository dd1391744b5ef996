// Exports a class can keep: the metrics history as CSV, and any blob (model file, PNG) as a download.
import type { HistoryPoint } from "../worker/training/protocol.ts";

/** The CSV header, in the order of HistoryPoint's fields. */
export const METRICS_HEADER = "examplesSeen,trainCost,testCost,testAccuracy,testImages,learningRate";

/** One row per history point; a missing or non-finite value is an empty cell. Ends with a newline. */
export function metricsCsv(history: readonly HistoryPoint[]): string {
  const cell = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) ? "" : String(v);
  const rows = history.map((p) =>
    [p.examplesSeen, p.trainCost, p.testCost, p.testAccuracy, p.testImages, p.learningRate]
      .map(cell)
      .join(","),
  );
  return `${[METRICS_HEADER, ...rows].join("\n")}\n`;
}

/** Saves `blob` as a file named `name` through a temporary link. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves a canvas as a PNG file named `name` (nothing when the canvas cannot be encoded). */
export function downloadCanvas(canvas: HTMLCanvasElement, name: string): void {
  canvas.toBlob((blob) => {
    if (blob) downloadBlob(blob, name);
  }, "image/png");
}

/** Presentation properties an SVG drawn by d3 takes from the page's CSS, inlined so the image looks the same. */
const SVG_STYLES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
  "visibility",
] as const;

/**
 * Draws an SVG, with its computed styles inlined, onto a canvas `scale` times its viewBox size over
 * `background`, and saves it as a PNG named `name`. Resolves when the download has started.
 */
export async function downloadSvgAsPng(
  svg: SVGSVGElement,
  name: string,
  { scale = 2, background }: { scale?: number; background: string },
): Promise<void> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll("*")];
  const to = [clone, ...clone.querySelectorAll("*")];
  from.forEach((el, i) => {
    const style = getComputedStyle(el);
    const target = to[i] as SVGElement | undefined;
    if (target) for (const p of SVG_STYLES) target.style.setProperty(p, style.getPropertyValue(p));
  });
  const box = svg.viewBox.baseVal;
  const width = box.width || svg.clientWidth;
  const height = box.height || svg.clientHeight;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(clone)], { type: "image/svg+xml" }),
  );
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    downloadCanvas(canvas, name);
  } finally {
    URL.revokeObjectURL(url);
  }
}
