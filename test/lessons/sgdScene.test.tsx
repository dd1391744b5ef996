// @vitest-environment jsdom
// The scene "Stochastic gradient descent" with a lab whose runs are canned: it asks for the three runs one after
// another (with progress between them), and every cost, count and time it shows is the lab's.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { RunPoint } from "../../src/engine/experiments.ts";
import { firstReaching, SGD_CHECKPOINT, SGD_SETTINGS, sgdRuns } from "../../src/lessons/sgd/runs.ts";
import type { LabMap } from "../../src/worker/lab/protocol.ts";
import { fakeLab, fakeLabServices } from "./fakeLab.ts";
import { fakeLessonData, termValue } from "./fixtures.ts";
import { openLessons } from "./openLessons.tsx";

const data = fakeLessonData(4);

/** A made-up run: cost 3 at the start, then `costs` every 20,000 examples, `perExample` seconds each. */
function canned(costs: number[], perExample: number, batchSize: number): RunPoint[] {
  return [3, ...costs].map((cost, i) => ({
    examplesSeen: i * 20_000,
    steps: (i * 20_000) / batchSize,
    seconds: i * 20_000 * perExample,
    cost,
  }));
}
const PATHS: Record<string, RunPoint[]> = {
  full: canned([0.95, 0.93, 0.92, 0.91, 0.9], 1e-5, 4),
  single: canned([0.3, 0.25, 0.28, 0.22, 0.24], 2e-5, 1),
  mini: canned([0.25, 0.2, 0.19, 0.16, 0.15], 5e-6, 10),
};

/** A lab whose runs finish only when the test releases them, in order. */
function gatedLab() {
  const pending: { label: string; release: () => void }[] = [];
  const asked: LabMap["compareDescent"]["args"][] = [];
  const lab = fakeLab(data.test, {
    compare: (args) => {
      asked.push(args);
      const label = args.runs[0]!.label;
      return new Promise((resolve) =>
        pending.push({ label, release: () => resolve([{ label, path: PATHS[label]! }]) }),
      );
    },
  });
  const releaseNext = async () => {
    await waitFor(() => expect(pending.length).toBeGreaterThan(0));
    pending.shift()!.release();
  };
  return { lab, asked, releaseNext };
}

function openAt(step: number, gated = gatedLab()) {
  const { lab: deps } = openLessons(`?scene=sgd&step=${step}`, {
    data,
    lab: fakeLabServices(data.untrained, () => gated.lab),
  });
  return { deps, ...gated };
}

async function allRuns(gated: { releaseNext: () => Promise<void> }) {
  for (let i = 0; i < 3; i++) await gated.releaseNext();
  await waitFor(() => expect(document.querySelector('[data-term="final-cost-mini"]')).not.toBeNull());
}

afterEach(cleanup);

