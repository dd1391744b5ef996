// Saved work: the current model (as a model file) and the settings, kept in IndexedDB so they survive a reload.
// The key-value store is injected (idb-keyval in the browser, a Map in tests); a corrupt record is discarded.
import { createStore as createIdbStore, del, get, set } from "idb-keyval";
import { modelToJson, parseModel } from "../engine/model.ts";
import type { NetworkSpec } from "../engine/network.ts";
import type { TrainingClient } from "../worker/client.ts";
import type { Hyper } from "../worker/protocol.ts";
import type { AppStore, InputSource } from "./appStore.ts";
import { URL_PARAM_NAMES, type ParsedUrl } from "./urlState.ts";

/** The minimum of a key-value store this module needs. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** What survives a reload. `model` is a model file's text (modelToJson), so it is validated like any file. */
export interface SavedWork {
  readonly version: 1;
  readonly model: string;
  readonly spec: NetworkSpec;
  readonly hyper: Hyper;
  readonly seed: number;
  readonly input: InputSource;
  /** The page's query string when saved: a reload of that page restores everything. */
  readonly search: string;
}

/** The result of restoring: nothing saved, the saved work, or a record that could not be read (now deleted). */
export type Restored =
  | { readonly kind: "none" }
  | { readonly kind: "work"; readonly work: SavedWork }
  | { readonly kind: "corrupt"; readonly reason: string };

/** The label the restored model's source starts with ("restored from your last visit 784-16-16-10"). */
export const RESTORED_LABEL = "restored from your last visit";

const KEY = "work";

