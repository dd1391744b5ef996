// One explorable: creates its training worker and store, starts them, and lays out the views.
// Keeps the last finite weights so a crashed worker can be restarted where it was.
import { useEffect, useState, type ReactNode } from "react";
import { modelToJson } from "../engine/model.ts";
import type { Network } from "../engine/network.ts";
import { createAppStore, type AppState, type AppStore } from "../store/appStore.ts";
import {
  autosave,
  RESTORED_LABEL,
  registerSavedWork,
  savedWorkControls,
  type SavedWork,
  type SavedWorkStore,
} from "../store/savedWork.ts";
import { createTrainingWorker, TrainingClient, type Frame, type WorkerLike } from "../worker/client.ts";
import { ExplorableProvider } from "./context.tsx";

export interface ExplorableOptions {
  /** Folder with the prepared MNIST files (manifest.json). */
  readonly dataUrl: string;
  /** The model loaded at start; null for an untrained network. */
  readonly modelUrl: string | null;
  /** The store's starting settings (from the URL), over the defaults. */
  readonly initial?: Partial<AppState>;
  /**
   * Work saved on a previous visit: restored at start when `accept` keeps it (the URL may refuse it or win over
   * parts of it), then saved as it changes. Absent: nothing is restored or saved (embeds, tests).
   */
  readonly saved?: {
    readonly work: SavedWorkStore;
    readonly accept: (work: SavedWork) => SavedWork | null;
    /** Where "Reset to defaults" goes once the saved work is cleared. */
    readonly defaultsUrl: () => string;
  };
}

function allFinite(frame: Frame): boolean {
  for (const v of [...frame.weights.w, ...frame.weights.b])
    for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}

/** Starts an explorable's worker and store (exported for tests, which pass a fake worker). */
export function startExplorable(
  options: ExplorableOptions,
  createWorker: () => WorkerLike = createTrainingWorker,
): { client: TrainingClient; store: AppStore } {
  const client = new TrainingClient(createWorker);
  const store = createAppStore(client, options.initial);
  const init = (model: { url: string } | { text: string; label: string } | null) => {
    const s = store.getState();
    client.send({ op: "init", dataUrl: options.dataUrl, model, spec: s.spec, hyper: s.hyper, seed: s.seed });
  };
  // The last weights known to be finite, checked at most every two seconds.
  let lastGood: Network<Float32Array> | null = null;
  let lastCheck = -Infinity;
  client.onFrame((frame) => {
    const now = performance.now();
    if (now - lastCheck < 2000) return;
    lastCheck = now;
    if (allFinite(frame)) lastGood = { spec: store.getState().spec, w: frame.weights.w, b: frame.weights.b };
  });
  client.onCrash((message) => {
    store.setState({
      running: false,
      phase: "loading",
      notice: {
        kind: "crash",
        message: `The training worker crashed (${message}) and was restarted with the last good weights.`,
        action: null,
      },
    });
    init(
      lastGood
        ? { text: modelToJson(lastGood), label: "last good weights before the crash" }
        : options.modelUrl
          ? { url: options.modelUrl }
          : null,
    );
  });
  const initDefault = () => init(options.modelUrl ? { url: options.modelUrl } : null);
  if (options.saved) startSaved(options.saved, store, client, init, initDefault);
  else initDefault();
  return { client, store };
}

/** Restores the saved work (or starts as usual), then keeps saving it; registers "Reset to defaults". */
function startSaved(
  saved: NonNullable<ExplorableOptions["saved"]>,
  store: AppStore,
  client: TrainingClient,
  init: (model: { text: string; label: string }) => void,
  initDefault: () => void,
) {
  const stop = autosave(store, client, saved.work);
  registerSavedWork(store, {
    stop,
    async resetToDefaults() {
      stop();
      await saved.work.clear().catch(() => undefined);
      window.location.replace(saved.defaultsUrl());
    },
  });
  void saved.work.restore().then((restored) => {
    const work = restored.kind === "work" ? saved.accept(restored.work) : null;
    if (restored.kind === "corrupt")
      store.setState({
        notice: {
          kind: "info",
          message: `Your work saved on a previous visit could not be read (${restored.reason}) and was discarded.`,
          action: null,
        },
      });
    if (!work) {
      initDefault();
      return;
    }
    const s = store.getState();
    const sameSpec = JSON.stringify(work.spec) === JSON.stringify(s.spec);
    store.setState({
      spec: work.spec,
      hyper: work.hyper,
      seed: work.seed,
      preset: sameSpec ? s.preset : null,
    });
    init({ text: work.model, label: RESTORED_LABEL });
    const input = work.input;
    if (input.kind === "test") {
      const off = client.on("testReady", () => {
        off();
        store.getState().setInput(input);
      });
    }
  });
}

/** What `connect` gets: the explorable's store and client, to wire the URL or a host page; it returns a cleanup. */
export type Connect = (explorable: { client: TrainingClient; store: AppStore }) => () => void;

export function Explorable({
  options,
  connect,
  children,
}: {
  options: ExplorableOptions;
  connect?: Connect;
  children: ReactNode;
}) {
  const [explorable] = useState(() => startExplorable(options));
  useEffect(() => {
    const disconnect = connect?.(explorable);
    return () => {
      disconnect?.();
      savedWorkControls(explorable.store)?.stop();
      explorable.client.dispose();
    };
    // connect runs once, with the explorable it was started with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [explorable]);
  return (
    <ExplorableProvider store={explorable.store} client={explorable.client}>
      {children}
    </ExplorableProvider>
  );
}
