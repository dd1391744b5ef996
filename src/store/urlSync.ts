// Between the URL settings and a running explorable: the store's initial state from the settings, the settings
// back from the store (for the URL and the postMessage API), and applying changed settings to a running store.
import type { TrainingClient } from "../worker/client.ts";
import type { AppState, AppStore } from "./appStore.ts";
import {
  CHECKPOINTS,
  parseUrlSettings,
  serializeUrlSettings,
  specOf,
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
  "seed",
  "model",
] as const;

/** The checkpoint file of the videos' network after `epochs` epochs, relative to the page. */
export function checkpointUrl(epochs: (typeof CHECKPOINTS)[number]): string {
  return new URL(`models/3b1b-epoch-${epochs}.json`, document.baseURI).href;
}

/** The store's starting state for these settings (the model is loaded by the worker's init). */
export function initialOverrides(s: UrlSettings): Partial<AppState> {
  return {
    spec: specOf(s),
    hyper: { learningRate: s.lr, batchSize: s.batch, weightDecay: s.decay, momentum: s.momentum },
    seed: s.seed,
    preset: s.preset,
    hide: s.hide,
  };
}

/** Which checkpoint a model source names ("pretrained 784-16-16-10 (30 epochs)", "untrained, seed 3"), if any. */
export function modelFromSource(source: string): ModelChoice | null {
  if (source.startsWith("untrained")) return "none";
  const m = /784-16-16-10 \((\d+) epochs?\)$/.exec(source);
  return CHECKPOINTS.find((c) => m !== null && String(c) === m[1]) ?? null;
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
    lr: hyper.learningRate,
    batch: hyper.batchSize,
    decay: hyper.weightDecay,
    momentum: hyper.momentum,
    seed: state.seed,
    image: input.kind === "test" ? input.index : null,
    model,
    hide: state.hide,
  };
}

/** A running explorable's settings, kept in step with its store, and changed by name like the URL's. */
export interface SettingsSync {
  current(): UrlSettings;
  /** Applies parameters given as URL text ({lr: "0.5"}); returns the problems, as parsing the URL would. */
  set(params: Readonly<Record<string, string>>): readonly string[];
  /** Loads a checkpoint of the videos' network, or an untrained network from the current seed. */
  loadModel(model: ModelChoice): Promise<void>;
  dispose(): void;
}

/**
 * Keeps `model` up to date from the worker's network events, applies `image` once the test set is in, and
 * (with `writeUrl`) writes the settings back to the page's URL with history.replaceState, debounced.
 */
export function syncSettings(
  store: AppStore,
  client: TrainingClient,
  parsed: ParsedUrl,
  { writeUrl = false, debounceMs = 300 } = {},
): SettingsSync {
  const page = parsed.settings;
  let model: ModelChoice = page.model;
  const current = () => settingsFromStore(store.getState(), model, page);
  const offs: (() => void)[] = [];

  offs.push(
    client.on("network", (e) => {
      model = modelFromSource(e.source) ?? model;
      schedule();
    }),
  );
  const image = page.image;
  if (image !== null) {
    const show = () => store.getState().setInput({ kind: "test", index: image, label: null });
    if (store.getState().testReady) show();
    else offs.push(client.on("testReady", show));
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

  async function loadModel(next: ModelChoice) {
    if (next === "none") {
      store.getState().reset(store.getState().seed);
      return;
    }
    const res = await fetch(checkpointUrl(next));
    if (!res.ok) throw new Error(`the checkpoint after ${next} epochs could not be loaded (${res.status})`);
    client.send({ op: "loadModel", text: await res.text(), label: "checkpoint of" });
  }

  function set(params: Readonly<Record<string, string>>): readonly string[] {
    const before = current();
    const query = new URLSearchParams(serializeUrlSettings(before));
    // A new preset starts from its own network and training; only what the message names goes over it.
    if ("preset" in params) for (const name of NETWORK_AND_TRAINING) query.delete(name);
    for (const [k, v] of Object.entries(params)) query.set(k, v);
    const { settings: s, given, problems } = parseUrlSettings(query.toString());
    const state = store.getState();
    if (given.has("preset") && "preset" in params && s.preset !== null) state.applyPreset(s.preset);
    const spec = specOf(s);
    if (JSON.stringify(spec) !== JSON.stringify(store.getState().spec)) store.getState().setSpec(spec);
    const hyper = { learningRate: s.lr, batchSize: s.batch, weightDecay: s.decay, momentum: s.momentum };
    if (JSON.stringify(hyper) !== JSON.stringify(store.getState().hyper)) store.getState().setHyper(hyper);
    if (s.seed !== store.getState().seed) store.getState().reset(s.seed);
    if (s.image !== before.image && s.image !== null)
      store.getState().setInput({ kind: "test", index: s.image, label: null });
    if (s.hide.join() !== before.hide.join()) store.setState({ hide: s.hide });
    if ("model" in params && s.model !== model)
      loadModel(s.model).catch((err: unknown) => console.warn(String(err)));
    return problems;
  }

  return {
    current,
    set,
    loadModel,
    dispose() {
      if (timer !== null) clearTimeout(timer);
      for (const off of offs) off();
    },
  };
}
