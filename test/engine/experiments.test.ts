// The lessons' experiments: cost surfaces, restricted descent, the learning-rate finder, one SGD step, and the
// comparison of batch sizes, on small networks and data made here.
import { describe, expect, it } from "vitest";
import {
  batchCost,
  compareDescent,
  costSurface,
  descend,
  findLearningRate,
  getParam,
  sgdStep,
  type ParamRef,
} from "../../src/engine/experiments.ts";
import { toSparse } from "../../src/engine/fast.ts";
import { randomExample } from "../../src/engine/gradcheck.ts";
import { createNetwork, traceBatch, type NetworkSpec } from "../../src/engine/network.ts";
import { createRng } from "../../src/engine/rng.ts";

const spec: NetworkSpec = { sizes: [6, 5, 3], hidden: ["sigmoid"], output: "sigmoid", cost: "mse" };
const batch = [1, 2, 3, 4].map((s) => randomExample(s, 6, 3));
const w: ParamRef = { kind: "w", layer: 2, index: 4 };
const b: ParamRef = { kind: "b", layer: 1, index: 2 };

describe("costSurface(net, batch, params, span, steps)", () => {
  it("passes through the current cost at its centre, in 1-D and 2-D", () => {
    const net = createNetwork(spec, 1, { precision: "float64" });
    const c = batchCost(net, batch);
    const one = costSurface(net, batch, [w], 2, 5);
    expect(one.axes[0]![2]).toBeCloseTo(getParam(net, w), 12);
    expect(one.values[2]).toBeCloseTo(c, 12);
    const two = costSurface(net, batch, [w, b], 1, 3);
    expect(two.values).toHaveLength(9);
    expect(two.values[4]).toBeCloseTo(c, 12);
    expect(getParam(net, w)).toBe(one.centre[0]); // the network itself is untouched
  });

  it("rejects a parameter the network does not have", () => {
    const net = createNetwork(spec, 1);
    expect(() => costSurface(net, batch, [{ kind: "w", layer: 3, index: 0 }], 1, 3)).toThrow(/no parameter/);
  });
});

describe("descend(net, batch, params, η, steps)", () => {
  it("moves against the engine's gradient and lowers the cost at a small η", () => {
    const net = createNetwork(spec, 2, { precision: "float64" });
    const path = descend(net, batch, [w, b], 0.5, 20);
    expect(path).toHaveLength(21);
    const g = traceBatch(net, batch).mean;
    expect(path[0]!.gradient[0]).toBeCloseTo(g.dw[2]![4]!, 12);
    expect(path[1]!.values[0]).toBeCloseTo(path[0]!.values[0]! - 0.5 * path[0]!.gradient[0]!, 12);
    expect(path.at(-1)!.cost).toBeLessThan(path[0]!.cost);
  });
});

describe("findLearningRate(net, batch)", () => {
  it("halves η from the start until a step lowers the cost", () => {
    // ReLU and cross-entropy: a huge step overshoots into a much higher cost (sigmoid outputs would saturate).
    const reluSpec: NetworkSpec = {
      sizes: [6, 5, 3],
      hidden: ["relu"],
      output: "softmax",
      cost: "crossEntropy",
    };
    const net = createNetwork(reluSpec, 3, { precision: "float64" });
    const trials = findLearningRate(net, batch, 1e4);
    expect(trials.length).toBeGreaterThan(1);
    trials.slice(1).forEach((t, i) => expect(t.learningRate).toBe(trials[i]!.learningRate / 2));
    expect(trials.at(-1)!.falls).toBe(true);
    expect(trials.slice(0, -1).every((t) => !t.falls)).toBe(true);
  });
});

describe("sgdStep(net, batch, η)", () => {
  it("applies the mean gradient to a copy and reports the cost before and after", () => {
    const net = createNetwork(spec, 4, { precision: "float64" });
    const before = getParam(net, w);
    const r = sgdStep(net, batch, 0.1);
    expect(r.before).toBeCloseTo(batchCost(net, batch), 12);
    expect(getParam(r.next, w)).toBeCloseTo(before - 0.1 * r.gradient.dw[2]![4]!, 12);
    expect(getParam(net, w)).toBe(before);
    expect(r.after).toBeLessThan(r.before);
  });
});

describe("compareDescent(net, train, held, runs, budget)", () => {
  it("trains each run from the same start for the same number of examples", () => {
    const rng = createRng(5);
    const count = 200;
    const pixels = Uint8Array.from({ length: count * 16 }, () => (rng.next() < 0.5 ? 0 : rng.int(256)));
    const labels = Uint8Array.from({ length: count }, (_, i) => (pixels[i * 16]! > 0 ? 1 : 0));
    const data = toSparse({ count, size: 16, pixels, labels });
    const net = createNetwork({ sizes: [16, 4, 2], hidden: ["sigmoid"], output: "sigmoid", cost: "mse" }, 1);
    const runs = compareDescent(
      net,
      data,
      data,
      [
        { label: "full batch", batchSize: count, learningRate: 1 },
        { label: "mini-batch", batchSize: 10, learningRate: 1 },
        { label: "single", batchSize: 1, learningRate: 1 },
      ],
      600,
      6,
    );
    expect(runs.map((r) => r.label)).toEqual(["full batch", "mini-batch", "single"]);
    for (const r of runs) {
      expect(r.path[0]!.cost).toBe(runs[0]!.path[0]!.cost);
      expect(r.path.at(-1)!.examplesSeen).toBe(600);
    }
    expect(runs[0]!.path.at(-1)!.steps).toBe(3);
    expect(runs[2]!.path.at(-1)!.steps).toBe(600);
  });
});
