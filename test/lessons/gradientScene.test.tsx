// @vitest-environment jsdom
// The scene "Rolling downhill" with a lab that runs the engine on a small network and six hand-made images: every
// number shown is the engine's answer to the scene's question, the verdict follows the learning rate, and the lab
// is closed when the scene goes away.
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { descend, findLearningRate } from "../../src/engine/experiments.ts";
import { modelToJson, parseModel } from "../../src/engine/model.ts";
import { traceBatch } from "../../src/engine/network.ts";
import { batchRefs } from "../../src/lessons/gradient/batch.ts";
import { chooseWeights, readDescent } from "../../src/lessons/gradient/descent.ts";
import {
  components,
  largest,
  nudgeTerm,
  nudgeWords,
  paramText,
  sizeCounts,
} from "../../src/lessons/gradient/nudges.ts";
import { GRADIENT_CHECKPOINT, GRADIENT_SETTINGS } from "../../src/lessons/gradient/steps.ts";
import { examplesOf, fakeLab, fakeLabServices, type FakeLab } from "./fakeLab.ts";
import { fakeLessonData, termValue, termValues } from "./fixtures.ts";
import { openLessons } from "./openLessons.tsx";

const data = fakeLessonData(6);
/** The network as the lab has it: the model file the scene fetched, parsed. */
const net = parseModel(modelToJson(data.trained)).net;
const batch = examplesOf(data.test, batchRefs(data.test));
const bt = traceBatch(net, batch);
const [wA, wB] = chooseWeights(bt.mean);
const S = GRADIENT_SETTINGS;

function reduceMotion(reduce: boolean) {
  vi.stubGlobal(
    "matchMedia",
    vi.fn((query: string) => ({
      matches: reduce && query === "(prefers-reduced-motion: reduce)",
      addEventListener: () => {},
      removeEventListener: () => {},
    })),
  );
}

function openAt(step: number, makeLab: () => FakeLab = () => fakeLab(data.test)) {
  const { lab: deps, ...view } = openLessons(`?scene=gradient-descent&step=${step}`, {
    data,
    lab: fakeLabServices(data.trained, makeLab),
  });
  return { ...view, deps };
}

/** Waits until an element shows `term`, then returns its value. */
async function shown(term: string): Promise<number> {
  await waitFor(() => expect(document.querySelector(`[data-term="${term}"]`)).not.toBeNull());
  return termValue(document, term);
}

