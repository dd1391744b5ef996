// The "draw a digit" chart: one output activation aⱼ (0…1) against ascent steps, painted on a canvas outside
// React's render path, with a faint rule at 0.99 ("near certainty").

import { monoFont, SERIES, THEME } from "./theme.ts";

export interface AscentChartOptions {
  /** The chart's size in CSS px (the canvas is fitted by the caller). */
  readonly width: number;
  readonly height: number;
  /** The step the x axis ends at. */
  readonly maxSteps: number;
}

const M = { top: 8, right: 8, bottom: 20, left: 34 };
/** The rule drawn across the chart: the output the experiment calls near certainty. */
export const CERTAIN = 0.99;

/** Paints outputs[t] (aⱼ after step t + 1) from `start` (aⱼ before any step), on axes 0…maxSteps × 0…1. */
export function paintAscentChart(
  ctx: CanvasRenderingContext2D,
  start: number,
  outputs: readonly number[],
  o: AscentChartOptions,
): void {
  const w = o.width - M.left - M.right;
  const h = o.height - M.top - M.bottom;
  const x = (t: number) => M.left + (w * t) / Math.max(1, o.maxSteps);
  const y = (a: number) => M.top + h * (1 - a);
  ctx.clearRect(0, 0, o.width, o.height);
  ctx.font = monoFont(11);
  ctx.fillStyle = THEME.muted;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  ctx.strokeStyle = THEME.gridLine;
  ctx.lineWidth = 1;
  for (const a of [0, 0.5, 1]) {
    ctx.fillText(String(a), M.left - 4, y(a));
    ctx.beginPath();
    ctx.moveTo(M.left, y(a));
    ctx.lineTo(M.left + w, y(a));
    ctx.stroke();
  }
  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  ctx.fillText("step 0", M.left, M.top + h + 5);
  ctx.textAlign = "right";
  ctx.fillText(String(o.maxSteps), M.left + w, M.top + h + 5);

  ctx.setLineDash([3, 3]);
  ctx.strokeStyle = THEME.muted;
  ctx.beginPath();
  ctx.moveTo(M.left, y(CERTAIN));
  ctx.lineTo(M.left + w, y(CERTAIN));
  ctx.stroke();
  ctx.setLineDash([]);

  ctx.strokeStyle = SERIES[0];
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x(0), y(start));
  outputs.forEach((a, t) => ctx.lineTo(x(t + 1), y(a)));
  ctx.stroke();
}
