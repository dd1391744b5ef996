// The second layer measured: the effective pattern is W²ⱼ·W¹ (checked on a hand-computed case and against a
// linear first layer), and the profiles rank images by a²ⱼ and average it over loop digits and the rest.
import { describe, expect, it } from "vitest";
import type { LabelledImages } from "../../src/engine/lesions.ts";
import { createNetwork, forwardAll, type Network } from "../../src/engine/network.ts";
import { effectivePattern, LOOP_DIGITS, neuronProfiles } from "../../src/engine/secondLayer.ts";

/** A 3-2-2-2 sigmoid network with the weights given (biases 0). */
function small(w1: number[], w2: number[]): Network {
  const net = createNetwork(
    { sizes: [3, 2, 2, 2], hidden: ["sigmoid", "sigmoid"], output: "sigmoid", cost: "mse" },
    1,
    { precision: "float64" },
  );
  net.w[1]!.set(w1);
  net.w[2]!.set(w2);
  for (const b of net.b) b.fill(0);
  return net;
}

describe("effectivePattern(net, j)", () => {
  // First-layer neuron 0 looks at [1, 2, 3], neuron 1 at [4, 5, 6]; w²₀ = (0.5, −1), w²₁ = (2, 0).
  const net = small([1, 2, 3, 4, 5, 6], [0.5, -1, 2, 0]);
  it("is Σₖ w²ⱼₖ w¹ₖ: 0.5·(1,2,3) − (4,5,6) and 2·(1,2,3)", () => {
    expect([...effectivePattern(net, 0)]).toEqual([-3.5, -4, -4.5]);
    expect([...effectivePattern(net, 1)]).toEqual([2, 4, 6]);
  });
  it("is what z²ⱼ sees of an input when the first layer is linear (z² = W²W¹x, no biases)", () => {
    const x = [0.2, -0.7, 1.1];
    const p = effectivePattern(net, 0);
    const h = [0, 1].map((k) => [0, 1, 2].reduce((s, i) => s + net.w[1]![k * 3 + i]! * x[i]!, 0));
    const z2 = net.w[2]![0]! * h[0]! + net.w[2]![1]! * h[1]!;
    expect(p[0]! * x[0]! + p[1]! * x[1]! + p[2]! * x[2]!).toBeCloseTo(z2, 12);
  });
});

describe("neuronProfiles(net, images, layer, k)", () => {
  const net = createNetwork(
    { sizes: [4, 3, 2, 10], hidden: ["sigmoid", "sigmoid"], output: "sigmoid", cost: "mse" },
    3,
    { precision: "float64" },
  );
  const count = 20;
  const pixels = Uint8Array.from({ length: count * 4 }, (_, i) => (i * 37) % 256);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  const images: LabelledImages = { pixels, labels, count, scale: 1 / 255 };
  const a2 = (i: number) =>
    forwardAll(
      net,
      Array.from(pixels.subarray(i * 4, i * 4 + 4), (v) => v / 255),
    ).a[2]!;

  it("lists each neuron's k most exciting images, most first, as a sort of all images would", () => {
    const profiles = neuronProfiles(net, images, 2, 4);
    expect(profiles).toHaveLength(2);
    for (const [j, p] of profiles.entries()) {
      const sorted = Array.from({ length: count }, (_, i) => ({ index: i, a: a2(i)[j]! })).sort(
        (x, y) => y.a - x.a,
      );
      expect(p.top).toEqual(sorted.slice(0, 4));
    }
  });
  it("averages a²ⱼ over loop digits and over the rest", () => {
    const [p] = neuronProfiles(net, images, 2, 1);
    const loops = [...Array(count).keys()].filter((i) => LOOP_DIGITS.includes(labels[i]!));
    const others = [...Array(count).keys()].filter((i) => !LOOP_DIGITS.includes(labels[i]!));
    const mean = (is: number[]) => is.reduce((s, i) => s + a2(i)[0]!, 0) / is.length;
    expect(p!.loopMean).toBeCloseTo(mean(loops), 12);
    expect(p!.otherMean).toBeCloseTo(mean(others), 12);
  });
  it("refuses a layer that is not hidden", () => {
    expect(() => neuronProfiles(net, images, 3, 1)).toThrow(RangeError);
  });
});
