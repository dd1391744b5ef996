// The postMessage API between a host page and an embedded explorable: versioned commands in, events out, and
// the validation every incoming message passes (anything else is ignored). Documented in docs/embedding.md.
import { SHIPPED_MODELS, type ModelChoice } from "../store/urlState.ts";

/** Every message, both ways, carries this type and version. */
export const MESSAGE_TYPE = "nn-explorable";
export const MESSAGE_VERSION = 1;

/** Host → explorable. */
export type Command =
  /** Set parameters by their URL names and URL text: {lr: "0.5", hidden: "32,16"}. */
  | { readonly command: "set"; readonly params: Readonly<Record<string, string>> }
  | { readonly command: "play" }
  | { readonly command: "pause" }
  /** One mini-batch (the default) or the rest of the epoch. */
  | { readonly command: "step"; readonly unit: "batch" | "epoch" }
  /** New untrained weights from `seed`, or from the next seed. */
  | { readonly command: "reset"; readonly seed: number | null }
  | { readonly command: "loadModel"; readonly model: ModelChoice }
  /** Ask for the current settings (answered by a `settings` event). */
  | { readonly command: "getSettings" }
  /** In an embedded lesson scene: show step `step` (1-based). */
  | { readonly command: "goToStep"; readonly step: number };

/** Explorable → host. */
export type ExplorableEvent =
  | { readonly event: "ready" }
  /** An epoch finished; accuracy (0…1) and cost of the latest test evaluation, null before one. */
  | {
      readonly event: "epochEnded";
      readonly epoch: number;
      readonly accuracy: number | null;
      readonly cost: number | null;
    }
  /** The network's answer for the input changed: the digit and its output share (0…1). */
  | { readonly event: "prediction"; readonly digit: number; readonly confidence: number }
  /** An embedded lesson scene moved to `step` (1-based) of `steps`. */
  | { readonly event: "stepChanged"; readonly scene: string; readonly step: number; readonly steps: number }
  /** The embedded page's content is `height` CSS pixels tall (posted to any host, for sizing the frame). */
  | { readonly event: "resize"; readonly height: number }
  /** A command from the host was ignored, and why: not a command, a wrong argument, not for this page. */
  | { readonly event: "ignored"; readonly reason: string }
  /** Settings as URL text, and problems with the last `set` (empty when all were valid). */
  | {
      readonly event: "settings";
      readonly params: Readonly<Record<string, string>>;
      readonly problems: readonly string[];
    };

export type Envelope<T> = {
  readonly type: typeof MESSAGE_TYPE;
  readonly version: typeof MESSAGE_VERSION;
} & T;

/** The event wrapped for posting. */
export function envelope(event: ExplorableEvent): Envelope<ExplorableEvent> {
  return { type: MESSAGE_TYPE, version: MESSAGE_VERSION, ...event };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The command in a message's data, or why it isn't one (for one console.warn). Never throws. */
export function parseCommand(data: unknown): { ok: true; command: Command } | { ok: false; reason: string } {
  const no = (reason: string) => ({ ok: false as const, reason });
  if (!isRecord(data)) return no("not an object");
  if (data["type"] !== MESSAGE_TYPE) return no(`type is not "${MESSAGE_TYPE}"`);
  if (data["version"] !== MESSAGE_VERSION) return no(`version is not ${MESSAGE_VERSION}`);
  switch (data["command"]) {
    case "play":
    case "pause":
    case "getSettings":
      return { ok: true, command: { command: data["command"] } };
    case "step": {
      const unit = data["unit"] ?? "batch";
      if (unit !== "batch" && unit !== "epoch") return no('step: unit is not "batch" or "epoch"');
      return { ok: true, command: { command: "step", unit } };
    }
    case "reset": {
      const seed = data["seed"] ?? null;
      if (
        seed !== null &&
        !(Number.isInteger(seed) && (seed as number) >= 1 && (seed as number) < 2147483647)
      )
        return no("reset: seed is not a whole number from 1 to 2147483646");
      return { ok: true, command: { command: "reset", seed: seed as number | null } };
    }
    case "goToStep": {
      const step = data["step"];
      if (!(Number.isInteger(step) && (step as number) >= 1))
        return no("goToStep: step is not a whole number ≥ 1");
      return { ok: true, command: { command: "goToStep", step: step as number } };
    }
    case "loadModel": {
      const model = data["model"];
      const valid = model === "none" || SHIPPED_MODELS.some((c) => c === model);
      if (!valid) return no(`loadModel: model is not one of ${SHIPPED_MODELS.join(", ")} or "none"`);
      return { ok: true, command: { command: "loadModel", model: model as ModelChoice } };
    }
    case "set": {
      const params = data["params"];
      if (!isRecord(params)) return no("set: params is not an object");
      const entries = Object.entries(params);
      if (entries.some(([, v]) => typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean"))
        return no("set: a param's value is not a string, number or boolean");
      return {
        ok: true,
        command: { command: "set", params: Object.fromEntries(entries.map(([k, v]) => [k, String(v)])) },
      };
    }
    default:
      return no(`unknown command ${JSON.stringify(data["command"]) ?? "undefined"}`);
  }
}
