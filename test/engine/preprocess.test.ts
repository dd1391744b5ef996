// toMnist: cropping, aspect-preserving area-averaged scaling to 20×20, and centre-of-mass centring in 28×28.
import { describe, expect, it } from "vitest";
import { alphaChannel, INK_THRESHOLD, MNIST_SIDE, toMnist } from "../../src/engine/preprocess.ts";
import { createRng } from "../../src/engine/rng.ts";

const N = MNIST_SIDE;

/** A blank w×h ink image (0…1). */
function blank(w: number, h: number): { ink: Float32Array; w: number; h: number } {
  return { ink: new Float32Array(w * h), w, h };
}

function fillRect(img: ReturnType<typeof blank>, x: number, y: number, w: number, h: number, v = 1): void {
  for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) img.ink[j * img.w + i] = v;
}

/** A disk with a one-pixel anti-aliased rim, like a soft pen stamp. */
function disk(img: ReturnType<typeof blank>, cx: number, cy: number, r: number): void {
  const y0 = Math.max(0, Math.floor(cy - r - 1));
  const y1 = Math.min(img.h, Math.ceil(cy + r + 1));
  const x0 = Math.max(0, Math.floor(cx - r - 1));
  const x1 = Math.min(img.w, Math.ceil(cx + r + 1));
  for (let j = y0; j < y1; j++)
    for (let i = x0; i < x1; i++) {
      const v = Math.min(1, Math.max(0, r - Math.hypot(i + 0.5 - cx, j + 0.5 - cy) + 0.5));
      img.ink[j * img.w + i] = Math.max(img.ink[j * img.w + i] ?? 0, v);
    }
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] ?? 0;
  return s;
}

/** Bounding box of the non-zero output pixels: [x0, y0, width, height]. */
function bbox(p: Float32Array): [number, number, number, number] {
  let x0 = N;
  let y0 = N;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < N; y++)
    for (let x = 0; x < N; x++)
      if ((p[y * N + x] ?? 0) > 0) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  return [x0, y0, x1 - x0 + 1, y1 - y0 + 1];
}

/** Centre of mass with pixel centres at (x + ½, y + ½), so the field's centre is (14, 14). */
function centreOfMass(p: Float32Array): [number, number] {
  let m = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < N; y++)
    for (let x = 0; x < N; x++) {
      const v = p[y * N + x] ?? 0;
      m += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  return [mx / m, my / m];
}

function mnist(img: ReturnType<typeof blank>): Float32Array {
  const p = toMnist(img.ink, img.w, img.h);
  if (!p) throw new Error("expected ink");
  return p;
}

