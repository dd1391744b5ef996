// augment.ts: shifts, rotations and 3×3 thickness changes keep values in [0, 1], a shift moves the centre of
// mass by the shift, and with everything off augment returns its input unchanged.
import { describe, expect, it } from "vitest";
import {
  augment,
  augmentBytes,
  LIGHT_AUGMENT,
  NO_AUGMENT,
  rotate,
  shift,
  thicken,
} from "../../src/engine/augment.ts";
import { createRng } from "../../src/engine/rng.ts";

/** A 28×28 image with a 4 × 10 bar of ink (rows 9–18, columns 12–15) and a grey edge column at 11. */
function bar(): Float32Array {
  const x = new Float32Array(784);
  for (let r = 9; r < 19; r++) {
    x[r * 28 + 11] = 0.5;
    for (let c = 12; c < 16; c++) x[r * 28 + c] = 1;
  }
  return x;
}

function centreOfMass(x: ArrayLike<number>): { x: number; y: number; mass: number } {
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let r = 0; r < 28; r++)
    for (let c = 0; c < 28; c++) {
      const v = x[r * 28 + c]!;
      mass += v;
      mx += v * (c + 0.5);
      my += v * (r + 0.5);
    }
  return { x: mx / mass, y: my / mass, mass };
}

function expectUnitRange(x: Float32Array) {
  expect(x).toHaveLength(784);
  for (const v of x) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
}

function assertInDelta(actual: number, expected: number, delta: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(delta);
}

describe("shift", () => {
  it("shift(x, dx, dy) moves the centre of mass by (dx, dy)", () => {
    const x = bar();
    const before = centreOfMass(x);
    for (const [dx, dy] of [
      [2, 0],
      [0, -2],
      [-1, 2],
      [-2, -1],
    ] as const) {
      const after = centreOfMass(shift(x, dx, dy));
      assertInDelta(after.x - before.x, dx, 1e-5);
      assertInDelta(after.y - before.y, dy, 1e-5);
      assertInDelta(after.mass, before.mass, 1e-5);
    }
  });

  it("shift(x, 0, 0) equals x; ink pushed past an edge is cut", () => {
    const x = bar();
    expect(shift(x, 0, 0)).toEqual(x);
    expect(centreOfMass(shift(x, 20, 0)).mass).toBe(0);
  });
});

describe("rotate", () => {
  it("rotate(x, 0) equals x, and any angle keeps values in [0, 1]", () => {
    const x = bar();
    expect(rotate(x, 0)).toEqual(x);
    for (const deg of [-12, -5, 7, 12, 90]) expectUnitRange(rotate(x, deg));
  });

  it("rotate(x, 90) turns a vertical bar through the centre into a horizontal one", () => {
    const x = new Float32Array(784);
    for (let r = 4; r < 24; r++) x[r * 28 + 13] = x[r * 28 + 14] = 1;
    const y = rotate(x, 90);
    expect(y[14 * 28 + 6]).toBeCloseTo(1, 5);
    expect(y[6 * 28 + 14]).toBeCloseTo(0, 5);
    const c = centreOfMass(y);
    assertInDelta(c.x, 14, 1e-4);
    assertInDelta(c.y, 14, 1e-4);
  });
});

describe("thicken", () => {
  it("thicken(x, true) dilates (more ink, a superset), thicken(x, false) erodes (less, a subset)", () => {
    const x = bar();
    const thick = thicken(x, true);
    const thin = thicken(x, false);
    expectUnitRange(thick);
    expectUnitRange(thin);
    for (let i = 0; i < 784; i++) {
      expect(thick[i]).toBeGreaterThanOrEqual(x[i]!);
      expect(thin[i]).toBeLessThanOrEqual(x[i]!);
    }
    expect(centreOfMass(thick).mass).toBeGreaterThan(centreOfMass(x).mass);
    expect(centreOfMass(thin).mass).toBeLessThan(centreOfMass(x).mass);
    // The 6-wide bar (columns 11–16 after dilation) and a 2-wide core after erosion (columns 13–14).
    expect(thick[14 * 28 + 16]).toBe(1);
    expect(thin[14 * 28 + 12]).toBe(0.5);
    expect(thin[14 * 28 + 13]).toBe(1);
  });
});

describe("augment", () => {
  it("augment(x, NO_AUGMENT, rng) is an unchanged copy", () => {
    const x = bar();
    const y = augment(x, NO_AUGMENT, createRng(1));
    expect(y).toEqual(x);
    expect(y).not.toBe(x);
  });

  it("augment(x, LIGHT_AUGMENT, rng) stays in [0, 1], and the same seed gives the same variant", () => {
    const x = bar();
    const variants = Array.from({ length: 20 }, (_, seed) => augment(x, LIGHT_AUGMENT, createRng(seed)));
    for (const v of variants) expectUnitRange(v);
    expect(augment(x, LIGHT_AUGMENT, createRng(3))).toEqual(variants[3]);
    expect(variants.some((v) => v.some((p, i) => p !== x[i]))).toBe(true);
  });

  it("augment with shifts only moves the centre of mass by whole pixels within ±shift", () => {
    const x = bar();
    const before = centreOfMass(x);
    for (let seed = 0; seed < 30; seed++) {
      const after = centreOfMass(augment(x, { shift: 2, rotate: 0, thickness: false }, createRng(seed)));
      for (const d of [after.x - before.x, after.y - before.y]) {
        expect(Math.abs(d)).toBeLessThanOrEqual(2 + 1e-5);
        assertInDelta(d, Math.round(d), 1e-5);
      }
    }
  });
});

describe("augmentBytes", () => {
  it("augmentBytes(pixels, count, NO_AUGMENT, seed) returns the bytes unchanged", () => {
    const pixels = Uint8Array.from({ length: 2 * 784 }, (_, i) => (i * 37) % 256);
    expect(augmentBytes(pixels, 2, NO_AUGMENT, 9)).toEqual(pixels);
  });

  it("image i is augment of image i with createRng(seed + i), as bytes", () => {
    const x = bar();
    const pixels = new Uint8Array(3 * 784);
    for (let i = 0; i < 3; i++)
      pixels.set(
        Array.from(x, (v) => Math.round(255 * v)),
        i * 784,
      );
    const out = augmentBytes(pixels, 3, LIGHT_AUGMENT, 40);
    const one = augment(
      Array.from(pixels.subarray(784, 1568), (v) => v / 255),
      LIGHT_AUGMENT,
      createRng(41),
    );
    expect(out.subarray(784, 1568)).toEqual(Uint8Array.from(one, (v) => Math.round(255 * v)));
  });

  it("augmenting a slice from image `first` with seed + first gives that slice of the whole (the worker's slices)", () => {
    const pixels = Uint8Array.from(
      { length: 5 * 784 },
      (_, i) => ((i % 784) * 7 + ((i / 784) | 0) * 31) % 256,
    );
    const whole = augmentBytes(pixels, 5, LIGHT_AUGMENT, 100);
    const slice = augmentBytes(pixels.subarray(2 * 784, 5 * 784), 3, LIGHT_AUGMENT, 102);
    expect(slice).toEqual(whole.subarray(2 * 784));
  });
});
