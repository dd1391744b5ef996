// The app's slow state in one zustand store: settings, play/pause, loading, selection, notices, a thinned cost
// history, and the facts derived from the network's state (the prediction, the weights' origin) — computed here
// once, whatever views are shown. Per-frame data (weights, activations) never lands here: painters read it from
// the TrainingClient. A factory, not a singleton, so two embeds on one page keep separate state.

import { createStore, type StoreApi } from "zustand/vanilla";
import { presetHyper, type Hyper } from "../engine/hyper.ts";
import type { NetworkSpec } from "../engine/network.ts";
import { PRESETS, presetOfSpec, type PresetName } from "../engine/presets.ts";
import { sameSpec } from "../engine/spec.ts";
import {
  checkpointPath,
  finishedModelOf,
  isFinished,
  type ModelOrigin,
  type ShippedModel,
} from "../worker/models.ts";
import type { TrainingClient } from "../worker/training/client.ts";
import type { Pace } from "../worker/training/pace.ts";
import type {
  ErrorKind,
  EventMap,
  HistoryPoint,
  ProbeActivations,
  TrainingStats,
} from "../worker/training/protocol.ts";
import { freshStartMessage } from "./origin.ts";
import { answerOf, sameAnswer, type Answer, type Prediction } from "./prediction.ts";
import type { ControlId } from "./urlState.ts";

export type { Prediction };

/** Where the network's input comes from. */
export type InputSource =
  { readonly kind: "pad" } | { readonly kind: "test"; readonly index: number; readonly label: number | null };

/** A message for the user; `action` names the one-click fix offered beside it. */
export interface Notice {
  readonly kind: ErrorKind | "info" | "crash" | "url";
  readonly message: string;
  readonly action: "restore" | null;
  /** Items listed under the message, as plain text (the URL's problems, one each). */
  readonly details?: readonly string[];
  /** After a divergence or a collapse: the smaller learning rate the message suggests (a view may offer it). */
  readonly suggestedLearningRate?: number;
}

export interface AppState {
  // Loading
  readonly phase: "loading" | "ready" | "failed";
  readonly load: { readonly phase: "test" | "train"; readonly loaded: number; readonly total: number } | null;
  readonly testReady: boolean;
  // Network and training settings
  readonly spec: NetworkSpec;
  /** The hyper-parameters as the worker accepted them (its `hyper` echo), never as merely asked for. */
  readonly hyper: Hyper;
  readonly seed: number;
  readonly preset: PresetName | null;
  /** Where the weights came from (with the epochs trained since), as the worker says; null before it does. */
  readonly origin: ModelOrigin | null;
  // Training
  readonly running: boolean;
  readonly stats: TrainingStats;
  readonly history: HistoryPoint[];
  // Views
  readonly input: InputSource;
  /** The network's answer for the input, derived from its output activations (see prediction.ts). */
  readonly answer: Answer;
  /** The focused neuron, by layer and index. */
  readonly selected: { readonly layer: number; readonly index: number } | null;
  /** First-hidden-layer neuron whose heatmap is enlarged. */
  readonly enlarged: number | null;
  readonly costScale: "linear" | "log";
  readonly notice: Notice | null;
  /** Controls and views not rendered (the URL's `hide=`, for classrooms and embeds). */
  readonly hide: readonly ControlId[];
  /** How fast Play trains: mini-batches per second, or null for full speed. */
  readonly pace: Pace;
  /** The last step taught on the learner's drawing while it can still be undone, else null. */
  readonly taught: TaughtStep | null;
}

/** A step taught on the learner's drawing: the label given and the drawing's cost C₀ before and after. */
export type TaughtStep = NonNullable<EventMap["taught"]["step"]>;

