// While Play is paced, the mini-batch it just trained: its first images with their labels, painted from the
// worker's frames outside React's render path. Hidden at full speed.
import { useEffect, useRef } from "react";
import { batchStripSize, paintBatch } from "../render/batchStrip.ts";
import { SHOWN_IMAGES, type ShownBatch } from "../worker/training/pace.ts";
import "./firstMinute.css";
import { useApp, useClient } from "./context.tsx";
import { useFramePainter } from "./useFramePainter.ts";

export function PacedBatch() {
  const pace = useApp((s) => s.pace);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const shown = useRef<ShownBatch | null>(null);
  const client = useClient();
  // Every batch as it comes (a frame without one may follow before the screen repaints).
  useEffect(
    () =>
      client.onFrame((frame) => {
        if (frame.batch) shown.current = frame.batch;
      }),
    [client],
  );
  useFramePainter(() => {
    const canvas = canvasRef.current;
    const batch = shown.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx || !batch) return;
    const { width, height } = batchStripSize(batch.labels.length);
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    paintBatch(ctx, batch);
    const labels = Array.from(batch.labels).join(", ");
    canvas.setAttribute("aria-label", `This mini-batch of ${batch.size}: images labelled ${labels}`);
    canvas.dataset.labels = labels;
  });
  if (pace === null) return null;
  const { width, height } = batchStripSize(SHOWN_IMAGES);
  return (
    <figure className="batch-strip">
      <figcaption className="hint">
        The mini-batch it just trained on (its first {SHOWN_IMAGES} images)
      </figcaption>
      <div className="batch-strip-scroll" style={{ minHeight: height }}>
        <canvas ref={canvasRef} role="img" aria-label="This mini-batch" style={{ maxWidth: width }} />
      </div>
    </figure>
  );
}
