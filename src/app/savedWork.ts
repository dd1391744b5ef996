// The page's saved work: IndexedDB through idb-keyval, restored when the URL allows it, and saved as the work
// changes — always the worker's last good weights (src/worker/training/lastGood.ts), never a frame it may be
// about to blow up from.
import { createStore as createIdbStore, del, get, set } from "idb-keyval";
import { modelToJson } from "../engine/model.ts";
import type { AppStore } from "../store/appStore.ts";
import {
  acceptSaved,
  createSavedWork,
  type KeyValueStore,
  type SavedWork,
  type SavedWorkStore,
} from "../store/savedWork.ts";
import { URL_PARAM_NAMES, type ParsedUrl } from "../store/urlState.ts";
import type { TrainingClient } from "../worker/training/client.ts";
import type { EventMap } from "../worker/training/protocol.ts";

/** idb-keyval in its own database and object store, so it never meets another app's keys. */
export function idbKeyValueStore(): KeyValueStore {
  const custom = createIdbStore("mnist-explorable", "saved-work");
  return {
    get: (key) => get(key, custom),
    set: (key, value) => set(key, value, custom),
    del: (key) => del(key, custom),
  };
}

/** What the page's saved work needs: the store, whether the URL keeps a record, where "Reset to defaults" goes. */
export interface PageSavedWork {
  readonly work: SavedWorkStore;
  readonly accept: (work: SavedWork) => SavedWork | null;
  readonly defaultsUrl: () => string;
}

/**
 * The page's saved work: IndexedDB, restored when `acceptSaved` keeps it for this URL; "Reset to defaults" goes
 * to this page without the settings parameters (`hide=` and other pages' own parameters stay).
 */
export function pageSavedWork(parsed: ParsedUrl): PageSavedWork {
  const search = window.location.search;
  return {
    work: createSavedWork(idbKeyValueStore()),
    accept: (work) => acceptSaved(work, parsed, search),
    defaultsUrl() {
      const params = new URLSearchParams(window.location.search);
      for (const name of URL_PARAM_NAMES) if (name !== "hide") params.delete(name);
      const query = params.toString().replace(/%2C/gi, ",");
      return `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
    },
  };
}

/**
 * Saves the work from the worker's last good weights: at most every `intervalMs` while training, shortly after
 * training stops, a model is loaded or the network reset, and on `pagehide`. Returns a stop function.
 */
export function autosave(
  store: AppStore,
  client: TrainingClient,
  saved: SavedWorkStore,
  { intervalMs = 5000, settleMs = 500 } = {},
): () => void {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let good: EventMap["lastGood"] | null = null;
  /** Nothing is saved until the user changes something after the start, so the defaults are never "restored". */
  let changed = false;
  const saveNow = () => {
    const s = store.getState();
    if (!changed || !good || s.phase !== "ready") return;
    last = Date.now();
    const work: SavedWork = {
      version: 2,
      model: modelToJson({ spec: good.spec, w: good.weights.w, b: good.weights.b }),
      origin: good.origin,
      spec: good.spec,
      hyper: s.hyper,
      seed: s.seed,
      input: s.input,
      search: window.location.search,
    };
    saved.save(work).catch((err: unknown) => console.warn(`Saving your work failed: ${String(err)}`));
  };
  /** After a command the worker posts its good weights: save once things settle. */
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
    client.on("lastGood", (e) => {
      good = e;
      if (store.getState().running && Date.now() - last >= intervalMs) {
        changed = true;
        saveNow();
      }
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
