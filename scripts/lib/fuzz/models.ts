// Malformed model files, seeded: text that is not JSON, JSON of the wrong shape, and the shipped model with one
// field broken (sizes, activations, weights that are short, non-finite, huge or of the wrong type, prototype
// keys, markup in every string). Each carries whether the engine's own reader accepts it.
import type { Rng } from "../../../src/engine/rng.ts";
import { readModel } from "../../../src/worker/models.ts";
import { hostileText, INJECTED_FLAG, MARKUP, pick } from "./payloads.ts";

export interface ModelCase {
  readonly name: string;
  readonly text: string;
  /** readModel accepts it: the app must load it without a word; otherwise it must say why, naming the file. */
  readonly valid: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One break of a valid model (parsed JSON), in place. */
const BREAKS: readonly ((m: { [key: string]: Json }, rng: Rng) => void)[] = [
  (m) => delete m["weights"],
  (m) => delete m["sizes"],
  (m, rng) => (m["format"] = hostileText(rng)),
  (m) => (m["version"] = 99),
  (m, rng) => (m["sizes"] = [784, rng.int(3) === 0 ? -4 : 0, 10]),
  (m) => (m["sizes"] = [784, 16, 16, 9]),
  (m) => (m["sizes"] = [783, 16, 16, 10]),
  (m, rng) => (m["hidden"] = [hostileText(rng), "sigmoid"]),
  (m, rng) => (m["output"] = pick(rng, MARKUP)),
  (m, rng) => (m["cost"] = hostileText(rng)),
  (m) => ((m["weights"] as Json[][])[0] = ((m["weights"] as Json[][])[0] ?? []).slice(0, 100)),
  (m, rng) => (((m["weights"] as Json[][])[1] ?? [])[rng.int(200)] = "NaN"),
  (m, rng) => (((m["weights"] as Json[][])[2] ?? [])[rng.int(100)] = 1e39),
  (m, rng) => (((m["biases"] as Json[][])[0] ?? [])[rng.int(16)] = null),
  (m) => (m["biases"] = {}),
  (m) => (m["weights"] = "[]"),
  (m, rng) => (m["meta"] = { name: pick(rng, MARKUP), epochs: pick(rng, ["x", -1, 1e308]) }),
  (m) => (m["__proto__"] = { polluted: true }),
  (m) => (m["constructor"] = { prototype: { polluted: true } }),
  (m) => (m["weights"] = [new Array(200_000).fill(0.1)]),
];

/** The text of one malformed (or, by chance, still valid) model file. */
function brokenModel(valid: string, rng: Rng): string {
  const r = rng.next();
  if (r < 0.15)
    return pick(rng, ["", "{", "null", "[]", "42", '"model"', "{}", "\u0000\u0001", "<html>not json</html>"]);
  if (r < 0.2) return valid.slice(0, rng.int(valid.length));
  const model = JSON.parse(valid) as { [key: string]: Json };
  const breaks = 1 + rng.int(2);
  for (let i = 0; i < breaks; i++) pick(rng, BREAKS)(model, rng);
  // JSON.stringify drops a "__proto__" set by assignment; write it as a key of the text, as an attacker would.
  const text = JSON.stringify(model);
  return rng.next() < 0.1 ? text.replace(/^\{/, '{"__proto__":{"polluted":true},') : text;
}

function accepted(text: string): boolean {
  try {
    readModel(text);
    return true;
  } catch {
    return false;
  }
}

/** `count` model files, named fuzz-model-N.json (some names carry markup), from a valid model's text. */
export function modelCases(rng: Rng, valid: string, count: number): ModelCase[] {
  return Array.from({ length: count }, (_, i) => {
    const text = brokenModel(valid, rng);
    const name =
      i % 10 === 3
        ? `fuzz-${i}-<img data-fuzz src=x onerror=window.${INJECTED_FLAG}=1>.json`
        : `fuzz-model-${i}.json`;
    return { name, text, valid: accepted(text) };
  });
}
