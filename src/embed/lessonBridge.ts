// The postMessage bridge of an embedded lesson scene: `goToStep` from an allowed host origin moves the scene,
// and every step change is posted back as `stepChanged` (only to an allowed origin). Same envelope, validation
// and origin rules as the explorable's bridge (bridge.ts).
import { embedderOrigin, type BridgeParent, type BridgeWindow } from "./bridge.ts";
import { envelope, parseCommand } from "./messages.ts";

export interface LessonBridge {
  /** Tell the host the scene is at `step` (1-based) of `steps`. */
  stepChanged(scene: string, step: number, steps: number): void;
  stop(): void;
}

export function startLessonBridge(
  goToStep: (step: number) => void,
  origins: readonly string[],
  win: BridgeWindow = window,
  parent: BridgeParent = window.parent,
): LessonBridge {
  const allowed = new Set([win.location.origin, ...origins]);
  const embedder = embedderOrigin(win);
  let host: string | null = embedder !== null && allowed.has(embedder) ? embedder : null;
  const warned = new Set<string>();
  const warnOnce = (why: string) => {
    if (warned.has(why)) return;
    warned.add(why);
    console.warn(`nn-explorable: ignored a message (${why})`);
  };
  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent) return;
    if (!allowed.has(e.origin)) return warnOnce(`origin ${e.origin} is not in origins=`);
    const parsed = parseCommand(e.data);
    if (!parsed.ok) return warnOnce(parsed.reason);
    host = e.origin;
    if (parsed.command.command === "goToStep") goToStep(parsed.command.step);
    else warnOnce(`${parsed.command.command} is for the explorable, not a lesson scene`);
  };
  win.addEventListener("message", onMessage);
  if (host !== null) parent.postMessage(envelope({ event: "ready" }), host);
  return {
    stepChanged(scene, step, steps) {
      if (host !== null) parent.postMessage(envelope({ event: "stepChanged", scene, step, steps }), host);
    },
    stop: () => win.removeEventListener("message", onMessage),
  };
}
