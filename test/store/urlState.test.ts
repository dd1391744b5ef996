// The URL table: parsing with validation (every problem in words), serialising only what differs, round trips.
import { describe, expect, it } from "vitest";
import { PRESETS } from "../../src/engine/presets.ts";
import {
  defaultSettings,
  parseUrlSettings,
  serializeUrlSettings,
  specOf,
  URL_PARAM_NAMES,
  URL_PARAMS,
} from "../../src/store/urlState.ts";

describe("parseUrlSettings(search)", () => {
  it("returns the videos' network and its checkpoint after 30 epochs for an empty query", () => {
    const { settings, problems, given } = parseUrlSettings("");
    expect(settings).toEqual(defaultSettings());
    expect(specOf(settings)).toEqual(PRESETS["3b1b"].spec);
    expect(settings.model).toBe(30);
    expect(problems).toEqual([]);
    expect(given.size).toBe(0);
  });

  it("reads every parameter of the table", () => {
    const { settings, problems } = parseUrlSettings(
      "?hidden=32,8&activation=relu,tanh&output=softmax&cost=crossEntropy&lr=0.5&batch=32&decay=0.001" +
        "&momentum=0.9&schedule=0&seed=5&image=123&model=none&hide=play,reset&embed=1&view=network" +
        "&origins=https://a.example,http://localhost:5000&group=lesson-3",
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      preset: "3b1b",
      hidden: [32, 8],
      activation: ["relu", "tanh"],
      output: "softmax",
      cost: "crossEntropy",
      lr: 0.5,
      batch: 32,
      decay: 0.001,
      momentum: 0.9,
      schedule: 0,
      seed: 5,
      image: 123,
      model: "none",
      hide: ["play", "reset"],
      embed: true,
      view: "network",
      origins: ["https://a.example", "http://localhost:5000"],
      group: "lesson-3",
    });
    expect(parseUrlSettings("?group=a%20b").problems).toEqual([
      "group=“a b” is not a group name of up to 40 letters, digits, - or _; using the default",
    ]);
  });

  it("takes the other defaults from the preset", () => {
    const { settings } = parseUrlSettings("?preset=best&lr=0.1");
    expect(specOf(settings)).toEqual(PRESETS.best.spec);
    expect(settings.lr).toBe(0.1);
    expect(settings.momentum).toBe(0.9);
    expect(settings.model).toBe("best"); // its shipped, trained network
  });

  it("takes a shipped network's architecture and training when model=“” names it alone", () => {
    const { settings, problems } = parseUrlSettings("?model=best");
    expect(problems).toEqual([]);
    expect(settings.preset).toBe("best");
    expect(specOf(settings)).toEqual(PRESETS.best.spec);
    expect(parseUrlSettings("?preset=3b1b&model=best").problems).toEqual([
      "model=best is a trained 784-100-10 network, not 784-16-16-10; using none (untrained)",
    ]);
  });

  it("applies a single activation to every hidden layer", () => {
    expect(parseUrlSettings("?hidden=8,8,8&activation=relu").settings.activation).toEqual([
      "relu",
      "relu",
      "relu",
    ]);
  });

  it("accepts an empty hidden list (pixels straight to the outputs)", () => {
    const { settings, problems } = parseUrlSettings("?hidden=&model=none");
    expect(settings.hidden).toEqual([]);
    expect(settings.activation).toEqual([]);
    expect(problems).toEqual([]);
  });

  it.each([
    ["lr=abc", "lr=“abc” is not a number between 0.001 and 10; using 1.5"],
    ["lr=100", "lr=“100” is not a number between 0.001 and 10; using 1.5"],
    ["lr=", "lr=“” is not a number between 0.001 and 10; using 1.5"],
    ["lr=Infinity", "lr=“Infinity” is not a number between 0.001 and 10; using 1.5"],
    [
      "hidden=0,9999",
      "hidden=“0,9999” is not a list of at most 4 layer sizes, each a whole number from 1 to 512; using 16,16",
    ],
    [
      "hidden=1,2,3,4,5",
      "hidden=“1,2,3,4,5” is not a list of at most 4 layer sizes, each a whole number from 1 to 512; using 16,16",
    ],
    [
      "hidden=1.5",
      "hidden=“1.5” is not a list of at most 4 layer sizes, each a whole number from 1 to 512; using 16,16",
    ],
    [
      "activation=swish",
      "activation=“swish” is not one of sigmoid, relu, tanh, or a list with one of them per hidden layer; using sigmoid,sigmoid",
    ],
    ["output=linear", "output=“linear” is not one of sigmoid, softmax; using sigmoid"],
    ["cost=hinge", "cost=“hinge” is not one of mse, crossEntropy; using mse"],
    ["batch=0", "batch=“0” is not a whole number from 1 to 60000; using 10"],
    ["batch=2.5", "batch=“2.5” is not a whole number from 1 to 60000; using 10"],
    ["decay=-1", "decay=“-1” is not a number between 0 and 0.1; using 0.00005"],
    ["momentum=1", "momentum=“1” is not a number between 0 and 0.999; using 0"],
    ["seed=0", "seed=“0” is not a whole number from 1 to 2147483646; using 1"],
    ["image=10000", "image=“10000” is not a test image number from 0 to 9999; using the default"],
    ["model=7", "model=“7” is not a shipped network (0, 1, 5, 30, best) or none; using 30"],
    [
      "hide=play,everything",
      "hide=“play,everything” is not a list of play, step, reset, lr, batch, more, counters, files, preset, shape, pad, picker, heatmaps, curve, network, output; using the default",
    ],
    ["embed=yes", "embed=“yes” is not 1, 0, true or false; using 0"],
    [
      "view=table",
      "view=“table” is not one of all, network, heatmaps, curve, pad, output, controls, pad+output, pad+network+output; using all",
    ],
    [
      "origins=javascript:alert(1)",
      "origins=“javascript:alert(1)” is not a list of origins such as https://example.org; using the default",
    ],
    [
      "origins=https://a.example/path",
      "origins=“https://a.example/path” is not a list of origins such as https://example.org; using the default",
    ],
    ["preset=fast", "preset=“fast” is not one of 3b1b, best; using 3b1b"],
  ])("ignores %s and says why", (query, problem) => {
    const { settings, problems } = parseUrlSettings(`?${query}`);
    expect(problems).toEqual([problem.replace("0.00005", String(5e-5))]);
    expect(settings).toEqual(defaultSettings());
  });

  it("lists every problem and keeps the valid parameters", () => {
    const { settings, problems } = parseUrlSettings("?lr=abc&hidden=0,9999&batch=32");
    expect(problems).toHaveLength(2);
    expect(settings.batch).toBe(32);
    expect(settings.lr).toBe(1.5);
    expect(settings.hidden).toEqual([16, 16]);
  });

  it("says a parameter given twice uses the first, and a name in another case was ignored", () => {
    const { settings, problems } = parseUrlSettings("?lr=0.5&lr=abc&LR=3&Hidden=8&scene=cost");
    expect(settings.lr).toBe(0.5);
    expect(settings.hidden).toEqual([16, 16]);
    expect(problems).toEqual([
      "“LR” is not a setting (names are lower case: lr); it was ignored",
      "“Hidden” is not a setting (names are lower case: hidden); it was ignored",
      "lr is given 2 times (“0.5”, “abc”); using the first",
    ]);
  });

  it("quotes a value, without its control characters, cut short (a right-to-left override reverses nothing)", () => {
    expect(parseUrlSettings("?preset=3b1b%20").problems).toEqual([
      "preset=“3b1b ” is not one of 3b1b, best; using 3b1b",
    ]);
    const [rlo] = parseUrlSettings(`?lr=${encodeURIComponent("\u202Eabc")}`).problems;
    expect(rlo).toBe("lr=“abc” is not a number between 0.001 and 10; using 1.5");
    const [long] = parseUrlSettings(`?cost=${"y".repeat(500)}`).problems;
    expect(long).toBe(`cost=“${"y".repeat(40)}…” is not one of mse, crossEntropy; using mse`);
  });

  it("keeps markup as text in a problem (the notice renders text, never HTML)", () => {
    const { problems } = parseUrlSettings("?view=<img src=x onerror=alert(1)>");
    expect(problems[0]).toContain("view=“<img src=x onerror=alert(1)>” is not one of");
  });

  it("says when the activations don't match the layers", () => {
    const { settings, problems } = parseUrlSettings("?hidden=8,8,8&activation=relu,tanh&model=none");
    expect(settings.activation).toEqual(["sigmoid", "sigmoid", "sigmoid"]);
    expect(problems).toEqual([
      "activation=“relu,tanh” names 2 layers but hidden has 3; using sigmoid,sigmoid,sigmoid",
    ]);
  });

  it("refuses a checkpoint for a network it wasn't trained as", () => {
    const { settings, problems } = parseUrlSettings("?hidden=32&model=5");
    expect(settings.model).toBe("none");
    expect(problems).toEqual([
      "model=5 is a trained 784-16-16-10 network, not 784-32-10; using none (untrained)",
    ]);
    // Without an explicit model, a changed network quietly starts untrained.
    expect(parseUrlSettings("?hidden=32").problems).toEqual([]);
    expect(parseUrlSettings("?hidden=32").settings.model).toBe("none");
  });
});