export interface AppActions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(unit: "batch" | "epoch"): void;
  /** A fresh untrained network with a new seed (or the given one). */
  reset(seed?: number): void;
  /** Asks the worker; the store shows what it accepts (values are checked against src/engine/hyper.ts). */
  setHyper(hyper: Partial<Hyper>): void;
  /** How fast Play trains: mini-batches per second (one of PACES), or null for full speed. */
  setPace(pace: Pace): void;
  /** One gradient step on the drawing as `label` (training pauses); undoTeach takes it back. */
  teach(label: number): void;
  undoTeach(): void;
  setSpec(spec: NetworkSpec): void;
  applyPreset(name: PresetName): void;
  /** Loads a shipped checkpoint (the last request wins), or an untrained network from the current seed. */
  loadCheckpoint(checkpoint: ShippedModel | "none"): Promise<void>;
  /** Loads a model file's text (validated by the worker; a bad file is reported and changes nothing). */
  loadModelText(text: string, name: string): void;
  setInput(input: InputSource): void;
  select(selected: AppState["selected"]): void;
  enlarge(index: number | null): void;
  setCostScale(scale: AppState["costScale"]): void;
  restoreLastGood(): void;
  dismissNotice(): void;
}

export type AppStore = StoreApi<AppState & AppActions>;

/** What the store needs besides its client: where the shipped models are, and how to fetch them. */
export interface StoreDeps {
  /** The folder of the shipped checkpoints (absolute URL, or relative to the page). */
  readonly modelsUrl: string;
  readonly fetch: (url: string) => Promise<Response>;
}

/** History kept for the cost curve: thinned by halving when it grows past this. */
export const MAX_HISTORY = 2000;

const idleStats = (origin: ModelOrigin | null): TrainingStats => ({
  epoch: 0,
  origin: origin ?? { kind: "untrained", seed: PRESETS["3b1b"].seed },
  examplesSeen: 0,
  examplesPerSecond: 0,
  trainCost: Number.NaN,
  running: false,
});

/** Halves a long history by dropping every other training-only point (points with a test evaluation stay). */
export function thinHistory(history: HistoryPoint[]): HistoryPoint[] {
  if (history.length <= MAX_HISTORY) return history;
  return history.filter((p, i) => p.testCost !== null || i % 2 === 0 || i === history.length - 1);
}

export function initialState(): AppState {
  const preset = PRESETS["3b1b"];
  return {
    phase: "loading",
    load: null,
    testReady: false,
    spec: preset.spec,
    hyper: presetHyper("3b1b"),
    seed: preset.seed,
    preset: "3b1b",
    origin: null,
    running: false,
    stats: idleStats(null),
    history: [],
    input: { kind: "pad" },
    answer: { kind: "none" },
    selected: null,
    enlarged: null,
    costScale: "linear",
    notice: null,
    hide: [],
    pace: null,
    taught: null,
  };
}

/** The prediction when the answer is one, else null. */
export function predictionOf(state: Pick<AppState, "answer">): Prediction | null {
  return state.answer.kind === "prediction" ? state.answer.prediction : null;
}

const defaultDeps: StoreDeps = { modelsUrl: "models", fetch: (url) => fetch(url) };

type Set = StoreApi<AppState & AppActions>["setState"];
type Get = () => AppState & AppActions;

