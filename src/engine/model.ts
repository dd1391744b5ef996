// The saved-model file: a versioned JSON document holding a network's spec and float32 parameters, written
// deterministically and read back bit for bit. Pure (no Node APIs, no DOM): the trainer and the worker share it.
//
// Format, version 1 (keys always in this order; `meta` is optional):
//   {
//     "format": "mnist-mlp",
//     "version": 1,
//     "sizes": [784,16,16,10],             neurons per layer, input first (NetworkSpec.sizes)
//     "hidden": ["sigmoid","sigmoid"],     activation of each hidden layer (NetworkSpec.hidden)
//     "output": "sigmoid",                 "sigmoid" | "softmax"
//     "cost": "mse",                       "mse" | "crossEntropy"
//     "meta": { … },                       free-form JSON: how the model was trained (seed, epochs, accuracy, command)
//     "weights": [ [...], [...], [...] ],  one flat array per weight layer l = 1…L, row-major: weights[l−1][j*n[l−1] + k]
//     "biases":  [ [...], [...], [...] ]   one array per layer l = 1…L: biases[l−1][j]
//   }
// Every parameter is a float32, written as the shortest decimal that reads back as the same float32
// ("-0" keeps its sign), so parse(write(net)) is bit-identical. NaN and ±Infinity are never written.

import { cleaned, quoted } from "./userText.ts";
import type { Activation, OutputActivation } from "./activations.ts";
import type { Cost } from "./costs.ts";
import { MNIST_CLASSES, MNIST_PIXELS } from "./mnist.ts";
import { SpecError, validateSpec, type Floats, type Network, type NetworkSpec } from "./network.ts";

/** The value of the "format" field. */
export const MODEL_FORMAT = "mnist-mlp";
/** The only version this code reads and writes. */
export const MODEL_VERSION = 1;

/** Any JSON value. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Free-form training information stored with a model (seed, epochs, learningRate, testAccuracy, createdWith …). */
export type ModelMeta = { readonly [key: string]: JsonValue };

/** A model file as parsed JSON (see the header for the meaning of each field). */
export interface ModelFile {
  readonly format: typeof MODEL_FORMAT;
  readonly version: typeof MODEL_VERSION;
  readonly sizes: readonly number[];
  readonly hidden: readonly Activation[];
  readonly output: OutputActivation;
  readonly cost: Cost;
  readonly meta?: ModelMeta;
  /** weights[l − 1][j * n[l−1] + k] = w[l]: from neuron k of layer l−1 to neuron j of layer l, l = 1…L. */
  readonly weights: readonly (readonly number[])[];
  /** biases[l − 1][j] = b[l][j], l = 1…L. */
  readonly biases: readonly (readonly number[])[];
}

/** Why a model was refused. */
export type ModelErrorKind =
  | "invalidJson"
  | "wrongFormat"
  | "unsupportedVersion"
  | "unknownField"
  | "badSpec"
  | "wrongLayerCount"
  | "wrongLength"
  | "badNumber"
  | "badMeta"
  | "shapeMismatch"
  | "nonFinite";

/** A model file (or a network to save) that cannot be used. `detail` is the reason as a lower-case clause. */
export class ModelError extends Error {
  override readonly name = "ModelError";
  readonly kind: ModelErrorKind;
  readonly detail: string;

  constructor(kind: ModelErrorKind, detail: string, options?: { cause: unknown }) {
    super(`${detail.charAt(0).toUpperCase()}${detail.slice(1)}.`, options);
    this.kind = kind;
    this.detail = detail;
  }
}

const FIELDS = ["format", "version", "sizes", "hidden", "output", "cost", "meta", "weights", "biases"];

/**
 * The shortest decimal that reads back as the float32 nearest to x: `Math.fround(Number(s)) === Math.fround(x)`.
 * At most 9 significant digits; "-0" for negative zero. Deterministic (toPrecision is exactly specified).
 */
export function float32ToString(x: number): string {
  const f = Math.fround(x);
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  if (!Number.isFinite(f)) throw new RangeError(`${x} has no finite float32 value`);
  for (let digits = 1; digits < 9; digits++) {
    const d = Number(f.toPrecision(digits));
    // String(d) is d's canonical form ("100", "1e-7"), no longer than the toPrecision text.
    if (Math.fround(d) === f) return String(d);
  }
  return String(Number(f.toPrecision(9)));
}

