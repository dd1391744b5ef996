// The network diagram's painter: whether a frame fits, and what it draws for a frame.
import { describe, expect, it } from "vitest";
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_SIDE } from "../../src/engine/mnist.ts";
import { frameFits, paintNetwork } from "../../src/render/network.ts";
import { inputEdgesPerNeuron } from "../../src/render/networkEdges.ts";
import { layoutNetwork } from "../../src/render/networkLayout.ts";
import { THEME } from "../../src/render/theme.ts";
import { fakeContext } from "./fakeContext.ts";
import { makeFrame } from "./fixtures.ts";

describe("frameFits(frame, sizes)", () => {
  it("accepts a frame of the network's shape and rejects another", () => {
    expect(frameFits(makeFrame([MNIST_PIXELS, 16, MNIST_CLASSES]), [MNIST_PIXELS, 16, MNIST_CLASSES])).toBe(
      true,
    );
    expect(frameFits(makeFrame([MNIST_PIXELS, 16, MNIST_CLASSES]), [MNIST_PIXELS, 32, MNIST_CLASSES])).toBe(
      false,
    );
  });
});

describe("paintNetwork(ctx, layout, frame, options)", () => {
  const sizes = [MNIST_PIXELS, 16, 16, MNIST_CLASSES];
  const layout = layoutNetwork(sizes, 800, 420);

  it("draws every neuron, the output labels 0–9 with their activations, and layer captions", () => {
    const fake = fakeContext();
    const frame = makeFrame(sizes);
    paintNetwork(fake.ctx, layout, frame, { selected: null, hovered: null });
    expect(fake.named("arc")).toHaveLength(16 + 16 + MNIST_CLASSES); // one circle each, filled and outlined
    expect(fake.named("fill")).toHaveLength(16 + 16 + MNIST_CLASSES + 2); // and the lit pixels, two grey levels
    const texts = fake.named("fillText").map((c) => String(c.args[0]));
    for (let d = 0; d < MNIST_CLASSES; d++) expect(texts).toContain(String(d));
    expect(texts).toContain(frame.probe!.a[3]![0]!.toFixed(2));
    expect(texts).toEqual(
      expect.arrayContaining([`input ${MNIST_SIDE}×${MNIST_SIDE}`, "hidden 16", `output ${MNIST_CLASSES}`]),
    );
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
    for (let p = 0; p < MNIST_PIXELS; p++) if (frame.probe!.a[0]![p]! > 0) lit.add(`${L0.x[p]},${L0.y[p]}`);
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
    const edges = fake.named("lineTo").length - 2 * (MNIST_SIDE - 1); // less the image's grid lines
    expect(edges).toBeLessThanOrEqual(16 * 16 + 16 * MNIST_CLASSES);
    expect(edges).toBeGreaterThan(0.8 * (16 * 16 + 16 * MNIST_CLASSES)); // all but the faintest
  });

  it("stays within the edge budget for wide layers", () => {
    const big = [MNIST_PIXELS, 512, 512, MNIST_CLASSES];
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
    // Its 16 incoming and MNIST_CLASSES outgoing edges again (less any too faint to draw), plus the ring.
    const extra = fake.named("lineTo").length - plain.named("lineTo").length;
    expect(extra).toBeLessThanOrEqual(16 + MNIST_CLASSES);
    expect(extra).toBeGreaterThan(20);
    const rings = fake.named("stroke").filter((c) => c.style.strokeStyle === THEME.accent);
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
    expect(fake.named("stroke").filter((c) => c.style.strokeStyle === THEME.accent)).toHaveLength(0);
  });

  it("draws the empty network, without edges, before a frame or for a frame of another shape", () => {
    for (const frame of [null, makeFrame([MNIST_PIXELS, 32, MNIST_CLASSES])]) {
      const fake = fakeContext();
      paintNetwork(fake.ctx, layout, frame, { selected: null, hovered: null });
      expect(fake.named("lineTo").length).toBe((MNIST_SIDE - 1) * 2); // only the input's grid lines
      expect(fake.named("arc")).toHaveLength(32 + MNIST_CLASSES);
    }
  });
});
