// The noise experiment's numbers: confidence bins (d3's bin) and summaries.
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/engine/rng.ts";
import { digitCounts, histogram, summarise } from "../../src/experiments/histogram.ts";

describe("histogram", () => {
  it("histogram(values) has 18 bins over [0.1, 1] whose counts sum to the number of values", () => {
    const rng = createRng(1);
    const values = Array.from({ length: 1000 }, () => 0.1 + 0.9 * rng.next());
    const bars = histogram(values);
    expect(bars).toHaveLength(18);
    expect(bars[0]!.x0).toBeCloseTo(0.1, 12);
    expect(bars[17]!.x1).toBeCloseTo(1, 12);
    expect(bars.reduce((s, b) => s + b.count, 0)).toBe(1000);
    expect(bars.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 12);
  });

  it("puts 1 in the last bin and values outside the domain in the end bins", () => {
    const bars = histogram([1, 0.05, 0.12, 0.99, Number.NaN]);
    expect(bars.map((b) => b.count)).toEqual([3, ...Array(16).fill(0), 2]);
  });

  it("summarise() gives the median and the share at or above ½; digitCounts() counts answers", () => {
    expect(summarise([0.2, 0.5, 0.9])).toEqual({ median: 0.5, highShare: 2 / 3 });
    expect(digitCounts([0, 0, 9, 3])).toEqual([2, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
  });
});
