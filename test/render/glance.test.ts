// The lessons' compact network: the forward pass lights layers in order, the backward pass carries each
// output's wish −w·δ and the wishes sum to the engine's −∂C₀/∂a, and the painter marks what the step is about.
import { describe, expect, it } from "vitest";
import { oneHot, traceExample } from "../../src/engine/network.ts";
import {
  ease,
  forwardActivations,
  motionDuration,
  paintGlance,
  stageProgress,
  wishOf,
} from "../../src/render/glance.ts";
import { layoutNetwork } from "../../src/render/networkLayout.ts";
import { THEME } from "../../src/render/theme.ts";
import { checkpointNet, checkpointText } from "../lessons/backpropFixtures.ts";
import { fakeContext } from "./fakeContext.ts";

const net = checkpointNet(checkpointText());
const x = Float32Array.from({ length: 784 }, (_, i) => ((i * 37) % 11) / 10);
const trace = traceExample(net, x, oneHot(3, 10) as Float32Array);

describe("the forward pass", () => {
  it("eases from 0 to 1 and runs its stages one after another", () => {
    expect(ease(0)).toBe(0);
    expect(ease(1)).toBe(1);
    expect(ease(0.5)).toBe(0.5);
    expect(stageProgress(0.5, 3, 0)).toBe(1);
    expect(stageProgress(0.5, 3, 2)).toBe(0);
    expect(stageProgress(0.5, 3, 1)).toBe(0.5);
  });
  it("forwardActivations(a, t) keeps the input and lights layer l only after layer l − 1", () => {
    const half = forwardActivations(trace.a, 0.5); // three stages: layer 1 done, 2 half, 3 dark
    expect(half[0]).toBe(trace.a[0]);
    expect(Array.from(half[1]!)).toEqual(Array.from(trace.a[1]!));
    half[2]!.forEach((v, j) => expect(v).toBeCloseTo(trace.a[2]![j]! * 0.5, 6));
    expect(Array.from(half[3]!).every((v) => v === 0)).toBe(true);
    expect(forwardActivations(trace.a, 1)).toEqual(trace.a);
  });
  it("takes longer for deeper networks and not at all without a motion", () => {
    expect(motionDuration({ kind: "forward" }, 4)).toBeGreaterThan(motionDuration({ kind: "forward" }, 3));
    expect(motionDuration({ kind: "backward", from: 3, to: 1 }, 4)).toBe(
      2 * motionDuration({ kind: "backward", from: 3, to: 2 }, 4),
    );
    expect(motionDuration(null, 4)).toBe(0);
  });
});

describe("the backward pass", () => {
  it("wishOf(net, trace, l, j, k) is −w·δ, and each neuron's wishes sum to −∂C₀/∂a (the engine's)", () => {
    for (const l of [3, 2]) {
      const nIn = net.spec.sizes[l - 1]!;
      for (let k = 0; k < nIn; k++) {
        let sum = 0;
        for (let j = 0; j < net.spec.sizes[l]!; j++) sum += wishOf(net, trace, l, j, k);
        expect(sum).toBeCloseTo(-trace.dCda[l - 1]![k]!, 5);
      }
    }
    expect(wishOf(net, trace, 3, 2, 5)).toBe(-net.w[3]![2 * 16 + 5]! * trace.delta[3]![2]!);
  });

  it("paints wishes in the sign's colour and, once arrived, rings each neuron by the sign of its sum", () => {
    const fake = fakeContext();
    const layout = layoutNetwork(net.spec.sizes, 400, 220);
    const motion = { kind: "backward", from: 3, to: 2 } as const;
    paintGlance(fake.ctx, layout, { net, trace, focus: {}, motion, t: 1, pixelRatio: 1 });
    const rings = fake.named("arc").length;
    expect(rings).toBeGreaterThan(16);
    const strokes = fake.named("stroke").map((c) => String(c.style.strokeStyle));
    const positive = THEME.positive;
    const blueRings = strokes.filter((s) => s === positive).length;
    const wanted = Array.from(trace.dCda[2]!).filter((g) => -g >= 0).length;
    expect(blueRings).toBe(wanted);
  });
});

describe("the focus", () => {
  it("draws the focus weights and neurons in the accent", () => {
    const fake = fakeContext();
    const layout = layoutNetwork(net.spec.sizes, 400, 220);
    paintGlance(fake.ctx, layout, {
      net,
      trace,
      focus: { edges: [{ layer: 3, j: 2, k: 5 }], neurons: [{ layer: 2, index: 5 }] },
      motion: null,
      t: 1,
      pixelRatio: 1,
    });
    const accent = fake.named("stroke").filter((c) => c.style.strokeStyle === THEME.accent);
    expect(accent.length).toBeGreaterThanOrEqual(2);
    const to = layout.layers[3]!;
    const edge = fake
      .named("lineTo")
      .find((c) => c.style.strokeStyle === THEME.accent && c.args[0] === to.x[2] && c.args[1] === to.y[2]);
    expect(edge?.style.lineWidth).toBe(2);
  });
});