/** idb-keyval in its own database and object store, so it never meets another app's keys. */
export function idbKeyValueStore(): KeyValueStore {
  const custom = createIdbStore("mnist-explorable", "saved-work");
  return {
    get: (key) => get(key, custom),
    set: (key, value) => set(key, value, custom),
    del: (key) => del(key, custom),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** The saved work in `value`, checked field by field (the model as a model file for 784 inputs and 10 outputs). */
export function readSavedWork(value: unknown): SavedWork {
  if (!isRecord(value) || value.version !== 1) throw new Error("the record is not saved work of version 1");
  const { model, hyper, seed, input } = value;
  if (typeof model !== "string") throw new Error("the record has no model");
  const { net } = parseModel(model, { inputs: 784, outputs: 10 });
  if (
    !isRecord(hyper) ||
    !["learningRate", "batchSize", "weightDecay", "momentum"].every((k) => isNumber(hyper[k]))
  )
    throw new Error("the record's training settings are incomplete");
  if (!isNumber(seed)) throw new Error("the record's seed is not a number");
  const okInput =
    isRecord(input) &&
    (input.kind === "pad" ||
      (input.kind === "test" && Number.isInteger(input.index) && (input.index as number) >= 0));
  return {
    version: 1,
    model,
    spec: net.spec,
    hyper: hyper as unknown as Hyper,
    seed,
    input:
      okInput && input.kind === "test"
        ? { kind: "test", index: input.index as number, label: null }
        : { kind: "pad" },
    search: typeof value.search === "string" ? value.search : "",
  };
}

/** Saving, restoring and clearing the work in `kv`. */
export function createSavedWork(kv: KeyValueStore) {
  return {
    save: (work: SavedWork): Promise<void> => kv.set(KEY, work),
    clear: (): Promise<void> => kv.del(KEY),
    /** The saved work; a record that cannot be read is deleted and reported, never thrown. */
    async restore(): Promise<Restored> {
      let value: unknown;
      try {
        value = await kv.get(KEY);
      } catch (err) {
        return { kind: "corrupt", reason: err instanceof Error ? err.message : String(err) };
      }
      if (value === undefined) return { kind: "none" };
      try {
        return { kind: "work", work: readSavedWork(value) };
      } catch (err) {
        await kv.del(KEY).catch(() => undefined);
        return { kind: "corrupt", reason: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
export type SavedWorkStore = ReturnType<typeof createSavedWork>;

/**
 * The saved work to start from, given the page's URL, or null. A reload of the page the work was saved on
 * restores it all (the app writes its own settings into the URL). Otherwise an embed, or a link that sets the
 * seed, model or network, starts as the link says; other parameters the link sets win over the saved ones.
 */
export function acceptSaved(
  work: SavedWork,
  { settings, given }: ParsedUrl,
  search: string,
): SavedWork | null {
  if (settings.embed) return null;
  if (work.search === search) return work;
  const named = ["seed", "model", "preset", "hidden", "activation", "output", "cost"] as const;
  if (named.some((k) => given.has(k))) return null;
  const hyper = {
    learningRate: given.has("lr") ? settings.lr : work.hyper.learningRate,
    batchSize: given.has("batch") ? settings.batch : work.hyper.batchSize,
    weightDecay: given.has("decay") ? settings.decay : work.hyper.weightDecay,
    momentum: given.has("momentum") ? settings.momentum : work.hyper.momentum,
  };
  const input: InputSource =
    settings.image !== null ? { kind: "test", index: settings.image, label: null } : work.input;
  return { ...work, hyper, input };
}

/**
 * Saves the work from the latest frame's weights (when all finite): at most every `intervalMs` while training,
 * shortly after training stops, a model is loaded or the network reset, and on `pagehide`. Returns a stop function.
 */
export function autosave(
  store: AppStore,
  client: TrainingClient,
  saved: SavedWorkStore,
  { intervalMs = 5000, settleMs = 500 } = {},
): () => void {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Nothing is saved until the user changes something after the start, so the defaults are never "restored". */
  let changed = false;
  const saveNow = () => {
    const frame = client.frame;
    const s = store.getState();
    if (!changed || !frame || s.phase !== "ready") return;
    let model: string;
    try {
      model = modelToJson({ spec: s.spec, w: frame.weights.w, b: frame.weights.b });
    } catch {
      return; // non-finite weights: the last save stays
    }
    last = Date.now();
    const work: SavedWork = {
      version: 1,
      model,
      spec: s.spec,
      hyper: s.hyper,
      seed: s.seed,
      input: s.input,
      search: window.location.search,
    };
    saved.save(work).catch((err: unknown) => console.warn(`Saving your work failed: ${String(err)}`));
  };
  /** After a command the worker's next frame carries the new weights: save once things settle. */
  const soon = () => {
    if (store.getState().phase !== "ready") return;
    changed = true;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      saveNow();
    }, settleMs);
  };
  const offs = [
    client.onFrame((frame) => {
      if (!frame.stats.running) return;
      changed = true;
      if (Date.now() - last >= intervalMs) saveNow();
    }),
    client.on("paused", soon),
    client.on("network", soon),
    store.subscribe((s, prev) => {
      if (s.hyper !== prev.hyper || s.input !== prev.input) soon();
    }),
  ];
  window.addEventListener("pagehide", saveNow);
  return () => {
    if (timer !== null) clearTimeout(timer);
    window.removeEventListener("pagehide", saveNow);
    for (const off of offs) off();
  };
}

/** What the controls need of an explorable's saved work, by store (absent when nothing is saved, as in embeds). */
export interface SavedWorkControls {
  /** Stops saving, clears the saved work and reloads the page with the default settings and pretrained model. */
  resetToDefaults(): Promise<void>;
  stop(): void;
}
const controls = new WeakMap<AppStore, SavedWorkControls>();
export function savedWorkControls(store: AppStore): SavedWorkControls | undefined {
  return controls.get(store);
}
export function registerSavedWork(store: AppStore, c: SavedWorkControls): void {
  controls.set(store, c);
}

/**
 * The page's saved work: IndexedDB, restored when `acceptSaved` keeps it for this URL; "Reset to defaults" goes
 * to this page without the settings parameters (`hide=` and other pages' own parameters stay).
 */
export function pageSavedWork(parsed: ParsedUrl) {
  const search = window.location.search;
  return {
    work: createSavedWork(idbKeyValueStore()),
    accept: (work: SavedWork) => acceptSaved(work, parsed, search),
    defaultsUrl() {
      const params = new URLSearchParams(window.location.search);
      for (const name of URL_PARAM_NAMES) if (name !== "hide") params.delete(name);
      const query = params.toString().replace(/%2C/gi, ",");
      return `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
    },
  };
}
