// Binning confidences for the noise experiment's histogram (d3's bin), and the summary numbers beside it.
import { bin, quantile } from "d3";
import { MNIST_CLASSES } from "../engine/mnist.ts";

/** One bar: the values in [x0, x1) (the last bar includes x1), and their share of all values. */
export interface Bar {
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
  readonly share: number;
}

/** Sigmoid confidences are a[digit] / Σa ≥ 1/10: the histogram spans [0.1, 1]. */
export const CONFIDENCE_DOMAIN = [0.1, 1] as const;
export const CONFIDENCE_BINS = 18;

/**
 * `n` equal bins over [lo, hi]; values outside are counted in the nearest end bin, so the counts always sum to
 * values.length.
 */
export function histogram(
  values: ArrayLike<number>,
  [lo, hi]: readonly [number, number] = CONFIDENCE_DOMAIN,
  n: number = CONFIDENCE_BINS,
): Bar[] {
  const width = (hi - lo) / n;
  const thresholds = Array.from({ length: n - 1 }, (_, i) => lo + (i + 1) * width);
  const clamped = Array.from(values, (v) => Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : lo)));
  const bins = bin().domain([lo, hi]).thresholds(thresholds)(clamped);
  const total = Math.max(1, clamped.length);
  return bins.map((b, i) => ({
    x0: lo + i * width,
    x1: lo + (i + 1) * width,
    count: b.length,
    share: b.length / total,
  }));
}

/** Median, and the share at or above `high`, of a set of confidences. */
export function summarise(values: ArrayLike<number>, high = 0.5): { median: number; highShare: number } {
  const all = Array.from(values);
  const above = all.filter((v) => v >= high).length;
  return {
    median: quantile(all, 0.5) ?? Number.NaN,
    highShare: all.length ? above / all.length : Number.NaN,
  };
}

/** How many of `digits` are each digit 0–9. */
export function digitCounts(digits: ArrayLike<number>): number[] {
  const counts = Array.from({ length: MNIST_CLASSES }, () => 0);
  for (let i = 0; i < digits.length; i++) counts[digits[i]!]!++;
  return counts;
}