describe("serializeUrlSettings(settings, base)", () => {
  it("writes nothing for the defaults", () => {
    expect(serializeUrlSettings(defaultSettings())).toBe("");
  });

  it("writes only what differs from the preset's defaults, lists with plain commas", () => {
    const s = {
      ...defaultSettings(),
      hidden: [32, 8],
      activation: ["relu", "relu"] as const,
      lr: 0.5,
      model: "none" as const,
    };
    expect(serializeUrlSettings(s)).toBe("?hidden=32,8&activation=relu,relu&lr=0.5&model=none");
  });

  it("keeps parameters the table doesn't own, replaces the ones it does", () => {
    expect(serializeUrlSettings({ ...defaultSettings(), seed: 7 }, "?foo=bar&seed=3&lr=2")).toBe(
      "?foo=bar&seed=7",
    );
  });

  it("round-trips through parseUrlSettings", () => {
    const settings = {
      ...defaultSettings("best"),
      hidden: [64],
      model: "none" as const, // the shipped "best" is 784-100-10
      lr: 0.02,
      seed: 42,
      image: 123,
      hide: ["play", "files"] as const,
      embed: true,
      view: "curve" as const,
      origins: ["https://a.example"],
    };
    const search = serializeUrlSettings(settings);
    expect(search).toContain("preset=best");
    const parsed = parseUrlSettings(search);
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings).toEqual(settings);
  });

  it("round-trips every parameter's default through its own format and parse", () => {
    const d = defaultSettings();
    for (const name of URL_PARAM_NAMES) {
      if (name === "image") continue; // null: no image is written as no parameter
      const param = URL_PARAMS[name] as { parse(t: string): unknown; format(v: unknown): string };
      expect(param.parse(param.format(d[name]))).toEqual(d[name]);
    }
  });
});

describe("view combinations", () => {
  it("reads pad+output, also when the address turned its + into a space", () => {
    expect(parseUrlSettings("?embed=1&view=pad%2Boutput").settings.view).toBe("pad+output");
    expect(parseUrlSettings("?embed=1&view=pad+network+output").settings.view).toBe("pad+network+output");
    expect(parseUrlSettings("?view=output+pad").problems).toHaveLength(1);
  });
});
