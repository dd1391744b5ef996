// A scene's lab: one lab worker per scene mount (closed on unmount) with the MNIST data and a checkpoint loaded,
// a hook that asks it one question at a time, always the latest, and the checkpoints themselves for scenes that
// compute on this thread. Everything comes from the page's LessonProvider.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { modelToJson } from "../../engine/model.ts";
import type { Network, NetworkSpec } from "../../engine/network.ts";
import type { Checkpoint } from "../../worker/models.ts";
import { useLessonServices } from "../LessonProvider.tsx";
import { errorMessage, type LoadState } from "../loadStore.ts";
import { START_MODEL, type Lab } from "./lab.ts";

export interface LabSetup {
  /** The checkpoint loaded into the lab as START_MODEL. */
  readonly checkpoint: Checkpoint;
  /** Training images to load (0: the test set only). */
  readonly trainLimit: number;
  /** Start the lab now (default); false waits, so a reader who never needs it downloads nothing twice. */
  readonly wanted?: boolean;
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

const STARTING: LabState = { status: "loading", stage: "model" };

/**
 * A lab for this mount of the scene with the data and the checkpoint loaded: loading (which stage), ready, or the
 * error's sentence. It starts the first time `wanted` is true and is closed when the scene goes away.
 */
export function useLabSession({ checkpoint, trainLimit, wanted = true }: LabSetup): LabState {
  const { createLab, checkpoint: checkpoints, dataUrl } = useLessonServices().lab;
  const [started, setStarted] = useState(wanted);
  if (wanted && !started) setStarted(true);
  const setup = `${checkpoint}/${trainLimit}`;
  const [state, setState] = useState<{ setup: string; value: LabState }>({ setup, value: STARTING });
  useEffect(() => {
    if (!started) return;
    const lab = createLab();
    let live = true;
    const set = (value: LabState) => {
      if (live) setState({ setup, value });
    };
    (async () => {
      const net = await checkpoints(checkpoint).load();
      const { spec } = await lab.call("loadModel", { name: START_MODEL, text: modelToJson(net) });
      set({ status: "loading", stage: "data" });
      const { trainCount } = await lab.call("loadData", { dataUrl, trainLimit });
      set({ status: "ready", lab, spec, trainCount });
    })().catch((err: unknown) => set({ status: "error", message: errorMessage(err) }));
    return () => {
      live = false;
      lab.dispose();
    };
  }, [started, createLab, checkpoints, dataUrl, checkpoint, trainLimit, setup]);
  return started && state.setup === setup ? state.value : STARTING;
}

/** A shipped checkpoint's network for computing on this thread: loading, ready, or the error naming the file. */
export function useCheckpoint(epochs: Checkpoint): LoadState<Network<Float32Array>> {
  const store = useLessonServices().lab.checkpoint(epochs);
  return useSyncExternalStore(store.subscribe, store.getState);
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
