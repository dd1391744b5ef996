// The colour helpers: the symmetric blue/red weight scale, activation brightness, the diverging table.
import { describe, expect, it } from "vitest";
import {
  activationFill,
  DIVERGING_LUT,
  DIVERGING_SIZE,
  divergingIndex,
  formatValue,
  hexToRgb,
  THEME,
  weightColor,
} from "../../src/render/theme.ts";

const [br, bg, bb] = hexToRgb(THEME.positive);
const [rr, rg, rb] = hexToRgb(THEME.negative);

function lut(i: number): number[] {
  return Array.from(DIVERGING_LUT.subarray(i * 4, i * 4 + 4));
}

describe("weightColor(w, scale)", () => {
  it("is blue for positive weights and red for negative ones, opacity |w| / scale", () => {
    expect(weightColor(0.5, 1)).toBe(`rgba(${br}, ${bg}, ${bb}, 0.5)`);
    expect(weightColor(-0.25, 1)).toBe(`rgba(${rr}, ${rg}, ${rb}, 0.25)`);
    expect(weightColor(3, 4)).toBe(`rgba(${br}, ${bg}, ${bb}, 0.75)`);
  });
  it("is symmetric: w and −w have the same opacity", () => {
    for (const w of [0.01, 0.3, 0.99, 2]) {
      const opacity = (c: string) => c.slice(c.lastIndexOf(",") + 1);
      expect(opacity(weightColor(-w, 1))).toBe(opacity(weightColor(w, 1)));
    }
  });
  it("saturates beyond the scale and is transparent for zero, NaN or a bad scale", () => {
    expect(weightColor(10, 1)).toBe(`rgba(${br}, ${bg}, ${bb}, 1)`);
    expect(weightColor(-10, 1)).toBe(`rgba(${rr}, ${rg}, ${rb}, 1)`);
    expect(weightColor(0, 1)).toMatch(/, 0\)$/);
    expect(weightColor(Number.NaN, 1)).toMatch(/, 0\)$/);
    expect(weightColor(1, 0)).toMatch(/, 0\)$/);
    expect(weightColor(1, Number.NaN)).toMatch(/, 0\)$/);
  });
});

describe("activationFill(a, max)", () => {
  it("runs from black (a = 0) to white (a = 1), clamped", () => {
    expect(activationFill(0)).toBe("rgb(0, 0, 0)");
    expect(activationFill(1)).toBe("rgb(255, 255, 255)");
    expect(activationFill(0.5)).toBe("rgb(128, 128, 128)");
    expect(activationFill(-3)).toBe("rgb(0, 0, 0)");
    expect(activationFill(7)).toBe("rgb(255, 255, 255)");
    expect(activationFill(Number.NaN)).toBe("rgb(0, 0, 0)");
  });
  it("scales by max for unbounded (ReLU) layers", () => {
    expect(activationFill(2, 4)).toBe(activationFill(0.5));
  });
});

describe("DIVERGING_LUT", () => {
  it("has DIVERGING_SIZE opaque RGBA entries", () => {
    expect(DIVERGING_LUT.length).toBe(DIVERGING_SIZE * 4);
    for (let i = 0; i < DIVERGING_SIZE; i++) expect(DIVERGING_LUT[i * 4 + 3]).toBe(255);
  });
  it("runs from red through black to blue", () => {
    for (const [c, want] of [
      [lut(0), [rr, rg, rb]],
      [lut(DIVERGING_SIZE - 1), [br, bg, bb]],
    ] as const)
      for (let k = 0; k < 3; k++) expect(Math.abs(c[k]! - want[k]!)).toBeLessThanOrEqual(1);
    for (const i of [DIVERGING_SIZE / 2 - 1, DIVERGING_SIZE / 2])
      expect(Math.max(...lut(i).slice(0, 3))).toBeLessThan(3);
  });
  it("is symmetric: entries i and 255 − i have the same magnitude (same share of red as of blue)", () => {
    for (let i = 0; i < DIVERGING_SIZE / 2; i++) {
      const neg = lut(i);
      const pos = lut(DIVERGING_SIZE - 1 - i);
      // Same interpolation weight m toward red and toward blue: c = m · end.
      const mNeg = neg[0]! / rr;
      const mPos = pos[2]! / bb;
      expect(Math.abs(mNeg - mPos)).toBeLessThan(0.01);
    }
  });
});

describe("divergingIndex(v, scale)", () => {
  it("maps −scale … +scale onto 0 … 255, zero to the middle", () => {
    expect(divergingIndex(-1, 1)).toBe(0);
    expect(divergingIndex(1, 1)).toBe(DIVERGING_SIZE - 1);
    expect(divergingIndex(0, 1)).toBe(DIVERGING_SIZE / 2);
    expect(divergingIndex(0.5, 2)).toBe(divergingIndex(0.25, 1));
  });
  it("is symmetric and clamps", () => {
    for (const v of [0.1, 0.37, 0.8])
      expect(divergingIndex(-v, 1)).toBe(DIVERGING_SIZE - 1 - divergingIndex(v, 1));
    expect(divergingIndex(5, 1)).toBe(DIVERGING_SIZE - 1);
    expect(divergingIndex(-5, 1)).toBe(0);
    expect(divergingIndex(Number.NaN, 1)).toBe(DIVERGING_SIZE / 2);
    expect(divergingIndex(1, 0)).toBe(DIVERGING_SIZE / 2);
  });
});

describe("formatValue(x)", () => {
  it("prints fixed decimals with a true minus sign", () => {
    expect(formatValue(0.83214)).toBe("0.832");
    expect(formatValue(-1.2)).toBe("\u22121.200");
    expect(formatValue(-0.0001)).toBe("0.000");
    expect(formatValue(Number.NaN)).toBe("—");
    expect(formatValue(0.5, 2)).toBe("0.50");
  });
});
