// The network diagram's layout: every neuron inside the box, layers ordered, no overlaps up to 512 neurons,
// hit-testing, and the neuron panel's place inside the diagram.
import { describe, expect, it } from "vitest";
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_SIDE } from "../../src/engine/mnist.ts";
import { layoutNetwork, neuronAt, panelPosition } from "../../src/render/networkLayout.ts";
import { THEME } from "../../src/render/theme.ts";

const SHAPES = [
  [MNIST_PIXELS, 16, 16, MNIST_CLASSES],
  [MNIST_PIXELS, 100, MNIST_CLASSES],
  [MNIST_PIXELS, 512, 512, MNIST_CLASSES],
  [MNIST_PIXELS, 512, 512, 512, 512, MNIST_CLASSES],
  [MNIST_PIXELS, MNIST_CLASSES],
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
  it("shows the input as a square MNIST_SIDE × MNIST_SIDE grid", () => {
    const L = layoutNetwork([MNIST_PIXELS, 16, MNIST_CLASSES], 800, 420).layers[0]!;
    expect(L.kind).toBe("grid");
    expect([L.cols, L.rows]).toEqual([MNIST_SIDE, MNIST_SIDE]);
    expect(L.right - L.left).toBeCloseTo(L.bottom - L.top);
    const secondRow = MNIST_SIDE;
    expect(L.x[secondRow + 1]! - L.x[secondRow]!).toBeCloseTo(L.pitch); // its second pixel is right of its first
    expect(L.y[secondRow]! - L.y[0]!).toBeCloseTo(L.pitch); // and a row below pixel 0
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

describe("panelPosition(layout, target, panel)", () => {
  const sizes = [MNIST_PIXELS, 16, 16, MNIST_CLASSES];
  /** The panel of a hidden neuron: two lines of 12 px monospace ("a = 0.006  b = −0.123  z = −4.567"). */
  const panel = { width: 263, height: 44 };

  it("puts the panel right of a neuron with room there, left of one near the right edge", () => {
    const layout = layoutNetwork(sizes, 800, 420);
    const first = { layer: 1, index: 3 };
    const L1 = layout.layers[1]!;
    expect(panelPosition(layout, first, panel).left).toBeGreaterThan(L1.x[3]! + L1.radius);
    const output = { layer: 3, index: 9 };
    const out = layout.layers[3]!;
    const { left, top } = panelPosition(layout, output, panel);
    expect(left + panel.width).toBeLessThan(out.x[9]! - out.radius);
    expect(top + panel.height).toBeLessThanOrEqual(layout.height); // the last neuron is near the bottom
  });

  it("keeps the panel inside a phone's diagram, under or over the neuron when neither side has room", () => {
    const layout = layoutNetwork(sizes, 311, 420);
    layout.layers.forEach((L, l) => {
      for (let j = 0; j < L.size; j += l === 0 ? 97 : 1) {
        const { left, top } = panelPosition(layout, { layer: l, index: j }, panel);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left + panel.width).toBeLessThanOrEqual(layout.width);
        expect(top).toBeGreaterThanOrEqual(0);
        expect(top + panel.height).toBeLessThanOrEqual(layout.height);
        // Never over the neuron it describes.
        const [x, y, r] = [L.x[j]!, L.y[j]!, L.radius];
        const covers =
          left < x + r && left + panel.width > x - r && top < y + r && top + panel.height > y - r;
        expect(covers, `${l}:${j}`).toBe(false);
      }
    });
  });
});