/** Play, pause, step, reset and the settings: commands to the worker. */
function trainingActions(client: TrainingClient, set: Set, get: Get, models: ModelRequests) {
  return {
    play() {
      if (get().phase !== "ready") return;
      const { origin: shown } = get();
      const origin = shown?.kind === "taught" ? shown.from : shown; // a drawing taught changes little
      // A finished network has nothing left to learn (its schedule ended at η × 0.027; without the schedule, η as
      // set would undo it): Play tells the videos' story instead, from fresh random weights, and says so.
      if (origin?.kind === "pretrained" && isFinished(origin.checkpoint)) {
        get().reset(get().seed);
        set({ notice: { kind: "info", message: freshStartMessage(get().seed), action: null } });
      }
      client.send({ op: "play" });
      set({ running: true });
    },
    pause() {
      client.send({ op: "pause" });
      set({ running: false });
    },
    togglePlay() {
      if (get().running) get().pause();
      else get().play();
    },
    step(unit: "batch" | "epoch") {
      if (get().phase !== "ready") return;
      client.send({ op: "step", unit });
    },
    reset(seed?: number) {
      const next = seed ?? ((get().seed * 1103515245 + 12345) % 2147483647 || 1);
      models.cancel(); // a checkpoint still downloading must not replace the new network
      client.send({ op: "reset", spec: get().spec, seed: next });
      set({ seed: next, running: false, history: [], stats: idleStats(get().origin), notice: null });
    },
    setHyper(hyper: Partial<Hyper>) {
      client.send({ op: "setHyper", hyper });
    },
    setPace(pace: Pace) {
      client.send({ op: "setPace", batchesPerSecond: pace });
      set({ pace });
    },
    teach(label: number) {
      if (get().phase === "ready") client.send({ op: "teach", label });
    },
    undoTeach() {
      client.send({ op: "undoTeach" });
    },
    setSpec(spec: NetworkSpec) {
      set({ spec, preset: null, selected: null, enlarged: null });
      get().reset(get().seed);
    },
    applyPreset(name: PresetName) {
      const p = PRESETS[name];
      set({ spec: p.spec, preset: name, selected: null, enlarged: null });
      client.send({ op: "setHyper", hyper: presetHyper(name) });
      // Fresh weights at once, then the preset's trained network when it has downloaded (Reset goes back).
      get().reset(p.seed);
      void get().loadCheckpoint(finishedModelOf(name));
    },
    restoreLastGood() {
      client.send({ op: "restoreLastGood" });
      set({ notice: null });
    },
  };
}

/** Numbers model loads, so that only the latest request (or a reset after it) decides the network. */
class ModelRequests {
  private latest = 0;
  next(): number {
    return ++this.latest;
  }
  isLatest(request: number): boolean {
    return request === this.latest;
  }
  cancel(): void {
    this.latest++;
  }
}

/** Loading a shipped checkpoint or a model file's text. */
function modelActions(client: TrainingClient, set: Set, get: Get, models: ModelRequests, deps: StoreDeps) {
  return {
    async loadCheckpoint(checkpoint: ShippedModel | "none") {
      if (checkpoint === "none") {
        get().reset(get().seed);
        return;
      }
      const request = models.next();
      const url = checkpointPath(checkpoint, deps.modelsUrl);
      try {
        const res = await deps.fetch(url);
        if (!res.ok) throw new Error(`the server answered ${res.status}`);
        const text = await res.text();
        if (!models.isLatest(request)) return; // a later request (or a reset) came since
        get().pause();
        client.send({ op: "loadModel", text, origin: { kind: "pretrained", checkpoint }, request });
      } catch (err) {
        if (!models.isLatest(request)) return;
        const why = err instanceof Error ? err.message : String(err);
        const message = `The checkpoint ${url} could not be loaded: ${why}.`;
        set({ notice: { kind: "model", message, action: null } });
      }
    },
    loadModelText(text: string, name: string) {
      const request = models.next();
      get().pause();
      client.send({ op: "loadModel", text, origin: { kind: "file", name, epochs: null }, request });
    },
  };
}

/** A store wired to a training client: actions send commands, events update state (thinned to a few a second). */
export function createAppStore(
  client: TrainingClient,
  overrides: Partial<AppState> = {},
  deps: StoreDeps = defaultDeps,
): AppStore {
  const models = new ModelRequests();
  const store = createStore<AppState & AppActions>()((set, get) => ({
    ...initialState(),
    ...overrides,
    ...trainingActions(client, set, get, models),
    ...modelActions(client, set, get, models, deps),
    setInput(input) {
      set({ input });
      if (input.kind === "test")
        client.send({ op: "setProbe", probe: { kind: "test", index: input.index }, id: input.index });
    },
    select(selected) {
      set({ selected });
    },
    enlarge(index) {
      // Enlarging a heatmap also selects its neuron, so the network view marks where it sits.
      set(index === null ? { enlarged: null } : { enlarged: index, selected: { layer: 1, index } });
    },
    setCostScale(costScale) {
      set({ costScale });
    },
    dismissNotice() {
      set({ notice: null });
    },
  }));
  listen(store, client, models);
  return store;
}