/** validateSpec, reporting a bad spec as ModelError "badSpec". */
function checkSpec(spec: NetworkSpec): void {
  try {
    validateSpec(spec);
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    throw new ModelError("badSpec", `the model's architecture is invalid: ${err.message}`, { cause: err });
  }
}

/** The parameter arrays in file order (weights of layers 1…L, then biases), each with its name and length. */
function parameterArrays(net: Network): { what: string; values: Floats; expected: number }[] {
  const n = net.spec.sizes;
  const layers = n.slice(1).map((_, i) => i + 1);
  return [
    ...layers.map((l) => ({ what: `layer ${l} weights`, values: net.w[l]!, expected: n[l]! * n[l - 1]! })),
    ...layers.map((l) => ({ what: `layer ${l} biases`, values: net.b[l]!, expected: n[l]! })),
  ];
}

/**
 * The model file of `net` (parameters rounded to float32) with optional `meta`, as a string ending in a newline.
 * Same network and meta give the same text. Throws ModelError "nonFinite" if any parameter is NaN or
 * ±Infinity (or overflows float32): a diverged network is not worth saving.
 */
export function modelToJson(net: Network, meta?: ModelMeta): string {
  checkSpec(net.spec);
  const L = net.spec.sizes.length - 1;
  if (net.w.length !== L + 1 || net.b.length !== L + 1)
    throw new ModelError(
      "wrongLayerCount",
      `a network of ${L + 1} layers needs w and b arrays of length ${L + 1}`,
    );
  const rows: string[] = [];
  for (const { what, values, expected } of parameterArrays(net)) {
    if (values.length !== expected)
      throw new ModelError("wrongLength", `${what}: expected ${expected} numbers, got ${values.length}`);
    const text = new Array<string>(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isFinite(Math.fround(v)))
        throw new ModelError(
          "nonFinite",
          `cannot save a network whose ${what}[${i}] is ${v} (training probably diverged)`,
        );
      text[i] = float32ToString(v);
    }
    rows.push(`[${text.join(",")}]`);
  }
  const { sizes, hidden, output, cost } = net.spec;
  const lines = [
    `"format": ${JSON.stringify(MODEL_FORMAT)}`,
    `"version": ${MODEL_VERSION}`,
    `"sizes": ${JSON.stringify(sizes)}`,
    `"hidden": ${JSON.stringify(hidden)}`,
    `"output": ${JSON.stringify(output)}`,
    `"cost": ${JSON.stringify(cost)}`,
  ];
  if (meta !== undefined) {
    // One line per key, as JSON.stringify would write them (keys holding undefined are left out).
    const entries = Object.entries(meta).filter(([, v]) => v !== undefined);
    const body = entries.map(([k, v]) => `\n    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",");
    lines.push(`"meta": {${body}${entries.length > 0 ? "\n  " : ""}}`);
  }
  lines.push(`"weights": [\n    ${rows.slice(0, L).join(",\n    ")}\n  ]`);
  lines.push(`"biases": [\n    ${rows.slice(L).join(",\n    ")}\n  ]`);
  return `{\n  ${lines.join(",\n  ")}\n}\n`;
}

/** What the caller needs the model to fit; each given field must match. */
export interface ModelExpectation {
  /** The whole architecture, input first. */
  readonly sizes?: readonly number[];
  /** Input size (784 for MNIST). */
  readonly inputs?: number;
  /** Output size (10 digits). */
  readonly outputs?: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkExpectation(sizes: readonly number[], expect: ModelExpectation): void {
  const inputs = expect.inputs ?? expect.sizes?.[0];
  const outputs = expect.outputs ?? expect.sizes?.at(-1);
  const nIn = sizes[0]!;
  const nOut = sizes.at(-1)!;
  if (inputs !== undefined && nIn !== inputs)
    throw new ModelError(
      "shapeMismatch",
      `this model takes ${nIn} inputs, but ${inputs === MNIST_PIXELS ? "MNIST images have" : "the images have"} ${inputs} pixels`,
    );
  if (outputs !== undefined && nOut !== outputs)
    throw new ModelError(
      "shapeMismatch",
      `this model has ${nOut} outputs, but ${outputs === MNIST_CLASSES ? `there are ${MNIST_CLASSES} digits` : `${outputs} are needed`}`,
    );
  if (expect.sizes !== undefined && sizes.join("-") !== expect.sizes.join("-"))
    throw new ModelError(
      "shapeMismatch",
      `this model's layers are ${sizes.join("-")}, but ${expect.sizes.join("-")} was expected`,
    );
}

