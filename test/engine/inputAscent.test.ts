// Gradient ascent on the input: ∇J checked against central differences (with and without the roughness
// penalty), the shipped model's output rising at every step it takes, the average images and their distance.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { noiseImages } from "../../src/engine/analysis.ts";
import {
  ascend,
  ascentStep,
  averageImages,
  meanDifference,
  objectiveGradient,
  roughness,
  startAscent,
  type AscentOptions,
} from "../../src/engine/inputAscent.ts";
import { MNIST_PIXELS } from "../../src/engine/mnist.ts";
import { parseModel } from "../../src/engine/model.ts";
import { createNetwork, forward, forwardAll, type Network } from "../../src/engine/network.ts";
import { createRng } from "../../src/engine/rng.ts";

const shipped = parseModel(
  readFileSync(new URL("../../public/models/3b1b-epoch-30.json", import.meta.url), "utf8"),
).net;

/** J(x) = aⱼ − λ R(x), computed the long way. */
function objective(net: Network, x: Float64Array, o: AscentOptions): number {
  return forward(net, x)[o.digit]! - o.roughness * roughness(x);
}

/** A 784-8-6-10 sigmoid network in float64, for gradients checked by finite differences. */
const small = createNetwork(
  { sizes: [MNIST_PIXELS, 8, 6, 10], hidden: ["sigmoid", "sigmoid"], output: "sigmoid", cost: "mse" },
  5,
  { precision: "float64" },
);

describe("objectiveGradient(net, x, options)", () => {
  const net = small;
  const rng = createRng(11);
  const x = Float64Array.from({ length: MNIST_PIXELS }, () => rng.next());
  for (const o of [
    { digit: 5, roughness: 0 },
    { digit: 2, roughness: 3 },
  ])
    it(`matches central differences of aⱼ − λR: digit ${o.digit}, λ = ${o.roughness}`, () => {
      const g = objectiveGradient(net, x, o);
      const h = 1e-6;
      for (const i of [0, 1, 29, 200, 405, 406, 433, 783]) {
        const up = Float64Array.from(x);
        const down = Float64Array.from(x);
        up[i]! += h;
        down[i]! -= h;
        const fd = (objective(net, up, o) - objective(net, down, o)) / (2 * h);
        expect(g[i]).toBeCloseTo(fd, 7);
      }
    });
});

describe("ascentStep and ascend on the shipped 784-16-16-10 network", () => {
  it("raise output 5 at every step taken, from noise to above 0.9, pixels kept in 0…1", () => {
    const o = { digit: 5, roughness: 0 };
    const start = startAscent(shipped, noiseImages(3, 1), o);
    expect(start.output).toBeLessThan(0.5);
    const { state, outputs } = ascend(shipped, start, o, 120);
    expect(outputs).toHaveLength(state.steps);
    let before = start.output;
    for (const a of outputs) {
      expect(a).toBeGreaterThan(before);
      before = a;
    }
    expect(state.output).toBeGreaterThan(0.9);
    expect(state.output).toBe(forward(shipped, state.x)[5]);
    expect(Math.min(...state.x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...state.x)).toBeLessThanOrEqual(1);
  });

  it("raise the objective at every step with a roughness penalty, and are deterministic", () => {
    const o = { digit: 8, roughness: 4 };
    let s = startAscent(shipped, new Float32Array(MNIST_PIXELS), o);
    for (let t = 0; t < 30 && !s.stalled; t++) {
      const next = ascentStep(shipped, s, o);
      if (!next.stalled) expect(next.objective).toBeGreaterThan(s.objective);
      s = next;
    }
    const again = ascend(shipped, startAscent(shipped, new Float32Array(MNIST_PIXELS), o), o, 30).state;
    expect(Array.from(again.x)).toEqual(Array.from(s.x));
  });

  it("startAscent clips the first image into 0…1; a stalled ascent stays put", () => {
    const o = { digit: 1, roughness: 0 };
    const s = startAscent(
      shipped,
      Float32Array.from({ length: MNIST_PIXELS }, (_, i) => (i % 2 ? 2 : -1)),
      o,
    );
    expect(new Set(s.x)).toEqual(new Set([0, 1]));
    const stalled = { ...s, stalled: true };
    expect(ascentStep(shipped, stalled, o)).toBe(stalled);
  });
});

describe("averageImages(split) and meanDifference(x, y)", () => {
  it("average each digit's images and all of them, in 0…1", () => {
    const pixels = new Uint8Array(3 * MNIST_PIXELS);
    pixels.fill(255, 0, MNIST_PIXELS); // image 0: all ink, a 4
    pixels[MNIST_PIXELS + 7] = 51; // image 1: one grey pixel, a 4
    const split = { count: 3, rows: 28, cols: 28, pixels, labels: Uint8Array.of(4, 4, 9) };
    const { digits, all } = averageImages(split);
    expect(digits[4 * MNIST_PIXELS + 7]).toBeCloseTo((1 + 0.2) / 2, 6);
    expect(digits[4 * MNIST_PIXELS + 8]).toBeCloseTo(0.5, 6);
    expect(digits.subarray(9 * MNIST_PIXELS).every((v) => v === 0)).toBe(true);
    expect(digits.subarray(0, MNIST_PIXELS).every((v) => v === 0)).toBe(true); // no 0s: blank
    expect(all[7]).toBeCloseTo(1.2 / 3, 6);
    expect(meanDifference(all, all)).toBe(0);
    expect(meanDifference(Float32Array.of(0, 1), Float32Array.of(1, 0.5))).toBe(0.75);
  });
});

describe("ascent on a hidden neuron (options.layer)", () => {
  const net = small;
  const rng = createRng(12);
  const x = Float64Array.from({ length: MNIST_PIXELS }, () => rng.next());
  const o = { digit: 3, layer: 2, roughness: 0 };
  const a2 = (v: ArrayLike<number>) => forwardAll(net, v).a[2]![3]!;

  it("its gradient matches central differences of a²ⱼ", () => {
    const g = objectiveGradient(net, x, o);
    const h = 1e-6;
    for (const i of [0, 29, 300, 406, 783]) {
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[i]! += h;
      down[i]! -= h;
      expect(g[i]).toBeCloseTo((a2(up) - a2(down)) / (2 * h), 7);
    }
  });

  it("raises second-layer neuron j of the shipped network at every step, from a blank image", () => {
    const oj = { digit: 7, layer: 2, roughness: 0 };
    const start = startAscent(shipped, new Float32Array(MNIST_PIXELS), oj);
    expect(start.output).toBe(forwardAll(shipped, new Float32Array(MNIST_PIXELS)).a[2]![7]);
    const { state, outputs } = ascend(shipped, start, oj, 60);
    expect(outputs.length).toBeGreaterThan(5);
    let before = start.output;
    for (const a of outputs) {
      expect(a).toBeGreaterThan(before);
      before = a;
    }
    expect(state.output).toBe(forwardAll(shipped, state.x).a[2]![7]);
    expect(state.output).toBeGreaterThan(start.output);
  });
});
