// The lesions experiment's URL parameters: read with notices for bad values, and written back.
import { describe, expect, it } from "vitest";
import { NO_LESION } from "../../../src/engine/lesions.ts";
import { lesionParams, parseLesion } from "../../../src/experiments/lesions/params.ts";
import { parseExperimentRoute, withParams } from "../../../src/experiments/url.ts";

const parse = (search: string, seed = 1) => {
  const notices: string[] = [];
  return { lesion: parseLesion(new URLSearchParams(search), seed, notices), notices };
};

describe("parseLesion(params, seed, notices)", () => {
  it("reads no damage from no parameters, and every kind from its own", () => {
    expect(parse("")).toEqual({ lesion: NO_LESION, notices: [] });
    expect(parse("silence=1.5,2.15&nobias=3,1&noweights=2&noise=0.25", 9)).toEqual({
      lesion: {
        noise: 0.25,
        seed: 9,
        zeroWeights: [2],
        zeroBiases: [1, 3],
        silenced: [
          { layer: 1, neuron: 5 },
          { layer: 2, neuron: 15 },
        ],
      },
      notices: [],
    });
  });

  it("drops a bad value with a notice that names it", () => {
    expect(parse("silence=3.1&nobias=0&noweights=x&noise=2.5")).toEqual({
      lesion: NO_LESION,
      notices: [
        "The weight noise “2.5” is not a number from 0 to 2; using 0.",
        "The layers “x” for noweights are not a list of numbers from 1 to 3; ignoring them.",
        "The layers “0” for nobias are not a list of numbers from 1 to 3; ignoring them.",
        "The neurons to silence “3.1” are not a list like 1.5,2.7 (layer 1 or 2, neuron 0 to 15); ignoring them.",
      ],
    });
    expect(parse("silence=1.16").notices).toHaveLength(1);
  });

  it("writes a lesion back as the parameters it was read from, none for no damage", () => {
    const search = "?experiment=lesions&seed=9&noise=0.25&noweights=2&nobias=1,3&silence=1.5,2.15";
    const { lesion } = parseExperimentRoute(search);
    expect(withParams("?experiment=lesions&seed=9", lesionParams(lesion))).toBe(search.replace(/,/g, "%2C"));
    expect(withParams(search, lesionParams(NO_LESION))).toBe("?experiment=lesions&seed=9");
  });
});
