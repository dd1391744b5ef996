// Starting one explorable: its training worker and store, the first `init` (from saved work, the URL's model or a
// fresh network), and a crashed worker restarted from the last good weights the worker itself posted.
import { modelToJson } from "../engine/model.ts";
import { createAppStore, type AppState, type AppStore } from "../store/appStore.ts";
import type { SavedWork } from "../store/savedWork.ts";
import type { SavedWorkControls } from "../components/context.tsx";
import { checkpointPath, type Checkpoint } from "../worker/models.ts";
import { createTrainingWorker, TrainingClient } from "../worker/training/client.ts";
import type { EventMap, ModelSource } from "../worker/training/protocol.ts";
import type { WorkerLike } from "../worker/workerLike.ts";
import { autosave, type PageSavedWork } from "./savedWork.ts";

export interface ExplorableOptions {
  /** Folder with the prepared MNIST files (manifest.json). */
  readonly dataUrl: string;
  /** Folder with the shipped checkpoints (public/models). */
  readonly modelsUrl: string;
  /** The checkpoint loaded at start; null for an untrained network. */
  readonly checkpoint: Checkpoint | null;
  /** The store's starting settings (from the URL), over the defaults. */
  readonly initial?: Partial<AppState>;
  /**
   * Work saved on a previous visit: restored at start when `accept` keeps it (the URL may refuse it or win over
   * parts of it), then saved as it changes. Absent: nothing is restored or saved (embeds, tests).
   */
  readonly saved?: PageSavedWork;
}

export interface StartedExplorable {
  readonly client: TrainingClient;
  readonly store: AppStore;
  readonly savedWork?: SavedWorkControls;
  /** Stops saving and the worker. */
  dispose(): void;
}

/** Starts an explorable's worker and store (tests pass a fake worker). */
export function startExplorable(
  options: ExplorableOptions,
  createWorker: () => WorkerLike = createTrainingWorker,
): StartedExplorable {
  const client = new TrainingClient(createWorker);
  const store = createAppStore(client, options.initial, {
    modelsUrl: options.modelsUrl,
    fetch: (url) => fetch(url),
  });
  const init = (model: ModelSource | null) => {
    const s = store.getState();
    client.send({ op: "init", dataUrl: options.dataUrl, model, spec: s.spec, hyper: s.hyper, seed: s.seed });
  };
  const { checkpoint } = options;
  const pretrained: ModelSource | null =
    checkpoint === null
      ? null
      : {
          url: checkpointPath(checkpoint, options.modelsUrl),
          origin: { kind: "pretrained", checkpoint },
        };
  // The worker's own last good weights, kept to restart it with after a crash.
  let lastGood: EventMap["lastGood"] | null = null;
  client.on("lastGood", (e) => (lastGood = e));
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
    const good = lastGood;
    init(
      good
        ? {
            text: modelToJson({ spec: good.spec, w: good.weights.w, b: good.weights.b }),
            origin: good.origin,
          }
        : pretrained,
    );
  });
  if (!options.saved) {
    init(pretrained);
    return { client, store, dispose: () => client.dispose() };
  }
  const saved = options.saved;
  const stop = autosave(store, client, saved.work);
  restoreSaved(saved, store, client, init, () => init(pretrained));
  return {
    client,
    store,
    savedWork: {
      async resetToDefaults() {
        stop();
        await saved.work.clear().catch(() => undefined);
        window.location.replace(saved.defaultsUrl());
      },
    },
    dispose() {
      stop();
      client.dispose();
    },
  };
}

/** Restores the saved work when the URL keeps it (or starts as usual); a bad record is reported in one line. */
function restoreSaved(
  saved: PageSavedWork,
  store: AppStore,
  client: TrainingClient,
  init: (model: ModelSource) => void,
  initDefault: () => void,
): void {
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
    applySaved(store, work);
    init({ text: work.model, origin: work.origin });
    const input = work.input;
    if (input.kind === "test") {
      const off = client.on("testReady", () => {
        off();
        store.getState().setInput(input);
      });
    }
  });
}

function applySaved(store: AppStore, work: SavedWork): void {
  const s = store.getState();
  const sameSpec = JSON.stringify(work.spec) === JSON.stringify(s.spec);
  store.setState({ spec: work.spec, hyper: work.hyper, seed: work.seed, preset: sameSpec ? s.preset : null });
}
