// Saving the work as it changes: always the worker's last good weights (src/worker/training/lastGood.ts), never a
// frame it may be about to blow up from, written as a model file by the worker (`lastGoodText`). Where it goes, and
// what a failure means, is savedWork.ts's business.
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
  let asked = 0;
  /** Saves the work with `model`, the text of the good weights `good` holds. */
  const write = (model: string, { spec, origin }: EventMap["lastGood"]) => {
    const s = store.getState();
    const work: SavedWork = {
      version: 2,
      model,
      origin,
      spec,
      hyper: s.hyper,
      seed: s.seed,
      input: s.input,
      search: target.search(),
      savedAt: last,
    };
    target.save(work).catch(target.onError);
  };
  const due = () => changed && good !== null && store.getState().phase === "ready";
  /** The worker writes the model file (a long task on the page); its answer comes after any newer `lastGood`. */
  const saveNow = () => {
    if (!due()) return;
    last = Date.now();
    client.send({ op: "lastGoodText", id: ++asked });
  };
  /** The page is going away: no time to ask the worker, so the text is written here. */
  const saveHere = () => {
    if (!due() || !good) return;
    last = Date.now();
    write(modelToJson({ spec: good.spec, w: good.weights.w, b: good.weights.b }), good);
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
    client.on("lastGoodText", (e) => {
      if (e.id === asked && e.text !== null && good) write(e.text, good);
    }),
    client.on("paused", soon),
    client.on("network", soon),
    store.subscribe((s, prev) => {
      if (s.hyper !== prev.hyper || s.input !== prev.input) soon();
    }),
  ];
  window.addEventListener("pagehide", saveHere);
  return {
    stop() {
      if (timer !== null) clearTimeout(timer);
      window.removeEventListener("pagehide", saveHere);
      for (const off of offs) off();
    },
  };
}
