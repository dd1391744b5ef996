// Hostile postMessages to an embedded explorable, seeded: not objects, wrong type or version, unknown commands,
// commands with arguments of every wrong kind, `set` with odd names and values, prototype keys. Each carries what
// the embed must answer: an `ignored` event for a message it cannot run, a `settings` event for a `set`.
import type { Rng } from "../../../src/engine/rng.ts";
import { MESSAGE_TYPE, MESSAGE_VERSION, parseCommand } from "../../../src/embed/messages.ts";
import { URL_PARAM_NAMES } from "../../../src/store/urlState.ts";
import { hostileText, pick } from "./payloads.ts";

export interface MessageCase {
  /** The message's data (structured-cloneable). */
  readonly data: unknown;
  /** The event the embed must send back (`ignored`, or `settings` for a set), or nothing. */
  readonly expects: "ignored" | "settings" | "nothing";
}

const COMMANDS = [
  "set",
  "play",
  "pause",
  "step",
  "reset",
  "loadModel",
  "getSettings",
  "goToStep",
  "eval",
  "",
];

function argumentsFor(command: string, rng: Rng): Record<string, unknown> {
  const odd = () => pick(rng, [hostileText(rng), -1, 0, 1.5, 2 ** 40, null, true, [], {}, { __proto__: 1 }]);
  switch (command) {
    case "set": {
      const params: Record<string, unknown> = {};
      const n = rng.int(4);
      for (let i = 0; i < n; i++) {
        const name = rng.next() < 0.7 ? pick(rng, URL_PARAM_NAMES) : hostileText(rng).slice(0, 40);
        params[name] = rng.next() < 0.7 ? hostileText(rng) : odd();
      }
      return rng.next() < 0.1 ? { params: odd() } : { params };
    }
    case "step":
      return rng.next() < 0.5 ? { unit: pick(rng, ["batch", "epoch"]) } : { unit: odd() };
    case "reset":
      return { seed: rng.next() < 0.3 ? 1 + rng.int(1000) : odd() };
    case "loadModel":
      return { model: rng.next() < 0.3 ? pick(rng, ["none", 0, 5, "best"]) : odd() };
    case "goToStep":
      return { step: odd() };
    default:
      return {};
  }
}

/** One message's data. */
function randomMessage(rng: Rng): unknown {
  const r = rng.next();
  if (r < 0.1) return pick(rng, [null, 42, "play", [], hostileText(rng)]);
  const command = pick(rng, COMMANDS);
  const base: Record<string, unknown> = { type: MESSAGE_TYPE, version: MESSAGE_VERSION, command };
  if (r < 0.15) base["type"] = hostileText(rng);
  else if (r < 0.2) base["version"] = pick(rng, [0, 2, "1", null]);
  // Training runs are long: Play is sent rarely, and every run of messages ends with a pause.
  if (command === "play" && rng.next() < 0.7) base["command"] = "pause";
  return { ...base, ...argumentsFor(command, rng) };
}

function expected(data: unknown): MessageCase["expects"] {
  const parsed = parseCommand(data);
  if (!parsed.ok || parsed.command.command === "goToStep") return "ignored";
  return parsed.command.command === "set" || parsed.command.command === "getSettings"
    ? "settings"
    : "nothing";
}

/** `count` messages from the generator, ending with a pause and a getSettings (the embed must still answer). */
export function messageCases(rng: Rng, count: number): MessageCase[] {
  const data = Array.from({ length: Math.max(0, count - 2) }, () => randomMessage(rng));
  data.push({ type: MESSAGE_TYPE, version: MESSAGE_VERSION, command: "pause" });
  data.push({ type: MESSAGE_TYPE, version: MESSAGE_VERSION, command: "getSettings" });
  return data.map((d) => ({ data: d, expects: expected(d) }));
}
