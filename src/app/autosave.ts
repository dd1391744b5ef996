// Saving the work as it changes: always the worker's last good weights (src/worker/training/lastGood.ts), never a
// frame it may be about to blow up from. Where it goes, and what a failure means, is savedWork.ts's business.
import { modelToJson } from "../engine/model.ts";
import type { AppStore } from "../store/appStore.ts";
import type { SavedWork } from "../store/savedWork.ts";
import type { TrainingClient } from "../worker/training/client.ts";
import type { EventMap } from "../worker/training/protocol.ts";

export interface AutosaveTarget {
  /** Saves the work (rejects when storage fails). */
  readonly save: (work: SavedWork) => Promise<void>;
  /** Told each failure (savedWork.ts says so once). */
  readonly onError: (err: unknown) => void;
  /** The page's query string now, saved with the work: a reload of that address restores it. */
  readonly search: () => string;
}

/**
 * Saves the work from the worker's last good weights: at most every `intervalMs` while training, shortly after
 * training stops, a model is loaded or the network reset, and on `pagehide`. Nothing is saved until the user changes
 * something after the start, so the defaults are never "restored".
 */
export function autosave(
  store: AppStore,
  client: TrainingClient,
  target: AutosaveTarget,
  { intervalMs = 5000, settleMs = 500 } = {},
): { stop(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let good: EventMap["lastGood"] | null = null;
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
      search: target.search(),
      savedAt: last,
    };
    target.save(work).catch(target.onError);
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
  return {
    stop() {
      if (timer !== null) clearTimeout(timer);
      window.removeEventListener("pagehide", saveNow);
      for (const off of offs) off();
    },
  };
}