beforeEach(() => reduceMotion(true));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("gradient-descent scene", () => {
  it("loads the epoch-1 model and the test images into its own lab", async () => {
    const { deps } = openAt(1);
    await shown("slope-now");
    expect(deps.loaded).toEqual([GRADIENT_CHECKPOINT]);
    const lab = deps.labs.at(-1)!;
    expect(lab.calls[0]).toEqual({
      op: "loadModel",
      args: { name: "start", text: modelToJson(data.trained) },
    });
    expect(lab.calls[1]).toEqual({
      op: "loadData",
      args: { dataUrl: "http://lessons.test/data/mnist", trainLimit: 0 },
    });
  });

  it("step 1 draws the cost along the steepest weight and reads its slope off the mean gradient", async () => {
    openAt(1);
    expect(await shown("slope-now")).toBe(bt.mean.dw[wA.layer]![wA.index]!);
    expect(termValue(document, "batch-cost")).toBe(bt.cost);
    expect(termValue(document, "weight-now")).toBe(net.w[wA.layer]![wA.index]!);
    expect(screen.getAllByRole("img", { name: /^Test image \d, a \d$/ })).toHaveLength(6);
    const curve = screen.getByRole("img", { name: /The cost C on the batch as the weight/ });
    expect(curve.getAttribute("aria-label")).toContain(`the weight ${paramText(net.spec, wA)} varies`);
  });

  it("step 3's verdict is the reading of the engine's descent at the scrubbed η", async () => {
    openAt(3);
    const verdictAt = (eta: number) => readDescent(descend(net, batch, [wA], eta, S.descentSteps));
    await shown("descent-cost-end");
    expect(termValue(document, "learning-rate")).toBe(S.defaultRate);
    const box = () => document.querySelector(".verdict-box")!;
    expect(box().getAttribute("data-verdict")).toBe(verdictAt(S.defaultRate).verdict);
    const path = descend(net, batch, [wA], S.defaultRate, S.descentSteps);
    expect(termValue(document, "descent-cost-end")).toBe(path.at(-1)!.cost);

    const slider = screen.getByRole("slider", { name: "Learning rate" });
    for (const eta of [1, 5000]) {
      fireEvent.change(slider, { target: { value: String(Math.log10(eta)) } });
      await waitFor(() => expect(termValue(document, "learning-rate")).toBe(eta));
      const end = descend(net, batch, [wA], eta, S.descentSteps).at(-1)!.cost;
      await waitFor(() => expect(termValue(document, "descent-cost-end")).toBe(end));
      expect(box().getAttribute("data-verdict")).toBe(verdictAt(eta).verdict);
    }
  });

  it("step 2 lists the ball's steps, and a click on the curve starts it there", async () => {
    const { deps } = openAt(2);
    await shown("step-w-30");
    const path = descend(net, batch, [wA], S.defaultRate, S.descentSteps);
    expect(termValue(document, "step-cost-30")).toBe(path[30]!.cost);
    expect(termValue(document, "step-slope-30")).toBe(path[30]!.gradient[0]!);
    // jsdom lays nothing out: the click lands at x = 300 of the chart's 580.
    fireEvent.click(screen.getByRole("img", { name: /click to start the ball there/ }), { clientX: 300 });
    const started = await waitFor(() => {
      const call = deps.labs.at(-1)!.calls.find((c) => c.op === "descend" && "start" in (c.args as object));
      expect(call).toBeDefined();
      return (call!.args as { start: number[] }).start;
    });
    const from = descend(net, batch, [wA], S.defaultRate, S.descentSteps, started);
    await waitFor(() => expect(termValue(document, "step-w-30")).toBe(from[30]!.values[0]!));
    fireEvent.click(screen.getByRole("button", { name: "Start from the current value" }));
    await waitFor(() => expect(termValue(document, "step-w-30")).toBe(path[30]!.values[0]!));
  });

  it("without reduced motion the ball hops step by step, and can replay", async () => {
    reduceMotion(false);
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    openAt(2);
    await shown("step-w-0");
    const caption = () => document.querySelector(".step-table caption")!.textContent;
    expect(caption()).toBe("Step 0 of 30");
    act(() => vi.advanceTimersByTime(5 * 110));
    expect(caption()).toBe("Step 5 of 30");
    act(() => vi.advanceTimersByTime(30 * 110));
    expect(caption()).toBe("Step 30 of 30");
    fireEvent.click(screen.getByRole("button", { name: "Replay the descent" }));
    expect(caption()).toBe("Step 0 of 30");
  });

  it("step 4 maps the cost over two weights and starts the ball at their values", async () => {
    const { deps } = openAt(4);
    expect(await shown("start-w1")).toBe(net.w[wA.layer]![wA.index]!);
    expect(termValue(document, "start-w2")).toBe(net.w[wB.layer]![wB.index]!);
    expect(termValue(document, "start-nudge-1")).toBe(-bt.mean.dw[wA.layer]![wA.index]!);
    expect(termValue(document, "start-nudge-2")).toBe(-bt.mean.dw[wB.layer]![wB.index]!);
    const surface = deps.labs
      .at(-1)!
      .calls.find((c) => c.op === "costSurface" && (c.args as { params: unknown[] }).params.length === 2);
    expect(surface?.args).toMatchObject({ params: [wA, wB], span: S.span, steps: S.points2d });
    expect(document.querySelectorAll(".cost-landscape rect[fill]").length).toBe(S.points2d ** 2);
    expect(document.querySelector(".verdict-box")!.getAttribute("data-verdict")).toBe(
      readDescent(descend(net, batch, [wA, wB], S.defaultRate, S.descentSteps)).verdict,
    );
  });

  it("step 5 shows −∂C/∂p for an output neuron's bias and weights, with words", async () => {
    openAt(5);
    await shown("largest-nudge");
    const all = components(bt.mean);
    const max = Math.max(...all.map((c) => Math.abs(c.gradient)));
    expect(termValue(document, "largest-nudge")).toBe(max);
    const rows = document.querySelectorAll(".nudge-row");
    expect(rows).toHaveLength(1 + 4);
    for (const row of rows) {
      const el = row.querySelector("[data-term]")!;
      const [, kind, l, i] = el.getAttribute("data-term")!.split("-");
      const g = (kind === "w" ? bt.mean.dw : bt.mean.db)[Number(l)]![Number(i)]!;
      expect(Number(el.getAttribute("data-value"))).toBe(-g);
      expect(row.textContent).toContain(nudgeWords(g, max));
    }
    fireEvent.change(screen.getByRole("spinbutton", { name: /Output neuron/ }), { target: { value: "9" } });
    expect(termValue(document, "nudge-b-2-9")).toBe(-bt.mean.db[2]![9]!);
  });

  it("step 6 sorts the largest nudges and counts every word", async () => {
    openAt(6);
    await shown("count-a-lot");
    const all = components(bt.mean);
    const top = largest(all, 12);
    const ranked = Array.from(document.querySelectorAll(".nudge-table tbody [data-term]"), (el) =>
      el.getAttribute("data-term"),
    );
    expect(ranked).toEqual(top.map(nudgeTerm));
    expect(termValues(document, nudgeTerm(top[0]!))).toEqual([-top[0]!.gradient]);
    const counts = sizeCounts(all);
    expect(termValue(document, "count-a-lot")).toBe(counts["a lot"]);
    expect(termValue(document, "count-none")).toBe(counts.none);
    expect(
      ["a-lot", "somewhat", "a-little", "barely", "none"].reduce(
        (s, w) => s + termValue(document, `count-${w}`),
        0,
      ),
    ).toBe(all.length);
  });

  it("step 7 lists the learning-rate finder's trials (all at once with reduced motion)", async () => {
    openAt(7);
    const trials = findLearningRate(net, batch, S.finderStart);
    await shown("finder-rate-0");
    expect(termValues(document, "finder-rate-0")).toEqual([S.finderStart]);
    trials.forEach((t, i) => {
      expect(termValue(document, `finder-rate-${i}`)).toBe(t.learningRate);
      expect(termValue(document, `finder-after-${i}`)).toBe(t.after);
    });
    const found = trials.at(-1)!;
    if (found.falls) expect(termValue(document, "found-rate")).toBe(found.learningRate);
    // Compared with the single weight's η in numbers, and a link to train with it within the slider's range.
    const result = screen.getByRole("status").textContent ?? "";
    const ratio = S.defaultRate / found.learningRate;
    expect(result).toContain(
      ratio >= 1.05
        ? `That is ${ratio.toFixed(1)} times smaller than the η = ${S.defaultRate} that worked for a single weight.`
        : "that worked for a single weight",
    );
    const link = screen.getByRole("link", { name: /^Train a fresh network with η = / });
    const lr = Number(new URLSearchParams(link.getAttribute("href")!.replace(/^\.\//, "")).get("lr"));
    expect(lr).toBe(Math.min(found.learningRate, 10));
    // And to the same recipe over whole passes, as an experiment.
    expect(screen.getByRole("link", { name: "halve until it learns" }).getAttribute("href")).toBe(
      "./?experiment=lr-recipe",
    );
  });

  it("closes its lab when the scene goes away", async () => {
    const { deps, unmount } = openAt(1);
    await shown("slope-now");
    const lab = deps.labs.at(-1)!;
    expect(lab.disposed()).toBe(false);
    unmount();
    expect(lab.disposed()).toBe(true);
  });

  it("says what went wrong when the lab fails", async () => {
    openAt(1, () => {
      const lab = fakeLab(data.test);
      const call = lab.call.bind(lab);
      return Object.assign(lab, {
        call: ((op, args) =>
          op === "traceBatch"
            ? Promise.reject(new Error("out of memory"))
            : call(op, args)) as FakeLab["call"],
      });
    });
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /could not compute the gradient.*out of memory/,
    );
  });

  it("keeps its lab and its learning rate across steps", async () => {
    const { deps } = openAt(3);
    await shown("descent-cost-end");
    fireEvent.change(screen.getByRole("slider", { name: "Learning rate" }), { target: { value: "1" } });
    await waitFor(() => expect(termValue(document, "learning-rate")).toBe(10));
    await act(async () => {
      fireEvent.keyDown(window, { key: "ArrowRight" });
    });
    await shown("start-w1");
    expect(termValue(document, "learning-rate")).toBe(10);
    expect(deps.labs).toHaveLength(1);
  });
});
