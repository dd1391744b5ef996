// The reference engine's math: gradients against finite differences, cost terms, softmax δ, determinism.
import { describe, expect, it } from "vitest";
import { ACTIVATIONS, OUTPUT_ACTIVATIONS, type Activation } from "../../src/engine/activations.ts";
import { COSTS } from "../../src/engine/costs.ts";
import {
  applyGradient,
  convertNetwork,
  createNetwork,
  createVelocity,
  outputDeltaChainRule,
  parameterCount,
  SpecError,
  traceBatch,
  traceExample,
  validateSpec,
  type NetworkSpec,
} from "../../src/engine/network.ts";
import { gradientCheck, randomExample } from "../../src/engine/gradcheck.ts";

describe("traceExample(net, x, y)", () => {
  const cases = ACTIVATIONS.flatMap((h) =>
    OUTPUT_ACTIVATIONS.flatMap((o) => COSTS.map((c) => [h, o, c] as const)),
  );
  it.each(cases)(
    "matches central finite differences: hidden %s, output %s, cost %s",
    (hidden, output, cost) => {
      const worst = gradientCheck(hidden, output, cost);
      expect(worst).toBeLessThanOrEqual(1e-6);
    },
  );

  it("gives a squared-error cost that is the sum of its ten terms (aⱼ − yⱼ)²", () => {
    const spec: NetworkSpec = {
      sizes: [784, 16, 16, 10],
      hidden: ["sigmoid", "sigmoid"],
      output: "sigmoid",
      cost: "mse",
    };
    const net = createNetwork(spec, 3);
    const { x, y } = randomExample(1, 784, 10);
    const t = traceExample(net, x, y);
    let sum = 0;
    for (let j = 0; j < 10; j++) {
      expect(t.costTerms[j]).toBeCloseTo((t.a[3]![j]! - y[j]!) ** 2, 6);
      sum += t.costTerms[j]!;
    }
    expect(t.cost).toBeCloseTo(sum, 10);
  });

  it("gives softmax + cross-entropy a δ = a − y equal to the generic chain rule through the softmax Jacobian", () => {
    const spec: NetworkSpec = { sizes: [6, 5, 4], hidden: ["tanh"], output: "softmax", cost: "crossEntropy" };
    const net = createNetwork(spec, 11, { precision: "float64" });
    const { x, y } = randomExample(2, 6, 4);
    const t = traceExample(net, x, y);
    const generic = new Float64Array(4);
    outputDeltaChainRule(spec, t.z[2]!, t.a[2]!, t.dCda[2]!, generic);
    for (let j = 0; j < 4; j++) {
      expect(t.delta[2]![j]).toBeCloseTo(t.a[2]![j]! - y[j]!, 12);
      expect(generic[j]).toBeCloseTo(t.delta[2]![j]!, 12);
    }
  });

  it("exposes ∂C₀/∂a of the hidden layers as Σⱼ wⱼₖ δⱼ", () => {
    const spec: NetworkSpec = { sizes: [5, 4, 3], hidden: ["sigmoid"], output: "sigmoid", cost: "mse" };
    const net = createNetwork(spec, 5, { precision: "float64" });
    const { x, y } = randomExample(3, 5, 3);
    const t = traceExample(net, x, y);
    for (let k = 0; k < 4; k++) {
      let s = 0;
      for (let j = 0; j < 3; j++) s += net.w[2]![j * 4 + k]! * t.delta[2]![j]!;
      expect(t.dCda[1]![k]).toBeCloseTo(s, 14);
    }
  });
});

describe("traceBatch(net, batch)", () => {
  it("averages the per-example gradients and costs", () => {
    const spec: NetworkSpec = { sizes: [4, 3, 2], hidden: ["relu"], output: "sigmoid", cost: "mse" };
    const net = createNetwork(spec, 2, { precision: "float64" });
    const batch = [0, 1, 2].map((i) => randomExample(i, 4, 2));
    const bt = traceBatch(net, batch);
    expect(bt.examples).toHaveLength(3);
    const e = bt.examples;
    expect(bt.mean.dw[1]![5]).toBeCloseTo((e[0]!.dw[1]![5]! + e[1]!.dw[1]![5]! + e[2]!.dw[1]![5]!) / 3, 14);
    expect(bt.cost).toBeCloseTo((e[0]!.cost + e[1]!.cost + e[2]!.cost) / 3, 14);
  });
});