describe("sgd scene", () => {
  it("trains the untrained network three ways, one run at a time, showing progress", async () => {
    const { deps, asked, releaseNext } = openAt(1);
    const status = await screen.findByText(/Training run 1 of 3: full batch/);
    expect(status.closest("[role=status]")!.querySelector("progress")!.value).toBe(0);
    expect(deps.loaded).toEqual([SGD_CHECKPOINT]);
    expect(deps.labs[0]!.calls[1]).toEqual({
      op: "loadData",
      args: { dataUrl: "http://lessons.test/data/mnist", trainLimit: SGD_SETTINGS.trainLimit },
    });
    await releaseNext();
    await screen.findByText(/Training run 2 of 3: single example/);
    // The full batch's path is drawn as soon as it is done.
    expect(document.querySelectorAll("[data-run]")).toHaveLength(1);
    expect(termValue(document, "steps-full")).toBe(PATHS.full!.at(-1)!.steps);
    expect(termValue(document, "end-cost-full")).toBe(0.9);
    await releaseNext();
    await releaseNext();
    await waitFor(() => expect(screen.queryByText(/Training run/)).toBeNull());
    // Each run asked for on its own, on the same start, with the scene's budget; full batch takes every image.
    const defs = sgdRuns(4);
    expect(asked.map((a) => a.runs)).toEqual(defs.map((d) => [d]));
    for (const a of asked)
      expect(a).toMatchObject({
        model: "start",
        budget: SGD_SETTINGS.budget,
        points: SGD_SETTINGS.points,
        heldOut: SGD_SETTINGS.heldOut,
      });
  });

  it("step 3 draws all three paths, with the lab's final costs in the legend", async () => {
    const gated = openAt(3);
    await allRuns(gated);
    expect(Array.from(document.querySelectorAll("[data-run]"), (g) => g.getAttribute("data-run"))).toEqual([
      "full",
      "single",
      "mini",
    ]);
    for (const id of ["full", "single", "mini"])
      expect(termValue(document, `final-cost-${id}`)).toBe(PATHS[id]!.at(-1)!.cost);
    expect(termValue(document, "reach-examples-mini")).toBe(firstReaching(PATHS.mini!, 0.9)!.examplesSeen);
  });

  it("switches the axis to seconds, which step 4 opens on", async () => {
    const gated = openAt(3);
    await allRuns(gated);
    const chart = () => document.querySelector(".cost-paths")!;
    expect(chart().getAttribute("data-axis")).toBe("examples");
    fireEvent.click(screen.getByRole("radio", { name: "seconds of training" }));
    expect(chart().getAttribute("data-axis")).toBe("seconds");
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(chart().getAttribute("data-axis")).toBe("seconds");
    // The soonest run to the full batch's final cost, by the clock: the mini-batch here.
    expect(termValue(document, "reach-seconds")).toBe(firstReaching(PATHS.mini!, 0.9)!.seconds);
    expect(document.querySelector(".run-facts strong")!.textContent).toBe("mini-batch");
    expect(document.querySelector(".run-facts strong")!.className).toBe("run-mini");
  });

  it("reads each run's nearest measurement under the pointer", async () => {
    const gated = openAt(3);
    await allRuns(gated);
    const svg = screen.getByRole("img", { name: /Cost on the held-out images against examples seen/ });
    // jsdom lays nothing out: x = 345 px is 40,000 examples on the chart's scale (64 … 620 px for 0 … 100,000).
    fireEvent.pointerMove(svg, { clientX: 64 + 0.4 * (640 - 20 - 64), clientY: 100 });
    for (const id of ["full", "single", "mini"]) {
      expect(termValue(document, `hover-cost-${id}`)).toBe(PATHS[id]![2]!.cost);
      expect(termValue(document, `hover-examples-${id}`)).toBe(40_000);
    }
    fireEvent.pointerLeave(svg);
    expect(document.querySelector('[data-term="hover-cost-full"]')).toBeNull();
  });

  it("step 5 tabulates each run from the lab's numbers", async () => {
    const gated = openAt(5);
    await allRuns(gated);
    const defs = sgdRuns(4);
    for (const d of defs) {
      const end = PATHS[d.id]!.at(-1)!;
      expect(termValue(document, `m-${d.id}`)).toBe(d.batchSize);
      expect(termValue(document, `eta-${d.id}`)).toBe(d.learningRate);
      expect(termValue(document, `steps-${d.id}`)).toBe(end.steps);
      expect(termValue(document, `seconds-${d.id}`)).toBe(end.seconds);
      expect(termValue(document, `final-${d.id}`)).toBe(end.cost);
    }
  });

  it("says what went wrong when a run fails", async () => {
    const lab = fakeLab(data.test, {
      compare: () => Promise.reject(new Error("the training images are not loaded yet")),
    });
    openAt(1, { lab, asked: [], releaseNext: async () => {} });
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /could not compute the training runs: the training images are not loaded yet/,
    );
  });
});
