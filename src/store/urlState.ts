// The explorable's URL state: ONE typed table of parameters that drives parsing (with validation and plain-text
// problems for a notice) and serialising (only values that differ from their defaults), so a link reproduces a setup.
import {
  ACTIVATIONS,
  OUTPUT_ACTIVATIONS,
  type Activation,
  type OutputActivation,
} from "../engine/activations.ts";
import { COSTS, type Cost } from "../engine/costs.ts";
import {
  expected,
  HYPER_RULES,
  parseSetting,
  presetHyper,
  type Hyper,
  type NumberRule,
} from "../engine/hyper.ts";
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_TEST_COUNT } from "../engine/mnist.ts";
import { MAX_HIDDEN_LAYERS, MAX_NEURONS, type NetworkSpec } from "../engine/network.ts";
import { sameSpec } from "../engine/spec.ts";
import { quoted } from "../engine/userText.ts";
import { PRESET_NAMES, PRESETS, type PresetName } from "../engine/presets.ts";
import { finishedModelOf, presetOfModel, SHIPPED_MODELS, type ShippedModel } from "../worker/models.ts";

/** Controls and views a `hide=` list can remove (for classrooms and embeds). */
export const CONTROL_IDS = [
  "play",
  "step",
  "reset",
  "lr",
  "batch",
  "more",
  "counters",
  "files",
  "preset",
  "shape",
  "pad",
  "picker",
  "heatmaps",
  "curve",
  "network",
  "output",
] as const;
export type ControlId = (typeof CONTROL_IDS)[number];

/** What an embed (`embed=1`) shows: one view, the controls, or the whole explorable without the page's chrome. */
export const VIEWS = [
  "all",
  "network",
  "heatmaps",
  "curve",
  "pad",
  "output",
  "controls",
  // Combinations teachers asked for: the pad with the answer, and with the network between them.
  "pad+output",
  "pad+network+output",
] as const;
export type ViewName = (typeof VIEWS)[number];

export { SHIPPED_MODELS };
/** A network shipped in public/models (a checkpoint of the videos' network, or "best"), or "none" for untrained. */
export type ModelChoice = ShippedModel | "none";

/** The test set's size: `image` is an index below it. */
export const TEST_IMAGES = MNIST_TEST_COUNT;

/** Every setting the URL can carry. */
export interface UrlSettings {
  readonly preset: PresetName | null;
  /** Neurons per hidden layer (784 inputs and 10 outputs are fixed). */
  readonly hidden: readonly number[];
  /** One activation per hidden layer. */
  readonly activation: readonly Activation[];
  readonly output: OutputActivation;
  readonly cost: Cost;
  readonly lr: number;
  readonly batch: number;
  readonly decay: number;
  readonly momentum: number;
  /** 1: η follows the schedule; 0: η stays as set (HYPER_RULES.lrSchedule). */
  readonly schedule: number;
  readonly seed: number;
  /** A test image shown as the input, or null for the drawing pad. */
  readonly image: number | null;
  readonly model: ModelChoice;
  readonly hide: readonly ControlId[];
  readonly embed: boolean;
  readonly view: ViewName;
  /** Host origins allowed to drive the explorable by postMessage (same origin always is). */
  readonly origins: readonly string[];
  /** Embeds of this origin with the same group share one network (app/frameGroup.ts); null for none. */
  readonly group: string | null;
}

/** One row of the table: how a parameter reads, what it accepts (in words, for the notice), how it writes. */
interface Param<K extends keyof UrlSettings> {
  /** The valid values in words, after "is not": "a number between 0.001 and 10". */
  readonly expected: string;
  /** The value, or null when the text is invalid. */
  parse(text: string): UrlSettings[K] | null;
  format(value: UrlSettings[K]): string;
}

const numberIn =
  (min: number, max: number, int: boolean) =>
  (text: string): number | null => {
    if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return null;
    const v = Number(text);
    if (!Number.isFinite(v) || v < min || v > max || (int && !Number.isInteger(v))) return null;
    return v;
  };
const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (text: string): T | null =>
    (allowed as readonly string[]).includes(text) ? (text as T) : null;
/** A row of the settings table (src/engine/hyper.ts) as a URL parameter. */
const setting = <K extends "lr" | "batch" | "decay" | "momentum" | "schedule" | "seed">(
  rule: NumberRule,
): Param<K> => ({
  expected: expected(rule),
  parse: (text) => parseSetting(rule, text),
  format: String,
});
/** A comma list whose items all parse, else null; "" is the empty list. */
const listOf =
  <T>(item: (text: string) => T | null, maxLength: number) =>
  (text: string): T[] | null => {
    if (text.trim() === "") return [];
    const items = text.split(",").map((s) => item(s.trim()));
    if (items.length > maxLength || items.some((v) => v === null)) return null;
    return items as T[];
  };
const join = (v: readonly unknown[]) => v.join(",");
function parseOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === text.replace(/\/$/, "")
      ? url.origin
      : null;
  } catch {
    return null;
  }
}

