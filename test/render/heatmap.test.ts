// Heatmap painting into pixel buffers, the grid's layout, hit-testing and keyboard moves.
import { describe, expect, it } from "vitest";
import { MNIST_PIXELS, MNIST_SIDE } from "../../src/engine/mnist.ts";
import {
  drawHeatmapGrid,
  heatmapAt,
  heatmapOrigin,
  imageSide,
  layoutHeatmapGrid,
  maxAbs,
  moveInGrid,
  paintHeatmap,
  paintHeatmapSheet,
  quantileAbs,
  sheetSize,
  type PixelBuffer,
} from "../../src/render/heatmap.ts";
import { DIVERGING_LUT, divergingIndex } from "../../src/render/theme.ts";
import { fakeContext } from "./fakeContext.ts";

function buffer(width: number, height: number): PixelBuffer {
  return { width, height, data: new Uint8ClampedArray(width * height * 4) };
}

function pixel(image: PixelBuffer, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(i, i + 4));
}

function lut(i: number): number[] {
  return Array.from(DIVERGING_LUT.subarray(i * 4, i * 4 + 4));
}

describe("maxAbs(values)", () => {
  it("is the largest magnitude, skipping NaN, 0 when empty", () => {
    expect(maxAbs([0.5, -2, 1])).toBe(2);
    expect(maxAbs([Number.NaN, -1])).toBe(1);
    expect(maxAbs([])).toBe(0);
  });
});

describe("quantileAbs(values, q)", () => {
  it("is the q-quantile of |x| to within 1/1024 of the largest", () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => (i % 2 ? -1 : 1) * (i + 1)); // |x| = 1…1000
    expect(Math.abs(quantileAbs(values, 0.99) - 990)).toBeLessThanOrEqual(1000 / 1024);
    expect(Math.abs(quantileAbs(values, 0.5) - 500)).toBeLessThanOrEqual(1000 / 1024);
    expect(quantileAbs(values, 1)).toBe(1000);
  });
  it("lets a few outliers saturate instead of setting the scale", () => {
    const values = new Float32Array(1000).fill(0.5);
    values[3] = 40;
    expect(quantileAbs(values, 0.99)).toBeLessThan(1);
  });
  it("is 0 for empty or all-zero input and skips NaN", () => {
    expect(quantileAbs([], 0.99)).toBe(0);
    expect(quantileAbs([0, 0], 0.99)).toBe(0);
    expect(quantileAbs([Number.NaN, 2, 2], 0.5)).toBe(2);
  });
});