/** Reads one layer's array into float32, checking its length and every entry. */
function readLayer(values: unknown, what: string, expected: number): Float32Array {
  if (!Array.isArray(values))
    throw new ModelError("wrongLength", `${what}: expected an array of ${expected} numbers`);
  if (values.length !== expected)
    throw new ModelError("wrongLength", `${what}: expected ${expected} numbers, got ${values.length}`);
  const out = new Float32Array(expected);
  for (let i = 0; i < expected; i++) {
    const v: unknown = values[i];
    if (typeof v !== "number")
      throw new ModelError(
        "badNumber",
        `${what}[${i}] is ${cleaned(String(JSON.stringify(v)))}, not a number`,
      );
    const f = Math.fround(v);
    if (!Number.isFinite(f))
      throw new ModelError("badNumber", `${what}[${i}] is ${v}, which is not a finite float32`);
    out[i] = f;
  }
  return out;
}

/**
 * Reads a model file, checking everything: JSON syntax, format tag, version, field names, spec (as
 * validateSpec), layer count, every array's length, every number (finite float32), meta (an object), and
 * `expect`. Throws ModelError with one sentence naming the first problem. `meta` is {} when absent.
 */
export function parseModel(
  text: string,
  expect: ModelExpectation = {},
): { net: Network<Float32Array>; meta: ModelMeta } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ModelError("invalidJson", `the model file is not valid JSON (${cleaned(why, 120)})`, {
      cause: err,
    });
  }
  if (!isRecord(doc) || doc.format !== MODEL_FORMAT)
    throw new ModelError(
      "wrongFormat",
      `this is not a model file: expected "format": ${JSON.stringify(MODEL_FORMAT)}` +
        (isRecord(doc) && "format" in doc ? `, got ${cleaned(String(JSON.stringify(doc.format)))}` : ""),
    );
  if (doc.version !== MODEL_VERSION)
    throw new ModelError(
      "unsupportedVersion",
      `model file version ${JSON.stringify(doc.version)} is not supported (this code reads version ${MODEL_VERSION})`,
    );
  for (const key of Object.keys(doc))
    if (!FIELDS.includes(key))
      throw new ModelError("unknownField", `unknown field ${quoted(key)} in the model file`);

  const { sizes, hidden, output, cost } = doc;
  const spec: NetworkSpec = {
    sizes: Array.isArray(sizes) ? [...(sizes as number[])] : (sizes as number[]),
    hidden: Array.isArray(hidden) ? [...(hidden as Activation[])] : (hidden as Activation[]),
    output: output as OutputActivation,
    cost: cost as Cost,
  };
  checkSpec(spec);
  checkExpectation(spec.sizes, expect);

  const L = spec.sizes.length - 1;
  for (const [name, arrays] of [
    ["weights", doc.weights],
    ["biases", doc.biases],
  ] as const)
    if (!Array.isArray(arrays) || arrays.length !== L)
      throw new ModelError(
        "wrongLayerCount",
        `expected ${L} arrays of ${name} (one per layer after the input), got ` +
          (Array.isArray(arrays) ? arrays.length : JSON.stringify(arrays ?? null)),
      );
  const weights = doc.weights as unknown[];
  const biases = doc.biases as unknown[];
  const w: Float32Array[] = [new Float32Array(0)];
  const b: Float32Array[] = [new Float32Array(0)];
  for (let l = 1; l <= L; l++) {
    const n = spec.sizes[l]!;
    w.push(readLayer(weights[l - 1], `layer ${l} weights`, n * spec.sizes[l - 1]!));
    b.push(readLayer(biases[l - 1], `layer ${l} biases`, n));
  }

  if (doc.meta !== undefined && !isRecord(doc.meta))
    throw new ModelError(
      "badMeta",
      `"meta" must be an object, got ${cleaned(String(JSON.stringify(doc.meta)))}`,
    );
  return { net: { spec, w, b }, meta: (doc.meta ?? {}) as ModelMeta };
}