/** One hidden layer's size, as `hidden=` reads each of its items and the layer fields read what is typed. */
export const LAYER_SIZE = {
  expected: `a whole number from 1 to ${MAX_NEURONS}`,
  parse: numberIn(1, MAX_NEURONS, true),
} as const;

/** The table. Order matters: `preset` comes first because the other defaults follow it. */
export const URL_PARAMS: { readonly [K in keyof UrlSettings]: Param<K> } = {
  preset: {
    expected: `one of ${PRESET_NAMES.join(", ")}`,
    parse: oneOf(PRESET_NAMES),
    format: (v) => v ?? "",
  },
  hidden: {
    expected: `a list of at most ${MAX_HIDDEN_LAYERS} layer sizes, each ${LAYER_SIZE.expected}`,
    parse: listOf(LAYER_SIZE.parse, MAX_HIDDEN_LAYERS),
    format: join,
  },
  activation: {
    expected: `one of ${ACTIVATIONS.join(", ")}, or a list with one of them per hidden layer`,
    parse: listOf(oneOf(ACTIVATIONS), MAX_HIDDEN_LAYERS),
    format: join,
  },
  output: {
    expected: `one of ${OUTPUT_ACTIVATIONS.join(", ")}`,
    parse: oneOf(OUTPUT_ACTIVATIONS),
    format: String,
  },
  cost: { expected: `one of ${COSTS.join(", ")}`, parse: oneOf(COSTS), format: String },
  lr: setting(HYPER_RULES.learningRate),
  batch: setting(HYPER_RULES.batchSize),
  decay: setting(HYPER_RULES.weightDecay),
  momentum: setting(HYPER_RULES.momentum),
  schedule: setting(HYPER_RULES.lrSchedule),
  seed: setting(HYPER_RULES.seed),
  image: {
    expected: `a test image number from 0 to ${TEST_IMAGES - 1}`,
    parse: numberIn(0, TEST_IMAGES - 1, true),
    format: (v) => (v === null ? "" : String(v)),
  },
  model: {
    expected: `a shipped network (${SHIPPED_MODELS.join(", ")}) or none`,
    parse: (text) => (text === "none" ? "none" : (SHIPPED_MODELS.find((c) => String(c) === text) ?? null)),
    format: String,
  },
  hide: {
    expected: `a list of ${CONTROL_IDS.join(", ")}`,
    parse: listOf(oneOf(CONTROL_IDS), CONTROL_IDS.length),
    format: join,
  },
  embed: {
    expected: "1, 0, true or false",
    parse: (text) =>
      text === "1" || text === "true" || text === "" ? true : text === "0" || text === "false" ? false : null,
    format: (v) => (v ? "1" : "0"),
  },
  view: {
    expected: `one of ${VIEWS.join(", ")}`,
    // "pad+output" typed into an address reads as "pad output" (a "+" in a query is a space).
    parse: (text) => oneOf(VIEWS)(text.trim().replace(/ +/g, "+")),
    format: String,
  },
  origins: {
    expected: "a list of origins such as https://example.org",
    parse: listOf(parseOrigin, 20),
    format: join,
  },
  group: {
    expected: "a group name of up to 40 letters, digits, - or _",
    parse: (text) => (/^[A-Za-z0-9_-]{1,40}$/.test(text) ? text : null),
    format: (v) => v ?? "",
  },
};

/** Parameter names in parsing order. */
export const URL_PARAM_NAMES = Object.keys(URL_PARAMS) as (keyof UrlSettings)[];

/** The parameter `key` names in another case ("LR" → "lr"), or null (ours exactly, or not ours at all). */
export function caseVariantOf(key: string): keyof UrlSettings | null {
  const lower = key.toLowerCase(); // every name of ours is lower case
  return key === lower ? null : (URL_PARAM_NAMES.find((n) => n === lower) ?? null);
}

/** The defaults given a preset: the preset's network and training, and its shipped trained network. */
export function defaultSettings(preset: PresetName | null = "3b1b"): UrlSettings {
  const p = PRESETS[preset ?? "3b1b"];
  return {
    preset,
    hidden: p.spec.sizes.slice(1, -1),
    activation: p.spec.hidden,
    output: p.spec.output,
    cost: p.spec.cost,
    ...hyperSettings(presetHyper(preset ?? "3b1b")),
    seed: p.seed,
    image: null,
    model: finishedModelOf(preset ?? "3b1b"),
    hide: [],
    embed: false,
    view: "all",
    origins: [],
    group: null,
  };
}

/** The URL's names for the hyper-parameters (HYPER_RULES' params). */
export const HYPER_PARAMS = ["lr", "batch", "decay", "momentum", "schedule"] as const;
export type HyperSettings = Pick<UrlSettings, (typeof HYPER_PARAMS)[number]>;

/** The hyper-parameters the settings give. */
export function hyperOf(s: HyperSettings): Hyper {
  return {
    learningRate: s.lr,
    batchSize: s.batch,
    weightDecay: s.decay,
    momentum: s.momentum,
    lrSchedule: s.schedule,
  };
}