/** Events → state. Frames are per-frame data: only counters and history land, thinned to ~4 updates a second. */
function listen(store: AppStore, client: TrainingClient, models: ModelRequests): void {
  let lastStats = -Infinity;
  client.on("progress", (e) =>
    store.setState({ load: { phase: e.phase, loaded: e.loaded, total: e.total } }),
  );
  client.on("testReady", () => store.setState({ testReady: true }));
  client.on("ready", (e) =>
    store.setState({
      phase: "ready",
      load: null,
      spec: e.spec,
      origin: e.origin,
      preset: sameSpec(e.spec, store.getState().spec) ? store.getState().preset : presetOfSpec(e.spec),
    }),
  );
  client.on("network", (e) =>
    store.setState({
      spec: e.spec,
      // The preset menu names the network shown: its own preset, or another's, or none ("Custom").
      preset: sameSpec(e.spec, store.getState().spec) ? store.getState().preset : presetOfSpec(e.spec),
      origin: e.origin,
      history: [],
      taught: null,
      stats: idleStats(e.origin),
      ...(e.origin.kind === "untrained" ? { seed: e.origin.seed } : {}),
    }),
  );
  client.on("hyper", (e) => {
    store.setState({ hyper: e.hyper });
    if (e.problems.length)
      store.setState({
        notice: {
          kind: "info",
          message: "Some training settings were refused and kept as they were:",
          action: null,
          details: e.problems.map((p) => p.message),
        },
      });
  });
  client.on("paused", () => store.setState({ running: false }));
  client.on("taught", (e) => store.setState({ taught: e.step }));
  client.on("error", (e) => {
    if (e.request !== undefined && !models.isLatest(e.request)) return; // a model load since replaced
    const stopped = e.kind === "diverged" || e.kind === "collapsed";
    const suggestion =
      e.suggestedLearningRate === undefined ? {} : { suggestedLearningRate: e.suggestedLearningRate };
    store.setState({
      notice: { kind: e.kind, message: e.message, action: stopped ? "restore" : null, ...suggestion },
      ...(e.kind === "data" && !e.recoverable ? { phase: "failed" } : {}),
    });
  });
  // The answer follows the probe's output activations, from frames and from `probed` (sent at once).
  const derive = (probe: ProbeActivations | null) => {
    const state = store.getState();
    const next = answerOf(probe?.a[probe.a.length - 1], state.spec.output);
    if (!sameAnswer(next, state.answer)) store.setState({ answer: next });
  };
  client.on("probed", (e) => derive(e.probe));
  client.onFrame((frame) => {
    derive(frame.probe);
    const now = typeof performance !== "undefined" ? performance.now() : Date.now();
    const history = frame.history.length
      ? thinHistory([...store.getState().history, ...frame.history])
      : null;
    // Thinned while training; a stopped run's last counters always land, so they never freeze behind.
    if (history || now - lastStats > 250 || !frame.stats.running) {
      lastStats = now;
      store.setState({ stats: frame.stats, origin: frame.stats.origin, ...(history ? { history } : {}) });
    }
    // A step of a huge mini-batch takes a while: it runs, and Pause can cancel it.
    if (frame.stats.running && frame.stats.batch && !store.getState().running)
      store.setState({ running: true });
    // Training moves on from a taught step: it can no longer be undone.
    if (frame.stats.running && store.getState().taught) store.setState({ taught: null });
  });
}