describe("toMnist", () => {
  it("returns null for an empty image", () => {
    expect(toMnist(new Float32Array(100 * 80), 100, 80)).toBeNull();
    expect(toMnist(new Uint8ClampedArray(100 * 80), 100, 80)).toBeNull();
  });

  it("returns null when all ink is below the threshold", () => {
    const img = blank(50, 50);
    fillRect(img, 5, 5, 30, 30, INK_THRESHOLD * 0.9);
    expect(toMnist(img.ink, img.w, img.h)).toBeNull();
  });

  it("returns 784 values, all in [0, 1]", () => {
    const img = blank(120, 90);
    fillRect(img, 10, 10, 40, 60, 3); // over-bright floats are clamped
    disk(img, 80, 50, 20);
    const p = mnist(img);
    expect(p).toHaveLength(784);
    for (const v of p) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it("a square blob anywhere ends as a 20×20 block centred at (14, 14)", () => {
    const a = blank(200, 200);
    fillRect(a, 10, 130, 50, 50);
    const b = blank(200, 200);
    fillRect(b, 120, 7, 50, 50);
    const p = mnist(a);
    expect(bbox(p)).toEqual([4, 4, 20, 20]);
    expect(centreOfMass(p)).toEqual([14, 14]);
    for (let y = 4; y < 24; y++) for (let x = 4; x < 24; x++) expect(p[y * N + x]).toBeCloseTo(1, 6);
    expect(mnist(b)).toEqual(p);
  });

  it("keeps the aspect ratio: a tall thin stroke stays tall (height 20, width < 20)", () => {
    const img = blank(200, 200);
    fillRect(img, 90, 20, 16, 160); // 16 × 160 → 2 × 20
    const [, , w, h] = bbox(mnist(img));
    expect(h).toBe(20);
    expect(w).toBe(2);
  });

  it("keeps the aspect ratio: a wide stroke stays wide (width 20, height < 20)", () => {
    const img = blank(300, 100);
    fillRect(img, 20, 40, 240, 36); // 240 × 36 → 20 × 3
    const [, , w, h] = bbox(mnist(img));
    expect(w).toBe(20);
    expect(h).toBe(3);
  });

  it("puts the centre of mass within half a pixel of (14, 14)", () => {
    const rng = createRng(42);
    for (let trial = 0; trial < 40; trial++) {
      // A scribble: a pen of radius 12 dragged through 2–6 random points.
      const img = blank(280, 280);
      let x = 40 + rng.next() * 200;
      let y = 40 + rng.next() * 200;
      for (let k = 1 + rng.int(5); k > 0; k--) {
        const nx = 40 + rng.next() * 200;
        const ny = 40 + rng.next() * 200;
        const steps = Math.ceil(Math.hypot(nx - x, ny - y) / 3);
        for (let t = 0; t <= steps; t++)
          disk(img, x + ((nx - x) * t) / steps, y + ((ny - y) * t) / steps, 12);
        [x, y] = [nx, ny];
      }
      const [cx, cy] = centreOfMass(mnist(img));
      expect(Math.abs(cx - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(Math.abs(cy - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
    }
  });

  it("centres the centre of mass, not the box, for a lopsided shape", () => {
    // An L: a tall bar with a foot to the right; the mass sits left of and below the box's centre.
    const img = blank(200, 200);
    fillRect(img, 40, 20, 20, 160);
    fillRect(img, 40, 160, 100, 20);
    const p = mnist(img);
    const [x0, y0, w, h] = bbox(p);
    expect(h).toBe(20);
    expect(x0 + w / 2).toBeGreaterThan(14); // the box is pushed right …
    expect(y0 + h / 2).toBeLessThan(14); // … and up
    const [cx, cy] = centreOfMass(p);
    expect(Math.abs(cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cy - 14)).toBeLessThanOrEqual(0.5);
  });

  it("cuts ink shifted past the edge, as MNIST did, when the mass sits far from the box's centre", () => {
    const img = blank(200, 200);
    fillRect(img, 10, 10, 60, 180); // a heavy bar on the left …
    fillRect(img, 185, 95, 5, 5); // … and a speck 175 px to its right
    const p = mnist(img);
    // The bar scales to columns 0…6⅔ of the 20-wide box, the speck to column 19; the shift is 11, so the
    // bar lands in columns 11…17 and the speck at 30, off the field.
    expect(bbox(p)).toEqual([11, 4, 7, 20]);
  });

  it("roughly conserves ink: the output's total is the input's times the scale²", () => {
    for (const r of [30, 60, 110]) {
      const img = blank(280, 280);
      disk(img, 140, 140, r);
      const row = Array.from(img.ink.subarray(140 * 280, 141 * 280));
      const scale = 20 / row.filter((v) => v > INK_THRESHOLD).length; // the disk's box is its width square
      const expected = sum(img.ink) * scale * scale;
      expect(Math.abs(sum(mnist(img)) - expected) / expected).toBeLessThan(0.03);
    }
  });

  it("anti-aliases when shrinking: fine stripes average to grey, not to black or white", () => {
    const img = blank(200, 200);
    for (let x = 0; x < 200; x += 2) fillRect(img, x, 0, 1, 200); // every other column inked
    const p = mnist(img);
    const inside = Array.from(p.subarray(10 * N + 5, 10 * N + 23));
    for (const v of inside) expect(v).toBeCloseTo(0.5, 1);
  });

  it("scales small ink up to fill the 20-pixel box", () => {
    const img = blank(100, 100);
    fillRect(img, 40, 40, 5, 5);
    const p = mnist(img);
    expect(bbox(p)).toEqual([4, 4, 20, 20]);
    expect(sum(p)).toBeCloseTo(400, 3);
  });

  it("reads canvas bytes (0…255) the same as floats (0…1)", () => {
    const img = blank(150, 150);
    disk(img, 60, 80, 35);
    fillRect(img, 60, 30, 40, 12);
    const bytes = Uint8ClampedArray.from(img.ink, (v) => Math.round(v * 255));
    const fromBytes = toMnist(bytes, img.w, img.h);
    const fromFloats = mnist({ ...img, ink: Float32Array.from(bytes, (b) => b / 255) });
    expect(fromBytes).not.toBeNull();
    for (let i = 0; i < 784; i++) expect(fromBytes?.[i]).toBeCloseTo(fromFloats[i] ?? NaN, 5);
  });
});

describe("alphaChannel", () => {
  it("alphaChannel(rgba) keeps every fourth byte", () => {
    const rgba = Uint8ClampedArray.of(1, 2, 3, 40, 5, 6, 7, 80, 9, 10, 11, 255);
    expect(Array.from(alphaChannel(rgba))).toEqual([40, 80, 255]);
  });
});
