// @vitest-environment jsdom
// NetworkView: paints frames on animation frames, selects neurons by keyboard and pointer through the store,
// and shows and announces the focused neuron's a, b and z from the frame.
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NetworkView } from "../../src/components/NetworkView.tsx";
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_SIDE } from "../../src/engine/mnist.ts";
import { layoutNetwork } from "../../src/render/networkLayout.ts";
import { formatValue } from "../../src/render/theme.ts";
import { makeFrame } from "../render/fixtures.ts";
import { nextPaint, renderWithExplorable } from "./viewHarness.tsx";

const SIZES = [MNIST_PIXELS, 16, 16, MNIST_CLASSES];

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function values(frame: ReturnType<typeof makeFrame>, layer: number, index: number) {
  const at = (v: Float32Array[]) => formatValue(v[layer]![index]!);
  return { a: at(frame.probe!.a), b: at(frame.weights.b), z: at(frame.probe!.z) };
}

describe("NetworkView", () => {
  it("is a focusable diagram named after the network, painted from the client's frames", async () => {
    const h = renderWithExplorable(<NetworkView />);
    const canvas = screen.getByRole<HTMLCanvasElement>("application", {
      name: `Network: ${SIZES.join("-")}`,
    });
    expect(canvas.tabIndex).toBe(0);
    await h.sendFrame(makeFrame(SIZES));
    const ctx = h.contextOf(canvas);
    expect(ctx.named("arc")).toHaveLength(16 + 16 + MNIST_CLASSES);
    expect(ctx.named("fillText").map((c) => c.args[0])).toContain("7");
    expect(canvas.width).toBe(640 * (window.devicePixelRatio || 1));
    // The caption says how the image's edges into the first layer are summarised, and serves as the keyboard hint.
    const hint = document.getElementById(canvas.getAttribute("aria-describedby") ?? "")?.textContent;
    expect(hint).toMatch(/only each neuron's 16 strongest contributions w·a are drawn/);
    expect(hint).toMatch(/Arrow keys move between neurons/);
  });

  it("moves the selection with the arrow keys and announces a, b and z from the frame", async () => {
    const h = renderWithExplorable(<NetworkView />);
    const frame = makeFrame(SIZES);
    await h.sendFrame(frame);
    const canvas = screen.getByRole("application");
    canvas.focus();
    const status = screen.getByRole("status");

    fireEvent.keyDown(canvas, { key: "ArrowRight" });
    expect(h.store.getState().selected).toEqual({ layer: 1, index: 0 });
    let v = values(frame, 1, 0);
    expect(status.textContent).toBe(`Hidden layer 1, neuron 0: a = ${v.a}, b = ${v.b}, z = ${v.z}`);

    fireEvent.keyDown(canvas, { key: "ArrowDown" });
    fireEvent.keyDown(canvas, { key: "ArrowDown" });
    expect(h.store.getState().selected).toEqual({ layer: 1, index: 2 });
    fireEvent.keyDown(canvas, { key: "ArrowRight" });
    fireEvent.keyDown(canvas, { key: "ArrowRight" });
    const selected = h.store.getState().selected!;
    expect(selected.layer).toBe(3);
    v = values(frame, 3, selected.index);
    expect(status.textContent).toContain(
      `Output neuron ${selected.index} (digit ${selected.index}): a = ${v.a}`,
    );

    // The panel beside the neuron shows the same numbers after the next paint.
    await nextPaint();
    const panel = screen.getByText(new RegExp(`a = ${v.a} b = ${v.b} z = ${v.z}`)); // whitespace normalised
    expect(panel.textContent).toBe(
      `Output neuron ${selected.index} (digit ${selected.index})\na = ${v.a}  b = ${v.b}  z = ${v.z}`,
    );

    fireEvent.keyDown(canvas, { key: "Escape" });
    expect(h.store.getState().selected).toBeNull();
    expect(status.textContent).toBe("");
  });

  it("walks from the first hidden layer into the input image and back", () => {
    const h = renderWithExplorable(<NetworkView />);
    const canvas = screen.getByRole("application");
    fireEvent.keyDown(canvas, { key: "ArrowDown" });
    fireEvent.keyDown(canvas, { key: "ArrowLeft" });
    const pixel = h.store.getState().selected!;
    expect(pixel.layer).toBe(0);
    expect(pixel.index % MNIST_SIDE).toBe(MNIST_SIDE - 1); // the image's right edge
    expect(screen.getByRole("status").textContent).toMatch(
      new RegExp(`^Input pixel \\d+ \\(row \\d+, column ${MNIST_SIDE - 1}\\): a = `),
    );
    fireEvent.keyDown(canvas, { key: "ArrowRight" });
    expect(h.store.getState().selected?.layer).toBe(1);
  });

  it("shows the hovered neuron's numbers and selects it on click", async () => {
    const h = renderWithExplorable(<NetworkView />);
    const frame = makeFrame(SIZES);
    await h.sendFrame(frame);
    const canvas = screen.getByRole("application");
    // jsdom puts the canvas at (0, 0) and the view measures 640 wide (no ResizeObserver).
    const L = layoutNetwork(SIZES, 640, 420).layers[2]!;
    fireEvent.pointerMove(canvas, { clientX: L.x[4]!, clientY: L.y[4]! });
    await nextPaint();
    const v = values(frame, 2, 4);
    expect(screen.getByText(/Hidden layer 2, neuron 4/).textContent).toContain(
      `a = ${v.a}  b = ${v.b}  z = ${v.z}`,
    );
    expect(h.store.getState().selected).toBeNull();
    fireEvent.click(canvas, { clientX: L.x[4]!, clientY: L.y[4]! });
    expect(h.store.getState().selected).toEqual({ layer: 2, index: 4 });
  });

  it("refreshes the selected neuron's numbers from later frames, a few times a second at most", async () => {
    let now = 1000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const h = renderWithExplorable(<NetworkView />);
    await h.sendFrame(makeFrame(SIZES));
    h.store.getState().select({ layer: 2, index: 1 });
    await nextPaint();
    const next = makeFrame(SIZES, 1);
    const fresh = new RegExp(`a = ${values(next, 2, 1).a}`);
    now += 10;
    await h.sendFrame(next);
    expect(screen.queryByText(fresh)).toBeNull(); // too soon
    now += 300;
    await h.sendFrame(next);
    expect(screen.getByText(fresh).textContent).toMatch(/^Hidden layer 2, neuron 1\n/);
  });
});
