// The experiments' URL: which page, the seed and the checkpoint; invalid values come back as notices.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SEED,
  experimentSearch,
  isExperimentUrl,
  parseExperimentRoute,
  parseSeed,
  withParams,
} from "../../src/experiments/url.ts";

describe("experiments URL", () => {
  it("isExperimentUrl(search) is true for ?experiment=… and ?experiments only", () => {
    expect(isExperimentUrl("?experiments")).toBe(true);
    expect(isExperimentUrl("?experiment=noise")).toBe(true);
    expect(isExperimentUrl("?lessons")).toBe(false);
    expect(isExperimentUrl("")).toBe(false);
  });

  it("parses the page: index, an experiment, or an unknown id", () => {
    expect(parseExperimentRoute("?experiments").page).toEqual({ kind: "index" });
    expect(parseExperimentRoute("?experiment=first-layer").page).toEqual({
      kind: "experiment",
      id: "first-layer",
    });
    expect(parseExperimentRoute("?experiment=Noise").page).toEqual({ kind: "unknown", requested: "Noise" });
  });

  it("reads the seed (default 1) and names an invalid one in a notice", () => {
    expect(parseExperimentRoute("?experiment=noise").seed).toBe(DEFAULT_SEED);
    expect(parseExperimentRoute("?experiment=noise&seed=42")).toMatchObject({ seed: 42, notices: [] });
    for (const bad of ["-1", "1.5", "abc", "", "4294967296", "1e3"]) {
      const r = parseExperimentRoute(`?experiment=noise&seed=${encodeURIComponent(bad)}`);
      expect(r.seed).toBe(DEFAULT_SEED);
      expect(r.notices).toEqual([
        `The seed “${bad}” is not a whole number from 0 to 4,294,967,295; using seed 1.`,
      ]);
    }
    expect(parseSeed("4294967295")).toBe(4294967295);
  });

  it("reads the checkpoint (default 30) and names an invalid one in a notice", () => {
    expect(parseExperimentRoute("?experiment=failures").epochs).toBe(30);
    expect(parseExperimentRoute("?experiment=failures&epochs=5").epochs).toBe(5);
    const r = parseExperimentRoute("?experiment=failures&epochs=7");
    expect(r.epochs).toBe(30);
    expect(r.notices).toEqual([
      "There is no network trained for “7” epochs; the checkpoints are after 0, 1, 5 and 30. Using 30.",
    ]);
  });

  it("writes parameters, dropping defaults, and links keep the checkpoint", () => {
    expect(withParams("?experiment=noise", { seed: "7" })).toBe("?experiment=noise&seed=7");
    expect(withParams("?experiment=noise&seed=7", { seed: "1" })).toBe("?experiment=noise");
    expect(withParams("?experiment=noise", { epochs: "5" })).toBe("?experiment=noise&epochs=5");
    expect(experimentSearch("failures", "?experiment=noise&seed=3&epochs=5")).toBe(
      "?experiment=failures&epochs=5",
    );
    expect(experimentSearch(null, "?experiment=noise")).toBe("?experiments");
  });
});

describe("draw-a-digit's parameters", () => {
  it("reads the digit, the start and the roughness, each with a default and a notice when bad", () => {
    expect(parseExperimentRoute("?experiment=draw-a-digit")).toMatchObject({
      digit: 5,
      start: "noise",
      roughness: 0,
      notices: [],
    });
    expect(
      parseExperimentRoute("?experiment=draw-a-digit&digit=0&start=average&roughness=2.5"),
    ).toMatchObject({ digit: 0, start: "average", roughness: 2.5, notices: [] });
    expect(parseExperimentRoute("?experiment=draw-a-digit&digit=-1&start=&roughness=1e1").notices).toEqual([
      "The digit “-1” is not one of 0 to 9; using 5.",
      "There is no start called “”; the starts are noise, blank, average, drawing. Using noise.",
      "The roughness “1e1” is not a number from 0 to 10; using 0.",
    ]);
    expect(withParams("?experiment=draw-a-digit&digit=3", { digit: "5", start: "blank" })).toBe(
      "?experiment=draw-a-digit&start=blank",
    );
  });
});

describe("many-starts' parameter", () => {
  it("reads how many networks to train (default 6), drops the default when written and names a bad one", () => {
    expect(parseExperimentRoute("?experiment=many-starts").starts).toBe(6);
    expect(parseExperimentRoute("?experiment=many-starts&starts=8")).toMatchObject({
      starts: 8,
      notices: [],
    });
    expect(parseExperimentRoute("?experiment=many-starts&starts=two").notices).toEqual([
      "The number of networks “two” is not a whole number from 4 to 8; training 6.",
    ]);
    expect(withParams("?experiment=many-starts&starts=5", { starts: "6" })).toBe("?experiment=many-starts");
  });
});
