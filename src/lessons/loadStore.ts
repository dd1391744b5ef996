// One asynchronous load as a small store: it starts on its first subscriber (or first `load()`), runs once (a
// failure is tried again by the next subscriber or `load()`), and its state can be read at any time, so a view
// mounted after it settled renders the value at once.

/** Loading, the value, or the error's sentence. */
export type LoadState<T> =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly value: T }
  | { readonly status: "error"; readonly message: string };

/** A load and its state, for useSyncExternalStore. */
export interface LoadStore<T> {
  getState(): LoadState<T>;
  /** Starts the load (once) and calls `listener` when its state changes. */
  subscribe(listener: () => void): () => void;
  /** Starts the load (once); resolves with the value or rejects with the error. */
  load(): Promise<T>;
}

/** The message of anything thrown. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A store that calls `load` when first asked, and again when asked after a failure. */
export function createLoadStore<T>(load: () => Promise<T>): LoadStore<T> {
  let state: LoadState<T> = { status: "loading" };
  let promise: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  const set = (next: LoadState<T>) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const start = () => {
    if (!promise) {
      if (state.status === "error") set({ status: "loading" });
      const p = load();
      promise = p;
      p.then(
        (value) => set({ status: "ready", value }),
        (err: unknown) => {
          promise = null;
          set({ status: "error", message: errorMessage(err) });
        },
      );
    }
    return promise;
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      void start().catch(() => {}); // the state says so
      return () => listeners.delete(listener);
    },
    load: start,
  };
}

/** `make(key)`'s store, made on first ask and then kept: one load per key. */
export function storesByKey<K, T>(make: (key: K) => Promise<T>): (key: K) => LoadStore<T> {
  const stores = new Map<K, LoadStore<T>>();
  return (key) => {
    let store = stores.get(key);
    if (!store) {
      store = createLoadStore(() => make(key));
      stores.set(key, store);
    }
    return store;
  };
}
