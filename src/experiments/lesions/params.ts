// The lesions experiment's URL parameters: `silence=1.5,2.7` (hidden neurons, layer.neuron), `nobias=1,3` and
// `noweights=2` (layers of the checkpoints' 784-16-16-10 network), `noise=0.3` (σ of the weight noise, whose
// seed is the page's). Parsing never throws: a bad value is dropped with a notice.
import { NO_LESION, type Lesion, type NeuronRef } from "../../engine/lesions.ts";
import { PRESETS } from "../../engine/presets.ts";
import { quoted } from "../../engine/userText.ts";
import { numberParam } from "../numberParam.ts";

/** The checkpoints' layer sizes: every checkpoint is the videos' network. */
export const CHECKPOINT_SIZES: readonly number[] = PRESETS["3b1b"].spec.sizes;
/** Layers of weights and biases, 1 … L. */
const LAYERS = CHECKPOINT_SIZES.length - 1;
/** The largest σ of weight noise. */
export const MAX_WEIGHT_NOISE = 2;

/** The numbers of a comma list, or null if it is not one. */
function list(text: string, pattern: RegExp): string[] | null {
  const items = text.split(",");
  return items.every((t) => pattern.test(t)) ? items : null;
}

function layers(text: string | null, name: string, notices: string[]): number[] {
  if (text === null) return [];
  const items = list(text, /^\d$/)?.map(Number);
  if (!items || items.some((l) => l < 1 || l > LAYERS)) {
    notices.push(
      `The layers ${quoted(text)} for ${name} are not a list of numbers from 1 to ${LAYERS}; ignoring them.`,
    );
    return [];
  }
  return [...new Set(items)].sort();
}

function neurons(text: string | null, notices: string[]): NeuronRef[] {
  if (text === null) return [];
  const items = list(text, /^\d\.\d{1,2}$/)?.map((t) => {
    const [layer, neuron] = t.split(".").map(Number);
    return { layer: layer!, neuron: neuron! };
  });
  if (
    !items ||
    items.some((n) => n.layer < 1 || n.layer >= LAYERS || n.neuron >= CHECKPOINT_SIZES[n.layer]!)
  ) {
    notices.push(
      `The neurons to silence ${quoted(text)} are not a list like 1.5,2.7 (layer 1 or 2, neuron 0 to 15); ignoring them.`,
    );
    return [];
  }
  return items;
}

/** The lesion a URL's parameters describe, with `seed` for its noise; a notice for each bad parameter. */
export function parseLesion(params: URLSearchParams, seed: number, notices: string[]): Lesion {
  const noise = numberParam(
    params,
    "noise",
    { what: "weight noise", max: MAX_WEIGHT_NOISE, fallback: NO_LESION.noise },
    notices,
  );
  return {
    noise,
    seed,
    zeroWeights: layers(params.get("noweights"), "noweights", notices),
    zeroBiases: layers(params.get("nobias"), "nobias", notices),
    silenced: neurons(params.get("silence"), notices),
  };
}

/** The URL parameters of a lesion (null: none, so the parameter goes); the seed is the page's own parameter. */
export function lesionParams(lesion: Lesion): Record<string, string | null> {
  const joined = (items: readonly (number | string)[]) => (items.length ? items.join(",") : null);
  return {
    noise: lesion.noise > 0 ? String(lesion.noise) : null,
    noweights: joined(lesion.zeroWeights),
    nobias: joined(lesion.zeroBiases),
    silence: joined(lesion.silenced.map((n) => `${n.layer}.${n.neuron}`)),
  };
}
