// The postMessage API's validation: well-formed commands come through, anything else is refused with a reason.
import { describe, expect, it } from "vitest";
import { envelope, parseCommand } from "../../src/embed/messages.ts";

const msg = (body: object) => ({ type: "nn-explorable", version: 1, ...body });

describe("parseCommand(data)", () => {
  it.each([
    [msg({ command: "play" }), { command: "play" }],
    [msg({ command: "pause" }), { command: "pause" }],
    [msg({ command: "getSettings" }), { command: "getSettings" }],
    [msg({ command: "step" }), { command: "step", unit: "batch" }],
    [msg({ command: "step", unit: "epoch" }), { command: "step", unit: "epoch" }],
    [msg({ command: "reset" }), { command: "reset", seed: null }],
    [msg({ command: "reset", seed: 5 }), { command: "reset", seed: 5 }],
    [msg({ command: "loadModel", model: 5 }), { command: "loadModel", model: 5 }],
    [msg({ command: "loadModel", model: "none" }), { command: "loadModel", model: "none" }],
    [
      msg({ command: "set", params: { lr: "0.5", batch: 32, embed: true } }),
      { command: "set", params: { lr: "0.5", batch: "32", embed: "true" } },
    ],
  ])("accepts %j", (data, command) => {
    expect(parseCommand(data)).toEqual({ ok: true, command });
  });

  it.each([
    [null, "not an object"],
    ["play", "not an object"],
    [[1], "not an object"],
    [{ command: "play" }, 'type is not "nn-explorable"'],
    [{ type: "other", version: 1, command: "play" }, 'type is not "nn-explorable"'],
    [{ type: "nn-explorable", version: 2, command: "play" }, "version is not 1"],
    [{ type: "nn-explorable", version: "1", command: "play" }, "version is not 1"],
    [msg({ command: "explode" }), 'unknown command "explode"'],
    [msg({}), "unknown command undefined"],
    [msg({ command: "step", unit: "year" }), 'step: unit is not "batch" or "epoch"'],
    [msg({ command: "reset", seed: 0 }), "reset: seed is not a whole number from 1 to 2147483646"],
    [msg({ command: "reset", seed: 1.5 }), "reset: seed is not a whole number from 1 to 2147483646"],
    [msg({ command: "reset", seed: "5" }), "reset: seed is not a whole number from 1 to 2147483646"],
    [msg({ command: "loadModel", model: 7 }), 'loadModel: model is not one of 0, 1, 5, 30, best or "none"'],
    [
      msg({ command: "loadModel", model: "30" }),
      'loadModel: model is not one of 0, 1, 5, 30, best or "none"',
    ],
    [msg({ command: "set", params: "lr=1" }), "set: params is not an object"],
    [
      msg({ command: "set", params: { lr: { valueOf: 1 } } }),
      "set: a param's value is not a string, number or boolean",
    ],
  ])("refuses %j: %s", (data, reason) => {
    expect(parseCommand(data)).toEqual({ ok: false, reason });
  });
});

describe("envelope(event)", () => {
  it("adds the type and version", () => {
    expect(envelope({ event: "prediction", digit: 7, confidence: 0.9 })).toEqual({
      type: "nn-explorable",
      version: 1,
      event: "prediction",
      digit: 7,
      confidence: 0.9,
    });
  });
});