describe("paintHeatmap(image, row, scale)", () => {
  it("writes an MNIST image's weights as a square, pixel k at (k mod side, ⌊k / side⌋), coloured by the diverging table", () => {
    const side = MNIST_SIDE;
    const row = new Float32Array(MNIST_PIXELS).map((_, k) => Math.sin(k) * 0.8);
    const image = buffer(side, side);
    paintHeatmap(image, row, 0.8);
    for (const k of [0, 1, side - 1, side, 400, MNIST_PIXELS - 1])
      expect(pixel(image, k % side, Math.floor(k / side))).toEqual(lut(divergingIndex(row[k]!, 0.8)));
  });
  it("saturates beyond ±scale and paints zero, NaN and a zero scale as the middle of the table", () => {
    const image = buffer(2, 2);
    paintHeatmap(image, [5, -5, 0, Number.NaN], 1);
    expect(pixel(image, 0, 0)).toEqual(lut(255));
    expect(pixel(image, 1, 0)).toEqual(lut(0));
    expect(pixel(image, 0, 1)).toEqual(lut(128));
    expect(pixel(image, 1, 1)).toEqual(lut(128));
    paintHeatmap(image, [5, -5, 1, 1], 0);
    expect(pixel(image, 0, 0)).toEqual(lut(128));
  });
  it("writes at an offset of a larger image, leaving the rest alone", () => {
    const image = buffer(4, 4);
    paintHeatmap(image, [0, 0, 0, 0, 1, 1, 1, 1], 1, { x0: 2, y0: 2, offset: 4, length: 4 });
    expect(pixel(image, 2, 2)).toEqual(lut(255));
    expect(pixel(image, 3, 3)).toEqual(lut(255));
    expect(pixel(image, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(image, 1, 2)).toEqual([0, 0, 0, 0]);
  });
});

describe("paintHeatmapSheet(sheet, w, nIn, scale)", () => {
  it("puts neuron j's row w[j·nIn …] at tile (j mod cols, ⌊j / cols⌋)", () => {
    const nIn = 4;
    const w = Float32Array.from({ length: 3 * nIn }, (_, i) => (Math.floor(i / nIn) - 1) * 0.9); // rows −0.9, 0, 0.9
    const size = sheetSize(3, nIn, 2);
    expect(size).toEqual({ width: 4, height: 4 });
    const image = buffer(size.width, size.height);
    paintHeatmapSheet({ image, side: 2, cols: 2 }, w, nIn, 0.9);
    expect(pixel(image, 0, 0)).toEqual(lut(divergingIndex(-0.9, 0.9)));
    expect(pixel(image, 3, 1)).toEqual(lut(divergingIndex(0, 0.9)));
    expect(pixel(image, 1, 3)).toEqual(lut(divergingIndex(0.9, 0.9)));
    expect(pixel(image, 3, 3)).toEqual([0, 0, 0, 0]); // no fourth neuron
  });
});

describe("layoutHeatmapGrid(count, width)", () => {
  it("lays 16 heatmaps 4 × 4 within the width", () => {
    const grid = layoutHeatmapGrid(16, 320);
    expect(grid.cols).toBe(4);
    expect(grid.rows).toBe(4);
    expect(grid.width).toBeLessThanOrEqual(320);
    expect(grid.tile).toBeGreaterThan(70);
  });
  it("fits 512 heatmaps with a narrow gap, or a given number of columns", () => {
    const grid = layoutHeatmapGrid(512, 360);
    expect(grid.cols * grid.rows).toBeGreaterThanOrEqual(512);
    expect(grid.width).toBeLessThanOrEqual(360);
    expect(grid.gap).toBeLessThan(layoutHeatmapGrid(16, 360).gap);
    expect(layoutHeatmapGrid(16, 320, 8).rows).toBe(2);
  });
});

describe("heatmapAt(grid, x, y)", () => {
  it("finds the tile under a point and nothing in gaps, margins or empty cells", () => {
    const grid = layoutHeatmapGrid(10, 200); // 4 columns, 3 rows, the last row half empty
    for (let j = 0; j < 10; j++) {
      const { x, y } = heatmapOrigin(grid, j);
      expect(heatmapAt(grid, x + grid.tile / 2, y + grid.tile / 2)).toBe(j);
      expect(heatmapAt(grid, x, y)).toBe(j);
    }
    const { x, y } = heatmapOrigin(grid, 0);
    expect(heatmapAt(grid, x + grid.tile + grid.gap / 2, y + 1)).toBeNull();
    expect(heatmapAt(grid, -1, 5)).toBeNull();
    expect(heatmapAt(grid, grid.width + 5, 5)).toBeNull();
    const empty = heatmapOrigin(grid, 11);
    expect(heatmapAt(grid, empty.x + 1, empty.y + 1)).toBeNull();
  });
});

describe("moveInGrid(grid, j, key)", () => {
  it("moves by one with Left/Right, by a row with Up/Down, and stays inside", () => {
    const grid = layoutHeatmapGrid(10, 200); // 4 columns
    expect(moveInGrid(grid, 5, "ArrowRight")).toBe(6);
    expect(moveInGrid(grid, 5, "ArrowLeft")).toBe(4);
    expect(moveInGrid(grid, 5, "ArrowUp")).toBe(1);
    expect(moveInGrid(grid, 5, "ArrowDown")).toBe(9);
    expect(moveInGrid(grid, 7, "ArrowDown")).toBe(7);
    expect(moveInGrid(grid, 9, "ArrowRight")).toBe(9);
    expect(moveInGrid(grid, 0, "ArrowLeft")).toBe(0);
    expect(moveInGrid(grid, 4, "End")).toBe(9);
    expect(moveInGrid(grid, 4, "Home")).toBe(0);
    expect(moveInGrid(grid, 4, "a")).toBeNull();
  });
});

describe("drawHeatmapGrid(ctx, sheet, options)", () => {
  it("copies every tile from the sheet and outlines the enlarged and focused ones", () => {
    const fake = fakeContext();
    const grid = layoutHeatmapGrid(16, 320);
    const sheet = {} as CanvasImageSource;
    drawHeatmapGrid(fake.ctx, sheet, { grid, side: imageSide(MNIST_PIXELS), enlarged: 5, focused: 2 });
    const draws = fake.named("drawImage");
    expect(draws).toHaveLength(16);
    expect(draws[5]!.args.slice(1, 5)).toEqual([MNIST_SIDE, MNIST_SIDE, MNIST_SIDE, MNIST_SIDE]); // tile 5 of a 4-column sheet
    expect(fake.props.imageSmoothingEnabled).toBe(false); // scaled up: crisp pixels
    expect(fake.named("strokeRect")).toHaveLength(2);
  });
  it("draws black tiles before there is a sheet", () => {
    const fake = fakeContext();
    drawHeatmapGrid(fake.ctx, null, {
      grid: layoutHeatmapGrid(4, 100),
      side: MNIST_SIDE,
      enlarged: null,
      focused: null,
    });
    expect(fake.named("drawImage")).toHaveLength(0);
    expect(fake.named("fillRect")).toHaveLength(4);
  });
});
