// The lessons' URL: ?scene=<id>&step=<n> (1-based), ?lessons for the index; invalid input never throws.
import { describe, expect, it } from "vitest";
import { isLessonUrl, parseLessonRoute, sceneSearch, searchWithStep } from "../../src/lessons/url.ts";

const SCENES = [
  { id: "neuron", stepCount: 7 },
  { id: "cost", stepCount: 6 },
];

describe("parseLessonRoute", () => {
  it("parseLessonRoute('?scene=cost&step=3') is the cost scene at step index 2", () => {
    expect(parseLessonRoute("?scene=cost&step=3", SCENES)).toEqual({
      kind: "scene",
      id: "cost",
      stepIndex: 2,
      invalidStep: null,
    });
  });

  it("starts at the first step when there is no step, without a notice", () => {
    expect(parseLessonRoute("scene=neuron", SCENES)).toEqual({
      kind: "scene",
      id: "neuron",
      stepIndex: 0,
      invalidStep: null,
    });
  });

  it.each(["0", "8", "-1", "2.5", "abc", "", " 3", "1e1", "99999999"])(
    "step=%j is not a step of a 7-step scene: step index 0, with the text for a notice",
    (step) => {
      expect(parseLessonRoute(`?scene=neuron&step=${encodeURIComponent(step)}`, SCENES)).toEqual({
        kind: "scene",
        id: "neuron",
        stepIndex: 0,
        invalidStep: step,
      });
    },
  );

  it("accepts the last step", () => {
    expect(parseLessonRoute("?scene=neuron&step=7", SCENES)).toMatchObject({
      stepIndex: 6,
      invalidStep: null,
    });
  });

  it("reports an unknown scene with the text asked for", () => {
    expect(parseLessonRoute("?scene=%3Cb%3Ebackprop%3C%2Fb%3E", SCENES)).toEqual({
      kind: "unknownScene",
      requested: "<b>backprop</b>",
    });
    expect(parseLessonRoute("?scene=", SCENES)).toEqual({ kind: "unknownScene", requested: "" });
  });

  it("is the index without a scene", () => {
    expect(parseLessonRoute("?lessons", SCENES)).toEqual({ kind: "index" });
    expect(parseLessonRoute("", SCENES)).toEqual({ kind: "index" });
  });
});

describe("URL helpers", () => {
  it("searchWithStep sets the 1-based step and keeps other parameters", () => {
    expect(searchWithStep("?scene=cost&step=3&embed=1", 3)).toBe("?scene=cost&step=4&embed=1");
    expect(searchWithStep("?scene=cost", 0)).toBe("?scene=cost&step=1");
  });

  it("sceneSearch encodes the id", () => {
    expect(sceneSearch("cost")).toBe("?scene=cost");
    expect(sceneSearch("a b&c")).toBe("?scene=a+b%26c");
  });

  it("isLessonUrl is true for ?scene=… and ?lessons only", () => {
    expect(isLessonUrl("?scene=cost")).toBe(true);
    expect(isLessonUrl("?lessons")).toBe(true);
    expect(isLessonUrl("?lessons=1&x=2")).toBe(true);
    expect(isLessonUrl("")).toBe(false);
    expect(isLessonUrl("?model=x")).toBe(false);
  });
});
