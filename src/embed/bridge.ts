// The postMessage bridge of an embedded explorable: commands from allowed host origins drive the store; events
// (ready, epochEnded, prediction, settings) go to window.parent, only ever to an allowed origin.
import type { AppStore, Prediction } from "../store/appStore.ts";
import type { SettingsSync } from "../store/urlSync.ts";
import { serializeUrlSettings } from "../store/urlState.ts";
import { envelope, parseCommand, type Command, type ExplorableEvent } from "./messages.ts";

/** What the bridge talks through: the page's window and its parent (a test passes fakes). */
export interface BridgeWindow {
  readonly location: { readonly origin: string; readonly ancestorOrigins?: ArrayLike<string> };
  readonly document: { readonly referrer: string };
  addEventListener(type: "message", listener: (e: MessageEvent) => void): void;
  removeEventListener(type: "message", listener: (e: MessageEvent) => void): void;
}
export interface BridgeParent {
  postMessage(message: unknown, targetOrigin: string): void;
}

/** The origin of the page embedding this one, as the browser tells it (Chromium's ancestorOrigins, else the referrer). */
export function embedderOrigin(win: BridgeWindow): string | null {
  const ancestor = win.location.ancestorOrigins?.[0];
  if (ancestor) return ancestor;
  try {
    return win.document.referrer ? new URL(win.document.referrer).origin : null;
  } catch {
    return null;
  }
}

/**
 * Listens for commands from `window.parent` at one of `origins` (or this page's own origin) and posts events
 * back to it. Returns the cleanup.
 */
export function startBridge(
  store: AppStore,
  sync: SettingsSync,
  origins: readonly string[],
  win: BridgeWindow = window,
  parent: BridgeParent = window.parent,
): () => void {
  const allowed = new Set([win.location.origin, ...origins]);
  // Events go to the embedder only when it is allowed; otherwise, to the first allowed origin that commands us.
  const embedder = embedderOrigin(win);
  let host: string | null = embedder !== null && allowed.has(embedder) ? embedder : null;
  const post = (event: ExplorableEvent) => {
    if (host !== null) parent.postMessage(envelope(event), host);
  };
  const warned = new Set<string>();
  const warnOnce = (why: string) => {
    if (warned.has(why)) return;
    warned.add(why);
    console.warn(`nn-explorable: ignored a message (${why})`);
  };

  const settings = (problems: readonly string[]): ExplorableEvent => ({
    event: "settings",
    params: Object.fromEntries(new URLSearchParams(serializeUrlSettings(sync.current()))),
    problems,
  });
  function run(command: Command) {
    const s = store.getState();
    switch (command.command) {
      case "play":
        return s.play();
      case "pause":
        return s.pause();
      case "step":
        return s.step(command.unit);
      case "reset":
        return command.seed === null ? s.reset() : s.reset(command.seed);
      case "loadModel":
        return void sync.loadModel(command.model).catch((err: unknown) => console.warn(String(err)));
      case "set": {
        const problems = sync.set(command.params);
        for (const p of problems) console.warn(`nn-explorable: ${p}`);
        return post(settings(problems));
      }
      case "getSettings":
        return post(settings([]));
      case "goToStep":
        return warnOnce("goToStep is for lesson scenes, not the explorable");
    }
  }

  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent) return; // not from the host page (our own frames, extensions, workers)
    if (!allowed.has(e.origin)) return warnOnce(`origin ${e.origin} is not in origins=`);
    const parsed = parseCommand(e.data);
    if (!parsed.ok) return warnOnce(parsed.reason);
    host = e.origin;
    run(parsed.command);
  };
  win.addEventListener("message", onMessage);

  let lastPrediction: Prediction | null = null;
  // Events from the store: ready once, an epoch's end, a changed prediction.
  if (store.getState().phase === "ready") post({ event: "ready" });
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.phase === "ready" && prev.phase !== "ready") post({ event: "ready" });
    if (s.stats.epoch > prev.stats.epoch) {
      const test = [...s.history].reverse().find((p) => p.testCost !== null);
      post({
        event: "epochEnded",
        epoch: s.stats.epoch,
        accuracy: test?.testAccuracy ?? null,
        cost: test?.testCost ?? null,
      });
    }
    const p = s.prediction;
    if (p && p !== prev.prediction) {
      const q = lastPrediction;
      if (!q || p.digit !== q.digit || Math.abs(p.confidence - q.confidence) >= 0.01) {
        lastPrediction = p;
        post({ event: "prediction", digit: p.digit, confidence: p.confidence });
      }
    }
  });
  return () => {
    unsubscribe();
    win.removeEventListener("message", onMessage);
  };
}
