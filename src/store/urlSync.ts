// Between the URL settings and a running explorable: the store's initial state from the settings, the settings
// back from the store (for the URL and the postMessage API), and applying changed settings to a running store.
import { sameSpec } from "../engine/spec.ts";
import type { Activation } from "../engine/activations.ts";
import { checkpointOf, startOf } from "../worker/models.ts";
import type { AppState, AppStore } from "./appStore.ts";
import { quoted } from "../engine/userText.ts";
import {
  caseVariantOf,
  hyperOf,
  hyperSettings,
  parseUrlSettings,
  serializeUrlSettings,
  specOf,
  URL_PARAM_NAMES,
  URL_PARAMS,
  type ModelChoice,
  type ParsedUrl,
  type UrlSettings,
} from "./urlState.ts";

/** The parameters a preset sets. */
const NETWORK_AND_TRAINING = [
  "hidden",
  "activation",
  "output",
  "cost",
  "lr",
  "batch",
  "decay",
  "momentum",
  "schedule",
  "seed",
  "model",
] as const;

/** The store's starting state for these settings (the model is loaded by the worker's init). */
export function initialOverrides(s: UrlSettings): Partial<AppState> {
  return {
    spec: specOf(s),
    hyper: hyperOf(s),
    seed: s.seed,
    preset: s.preset,
    hide: s.hide,
  };
}

/**
 * The settings of a running explorable: network, training and input from the store; model as last loaded;
 * embed, view and origins as the page was opened with.
 */
export function settingsFromStore(state: AppState, model: ModelChoice, page: UrlSettings): UrlSettings {
  const { spec, hyper, input } = state;
  return {
    ...page,
    preset: state.preset,
    hidden: spec.sizes.slice(1, -1),
    activation: spec.hidden,
    output: spec.output,
    cost: spec.cost,
    ...hyperSettings(hyper),
    seed: state.seed,
    image: input.kind === "test" ? input.index : null,
    model,
    hide: state.hide,
  };
}

/** A running explorable's settings, kept in step with its store, and changed by name like the URL's. */
export interface SettingsSync {
  current(): UrlSettings;
  /**
   * Applies parameters given as URL text ({lr: "0.5"}). Returns the problems, as parsing the URL would, and a
   * promise that settles once the worker has echoed the training settings it was sent (at once if none were).
   */
  set(params: Readonly<Record<string, string>>): { problems: readonly string[]; applied: Promise<void> };
  dispose(): void;
}

/**
 * Keeps `model` up to date from the network's origin, applies `image` once the test set is in, and (with
 * `writeUrl`) writes the settings back to the page's URL with history.replaceState, debounced.
 */
export function syncSettings(
  store: AppStore,
  parsed: ParsedUrl,
  { writeUrl = false, debounceMs = 300 } = {},
): SettingsSync {
  const page = parsed.settings;
  let model: ModelChoice = page.model;
  const current = () => settingsFromStore(store.getState(), model, page);
  const offs: (() => void)[] = [];

  const image = page.image;
  if (image !== null) {
    const show = () => store.getState().setInput({ kind: "test", index: image, label: null });
    if (store.getState().testReady) show();
    else
      offs.push(
        store.subscribe((s, prev) => {
          if (s.testReady && !prev.testReady) show();
        }),
      );
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  let written = "";
  function schedule() {
    if (!writeUrl) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const search = serializeUrlSettings(current(), window.location.search);
      if (search === written) return;
      written = search;
      const { pathname, hash } = window.location;
      window.history.replaceState(window.history.state, "", `${pathname}${search}${hash}`);
    }, debounceMs);
  }
  offs.push(
    store.subscribe((s, prev) => {
      if (s.origin !== prev.origin && s.origin) {
        const start = checkpointOf(startOf(s.origin));
        if (start !== null && start !== model) {
          model = start;
          schedule();
        }
      }
      if (
        s.spec !== prev.spec ||
        s.hyper !== prev.hyper ||
        s.seed !== prev.seed ||
        s.preset !== prev.preset ||
        s.input !== prev.input ||
        s.hide !== prev.hide
      )
        schedule();
    }),
  );

  const set = (params: Readonly<Record<string, string>>) => applyParams(store, current(), params, model);

  return {
    current,
    set,
    dispose() {
      if (timer !== null) clearTimeout(timer);
      for (const off of offs) off();
    },
  };
}

