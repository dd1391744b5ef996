// The model file format: bit-identical round trips, deterministic text, and one clear ModelError per defect.
import { describe, expect, it } from "vitest";
import {
  float32ToString,
  ModelError,
  modelToJson,
  parseModel,
  type ModelErrorKind,
} from "../../src/engine/model.ts";
import { createNetwork, type Floats, type Network, type NetworkSpec } from "../../src/engine/network.ts";
import { createRng } from "../../src/engine/rng.ts";

const spec: NetworkSpec = {
  sizes: [6, 4, 3, 2],
  hidden: ["relu", "tanh"],
  output: "softmax",
  cost: "crossEntropy",
};

function small(): Network<Float32Array> {
  return createNetwork(spec, 7) as Network<Float32Array>;
}

/** The raw bytes of every parameter array, in order. */
function bytes(net: Network): Uint8Array[] {
  return [...net.w, ...net.b].map((v: Floats) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
}

/** A valid model document to break one field of. */
function doc(): Record<string, unknown> {
  return JSON.parse(modelToJson(small(), { seed: 7 })) as Record<string, unknown>;
}

function expectModelError(f: () => unknown, kind: ModelErrorKind, message: string | RegExp): void {
  let caught: unknown;
  try {
    f();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ModelError);
  const err = caught as ModelError;
  expect(err.kind).toBe(kind);
  if (typeof message === "string") expect(err.message).toBe(message);
  else expect(err.message).toMatch(message);
  // One sentence: capitalised, one full stop at the end, one line.
  expect(err.message).toMatch(/^[A-Z"].*\.$/);
  expect(err.message).not.toContain("\n");
}

describe("float32ToString", () => {
  it("float32ToString(x) is the shortest decimal of x's float32", () => {
    expect(float32ToString(0.1)).toBe("0.1");
    expect(float32ToString(Math.fround(0.1))).toBe("0.1");
    expect(float32ToString(1)).toBe("1");
    expect(float32ToString(100)).toBe("100");
    expect(float32ToString(-2.5e-7)).toBe("-2.5e-7");
    expect(float32ToString(0)).toBe("0");
    expect(float32ToString(-0)).toBe("-0");
  });

  it("float32ToString reads back as the same float32 for random bit patterns, subnormals and extremes", () => {
    const rng = createRng(3);
    const bits = new Uint32Array(20000);
    for (let i = 0; i < bits.length; i++) bits[i] = Math.floor(rng.next() * 2 ** 32);
    bits.set([0x00000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0xff7fffff, 0x80000001, 0x3f800001]);
    const f = new Float32Array(bits.buffer);
    for (let i = 0; i < f.length; i++) {
      if (!Number.isFinite(f[i]!)) continue;
      const s = float32ToString(f[i]!);
      expect(Math.fround(Number(s))).toBe(f[i]);
      expect(s.replace(/^-|e.*$|\./g, "").replace(/^0+|0+$/g, "").length).toBeLessThanOrEqual(9);
    }
  });
});

describe("modelToJson and parseModel", () => {
  it("parseModel(modelToJson(net)) gives bit-identical parameters, the same spec and the meta", () => {
    const net = small();
    // Values that a careless writer would lose: −0, a subnormal, the largest float32, a long mantissa.
    net.w[1]!.set([-0, 1e-45, 3.4028234663852886e38, Math.fround(1 / 3)]);
    net.b[3]!.set([-0, Math.fround(-1e-40)]);
    const meta = { seed: 7, flags: ["--lr", "0.1"], testAccuracy: 0.9731, nested: { a: null } };
    const { net: back, meta: backMeta } = parseModel(modelToJson(net, meta));
    expect(back.spec).toEqual(net.spec);
    expect(bytes(back)).toEqual(bytes(net));
    expect(back.w[1]).toBeInstanceOf(Float32Array);
    expect(Object.is(back.w[1]![0], -0)).toBe(true);
    expect(backMeta).toEqual(meta);
  });

  it("modelToJson(net, meta) is deterministic and a fixed point of parse then write", () => {
    const text = modelToJson(small(), { seed: 7, epochs: 3 });
    expect(modelToJson(small(), { seed: 7, epochs: 3 })).toBe(text);
    const { net, meta } = parseModel(text);
    expect(modelToJson(net, meta)).toBe(text);
    expect(text.endsWith("}\n")).toBe(true);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      "format",
      "version",
      "sizes",
      "hidden",
      "output",
      "cost",
      "meta",
      "weights",
      "biases",
    ]);
  });

  it("modelToJson(net) without meta omits it, and parseModel returns {} for it", () => {
    const text = modelToJson(small());
    expect(text).not.toContain('"meta"');
    expect(parseModel(text).meta).toEqual({});
  });

  it("modelToJson rounds a float64 network to float32", () => {
    const net64 = createNetwork(spec, 7, { precision: "float64" });
    const { net } = parseModel(modelToJson(net64));
    expect(Array.from(net.w[2]!)).toEqual(Array.from(net64.w[2]!, Math.fround));
  });

  it("modelToJson refuses a network with NaN or Infinity", () => {
    const net = small();
    net.w[2]![5] = NaN;
    expectModelError(
      () => modelToJson(net),
      "nonFinite",
      "Cannot save a network whose layer 2 weights[5] is NaN (training probably diverged).",
    );
    const net64 = createNetwork(spec, 7, { precision: "float64" });
    net64.b[1]![0] = 1e39; // finite as a double, Infinity as a float32
    expectModelError(() => modelToJson(net64), "nonFinite", /layer 1 biases\[0\] is 1e\+39/);
  });

  it("parseModel(text, expect) accepts a model that fits", () => {
    const text = modelToJson(small());
    expect(parseModel(text, { sizes: [6, 4, 3, 2] }).net.spec.sizes).toEqual([6, 4, 3, 2]);
    expect(parseModel(text, { inputs: 6, outputs: 2 }).net.spec.sizes).toEqual([6, 4, 3, 2]);
  });
});

describe("parseModel errors", () => {
  const bad = (change: (d: Record<string, unknown>) => void) => {
    const d = doc();
    change(d);
    return JSON.stringify(d);
  };

  it("invalid JSON", () => {
    expectModelError(() => parseModel('{"format": '), "invalidJson", /^The model file is not valid JSON \(/);
  });

  it("wrong format tag, or not an object", () => {
    expectModelError(
      () => parseModel(bad((d) => (d.format = "onnx"))),
      "wrongFormat",
      'This is not a model file: expected "format": "mnist-mlp", got "onnx".',
    );
    expectModelError(() => parseModel("[1,2]"), "wrongFormat", /^This is not a model file/);
  });

  it("unsupported version", () => {
    expectModelError(
      () => parseModel(bad((d) => (d.version = 2))),
      "unsupportedVersion",
      "Model file version 2 is not supported (this code reads version 1).",
    );
  });

  it("unknown field", () => {
    expectModelError(
      () => parseModel(bad((d) => (d.weight = []))),
      "unknownField",
      "Unknown field “weight” in the model file.",
    );
  });

  it("bad spec, wrapping validateSpec's reason", () => {
    expectModelError(
      () => parseModel(bad((d) => (d.sizes = [6, 0, 3, 2]))),
      "badSpec",
      "The model's architecture is invalid: layer 1 must have 1–512 neurons, got 0.",
    );
    expectModelError(
      () => parseModel(bad((d) => (d.hidden = ["relu", "swish"]))),
      "badSpec",
      /unknown activation "swish"/,
    );
    expectModelError(() => parseModel(bad((d) => (d.cost = 3))), "badSpec", /unknown cost "3"/);
    expectModelError(
      () => parseModel(bad((d) => delete d.sizes)),
      "badSpec",
      /at least an input and an output/,
    );
  });

  it("wrong number of layers", () => {
    expectModelError(
      () => parseModel(bad((d) => (d.weights = (d.weights as unknown[]).slice(1)))),
      "wrongLayerCount",
      "Expected 3 arrays of weights (one per layer after the input), got 2.",
    );
    expectModelError(() => parseModel(bad((d) => delete d.biases)), "wrongLayerCount", /biases .*got null/);
  });

  it("an array of the wrong length", () => {
    expectModelError(
      () => parseModel(bad((d) => (d.weights as number[][])[1]!.pop())),
      "wrongLength",
      "Layer 2 weights: expected 12 numbers, got 11.",
    );
    expectModelError(
      () => parseModel(bad((d) => ((d.biases as unknown[])[0] = 5))),
      "wrongLength",
      "Layer 1 biases: expected an array of 4 numbers.",
    );
  });

  it("a non-number or non-finite entry", () => {
    expectModelError(
      () => parseModel(bad((d) => ((d.weights as unknown[][])[0]![3] = null))),
      "badNumber",
      "Layer 1 weights[3] is null, not a number.",
    );
    expectModelError(
      () => parseModel(bad((d) => ((d.biases as unknown[][])[2]![1] = "0.5"))),
      "badNumber",
      'Layer 3 biases[1] is "0.5", not a number.',
    );
    const firstWeight = (replacement: string) =>
      modelToJson(small()).replace(/("weights": \[\s*\[)[^,]+/, `$1${replacement}`);
    const text = firstWeight("1e39");
    expectModelError(
      () => parseModel(text),
      "badNumber",
      "Layer 1 weights[0] is 1e+39, which is not a finite float32.",
    );
    expectModelError(
      () => parseModel(firstWeight("-1e999")),
      "badNumber",
      "Layer 1 weights[0] is -Infinity, which is not a finite float32.",
    );
  });

  it("meta that is not an object", () => {
    expectModelError(
      () => parseModel(bad((d) => (d.meta = ["seed", 1]))),
      "badMeta",
      '"meta" must be an object, got ["seed",1].',
    );
  });

  it("a model that does not fit what the caller expects", () => {
    const text = modelToJson(createNetwork({ ...spec, sizes: [100, 4, 3, 10] }, 1));
    expectModelError(
      () => parseModel(text, { inputs: 784, outputs: 10 }),
      "shapeMismatch",
      "This model takes 100 inputs, but MNIST images have 784 pixels.",
    );
    expectModelError(
      () => parseModel(text, { outputs: 2 }),
      "shapeMismatch",
      "This model has 10 outputs, but 2 are needed.",
    );
    expectModelError(
      () => parseModel(text, { sizes: [100, 16, 10] }),
      "shapeMismatch",
      "This model's layers are 100-4-3-10, but 100-16-10 was expected.",
    );
  });
});