/** Hyper-parameters under the URL's names: hyperOf's inverse. */
export function hyperSettings(h: Hyper): HyperSettings {
  return {
    lr: h.learningRate,
    batch: h.batchSize,
    decay: h.weightDecay,
    momentum: h.momentum,
    schedule: h.lrSchedule,
  };
}

/** The network the settings describe: 784 inputs, the hidden layers, 10 outputs. */
export function specOf(s: Pick<UrlSettings, "hidden" | "activation" | "output" | "cost">): NetworkSpec {
  return {
    sizes: [MNIST_PIXELS, ...s.hidden, MNIST_CLASSES],
    hidden: [...s.activation],
    output: s.output,
    cost: s.cost,
  };
}

export interface ParsedUrl {
  readonly settings: UrlSettings;
  /** Which parameters the URL set validly (the rest are defaults). */
  readonly given: ReadonlySet<keyof UrlSettings>;
  /** One plain-text sentence per problem: "lr=abc is not a number between 0.001 and 10; using 1.5". */
  readonly problems: readonly string[];
}

/**
 * Reads the settings from a query string (with or without "?"). Never throws: an invalid value is ignored, its
 * default kept (or, for a running explorable, its `current` value), and the problem described. Parameters the table doesn't know are left alone (other pages' own).
 */
export function parseUrlSettings(search: string, current?: UrlSettings): ParsedUrl {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const given = new Set<keyof UrlSettings>();
  const values: Partial<Record<keyof UrlSettings, unknown>> = {};
  const describe = (name: string, raw: string, expected: string, using: string) =>
    `${name}=${quoted(raw)} is not ${expected}; using ${using === "" ? "the default" : using}`;

  // Names in another case are not ours (parameters of other pages are left alone), but they were surely meant.
  for (const key of new Set(params.keys())) {
    const meant = caseVariantOf(key);
    if (meant)
      problems.push(`${quoted(key)} is not a setting (names are lower case: ${meant}); it was ignored`);
  }
  let defaults = defaultSettings();
  for (const name of URL_PARAM_NAMES) {
    const raw = params.get(name);
    if (raw === null) continue;
    const all = params.getAll(name);
    if (all.length > 1)
      problems.push(
        `${name} is given ${all.length} times (${all.map((v) => quoted(v)).join(", ")}); using the first`,
      );
    const param = URL_PARAMS[name] as Param<keyof UrlSettings>;
    const value = param.parse(raw);
    if (value === null) {
      // A running explorable keeps its current value; a page being opened takes the default.
      const fallback = current ? current[name] : name === "preset" ? defaults.preset : defaults[name];
      problems.push(describe(name, raw, param.expected, param.format(fallback)));
      if (current) values[name] = current[name];
      continue;
    }
    values[name] = value;
    given.add(name);
    if (name === "preset") defaults = defaultSettings(value as PresetName);
    // A trained network named alone brings its architecture and training: ?model=best is the better preset.
    if (name === "model" && value !== "none" && !given.has("preset"))
      defaults = defaultSettings(presetOfModel(value as ShippedModel));
  }
  let settings = { ...defaults, ...values } as UrlSettings;

  // Cross-parameter checks: activations per layer, and a checkpoint only for the network it was trained as.
  if (settings.activation.length !== settings.hidden.length) {
    const one = settings.activation.length === 1 ? settings.activation[0] : undefined;
    const fill = one ?? defaults.activation[0] ?? "sigmoid";
    const activation = settings.hidden.map(() => fill);
    if (!one && given.has("activation"))
      problems.push(
        `activation=${quoted(params.get("activation") ?? "")} names ${settings.activation.length} layers but hidden has ` +
          `${settings.hidden.length}; using ${activation.join(",") || "no hidden layer"}`,
      );
    settings = { ...settings, activation };
  }
  const trainedAs = settings.model === "none" ? null : PRESETS[presetOfModel(settings.model)].spec;
  if (trainedAs && !sameSpec(specOf(settings), trainedAs)) {
    if (given.has("model"))
      problems.push(
        `model=${settings.model} is a trained ${trainedAs.sizes.join("-")} network, not ` +
          `${specOf(settings).sizes.join("-")}; using none (untrained)`,
      );
    settings = { ...settings, model: "none" };
  }
  return { settings, given, problems };
}

/**
 * The query string for `settings`: the table's parameters that differ from their defaults (given the preset),
 * other parameters of `base` kept as they were. "?hidden=32&lr=0.5".
 */
export function serializeUrlSettings(settings: UrlSettings, base = ""): string {
  const params = new URLSearchParams(base);
  const defaults = defaultSettings(settings.preset);
  for (const name of URL_PARAM_NAMES) {
    const param = URL_PARAMS[name] as Param<keyof UrlSettings>;
    const text = param.format(settings[name]);
    const fallback = name === "preset" ? "3b1b" : param.format(defaults[name]);
    if (text === fallback || (name === "preset" && settings.preset === null)) params.delete(name);
    else params.set(name, text);
  }
  const query = params.toString().replace(/%2C/gi, ",");
  return query ? `?${query}` : "";
}
