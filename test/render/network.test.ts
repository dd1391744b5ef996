// The network diagram's layout (inside the box, ordered, no overlaps up to 512 neurons), hit-testing, the
// strongest-edge selection, and what the painter draws for a frame.
import { describe, expect, it } from "vitest";
import {
  frameFits,
  inputEdgesPerNeuron,
  layoutNetwork,
  neuronAt,
  paintNetwork,
  strongestEdges,
} from "../../src/render/network.ts";
import { THEME } from "../../src/render/theme.ts";
import { fakeContext } from "./fakeContext.ts";
import { makeFrame } from "./fixtures.ts";

const SHAPES = [
  [784, 16, 16, 10],
  [784, 100, 10],
  [784, 512, 512, 10],
  [784, 512, 512, 512, 512, 10],
  [784, 10],
];

describe("layoutNetwork(sizes, width, height)", () => {
  for (const sizes of SHAPES) {
    for (const [width, height] of [
      [800, 420],
      [480, 300],
    ] as const) {
      describe(`${sizes.join("-")} in ${width}×${height}`, () => {
        const layout = layoutNetwork(sizes, width, height);
        it("places every neuron of every layer, inside the box", () => {
          expect(layout.layers.map((L) => L.size)).toEqual(sizes);
          const outside: string[] = [];
          layout.layers.forEach((L, l) => {
            for (let j = 0; j < L.size; j++) {
              const [x, y, r] = [L.x[j]!, L.y[j]!, L.radius];
              if (x - r < 0 || x + r > width || y - r < 0 || y + r > height) outside.push(`${l}:${j}`);
            }
          });
          expect(outside).toEqual([]);
        });
        it("orders the layers left to right without overlapping", () => {
          for (let l = 1; l < layout.layers.length; l++)
            expect(layout.layers[l]!.left).toBeGreaterThan(layout.layers[l - 1]!.right);
        });
        it("never lets two circles of a layer touch", () => {
          for (const L of layout.layers.slice(1)) {
            expect(L.radius).toBeGreaterThan(0);
            // Neighbours are a pitch apart on a square lattice; check every pair in the first two columns too.
            expect(2 * L.radius).toBeLessThan(L.pitch);
            const m = Math.min(L.size, 2 * L.rows);
            let closest = Infinity;
            for (let i = 0; i < m; i++)
              for (let j = i + 1; j < m; j++)
                closest = Math.min(closest, Math.hypot(L.x[i]! - L.x[j]!, L.y[i]! - L.y[j]!));
            if (m > 1) expect(closest).toBeGreaterThan(2 * L.radius);
          }
        });
        it("wraps a layer into columns only when one column would crowd it", () => {
          for (const L of layout.layers.slice(1)) {
            if (
              L.size * THEME.network.minPitch <=
              height - 2 * THEME.network.margin - THEME.network.captionHeight
            )
              expect(L.cols).toBe(1);
            expect(L.cols * L.rows).toBeGreaterThanOrEqual(L.size);
          }
        });
      });
    }
  }
  it("shows the input as a square 28 × 28 grid", () => {
    const L = layoutNetwork([784, 16, 10], 800, 420).layers[0]!;
    expect(L.kind).toBe("grid");
    expect([L.cols, L.rows]).toEqual([28, 28]);
    expect(L.right - L.left).toBeCloseTo(L.bottom - L.top);
    expect(L.x[29]! - L.x[28]!).toBeCloseTo(L.pitch); // pixel 29 is right of pixel 28
    expect(L.y[28]! - L.y[0]!).toBeCloseTo(L.pitch); // pixel 28 starts the second row
  });
});

describe("neuronAt(layout, x, y)", () => {
  it("finds every neuron at its centre, and nothing between layers", () => {
    for (const sizes of SHAPES) {
      const layout = layoutNetwork(sizes, 800, 420);
      layout.layers.forEach((L, l) => {
        for (let j = 0; j < L.size; j += Math.max(1, Math.floor(L.size / 37)))
          expect(neuronAt(layout, L.x[j]!, L.y[j]!)).toEqual({ layer: l, index: j });
      });
      const [L0, L1] = layout.layers;
      expect(neuronAt(layout, (L0!.right + L1!.left) / 2, L1!.y[0]!)).toBeNull();
    }
  });
});

