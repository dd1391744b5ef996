// The embedding API's meaning, free of any transport: `runCommand` applies a host's command to an explorable's
// store, and `watchEvents` turns the store's changes into the API's events. The window bridge (postMessage) and the
// <nn-explorable> element (methods and DOM events) both call these, so they cannot drift apart.
import { predictionOf, type AppStore } from "../store/appStore.ts";
import type { SettingsSync } from "../store/urlSync.ts";
import { serializeUrlSettings } from "../store/urlState.ts";
import type { Command, ExplorableEvent } from "./messages.ts";

/** The settings as URL text, with the problems of the last `set`. */
export function settingsEvent(sync: SettingsSync, problems: readonly string[]): ExplorableEvent {
  return {
    event: "settings",
    params: Object.fromEntries(new URLSearchParams(serializeUrlSettings(sync.current()))),
    problems,
  };
}

/**
 * Applies `command`; resolves to the event that answers it, or null. A `set` is answered by the settings once the
 * worker has echoed the training settings it accepted, so the reply shows what is in force. Never rejects.
 */
export async function runCommand(
  store: AppStore,
  sync: SettingsSync,
  command: Command,
): Promise<ExplorableEvent | null> {
  const s = store.getState();
  switch (command.command) {
    case "play":
      s.play();
      return null;
    case "pause":
      s.pause();
      return null;
    case "step":
      s.step(command.unit);
      return null;
    case "reset":
      if (command.seed === null) s.reset();
      else s.reset(command.seed);
      return null;
    case "loadModel":
      void s.loadCheckpoint(command.model);
      return null;
    case "set": {
      const { problems, applied } = sync.set(command.params);
      await applied;
      return settingsEvent(sync, problems);
    }
    case "getSettings":
      return settingsEvent(sync, []);
    case "goToStep":
      return null; // for lesson scenes, not the explorable
  }
}

/**
 * Posts the explorable's events as the store changes: `ready` once, `epochEnded` at each epoch's end, and
 * `prediction` whenever the network's answer changes — derived in the store from the network's state, so it is
 * sent whatever views are shown. Returns the unsubscribe.
 */
export function watchEvents(store: AppStore, post: (event: ExplorableEvent) => void): () => void {
  if (store.getState().phase === "ready") post({ event: "ready" });
  return store.subscribe((s, prev) => {
    if (s.phase === "ready" && prev.phase !== "ready") post({ event: "ready" });
    // One event per epoch ended, in order, even when the counters landed two at once (a fast epoch); only the
    // latest has a test evaluation to report.
    for (let epoch = prev.stats.epoch + 1; epoch <= s.stats.epoch; epoch++) {
      const test = epoch === s.stats.epoch ? [...s.history].reverse().find((p) => p.testCost !== null) : null;
      post({
        event: "epochEnded",
        epoch,
        accuracy: test?.testAccuracy ?? null,
        cost: test?.testCost ?? null,
      });
    }
    const p = predictionOf(s);
    if (p && s.answer !== prev.answer)
      post({ event: "prediction", digit: p.digit, confidence: p.confidence });
  });
}