/** Settles when the store next shows the worker's echo of the hyper-parameters. */
function nextEcho(store: AppStore): Promise<void> {
  return new Promise<void>((resolve) => {
    const off = store.subscribe((s, prev) => {
      if (s.hyper === prev.hyper) return;
      off();
      resolve();
    });
  });
}

/**
 * The activations for `count` hidden layers when only the sizes change: the current ones, layer by layer, when the
 * lengths match or every layer has the same; otherwise the current ones as far as they go and the last one after,
 * with a sentence saying so (about `hidden`, the key that was sent). Null when there were no hidden layers.
 */
export function keptActivations(
  current: readonly Activation[],
  count: number,
  hiddenText: string,
): { activation: Activation[]; note: string | null } | null {
  const last = current.at(-1);
  if (last === undefined) return null;
  const activation = Array.from({ length: count }, (_, l) => current[l] ?? last);
  const uniform = current.every((f) => f === last);
  if (count === current.length || uniform) return { activation, note: null };
  const used = activation.join(",") || "no hidden layer";
  return {
    activation,
    note: `hidden=${hiddenText} has ${count} layers but the activations were ${current.join(",")}; using ${used}`,
  };
}

/**
 * Applies parameters given as URL text over the `before` settings of a running explorable (`model` is the
 * checkpoint it was last loaded from): what they name and only that. An invalid value keeps the current one; new
 * layer sizes keep the current activations (keptActivations); problems are only about the keys sent.
 */
/** Settings the page's address fixes: a running explorable keeps the ones it was opened with. */
const PAGE_ONLY: readonly (keyof UrlSettings)[] = ["embed", "view", "origins", "group"];

/** Why a name sent to a running explorable changes nothing, or null for a setting it can change. */
function nameProblem(key: string): string | null {
  if (PAGE_ONLY.includes(key as keyof UrlSettings))
    return `${key} is set by the page's address and cannot change while it runs; it was not changed`;
  if (URL_PARAM_NAMES.includes(key as keyof UrlSettings)) return null;
  const meant = caseVariantOf(key);
  return `${quoted(key)} is not a setting${meant ? ` (names are lower case: ${meant})` : ""}; it was ignored`;
}

function applyParams(
  store: AppStore,
  before: UrlSettings,
  params: Readonly<Record<string, string>>,
  model: ModelChoice,
): ReturnType<SettingsSync["set"]> {
  const query = new URLSearchParams(serializeUrlSettings(before));
  // A new preset starts from its own network and training; only what the message names goes over it.
  if ("preset" in params) for (const name of NETWORK_AND_TRAINING) query.delete(name);
  for (const [k, v] of Object.entries(params)) query.set(k, v);
  const notes: string[] = [];
  const hidden = "hidden" in params ? URL_PARAMS.hidden.parse(params.hidden!) : null;
  if (hidden && !("activation" in params) && !("preset" in params)) {
    const kept = keptActivations(before.activation, hidden.length, params.hidden!);
    if (kept) query.set("activation", kept.activation.join(","));
    if (kept?.note) notes.push(kept.note);
  }
  // A named parameter whose value is invalid keeps its current value (never the default).
  const { settings: s, given, problems } = parseUrlSettings(query.toString(), before);
  const sent = Object.keys(params);
  const named = [
    ...sent.flatMap((k) => nameProblem(k) ?? []),
    ...problems.filter((p) => sent.some((k) => p.startsWith(`${k}=`))),
    ...notes,
  ];
  const state = store.getState();
  const newPreset = given.has("preset") && "preset" in params && s.preset !== null;
  const hyper = hyperOf(s);
  const sendsHyper = newPreset || JSON.stringify(hyper) !== JSON.stringify(state.hyper);
  const applied = sendsHyper ? nextEcho(store) : Promise.resolve();
  if (newPreset) state.applyPreset(s.preset!);
  const spec = specOf(s);
  if (!sameSpec(spec, store.getState().spec)) store.getState().setSpec(spec);
  if (!newPreset && sendsHyper) store.getState().setHyper(hyper);
  if (s.seed !== store.getState().seed) store.getState().reset(s.seed);
  if (s.image !== before.image && s.image !== null)
    store.getState().setInput({ kind: "test", index: s.image, label: null });
  if (s.hide.join() !== before.hide.join()) store.setState({ hide: s.hide });
  if ("model" in params && s.model !== model) void store.getState().loadCheckpoint(s.model);
  return { problems: named, applied };
}
