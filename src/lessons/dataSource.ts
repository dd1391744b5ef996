// The lesson data's loading state as a small store: loading (with progress), ready, or an error sentence. The page
// makes one source at its root (LessonProvider) so every scene shares one load; tests make ready ones.
import { loadErrorMessage, loadLessonData, type LessonData } from "./data.ts";

export type LessonDataState =
  | { readonly status: "loading"; readonly loaded: number; readonly total: number }
  | { readonly status: "ready"; readonly data: LessonData }
  | { readonly status: "error"; readonly message: string };

/** A store of one load: subscribing starts it. */
export interface LessonDataSource {
  getState(): LessonDataState;
  subscribe(listener: () => void): () => void;
}

/** A source that calls `load` once, when first subscribed to, and reports its progress and outcome. */
export function createLessonDataSource(
  load: (onProgress: (loaded: number, total: number) => void) => Promise<LessonData>,
): LessonDataSource {
  let state: LessonDataState = { status: "loading", loaded: 0, total: 0 };
  let started = false;
  const listeners = new Set<() => void>();
  const set = (next: LessonDataState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const onProgress = (loaded: number, total: number) => {
    // Whole percents only: a download reports every 64 KiB.
    const percent = (n: number, of: number) => (of > 0 ? Math.floor((100 * n) / of) : 0);
    if (state.status === "loading" && percent(loaded, total) !== percent(state.loaded, state.total))
      set({ status: "loading", loaded, total });
  };
  const start = () => {
    if (started) return;
    started = true;
    load(onProgress).then(
      (data) => set({ status: "ready", data }),
      (err: unknown) => set({ status: "error", message: loadErrorMessage(err) }),
    );
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      start();
      return () => listeners.delete(listener);
    },
  };
}

/** A source that is ready at once with `data`. */
export function readyLessonData(data: LessonData): LessonDataSource {
  const state: LessonDataState = { status: "ready", data };
  return { getState: () => state, subscribe: () => () => {} };
}

/** The page's source: the files next to the page (`baseUrl`), downloaded with `fetchFn` when first used. */
export function fileLessonData(
  baseUrl: string,
  fetchFn: (url: string) => Promise<Response>,
): LessonDataSource {
  return createLessonDataSource((onProgress) => loadLessonData(baseUrl, { fetch: fetchFn, onProgress }));
}
