// The app's slow state in one zustand store: settings, play/pause, loading, selection, prediction, notices
// and a thinned cost history. Per-frame data (weights, activations) never lands here: painters read it from
// the TrainingClient. A factory, not a singleton, so two embeds on one page keep separate state.

import { createStore, type StoreApi } from "zustand/vanilla";
import type { NetworkSpec } from "../engine/network.ts";
import { PRESETS, type PresetName } from "../engine/presets.ts";
import type { TrainingClient } from "../worker/client.ts";
import type { ErrorKind, HistoryPoint, Hyper, TrainingStats } from "../worker/protocol.ts";
import type { ControlId } from "./urlState.ts";

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
}

export interface Prediction {
  readonly digit: number;
  /** The output neuron's share: softmax probability, or activation / Σ activations for sigmoid outputs. */
  readonly confidence: number;
}

export interface AppState {
  // Loading
  readonly phase: "loading" | "ready" | "failed";
  readonly load: { readonly phase: "test" | "train"; readonly loaded: number; readonly total: number } | null;
  readonly testReady: boolean;
  // Network and training settings
  readonly spec: NetworkSpec;
  readonly hyper: Hyper;
  readonly seed: number;
  readonly preset: PresetName | null;
  readonly modelSource: string;
  // Training
  readonly running: boolean;
  readonly stats: TrainingStats;
  readonly history: HistoryPoint[];
  // Views
  readonly input: InputSource;
  readonly prediction: Prediction | null;
  /** The focused neuron, by layer and index. */
  readonly selected: { readonly layer: number; readonly index: number } | null;
  /** First-hidden-layer neuron whose heatmap is enlarged. */
  readonly enlarged: number | null;
  readonly costScale: "linear" | "log";
  readonly notice: Notice | null;
  /** Controls and views not rendered (the URL's `hide=`, for classrooms and embeds). */
  readonly hide: readonly ControlId[];
}

export interface AppActions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(unit: "batch" | "epoch"): void;
  /** A fresh untrained network with a new seed (or the given one). */
  reset(seed?: number): void;
  setHyper(hyper: Partial<Hyper>): void;
  setSpec(spec: NetworkSpec): void;
  applyPreset(name: PresetName): void;
  setInput(input: InputSource): void;
  setPrediction(prediction: Prediction | null): void;
  select(selected: AppState["selected"]): void;
  enlarge(index: number | null): void;
  setCostScale(scale: AppState["costScale"]): void;
  restoreLastGood(): void;
  dismissNotice(): void;
}

export type AppStore = StoreApi<AppState & AppActions>;

/** History kept for the cost curve: thinned by halving when it grows past this. */
export const MAX_HISTORY = 2000;

const idleStats: TrainingStats = {
  epoch: 0,
  examplesSeen: 0,
  examplesPerSecond: 0,
  trainCost: Number.NaN,
  running: false,
};

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
    hyper: { ...preset.train },
    seed: preset.seed,
    preset: "3b1b",
    modelSource: "",
    running: false,
    stats: idleStats,
    history: [],
    input: { kind: "pad" },
    prediction: null,
    selected: null,
    enlarged: null,
    costScale: "linear",
    notice: null,
    hide: [],
  };
}

/** A store wired to a training client: actions send commands, events update state (thinned to a few a second). */
export function createAppStore(client: TrainingClient, overrides: Partial<AppState> = {}): AppStore {
  const store = createStore<AppState & AppActions>()((set, get) => ({
    ...initialState(),
    ...overrides,
    play() {
      if (get().phase !== "ready") return;
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
    step(unit) {
      if (get().phase !== "ready") return;
      client.send({ op: "step", unit });
    },
    reset(seed) {
      const next = seed ?? (get().seed * 1103515245 + 12345) % 2147483647;
      client.send({ op: "reset", spec: get().spec, seed: next });
      set({ seed: next, running: false, history: [], stats: idleStats, notice: null });
    },
    setHyper(hyper) {
      set({ hyper: { ...get().hyper, ...hyper } });
      client.send({ op: "setHyper", hyper });
    },
    setSpec(spec) {
      set({ spec, preset: null, selected: null, enlarged: null });
      get().reset(get().seed);
    },
    applyPreset(name) {
      const p = PRESETS[name];
      set({ spec: p.spec, hyper: { ...p.train }, preset: name, selected: null, enlarged: null });
      client.send({ op: "setHyper", hyper: p.train });
      get().reset(p.seed);
    },
    setInput(input) {
      set({ input });
      if (input.kind === "test")
        client.send({ op: "setProbe", probe: { kind: "test", index: input.index }, id: input.index });
    },
    setPrediction(prediction) {
      set({ prediction });
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
    restoreLastGood() {
      client.send({ op: "restoreLastGood" });
      set({ notice: null });
    },
    dismissNotice() {
      set({ notice: null });
    },
  }));

  // Events → state. Frames are per-frame data: only counters and history, thinned to ~4 updates a second.
  let lastStats = -Infinity;
  client.on("progress", (e) =>
    store.setState({ load: { phase: e.phase, loaded: e.loaded, total: e.total } }),
  );
  client.on("testReady", () => store.setState({ testReady: true }));
  client.on("ready", (e) =>
    store.setState({ phase: "ready", load: null, spec: e.spec, modelSource: e.source }),
  );
  client.on("network", (e) =>
    store.setState({ spec: e.spec, modelSource: e.source, history: [], stats: idleStats }),
  );
  client.on("paused", (e) => {
    store.setState({ running: false });
    if (e.reason === "step") return;
  });
  client.on("error", (e) => {
    const action = e.kind === "diverged" ? "restore" : null;
    store.setState({
      notice: { kind: e.kind, message: e.message, action },
      ...(e.kind === "data" && !e.recoverable ? { phase: "failed" } : {}),
    });
  });
  client.onFrame((frame) => {
    const now = typeof performance !== "undefined" ? performance.now() : Date.now();
    const history = frame.history.length
      ? thinHistory([...store.getState().history, ...frame.history])
      : null;
    // Thinned while training; a stopped run's last counters always land, so they never freeze behind.
    if (history || now - lastStats > 250 || !frame.stats.running) {
      lastStats = now;
      store.setState({ stats: frame.stats, ...(history ? { history } : {}) });
    }
  });
  return store;
}
