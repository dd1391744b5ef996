// Where a session's networks come from: a fresh network of a spec and seed, or a model file's (fetched or given),
// each with its typed origin. Failures come back as sentences, never as thrown errors the session must sort.

import { MNIST_CLASSES, MNIST_PIXELS } from "../../engine/mnist.ts";
import { ModelError } from "../../engine/model.ts";
import { quoted } from "../../engine/userText.ts";
import {
  createNetwork,
  SpecError,
  validateSpec,
  type Network,
  type NetworkSpec,
} from "../../engine/network.ts";
import { loadModelFile, ModelFileError, readModel, type ModelOrigin } from "../models.ts";
import type { ModelSource } from "./protocol.ts";

/** A network and where it came from, or why there is none. */
export type Built =
  | { readonly ok: true; readonly net: Network<Float32Array>; readonly origin: ModelOrigin }
  | { readonly ok: false; readonly message: string };

/** Why `spec` cannot be a network of this app, as a sentence, or null: checked without building it. */
export function specProblem(spec: NetworkSpec): string | null {
  try {
    if (spec.sizes?.[0] !== MNIST_PIXELS || spec.sizes.at(-1) !== MNIST_CLASSES)
      throw new SpecError(`the network must take ${MNIST_PIXELS} pixels and have ${MNIST_CLASSES} outputs`);
    validateSpec(spec);
    return null;
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    return `Cannot build that network: ${err.message}.`;
  }
}

/** An untrained network of `spec` from `seed`, or the sentence saying why that shape cannot be built. */
export function freshNetwork(spec: NetworkSpec, seed: number): Built {
  const problem = specProblem(spec);
  if (problem) return { ok: false, message: problem };
  return { ok: true, net: createNetwork(spec, seed), origin: { kind: "untrained", seed } };
}

/** A model file's text as a network; a file origin takes its epochs from the file's meta when it records them. */
export function networkFromText(text: string, origin: ModelOrigin, file: string): Built {
  try {
    const { net, meta } = readModel(text);
    const epochs = typeof meta.epochs === "number" ? meta.epochs : null;
    const o = origin.kind === "file" && origin.epochs === null ? { ...origin, epochs } : origin;
    return { ok: true, net, origin: o };
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    return { ok: false, message: `The file ${quoted(file)} is not a usable network: ${err.detail}.` };
  }
}

/** The name a message gives a model source. */
export function sourceName(origin: ModelOrigin): string {
  switch (origin.kind) {
    case "file":
      return origin.name;
    case "pretrained":
      return origin.checkpoint === "best"
        ? "the better network"
        : `the checkpoint after ${origin.checkpoint} epochs`;
    default:
      return "the saved network";
  }
}

/** The starting network of an init: the model's, or `problem` says why a fresh one of `spec` is used instead. */
export async function startingNetwork(
  model: ModelSource | null,
  spec: NetworkSpec,
  seed: number,
  fetchFn: (url: string) => Promise<Response>,
): Promise<{ built: Built; problem: string | null }> {
  if (model === null) return { built: freshNetwork(spec, seed), problem: null };
  let built: Built;
  if ("url" in model) {
    try {
      const { net } = await loadModelFile(model.url, fetchFn);
      built = { ok: true, net, origin: model.origin };
    } catch (err) {
      if (!(err instanceof ModelFileError)) throw err;
      built = { ok: false, message: err.message };
    }
  } else built = networkFromText(model.text, model.origin, sourceName(model.origin));
  if (built.ok) return { built, problem: null };
  return {
    built: freshNetwork(spec, seed),
    problem: `${built.message.replace(/\.$/, "")}, so the network starts untrained.`,
  };
}