describe("strongestEdges(w, offset, n, a, k, out)", () => {
  it("picks the k largest |w·a|, largest first, skipping zero contributions", () => {
    const w = [9, 0.5, -3, 2, -1, 4];
    const a = [0, 1, 1, 1, 1, 1];
    const out = new Int32Array(3);
    expect(strongestEdges(w, 0, 6, a, 3, out)).toBe(3);
    expect(Array.from(out)).toEqual([5, 2, 3]); // |4|, |−3|, |2|; pixel 0 is dark
  });
  it("reads a neuron's outgoing weights with a stride", () => {
    // w[i·3 + j] for 2 next-layer neurons i and 3 neurons j: neuron j = 1's outgoing weights are w[1], w[4].
    const w = [0, -6, 0, 0, 2, 0];
    const out = new Int32Array(2);
    expect(strongestEdges(w, 1, 2, null, 2, out, 3)).toBe(2);
    expect(Array.from(out)).toEqual([0, 1]);
  });
  it("uses |w| without activations, reads a neuron's row at its offset, and finds fewer when few are non-zero", () => {
    const out = new Int32Array(2);
    expect(strongestEdges([7, 7, 0, -5, 1], 2, 3, null, 2, out)).toBe(2);
    expect(Array.from(out)).toEqual([1, 2]); // row [0, −5, 1]
    expect(strongestEdges([0, 0, 0], 0, 3, null, 2, out)).toBe(0);
  });
});

describe("frameFits(frame, sizes)", () => {
  it("accepts a frame of the network's shape and rejects another", () => {
    expect(frameFits(makeFrame([784, 16, 10]), [784, 16, 10])).toBe(true);
    expect(frameFits(makeFrame([784, 16, 10]), [784, 32, 10])).toBe(false);
  });
});

