// The postMessage transport of an embedded explorable: commands from allowed host origins go to runCommand; events
// (ready, epochEnded, prediction, settings) go to window.parent, only ever to an allowed origin.
import type { AppStore } from "../store/appStore.ts";
import type { SettingsSync } from "../store/urlSync.ts";
import { runCommand, watchEvents } from "./commands.ts";
import { envelope, parseCommand, type ExplorableEvent } from "./messages.ts";

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

  /** Tells an allowed host why its message did nothing (an `ignored` event, every time) and the console once. */
  const ignore = (why: string, origin: string) => {
    warnOnce(why);
    parent.postMessage(envelope({ event: "ignored", reason: why }), origin);
  };

  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent) return; // not from the host page (our own frames, extensions, workers)
    // A page that is not allowed hears nothing back.
    if (!allowed.has(e.origin)) return warnOnce(`origin ${e.origin} is not in origins=`);
    const parsed = parseCommand(e.data);
    if (!parsed.ok) return ignore(parsed.reason, e.origin);
    host = e.origin;
    if (parsed.command.command === "goToStep")
      return ignore("goToStep is for lesson scenes, not the explorable", e.origin);
    void runCommand(store, sync, parsed.command).then((reply) => {
      if (!reply) return;
      if (reply.event === "settings") for (const p of reply.problems) console.warn(`nn-explorable: ${p}`);
      post(reply);
    });
  };
  win.addEventListener("message", onMessage);

  const unsubscribe = watchEvents(store, post);
  return () => {
    unsubscribe();
    win.removeEventListener("message", onMessage);
  };
}
