// The lab for a scene: one lab worker per scene mount (closed on unmount) with the MNIST data and a model loaded,
// and a hook that asks it one question at a time, always the latest. A provider lets tests inject a fake lab.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { NetworkSpec } from "../../engine/network.ts";
import { LabClient } from "../../worker/labClient.ts";
import type { LabMap, LabOp } from "../../worker/labProtocol.ts";

/** What a scene needs of the lab: LabClient's call and dispose. */
export interface Lab {
  call<K extends LabOp>(op: K, args: LabMap[K]["args"]): Promise<LabMap[K]["result"]>;
  dispose(): void;
}

/** How a scene gets its lab and the files next to the page. */
export interface LabDeps {
  /** A fresh lab (one per scene mount). */
  readonly create: () => Lab;
  /** The text of a file next to the page ("models/3b1b-epoch-1.json"). */
  readonly fetchText: (path: string) => Promise<string>;
  /** The absolute URL of a path next to the page (the lab's worker needs one for "data/mnist"). */
  readonly resolve: (path: string) => string;
}

/** The page's lab: a LabClient worker, files fetched relative to document.baseURI. */
export const BROWSER_LAB: LabDeps = {
  create: () => new LabClient(),
  resolve: (path) => new URL(path, document.baseURI).href,
  fetchText: async (path) => {
    const url = new URL(path, document.baseURI).href;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Could not download ${path}: the server answered ${response.status}.`);
    return response.text();
  },
};

const LabContext = createContext<LabDeps>(BROWSER_LAB);

export function LabProvider({ deps, children }: { deps: LabDeps; children: ReactNode }) {
  return <LabContext.Provider value={deps}>{children}</LabContext.Provider>;
}

/** The model the lab holds under this name. */
export const START_MODEL = "start";

export interface LabSetup {
  /** The model file, relative to the page; loaded into the lab as START_MODEL. */
  readonly model: string;
  /** Training images to load (0: the test set only). */
  readonly trainLimit: number;
}

export type LabState =
  | { readonly status: "loading"; readonly stage: "model" | "data" }
  | {
      readonly status: "ready";
      readonly lab: Lab;
      /** The shape of the model loaded as START_MODEL. */
      readonly spec: NetworkSpec;
      readonly trainCount: number;
    }
  | { readonly status: "error"; readonly message: string };

/** The message of anything thrown. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A lab for this mount of the scene with the data and the model loaded: loading (which stage), ready, or the
 * error's sentence. The lab is closed when the scene goes away.
 */
export function useLabSession({ model, trainLimit }: LabSetup): LabState {
  const deps = useContext(LabContext);
  const [state, setState] = useState<LabState>({ status: "loading", stage: "model" });
  useEffect(() => {
    const lab = deps.create();
    let live = true;
    const set = (next: LabState) => {
      if (live) setState(next);
    };
    (async () => {
      const text = await deps.fetchText(model);
      const { spec } = await lab.call("loadModel", { name: START_MODEL, text });
      set({ status: "loading", stage: "data" });
      const { trainCount } = await lab.call("loadData", { dataUrl: deps.resolve("data/mnist"), trainLimit });
      set({ status: "ready", lab, spec, trainCount });
    })().catch((err: unknown) => set({ status: "error", message: errorMessage(err) }));
    return () => {
      live = false;
      lab.dispose();
    };
  }, [deps, model, trainLimit]);
  return state;
}

/** The latest answer of a question to the lab: `value` answers `key` (null while nothing has come back). */
export interface LabAnswer<R> {
  readonly value: R | null;
  /** The key `value` answers; differs from the asked key while the new answer is computed. */
  readonly key: string | null;
  /** The asked key is not answered yet. */
  readonly busy: boolean;
  readonly error: string | null;
}

/**
 * Asks `run()` whenever `key` changes (null: ask nothing), with at most one question in flight: while one is being
 * answered, only the newest key waits, so scrubbing a slider never queues up stale work. Keeps the previous answer
 * until the new one arrives.
 */
export function useLabQuery<R>(key: string | null, run: () => Promise<R>): LabAnswer<R> {
  const [answer, setAnswer] = useState<{ key: string | null; value: R | null; error: string | null }>({
    key: null,
    value: null,
    error: null,
  });
  const wanted = useRef<{ key: string; run: () => Promise<R> } | null>(null);
  const inFlight = useRef(false);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    if (key === null) return;
    wanted.current = { key, run };
    const pump = () => {
      const ask = wanted.current;
      if (!ask || inFlight.current) return;
      wanted.current = null;
      inFlight.current = true;
      ask.run().then(
        (value) => {
          inFlight.current = false;
          if (!live.current) return;
          setAnswer({ key: ask.key, value, error: null });
          pump();
        },
        (err: unknown) => {
          inFlight.current = false;
          if (!live.current) return;
          setAnswer((a) => ({ key: ask.key, value: a.value, error: errorMessage(err) }));
          pump();
        },
      );
    };
    pump();
    // `run` belongs to `key`: a new key comes with its own run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return {
    value: answer.value,
    key: answer.key,
    busy: key !== null && answer.key !== key,
    error: answer.key === key ? answer.error : null,
  };
}
