// The experiments' URL: `?experiments` is the index, `?experiment=<id>` one experiment, with `seed=<n>` (noise)
// and `epochs=<n>` (which checkpoint), for "draw-a-digit" `digit`, `start` and `roughness`, and for "lesions" the
// damage (lesions/params.ts), for "many-starts" how many networks (`starts`). Parsing never throws: unknown or invalid values come back as notices.
import { quoted } from "../engine/userText.ts";
import { CHECKPOINTS, type Checkpoint } from "../worker/models.ts";
import type { Lesion } from "../engine/lesions.ts";
import { DEFAULT_CHECKPOINT } from "./checkpoints.ts";
import { parseLesion } from "./lesions/params.ts";
import { parseStarts } from "./starts/params.ts";
import { numberParam } from "./numberParam.ts";
import { DEFAULT_STARTS } from "../engine/starts.ts";

export const EXPERIMENT_IDS = [
  "noise",
  "first-layer",
  "second-layer",
  "failures",
  "preprocessing",
  "shuffled-labels",
  "memorisation-speed",
  "side-by-side",
  "my-digits",
  "draw-a-digit",
  "lesions",
  "lr-recipe",
  "many-starts",
] as const;
export type ExperimentId = (typeof EXPERIMENT_IDS)[number];

/** The noise experiment's seed when the URL names none. */
export const DEFAULT_SEED = 1;
/** Largest seed: the generator takes 32 bits. */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * Where "draw-a-digit" starts its ascent: noise of the seed, a blank image, the average training digit, or a
 * drawing the learner makes on the page.
 */
export const ASCENT_STARTS = ["noise", "blank", "average", "drawing"] as const;
export type AscentStart = (typeof ASCENT_STARTS)[number];
/** The digit "draw-a-digit" asks for, the start and the roughness penalty λ when the URL names none. */
export const DEFAULT_DIGIT = 5;
export const DEFAULT_START: AscentStart = "noise";
export const DEFAULT_ROUGHNESS = 0;
/** The largest roughness penalty λ. */
export const MAX_ROUGHNESS = 10;

export type ExperimentPage =
  | { readonly kind: "index" }
  | { readonly kind: "unknown"; readonly requested: string }
  | { readonly kind: "experiment"; readonly id: ExperimentId };

export interface ExperimentRoute {
  readonly page: ExperimentPage;
  readonly seed: number;
  readonly epochs: Checkpoint;
  /** The digit "draw-a-digit" raises the output of, 0–9. */
  readonly digit: number;
  readonly start: AscentStart;
  /** λ, the roughness penalty of "draw-a-digit", 0…MAX_ROUGHNESS. */
  readonly roughness: number;
  /** The damage "lesions" does to the network (its noise from `seed`). */
  readonly lesion: Lesion;
  /** How many networks "many-starts" trains, MIN_STARTS…MAX_STARTS. */
  readonly starts: number;
  /** One plain-text sentence per invalid parameter, saying what is used instead. */
  readonly notices: readonly string[];
}

/** True when the page should show the experiments: `?experiment=…` or `?experiments`. */
export function isExperimentUrl(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has("experiment") || params.has("experiments");
}

function isExperimentId(id: string): id is ExperimentId {
  return (EXPERIMENT_IDS as readonly string[]).includes(id);
}

/** A seed parameter as a number, or null unless it is a whole number 0…MAX_SEED written in digits. */
export function parseSeed(text: string): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_SEED ? n : null;
}

/** The route of a location's query string (with or without its "?"). */
export function parseExperimentRoute(search: string): ExperimentRoute {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const id = params.get("experiment");
  const page: ExperimentPage =
    id === null
      ? { kind: "index" }
      : isExperimentId(id)
        ? { kind: "experiment", id }
        : { kind: "unknown", requested: id };

  let seed = DEFAULT_SEED;
  const seedText = params.get("seed");
  if (seedText !== null) {
    const n = parseSeed(seedText);
    if (n === null)
      notices.push(
        `The seed ${quoted(seedText)} is not a whole number from 0 to ${MAX_SEED.toLocaleString("en-US")}; using seed ${DEFAULT_SEED}.`,
      );
    else seed = n;
  }

  let epochs = DEFAULT_CHECKPOINT;
  const epochsText = params.get("epochs");
  if (epochsText !== null) {
    const n = CHECKPOINTS.find((c) => String(c) === epochsText);
    if (n === undefined)
      notices.push(
        `There is no network trained for ${quoted(epochsText)} epochs; the checkpoints are after 0, 1, 5 and 30. Using 30.`,
      );
    else epochs = n;
  }

  let digit = DEFAULT_DIGIT;
  const digitText = params.get("digit");
  if (digitText !== null) {
    if (/^\d$/.test(digitText)) digit = Number(digitText);
    else notices.push(`The digit ${quoted(digitText)} is not one of 0 to 9; using ${DEFAULT_DIGIT}.`);
  }

  let start = DEFAULT_START;
  const startText = params.get("start");
  if (startText !== null) {
    const found = ASCENT_STARTS.find((s) => s === startText);
    if (found === undefined)
      notices.push(
        `There is no start called ${quoted(startText)}; the starts are ${ASCENT_STARTS.join(", ")}. Using ${DEFAULT_START}.`,
      );
    else start = found;
  }

  const roughness = numberParam(
    params,
    "roughness",
    { what: "roughness", max: MAX_ROUGHNESS, fallback: DEFAULT_ROUGHNESS },
    notices,
  );
  const lesion = parseLesion(params, seed, notices);
  const starts = parseStarts(params, notices);
  return { page, seed, epochs, digit, start, roughness, lesion, starts, notices };
}

/** Each parameter's value that the URL leaves out. */
const DEFAULTS: Readonly<Record<string, string>> = {
  seed: String(DEFAULT_SEED),
  epochs: String(DEFAULT_CHECKPOINT),
  digit: String(DEFAULT_DIGIT),
  start: DEFAULT_START,
  roughness: String(DEFAULT_ROUGHNESS),
  starts: String(DEFAULT_STARTS),
};

/** URL parameters to set (a string) or remove (null). */
export type ParamChanges = Readonly<Record<string, string | null>>;

/**
 * `search` with `changes` applied (a value of null removes the parameter), the others kept, the default
 * values dropped so that URLs stay short: "?experiment=noise&seed=7".
 */
export function withParams(search: string, changes: ParamChanges): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes))
    if (value === null) params.delete(key);
    else params.set(key, value);
  for (const [key, value] of Object.entries(DEFAULTS)) if (params.get(key) === value) params.delete(key);
  const text = params.toString().replace(/=(?=&|$)/g, "");
  return `?${text}`;
}

/** The query string of an experiment, keeping the checkpoint of `search`; the index for null. */
export function experimentSearch(id: ExperimentId | null, search = ""): string {
  const epochs = new URLSearchParams(search).get("epochs");
  const params = new URLSearchParams(id === null ? { experiments: "" } : { experiment: id });
  if (epochs !== null && epochs !== String(DEFAULT_CHECKPOINT)) params.set("epochs", epochs);
  return `?${params.toString().replace(/=(?=&|$)/g, "")}`;
}
