// Model files in one place: where the shipped checkpoints of the videos' network live, reading a model file for
// MNIST (784 inputs, 10 outputs), fetching one with a sentence that names the file when it fails, and the typed
// origin a network carries (where its weights came from) instead of a display string to parse.

import { MNIST_CLASSES, MNIST_PIXELS } from "../engine/mnist.ts";
import { ModelError, parseModel, type ModelMeta } from "../engine/model.ts";
import type { Network } from "../engine/network.ts";
import { PRESETS, type PresetName } from "../engine/presets.ts";

/** Checkpoints of the videos' network shipped in public/models, by epochs trained. */
export const CHECKPOINTS = [0, 1, 5, 30] as const;
export type Checkpoint = (typeof CHECKPOINTS)[number];

/** The folder of the shipped models, relative to the page. */
export const MODELS_FOLDER = "models";

/** A shipped network: a checkpoint of the videos' network, or "best", the better preset after its training. */
export type ShippedModel = Checkpoint | "best";

/** Every shipped network: the videos' checkpoints by epochs trained, then the better one. */
export const SHIPPED_MODELS: readonly ShippedModel[] = [...CHECKPOINTS, "best"];

/** The network the explorable opens with, and reads drawings with unless the learner picks another. */
export const DEFAULT_MODEL: ShippedModel = 30;

/** A preset's shipped network when its training has finished: the videos' after 30 epochs, "best". */
export function finishedModelOf(preset: PresetName): ShippedModel {
  return preset === "best" ? "best" : DEFAULT_MODEL;
}

/** Whether a shipped network is its preset's finished one (Play starts afresh: it has nothing left to learn). */
export function isFinished(model: ShippedModel): boolean {
  return model === finishedModelOf(presetOfModel(model));
}

/** The preset a shipped network was trained as (its architecture and training). */
export function presetOfModel(model: ShippedModel): PresetName {
  return model === "best" ? "best" : "3b1b";
}

/**
 * A shipped network's file name: "3b1b-epoch-30.json", "best-epoch-30.json" (`npm run models` writes them, as
 * `npm run train -- --preset NAME --checkpoints …` names checkpoints).
 */
export function checkpointFile(model: ShippedModel): string {
  const epochs = model === "best" ? PRESETS.best.epochs : model;
  return `${presetOfModel(model)}-epoch-${epochs}.json`;
}

/** A shipped network's path relative to the page, or its URL in `folder` (an absolute or relative URL). */
export function checkpointPath(model: ShippedModel, folder: string = MODELS_FOLDER): string {
  return `${folder.replace(/\/$/, "")}/${checkpointFile(model)}`;
}

/**
 * Where a network's weights came from. `trained` wraps where training started and counts the epochs since.
 * The worker sends it with every new network; views describe it (never parse a description back).
 */
export type ModelOrigin =
  | { readonly kind: "pretrained"; readonly checkpoint: ShippedModel }
  | { readonly kind: "untrained"; readonly seed: number }
  | { readonly kind: "file"; readonly name: string; readonly epochs: number | null }
  | {
      readonly kind: "trained";
      readonly from: ModelOrigin;
      /** Passes over the training set since `from`: examples seen ÷ training images, a fraction mid-epoch. */
      readonly epochs: number;
    }
  | {
      /** `from`, then one gradient step on each of `drawings` of the learner's own digits. */
      readonly kind: "taught";
      readonly from: ModelOrigin;
      readonly drawings: number;
    };

/** The origin training started from (itself when it has not trained). */
export function startOf(origin: ModelOrigin): ModelOrigin {
  return origin.kind === "trained" ? origin.from : origin;
}

/**
 * Passes over the training set behind weights from `origin` since they were random: a checkpoint's epochs, a
 * file's when its meta says (else 0), plus the passes trained since (taught drawings add none).
 */
export function passesOf(origin: ModelOrigin): number {
  switch (origin.kind) {
    case "pretrained":
      return origin.checkpoint === "best" ? PRESETS.best.epochs : origin.checkpoint;
    case "untrained":
      return 0;
    case "file":
      return origin.epochs ?? 0;
    case "trained":
      return passesOf(origin.from) + origin.epochs;
    case "taught":
      return passesOf(origin.from);
  }
}

/** The checkpoint an origin is, if it is one untrained-since (for the URL's `model=`); "none" for untrained. */
export function checkpointOf(origin: ModelOrigin): ShippedModel | "none" | null {
  if (origin.kind === "pretrained") return origin.checkpoint;
  if (origin.kind === "untrained") return "none";
  return null;
}

/** A model file's network for MNIST (784 inputs, 10 outputs) and its meta. Throws ModelError. */
export function readModel(text: string): { net: Network<Float32Array>; meta: ModelMeta } {
  return parseModel(text, { inputs: MNIST_PIXELS, outputs: MNIST_CLASSES });
}

/** A model file that could not be fetched or used; `message` is one sentence naming the file. */
export class ModelFileError extends Error {
  override readonly name = "ModelFileError";
  constructor(
    message: string,
    /** The file's name as shown: "models/3b1b-epoch-30.json". */
    readonly file: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** A URL's last two path segments, for messages: "models/3b1b-epoch-30.json". */
export function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  const m = /[^/]+\/[^/]+$/.exec(path);
  return m ? m[0] : path;
}

/**
 * Downloads and reads a model file. Rejects with a ModelFileError whose message names the file and says what
 * went wrong (the network, the server's status, or why the file is not a usable network).
 */
export async function loadModelFile(
  url: string,
  fetchFn: (url: string) => Promise<Response>,
): Promise<{ net: Network<Float32Array>; meta: ModelMeta }> {
  const file = fileNameOf(url);
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ModelFileError(`Could not download the network ${file} (${why}).`, file, { cause: err });
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    throw new ModelFileError(`Could not download the network ${file}: the server answered ${status}.`, file);
  }
  try {
    return readModel(await response.text());
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    throw new ModelFileError(`The file ${file} is not a usable network: ${err.detail}.`, file, {
      cause: err,
    });
  }
}