describe("paintNetwork(ctx, layout, frame, options)", () => {
  const sizes = [784, 16, 16, 10];
  const layout = layoutNetwork(sizes, 800, 420);

  it("draws every neuron, the output labels 0–9 with their activations, and layer captions", () => {
    const fake = fakeContext();
    const frame = makeFrame(sizes);
    paintNetwork(fake.ctx, layout, frame, { selected: null, hovered: null });
    expect(fake.named("arc")).toHaveLength(16 + 16 + 10); // one circle each, filled and outlined
    expect(fake.named("fill")).toHaveLength(16 + 16 + 10 + 2); // and the lit pixels, two grey levels
    const texts = fake.named("fillText").map((c) => String(c.args[0]));
    for (let d = 0; d < 10; d++) expect(texts).toContain(String(d));
    expect(texts).toContain(frame.probe!.a[3]![0]!.toFixed(2));
    expect(texts).toEqual(expect.arrayContaining(["input 28×28", "hidden 16", "output 10"]));
  });

  /** The lines drawn from the input image to the first layer: each line is a moveTo then a lineTo. */
  function inputEdges(fake: ReturnType<typeof fakeContext>) {
    const grid = layout.layers[0]!;
    const to = layout.layers[1]!.x[0];
    const starts = fake.named("moveTo");
    return fake.named("lineTo").filter((c, i) => {
      const [x, y] = starts[i]!.args as [number, number];
      return c.args[0] === to && x > grid.left && x < grid.right && y > grid.top && y < grid.bottom;
    });
  }

  it("summarises the input edges to each first-layer neuron's strongest contributions w·a", () => {
    const fake = fakeContext();
    const frame = makeFrame(sizes);
    paintNetwork(fake.ctx, layout, frame, { selected: null, hovered: null });
    const k = inputEdgesPerNeuron(16);
    const fromGrid = inputEdges(fake);
    // At most k per neuron (fewer when too faint to see), and only from lit pixels.
    expect(fromGrid.length).toBeLessThanOrEqual(16 * k);
    expect(fromGrid.length).toBeGreaterThan(16 * 4);
    const lit = new Set<string>();
    const L0 = layout.layers[0]!;
    for (let p = 0; p < 784; p++) if (frame.probe!.a[0]![p]! > 0) lit.add(`${L0.x[p]},${L0.y[p]}`);
    const starts = fake.named("moveTo").map((c) => `${c.args[0]},${c.args[1]}`);
    const lineTos = fake.named("lineTo");
    for (const c of fromGrid) expect(lit.has(starts[lineTos.indexOf(c)]!)).toBe(true);
    const colours = new Set(fake.named("stroke").map((c) => String(c.style.strokeStyle)));
    expect([...colours].some((c) => c.startsWith("rgba(88, 196, 221"))).toBe(true); // blue: positive
    expect([...colours].some((c) => c.startsWith("rgba(252, 98, 85"))).toBe(true); // red: negative
  });

  it("draws no input edges without an image, and every edge between the small layers", () => {
    const fake = fakeContext();
    paintNetwork(fake.ctx, layout, { ...makeFrame(sizes), probe: null }, { selected: null, hovered: null });
    expect(inputEdges(fake)).toHaveLength(0);
    const edges = fake.named("lineTo").length - 2 * 27; // less the image's grid lines
    expect(edges).toBeLessThanOrEqual(16 * 16 + 16 * 10);
    expect(edges).toBeGreaterThan(0.8 * (16 * 16 + 16 * 10)); // all but the faintest
  });

  it("stays within the edge budget for wide layers", () => {
    const big = [784, 512, 512, 10];
    const fake = fakeContext();
    paintNetwork(fake.ctx, layoutNetwork(big, 800, 420), makeFrame(big), { selected: null, hovered: null });
    const { edgeBudget } = THEME.network;
    // One input edge per first-layer neuron, at most edgeBudget between each other pair of layers.
    expect(fake.named("lineTo").length).toBeLessThanOrEqual(512 + 2 * edgeBudget);
    expect(fake.named("lineTo").length).toBeGreaterThan(edgeBudget);
  });

  it("rings the selected neuron and draws its own edges on top", () => {
    const plain = fakeContext();
    paintNetwork(plain.ctx, layout, makeFrame(sizes), { selected: null, hovered: null });
    const fake = fakeContext();
    paintNetwork(fake.ctx, layout, makeFrame(sizes), { selected: { layer: 2, index: 3 }, hovered: null });
    // Its 16 incoming and 10 outgoing edges again (less any too faint to draw), plus the ring.
    const extra = fake.named("lineTo").length - plain.named("lineTo").length;
    expect(extra).toBeLessThanOrEqual(16 + 10);
    expect(extra).toBeGreaterThan(20);
    const rings = fake.named("stroke").filter((c) => c.style.strokeStyle === THEME.highlight);
    expect(rings).toHaveLength(1);
  });

  it("ignores a selection or hover the network doesn't have (left over from another network)", () => {
    const fake = fakeContext();
    const frame = makeFrame(sizes);
    paintNetwork(fake.ctx, layout, frame, {
      selected: { layer: 1, index: 99 },
      hovered: { layer: 7, index: 0 },
    });
    expect(fake.named("lineTo").every((c) => c.args.every((v) => Number.isFinite(v)))).toBe(true);
    expect(fake.named("stroke").filter((c) => c.style.strokeStyle === THEME.highlight)).toHaveLength(0);
  });

  it("draws the empty network, without edges, before a frame or for a frame of another shape", () => {
    for (const frame of [null, makeFrame([784, 32, 10])]) {
      const fake = fakeContext();
      paintNetwork(fake.ctx, layout, frame, { selected: null, hovered: null });
      expect(fake.named("lineTo").length).toBe(27 * 2); // only the input's grid lines
      expect(fake.named("arc")).toHaveLength(42);
    }
  });
});
