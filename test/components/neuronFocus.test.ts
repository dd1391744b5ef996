// Keyboard moves between the diagram's neurons, and the words that describe a neuron's a, b and z.
import { describe, expect, it } from "vitest";
import { describeNeuron, moveFocus } from "../../src/components/neuronFocus.ts";
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_SIDE } from "../../src/engine/mnist.ts";
import { layoutNetwork } from "../../src/render/networkLayout.ts";
import { formatValue } from "../../src/render/theme.ts";
import { makeFrame } from "../render/fixtures.ts";

const layout = layoutNetwork([MNIST_PIXELS, 16, 16, MNIST_CLASSES], 800, 420);

describe("moveFocus(layout, from, key)", () => {
  it("starts at the first hidden neuron and ignores other keys", () => {
    expect(moveFocus(layout, null, "ArrowDown")).toEqual({ layer: 1, index: 0 });
    expect(moveFocus(layout, { layer: 9, index: 0 }, "ArrowUp")).toEqual({ layer: 1, index: 0 });
    expect(moveFocus(layout, { layer: 1, index: 3 }, "a")).toBeNull();
  });
  it("moves up and down within a layer, stopping at its ends; Home and End jump", () => {
    expect(moveFocus(layout, { layer: 2, index: 3 }, "ArrowDown")).toEqual({ layer: 2, index: 4 });
    expect(moveFocus(layout, { layer: 2, index: 3 }, "ArrowUp")).toEqual({ layer: 2, index: 2 });
    expect(moveFocus(layout, { layer: 2, index: 0 }, "ArrowUp")).toEqual({ layer: 2, index: 0 });
    expect(moveFocus(layout, { layer: 3, index: 9 }, "ArrowDown")).toEqual({ layer: 3, index: 9 });
    expect(moveFocus(layout, { layer: 2, index: 7 }, "End")).toEqual({ layer: 2, index: 15 });
    expect(moveFocus(layout, { layer: 2, index: 7 }, "Home")).toEqual({ layer: 2, index: 0 });
  });
  it("moves across layers to the neuron nearest in height, stopping at the output", () => {
    expect(moveFocus(layout, { layer: 1, index: 0 }, "ArrowRight")).toEqual({ layer: 2, index: 0 });
    expect(moveFocus(layout, { layer: 2, index: 15 }, "ArrowRight")).toEqual({ layer: 3, index: 9 });
    const mid = moveFocus(layout, { layer: 2, index: 8 }, "ArrowRight")!;
    expect(mid.layer).toBe(3);
    expect(Math.abs(layout.layers[3]!.y[mid.index]! - layout.layers[2]!.y[8]!)).toBeLessThan(
      layout.layers[3]!.pitch,
    );
    expect(moveFocus(layout, { layer: 3, index: 4 }, "ArrowRight")).toEqual({ layer: 3, index: 4 });
  });
  it("moves in two dimensions inside the input image and leaves it on the right", () => {
    expect(moveFocus(layout, { layer: 0, index: 100 }, "ArrowDown")).toEqual({
      layer: 0,
      index: 100 + MNIST_SIDE,
    });
    expect(moveFocus(layout, { layer: 0, index: 100 }, "ArrowUp")).toEqual({
      layer: 0,
      index: 100 - MNIST_SIDE,
    });
    expect(moveFocus(layout, { layer: 0, index: 100 }, "ArrowRight")).toEqual({ layer: 0, index: 101 });
    expect(moveFocus(layout, { layer: 0, index: 5 }, "ArrowUp")).toEqual({ layer: 0, index: 5 });
    expect(moveFocus(layout, { layer: 0, index: MNIST_SIDE }, "ArrowLeft")).toEqual({
      layer: 0,
      index: MNIST_SIDE,
    });
    expect(moveFocus(layout, { layer: 0, index: MNIST_SIDE - 1 }, "ArrowRight")!.layer).toBe(1);
    const back = moveFocus(layout, { layer: 1, index: 15 }, "ArrowLeft")!;
    expect(back.layer).toBe(0);
    expect(back.index % MNIST_SIDE).toBe(MNIST_SIDE - 1);
  });
  it("walks a wrapped layer column by column", () => {
    const wide = layoutNetwork([MNIST_PIXELS, 512, MNIST_CLASSES], 800, 420);
    const L = wide.layers[1]!;
    expect(L.cols).toBeGreaterThan(1);
    const next = moveFocus(wide, { layer: 1, index: L.rows - 1 }, "ArrowDown")!;
    expect(next).toEqual({ layer: 1, index: L.rows });
    expect(L.x[next.index]!).toBeGreaterThan(L.x[0]!);
  });
});

describe("describeNeuron(sizes, frame, ref)", () => {
  const sizes = [MNIST_PIXELS, 16, 16, MNIST_CLASSES];
  const frame = makeFrame(sizes);
  it("names hidden, output and input neurons and gives a, b, z from the frame", () => {
    const f = (v: number) => formatValue(v);
    expect(describeNeuron(sizes, frame, { layer: 1, index: 5 })).toEqual({
      title: "Hidden layer 1, neuron 5",
      values: `a = ${f(frame.probe!.a[1]![5]!)}  b = ${f(frame.weights.b[1]![5]!)}  z = ${f(frame.probe!.z[1]![5]!)}`,
    });
    expect(describeNeuron(sizes, frame, { layer: 3, index: 7 }).title).toBe("Output neuron 7 (digit 7)");
    const pixel = 14 * MNIST_SIDE + 14;
    expect(describeNeuron(sizes, frame, { layer: 0, index: pixel })).toEqual({
      title: `Input pixel ${pixel} (row 14, column 14)`,
      values: `a = ${f(frame.probe!.a[0]![pixel]!)}`,
    });
  });
  it("shows dashes for what the frame lacks (no frame, no probe, another shape)", () => {
    expect(describeNeuron(sizes, null, { layer: 2, index: 0 }).values).toBe("a = —  b = —  z = —");
    const noProbe = { ...frame, probe: null };
    expect(describeNeuron(sizes, noProbe, { layer: 2, index: 0 }).values).toMatch(
      /^a = — {2}b = \S+ {2}z = —$/,
    );
    expect(describeNeuron([MNIST_PIXELS, 32, MNIST_CLASSES], frame, { layer: 1, index: 0 }).values).toBe(
      "a = —  b = —  z = —",
    );
  });
});
