// Starting one explorable: its training worker and store, the first `init` (from saved work, the URL's model or a
// fresh network), and a worker that crashed or stopped answering restarted from the last good weights the worker
// itself posted — with a notice each time, and a clear message when the client gives up.
import { modelToJson } from "../engine/model.ts";
import { createAppStore, type AppState, type AppStore } from "../store/appStore.ts";
import type { SavedWork } from "../store/savedWork.ts";
import type { SavedWorkControls } from "../components/context.tsx";
import { checkpointPath, type ShippedModel } from "../worker/models.ts";
import {
  createTrainingWorker,
  TrainingClient,
  type WorkerFailure,
  type WorkerTrouble,
} from "../worker/training/client.ts";
import type { EventMap, ModelSource } from "../worker/training/protocol.ts";
import type { WorkerLike } from "../worker/workerLike.ts";
import { LinkedWorker, pageGroupDeps } from "./frameGroup.ts";
import { startSavedWork, type PageSavedWork } from "./savedWork.ts";

export interface ExplorableOptions {
  /** Folder with the prepared MNIST files (manifest.json). */
  readonly dataUrl: string;
  /** Folder with the shipped checkpoints (public/models). */
  readonly modelsUrl: string;
  /** The checkpoint loaded at start; null for an untrained network. */
  readonly checkpoint: ShippedModel | null;
  /** The store's starting settings (from the URL), over the defaults. */
  readonly initial?: Partial<AppState>;
  /**
   * Work saved on a previous visit: restored at start when the URL keeps it (the URL may refuse it or win over
   * parts of it), then saved as it changes. Absent: nothing is restored or saved (embeds, tests).
   */
  readonly saved?: PageSavedWork;
  /** Embeds of this origin with the same group share one network: this one links to it (frameGroup.ts). */
  readonly group?: string;
}

export interface StartedExplorable {
  readonly client: TrainingClient;
  readonly store: AppStore;
  readonly savedWork?: SavedWorkControls;
  /** Stops saving and the worker. */
  dispose(): void;
}

/** What happened to the worker, as the start of a sentence: "The training worker crashed (out of memory)". */
function whatHappened({ cause, message }: WorkerFailure): string {
  return cause === "lost"
    ? "The training worker stopped answering"
    : `The training worker crashed (${message})`;
}

/** The notice for a worker in trouble: restarting soon, or given up for good. */
function troubleNotice(t: WorkerTrouble): string {
  if (t.kind === "gaveUp")
    return `The training engine could not start: ${t.message}. Reload the page to try again.`;
  const when = t.delayMs === 0 ? "now" : `in ${t.delayMs / 1000} s`;
  return `${whatHappened(t)}; starting it again ${when}…`;
}

/** Starts an explorable's worker and store (tests pass a fake worker). */
export function startExplorable(
  options: ExplorableOptions,
  createWorker: () => WorkerLike = createTrainingWorker,
): StartedExplorable {
  const { group } = options;
  const client = new TrainingClient(
    group ? () => new LinkedWorker(group, pageGroupDeps(createWorker)) : createWorker,
  );
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
  restartWithLastGood(client, store, init, pretrained);
  if (!options.saved) {
    init(pretrained);
    return { client, store, dispose: () => client.dispose() };
  }
  const saved = startSavedWork(options.saved, store, client, {
    fromSaved(work) {
      applySaved(store, work);
      init({ text: work.model, origin: work.origin });
      const input = work.input;
      if (input.kind !== "test") return;
      const off = client.on("testReady", () => {
        off();
        store.getState().setInput(input);
      });
    },
    fromDefaults: () => init(pretrained),
  });
  return {
    client,
    store,
    savedWork: { resetToDefaults: saved.resetToDefaults },
    dispose() {
      saved.stop();
      client.dispose();
    },
  };
}

/**
 * Keeps the worker's own last good weights and restarts a new worker from them after a crash or a loss; tells the
 * store what is happening (training stops, the controls wait for the new worker), or that the client gave up.
 */
function restartWithLastGood(
  client: TrainingClient,
  store: AppStore,
  init: (model: ModelSource | null) => void,
  pretrained: ModelSource | null,
): void {
  let lastGood: EventMap["lastGood"] | null = null;
  client.on("lastGood", (e) => (lastGood = e));
  client.onTrouble((t) =>
    store.setState({
      running: false,
      phase: t.kind === "gaveUp" ? "failed" : "loading",
      notice: { kind: "crash", message: troubleNotice(t), action: null },
    }),
  );
  client.onCrash((failure) => {
    const good = lastGood;
    const message = `${whatHappened(failure)} and was restarted${good ? " with the last good weights" : ""}.`;
    store.setState({ running: false, phase: "loading", notice: { kind: "crash", message, action: null } });
    init(
      good
        ? {
            text: modelToJson({ spec: good.spec, w: good.weights.w, b: good.weights.b }),
            origin: good.origin,
          }
        : pretrained,
    );
    const input = store.getState().input;
    if (input.kind === "test") store.getState().setInput(input);
  });
}

function applySaved(store: AppStore, work: SavedWork): void {
  const s = store.getState();
  const sameSpec = JSON.stringify(work.spec) === JSON.stringify(s.spec);
  store.setState({ spec: work.spec, hyper: work.hyper, seed: work.seed, preset: sameSpec ? s.preset : null });
}
