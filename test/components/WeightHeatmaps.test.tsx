// @vitest-environment jsdom
// WeightHeatmaps: one sprite-sheet canvas for the first layer, clicks and keys enlarge a heatmap (store
// `enlarged`), the enlarged panel gives the neuron, its bias and the shared scale's range.
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WeightHeatmaps } from "../../src/components/WeightHeatmaps.tsx";
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_SIDE } from "../../src/engine/mnist.ts";
import { heatmapOrigin, layoutHeatmapGrid, quantileAbs } from "../../src/render/heatmap.ts";
import { formatValue, THEME } from "../../src/render/theme.ts";
import { makeFrame } from "../render/fixtures.ts";
import { nextPaint, renderWithExplorable } from "./viewHarness.tsx";

const SIZES = [MNIST_PIXELS, 16, 16, MNIST_CLASSES];

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function gridCanvas(): HTMLCanvasElement {
  return screen.getByRole("application", {
    name: `Weights into layer 1: 16 heatmaps of ${MNIST_SIDE}×${MNIST_SIDE} pixels`,
  });
}

describe("WeightHeatmaps", () => {
  it("paints all 16 heatmaps from one sprite sheet, rewritten only for a new frame", async () => {
    const h = renderWithExplorable(<WeightHeatmaps />);
    const canvas = gridCanvas();
    const frame = makeFrame(SIZES);
    await h.sendFrame(frame);
    const ctx = h.contextOf(canvas);
    expect(ctx.named("drawImage")).toHaveLength(16);
    const sheet = ctx.named("drawImage")[0]!.args[0] as HTMLCanvasElement;
    expect([sheet.width, sheet.height]).toEqual([4 * MNIST_SIDE, 4 * MNIST_SIDE]);
    const sheetCtx = h.contextOf(sheet);
    expect(sheetCtx.named("putImageData")).toHaveLength(1);

    fireEvent.focus(canvas); // a repaint for the focus ring, same frame: the sheet stays
    await nextPaint();
    expect(sheetCtx.named("putImageData")).toHaveLength(1);
    await h.sendFrame(makeFrame(SIZES, 1));
    expect(sheetCtx.named("putImageData")).toHaveLength(2);
  });

  it("enlarges the clicked heatmap with its neuron, bias and the scale's range", async () => {
    const h = renderWithExplorable(<WeightHeatmaps />);
    const frame = makeFrame(SIZES);
    await h.sendFrame(frame);
    const grid = layoutHeatmapGrid(16, 360);
    const { x, y } = heatmapOrigin(grid, 5);
    fireEvent.click(gridCanvas(), { clientX: x + grid.tile / 2, clientY: y + grid.tile / 2 });
    expect(h.store.getState().enlarged).toBe(5);
    await nextPaint();
    const panel = screen.getByRole("figure", { name: "Neuron 5, enlarged" });
    expect(panel.textContent).toContain(`bias b = ${formatValue(frame.weights.b[1]![5]!)}`);
    const s = formatValue(quantileAbs(frame.weights.w[1]!, THEME.heatmap.scaleQuantile));
    expect(panel.textContent).toContain(`\u2212${s}`);
    expect(panel.textContent).toContain(`+${s}`);
    // A click in a gap does nothing; the close button closes.
    fireEvent.click(gridCanvas(), { clientX: x + grid.tile + grid.gap / 2, clientY: y + 1 });
    expect(h.store.getState().enlarged).toBe(5);
    fireEvent.click(screen.getByRole("button", { name: "Close the enlarged heatmap" }));
    expect(h.store.getState().enlarged).toBeNull();
  });

  it("moves a focus with the arrow keys; Enter enlarges, Escape closes", async () => {
    const h = renderWithExplorable(<WeightHeatmaps />);
    await h.sendFrame(makeFrame(SIZES));
    const canvas = gridCanvas();
    canvas.focus();
    fireEvent.focus(canvas);
    fireEvent.keyDown(canvas, { key: "ArrowRight" });
    fireEvent.keyDown(canvas, { key: "ArrowDown" });
    expect(screen.getByRole("status").textContent).toMatch(/^Neuron 5 \(of 0–15\)/);
    fireEvent.keyDown(canvas, { key: "Enter" });
    expect(h.store.getState().enlarged).toBe(5);
    await nextPaint();
    const outlines = h.contextOf(canvas).named("strokeRect");
    expect(outlines.length).toBeGreaterThanOrEqual(2); // focus and enlarged
    fireEvent.keyDown(canvas, { key: "Escape" });
    expect(h.store.getState().enlarged).toBeNull();
  });
});