describe("createNetwork(spec, seed)", () => {
  const spec: NetworkSpec = {
    sizes: [784, 16, 16, 10],
    hidden: ["sigmoid", "sigmoid"],
    output: "sigmoid",
    cost: "mse",
  };

  it("has the videos' 13,002 weights and biases", () => {
    expect(parameterCount(spec)).toBe(13002);
  });

  it("is bit-identical for the same seed and different for another", () => {
    const a = createNetwork(spec, 42);
    const b = createNetwork(spec, 42);
    const c = createNetwork(spec, 43);
    expect(Buffer.from(a.w[1]!.buffer).equals(Buffer.from(b.w[1]!.buffer))).toBe(true);
    expect(Buffer.from(a.w[1]!.buffer).equals(Buffer.from(c.w[1]!.buffer))).toBe(false);
  });

  it("scales weights by 1/√fan-in, and by √(2/fan-in) (He) for ReLU layers", () => {
    const std = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0) / v.length);
    const sig = createNetwork(
      { sizes: [400, 300, 10], hidden: ["sigmoid"], output: "sigmoid", cost: "mse" },
      1,
    );
    const rel = createNetwork({ sizes: [400, 300, 10], hidden: ["relu"], output: "sigmoid", cost: "mse" }, 1);
    expect(std(sig.w[1]!)).toBeCloseTo(1 / 20, 2);
    expect(std(rel.w[1]!)).toBeCloseTo(Math.sqrt(2 / 400), 2);
  });

  it("rejects shapes it does not build, with a message naming the problem", () => {
    expect(() => validateSpec({ ...spec, sizes: [784, 0, 10], hidden: ["sigmoid"] })).toThrow(SpecError);
    expect(() => validateSpec({ ...spec, sizes: [784, 513, 10], hidden: ["sigmoid"] })).toThrow(/1–512/);
    expect(() =>
      validateSpec({ ...spec, sizes: [784, 1, 1, 1, 1, 1, 10], hidden: Array(5).fill("relu") }),
    ).toThrow(/at most 4/);
    expect(() => validateSpec({ ...spec, hidden: ["sigmoid"] })).toThrow(/hidden activations/);
    expect(() => validateSpec({ ...spec, hidden: ["sigmoid", "swish" as Activation] })).toThrow(/swish/);
  });
});

describe("applyGradient(net, grad, options)", () => {
  const spec: NetworkSpec = { sizes: [3, 2], hidden: [], output: "sigmoid", cost: "mse" };
  it("steps w ← w − η(g + λw) and leaves biases undecayed", () => {
    const net = createNetwork(spec, 1, { precision: "float64" });
    const before = convertNetwork(net, "float64");
    const g = {
      dw: [new Float64Array(0), Float64Array.from([1, 2, 3, 4, 5, 6])],
      db: [new Float64Array(0), Float64Array.from([1, -1])],
    };
    applyGradient(net, g, { learningRate: 0.5, weightDecay: 0.1 });
    for (let i = 0; i < 6; i++)
      expect(net.w[1]![i]).toBeCloseTo(before.w[1]![i]! - 0.5 * (g.dw[1]![i]! + 0.1 * before.w[1]![i]!), 14);
    expect(net.b[1]![1]).toBeCloseTo(before.b[1]![1]! + 0.5, 14);
  });
  it("accumulates velocity with momentum", () => {
    const net = createNetwork(spec, 1, { precision: "float64" });
    const w0 = net.w[1]![0]!;
    const v = createVelocity(net);
    const g = {
      dw: [new Float64Array(0), new Float64Array(6).fill(1)],
      db: [new Float64Array(0), new Float64Array(2)],
    };
    applyGradient(net, g, { learningRate: 1, momentum: 0.9 }, v);
    applyGradient(net, g, { learningRate: 1, momentum: 0.9 }, v);
    expect(net.w[1]![0]).toBeCloseTo(w0 - 1 - 1.9, 12);
  });
});
