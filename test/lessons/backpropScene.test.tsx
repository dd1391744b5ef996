// @vitest-environment jsdom
// The scene "Backpropagation, intuitively" rendered from an injected checkpoint, hand-made images and an
// in-process lab: every shown number carries its full-precision value, and those values are the engine's.
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sigmoidPrime } from "../../src/engine/activations.ts";
import { sgdStep } from "../../src/engine/experiments.ts";
import { traceBatch, traceExample } from "../../src/engine/network.ts";
import { argmaxAbs, batchFrom, paramKey } from "../../src/lessons/backprop/nudges.ts";
import { BACKPROP_CHECKPOINT } from "../../src/lessons/backprop/checkpoint.ts";
import { oneHot } from "../../src/engine/network.ts";
import { drawingSearch, readDrawingParam } from "../../src/store/drawingLink.ts";
import { fakeCanvas } from "../components/inputHarness.tsx";
import { checkpointNet, checkpointText } from "./backpropFixtures.ts";
import { example, fakeLab, fakeLabServices } from "./fakeLab.ts";
import { fakeLessonData, termValue, termValues } from "./fixtures.ts";
import { openLessons } from "./openLessons.tsx";

const data = fakeLessonData(10);
const net = checkpointNet(checkpointText());
/** The scene opens on the first image labelled 2: image 2 of the fake set. */
const IMAGE = 2;
const trace = traceExample(net, example(data.test, IMAGE).x, example(data.test, IMAGE).y);
const BATCH = batchFrom(IMAGE, 8, data.test.count);

function openAt(search: string, lab = fakeLabServices(net, () => fakeLab(data.test))) {
  return openLessons(search, { data, lab });
}

/** Waits until the checkpoint is parsed and the scene shows `term`. */
async function shown(container: HTMLElement, term: string): Promise<number> {
  await waitFor(() => expect(termValues(container, term)).toHaveLength(1));
  return termValue(container, term);
}

afterEach(cleanup);

describe("backprop-intuition scene", () => {
  it("opens on a 2 and shows each output's wished nudge −2(a − y) from the trace", async () => {
    const { container } = openAt("?scene=backprop-intuition");
    expect(await shown(container, "cost")).toBe(trace.cost);
    expect((screen.getByRole("spinbutton", { name: /Test image/ }) as HTMLInputElement).value).toBe(
      String(IMAGE),
    );
    for (let j = 0; j < 10; j++) {
      expect(termValue(container, `output-${j}`)).toBe(trace.a[3]![j]!);
      expect(termValue(container, `output-nudge-${j}`)).toBe(-trace.dCda[3]![j]!);
    }
    expect(termValue(container, "output-nudge-2")).toBeGreaterThan(0);
  });

  it("shows the bias lever: z, σ′(z), 2(a − y), δ and −∂C₀/∂b, and follows the output picked", async () => {
    const { container } = openAt("?scene=backprop-intuition&step=2");
    expect(await shown(container, "z")).toBe(trace.z[3]![2]!);
    expect(termValue(container, "bias")).toBe(net.b[3]![2]!);
    expect(termValue(container, "sigma-prime")).toBe(sigmoidPrime(trace.z[3]![2]!));
    expect(termValue(container, "cost-slope")).toBe(trace.dCda[3]![2]!);
    expect(termValue(container, "delta")).toBe(trace.delta[3]![2]!);
    expect(termValue(container, "bias-nudge")).toBe(-trace.db[3]![2]!);
    fireEvent.change(screen.getByRole("spinbutton", { name: /Output/ }), { target: { value: "6" } });
    expect(termValue(container, "bias-nudge")).toBe(-trace.db[3]![6]!);
    expect(termValue(container, "bias-nudge")).toBeLessThan(0);
  });

  it("lists the weight lever's largest nudges −a⁽ᴸ⁻¹⁾ₖ δⱼ and the previous layer's −wⱼₖ δⱼ", async () => {
    const { container } = openAt("?scene=backprop-intuition&step=3");
    const row = trace.dw[3]!.subarray(32, 48);
    const k = argmaxAbs(row);
    expect(await shown(container, `weight-nudge-${k}`)).toBe(-row[k]!);
    expect(termValue(container, `a-prev-${k}`)).toBe(trace.a[2]![k]!);
    expect(container.querySelectorAll(".lever-diagram .edge")).toHaveLength(16);
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    const wishes = Array.from({ length: 16 }, (_, i) => -net.w[3]![32 + i]! * trace.delta[3]![2]!);
    const top = argmaxAbs(wishes);
    expect(termValue(container, `activation-wish-${top}`)).toBe(wishes[top]!);
    expect(termValue(container, `w-${top}`)).toBe(net.w[3]![32 + top]!);
  });

  it("adds the ten outputs' wishes −wⱼₖ δⱼ into minus the trace's ∂C₀/∂a⁽ᴸ⁻¹⁾ₖ, for the neuron chosen", async () => {
    const { container } = openAt("?scene=backprop-intuition&step=5");
    const k = argmaxAbs(trace.dCda[2]!);
    expect(await shown(container, "dcda")).toBe(trace.dCda[2]![k]!);
    const wishes = Array.from({ length: 10 }, (_, j) => termValue(container, `back-wish-${j}`));
    wishes.forEach((t, j) => expect(t).toBe(-(net.w[3]![j * 16 + k]! * trace.delta[3]![j]!)));
    expect(wishes.reduce((s, t) => s + t, 0)).toBeCloseTo(-trace.dCda[2]![k]!, 6);
    expect(termValue(container, "hidden-wish")).toBe(-trace.dCda[2]![k]!);
    expect(termValue(container, "expanded-wish")).toBe(wishes[2]);
    // The step's compact network: the chosen hidden neuron, with all ten outputs' wishes flowing back to it.
    expect(screen.getByRole("img", { name: /^The network 784-16-16-10: / }).getAttribute("aria-label")).toBe(
      "The network 784-16-16-10: All ten outputs' wishes, summed at each neuron of hidden layer 2",
    );
    for (let i = 0; i < 16; i++) expect(termValue(container, `hidden-nudge-${i}`)).toBe(-trace.dCda[2]![i]!);
    const other = (k + 1) % 16;
    const bars = screen.getByRole("list", { name: /Wished nudge of each neuron of layer L−1/ });
    fireEvent.click(within(bars).getByRole("button", { name: new RegExp(`^${other}:`) }));
    expect(termValue(container, "dcda")).toBe(trace.dCda[2]![other]!);
  });

  it("shows every layer's wished nudges back to layer 1, and one first-layer neuron's weight nudges", async () => {
    const { container } = openAt("?scene=backprop-intuition&step=6");
    const j1 = argmaxAbs(trace.delta[1]!);
    expect(await shown(container, "delta1")).toBe(trace.delta[1]![j1]!);
    for (const l of [1, 2, 3])
      termValues(container, `nudge-a${l}-0`).forEach((v) => expect(v).toBe(-trace.dCda[l]![0]!));
    expect(termValue(container, "nudge-a1-15")).toBe(-trace.dCda[1]![15]!);
  });

  it("tables each example's −∂C₀/∂p and their average from the lab, which starts only when needed", async () => {
    const { container, lab, unmount } = openAt("?scene=backprop-intuition&step=6");
    await shown(container, "delta1");
    expect(lab.labs).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(termValues(container, "batch-cost")).toHaveLength(1));
    expect(lab.labs).toHaveLength(1);
    expect(lab.loaded).toEqual([BACKPROP_CHECKPOINT]);
    const bt = traceBatch(
      net,
      BATCH.map((i) => example(data.test, i)),
    );
    expect(termValue(container, "batch-cost")).toBeCloseTo(bt.cost, 12);
    const rows = container.querySelectorAll<HTMLTableRowElement>(".nudge-table tbody tr[data-kind]");
    expect(rows).toHaveLength(12);
    const heads = Array.from(container.querySelectorAll(".nudge-table th[data-example]"), (th) =>
      Number(th.getAttribute("data-example")),
    );
    expect(heads).toEqual(BATCH);
    for (const row of Array.from(rows)) {
      const p = {
        kind: row.dataset.kind as "w" | "b",
        layer: Number(row.dataset.layer),
        index: Number(row.dataset.index),
      };
      const key = paramKey(net.spec, p);
      const grad = (g: typeof bt.mean) => (p.kind === "w" ? g.dw : g.db)[p.layer]![p.index]!;
      // data-value is String(x): −0 reads back as 0.
      BATCH.forEach((_, i) => expect(termValue(row, `nudge-${key}-${i}`)).toBe(0 - grad(bt.examples[i]!)));
      expect(termValue(row, `nudge-${key}-mean`)).toBe(0 - grad(bt.mean));
    }
    unmount();
    expect(lab.labs[0]!.disposed()).toBe(true);
  });

  it("takes one SGD step in the lab with the η chosen, and reports the batch's cost before and after", async () => {
    const { container, lab } = openAt("?scene=backprop-intuition&step=8");
    const examples = BATCH.map((i) => example(data.test, i));
    const expected = (eta: number) => sgdStep(net, examples, eta);
    await waitFor(() => expect(termValues(container, "batch-cost-after")).toHaveLength(1));
    expect(termValue(container, "batch-cost-before")).toBeCloseTo(expected(1.5).before, 12);
    expect(termValue(container, "batch-cost-after")).toBeCloseTo(expected(1.5).after, 12);
    const after0 = traceExample(expected(1.5).next, examples[0]!.x, examples[0]!.y).cost;
    expect(termValue(container, "cost-after-0")).toBeCloseTo(after0, 12);
    const slider = screen.getByRole("slider", { name: /Learning rate/ });
    expect(slider.getAttribute("aria-valuetext")).toBe("η = 1.5");
    fireEvent.change(slider, { target: { value: "7" } });
    await waitFor(() => expect(termValue(container, "batch-cost-after")).toBeCloseTo(expected(30).after, 12));
    expect(lab.labs).toHaveLength(1);
    expect(lab.labs[0]!.calls.filter((c) => c.op === "sgdStep")).toHaveLength(2);
  });

  it("says so when the checkpoint or the lab cannot be loaded", async () => {
    openAt(
      "?scene=backprop-intuition",
      fakeLabServices(new Error("no network here"), () => fakeLab(data.test)),
    );
    expect((await screen.findByRole("alert")).textContent).toBe("no network here");
    cleanup();
    openAt(
      "?scene=backprop-intuition&step=7",
      fakeLabServices(net, () => fakeLab(data.test, { fail: "worker gone" })),
    );
    expect((await screen.findByRole("alert")).textContent).toBe("The lab could not start: worker gone.");
  });

  it("keeps its state across steps and moves with the arrow keys", async () => {
    const { container } = openAt("?scene=backprop-intuition&step=2");
    await shown(container, "z");
    fireEvent.change(screen.getByRole("spinbutton", { name: /Test image/ }), { target: { value: "7" } });
    act(() => {
      fireEvent.keyDown(window, { key: "ArrowLeft" });
    });
    expect(new URLSearchParams(window.location.search).get("step")).toBe("1");
    const t7 = traceExample(net, example(data.test, 7).x, example(data.test, 7).y);
    expect(termValue(container, "cost")).toBe(t7.cost);
  });
});

describe("backprop-intuition on the learner's drawing", () => {
  /** A drawing (a 7, say the learner) as the explorable's link carries it: pixels read back to bytes. */
  const search = drawingSearch(
    "backprop-intuition",
    Float32Array.from({ length: 784 }, (_, k) => (k % 28 > 8 && k % 28 < 20 && k > 200 && k < 600 ? 0.9 : 0)),
    7,
  );
  const read = readDrawingParam(search);
  if (read.kind !== "drawing") throw new Error(read.kind);
  const mine = { x: read.drawing.x, y: oneHot(7, 10) };
  const mineTrace = traceExample(net, mine.x, mine.y);
  /** The mini-batch: the drawing, then test images from the 2 the scene would open on. */
  const batch = [mine, ...batchFrom(IMAGE, 7, data.test.count).map((i) => example(data.test, i))];

  it("opens on the drawing with its label, and switches to a test image and back", async () => {
    const { container } = openAt(search);
    expect(await shown(container, "cost")).toBe(mineTrace.cost);
    for (let j = 0; j < 10; j++)
      expect(termValue(container, `output-nudge-${j}`)).toBe(-mineTrace.dCda[3]![j]!);
    expect(screen.getByRole("button", { name: "Your drawing" }).getAttribute("aria-pressed")).toBe("true");
    expect(container.querySelector(".example-digit figcaption")!.textContent).toBe("your drawing, a 7");
    fireEvent.click(screen.getByRole("button", { name: "A test image" }));
    expect(termValue(container, "cost")).toBe(trace.cost);
    expect(container.querySelector(".example-digit figcaption")!.textContent).toBe(
      `test image ${IMAGE}, a 2`,
    );
    fireEvent.click(screen.getByRole("button", { name: "Your drawing" }));
    expect(termValue(container, "cost")).toBe(mineTrace.cost);
  });

  it("puts the drawing first in the mini-batch the lab tables and steps", async () => {
    const { container, lab } = openAt(`${search}&step=7`);
    await waitFor(() => expect(termValues(container, "batch-cost")).toHaveLength(1));
    expect(termValue(container, "batch-cost")).toBeCloseTo(traceBatch(net, batch).cost, 12);
    const heads = Array.from(container.querySelectorAll(".nudge-table th[data-example]"), (th) =>
      th.getAttribute("data-example"),
    );
    expect(heads).toEqual(["drawing", ...batchFrom(IMAGE, 7, data.test.count).map(String)]);
    expect(container.querySelector(".batch-note")!.textContent).toMatch(
      /^The mini-batch: your drawing and #2, #3/,
    );
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(termValues(container, "batch-cost-after")).toHaveLength(1));
    expect(termValue(container, "batch-cost-after")).toBeCloseTo(sgdStep(net, batch, 1.5).after, 12);
    const given = lab.labs[0]!.calls.find((c) => c.op === "sgdStep")!.args as { batch: unknown[] };
    expect(given.batch[0]).toEqual({ x: read.drawing.x, label: 7 });
  });

  it("carries the drawing on to the calculus scene from its last step", async () => {
    openAt(`${search}&step=8`);
    fireEvent.click(screen.getByRole("link", { name: "Backpropagation calculus" }));
    const next = readDrawingParam(window.location.search);
    expect(new URLSearchParams(window.location.search).get("scene")).toBe("backprop-calculus");
    expect(next.kind === "drawing" && next.drawing.code).toBe(read.drawing.code);
  });

  it("says why a drawing cannot be read, and opens on a test image", async () => {
    const { container } = openAt("?scene=backprop-intuition&drawing=abc&label=7");
    expect(screen.getByRole("alert").textContent).toBe(
      "The drawing in this link could not be read: it has 2 pixels where a 28 × 28 image has 784. Showing a test image instead.",
    );
    expect(await shown(container, "cost")).toBe(trace.cost);
    expect(screen.queryByRole("button", { name: "Your drawing" })).toBeNull();
  });
});

describe("backprop-intuition with a drawing made in the scene", () => {
  afterEach(() => vi.restoreAllMocks());

  it("Draw your own: the drawing, labelled as the learner says, becomes the example and goes into the address", async () => {
    fakeCanvas();
    const { container } = openAt("?scene=backprop-intuition&step=1");
    await shown(container, "cost");
    fireEvent.click(screen.getByRole("button", { name: "Draw your own…" }));
    const use = screen.getByRole("button", { name: "Use this drawing" }) as HTMLButtonElement;
    expect(use.disabled).toBe(true);
    const pad = screen.getByRole("img", { name: "Drawing pad" });
    fireEvent.pointerDown(pad, { pointerId: 1, pointerType: "touch", clientX: 100, clientY: 40 });
    fireEvent.pointerMove(pad, { pointerId: 1, pointerType: "touch", clientX: 110, clientY: 150 });
    fireEvent.pointerMove(pad, { pointerId: 1, pointerType: "touch", clientX: 112, clientY: 240 });
    fireEvent.pointerUp(pad, { pointerId: 1, pointerType: "touch", clientX: 112, clientY: 240 });
    expect(use.disabled).toBe(true); // which digit it is, first
    fireEvent.click(
      within(screen.getByRole("group", { name: "Which digit is it?" })).getByRole("button", {
        name: "Label 1",
      }),
    );
    fireEvent.click(use);
    const carried = readDrawingParam(window.location.search);
    if (carried.kind !== "drawing") throw new Error(`no drawing in ${window.location.search}`);
    expect(carried.drawing.label).toBe(1);
    expect(carried.drawing.x.some((v) => v > 0.5)).toBe(true);
    await waitFor(() =>
      expect(container.querySelector(".example-digit figcaption")!.textContent).toBe("your drawing, a 1"),
    );
    const t = traceExample(net, carried.drawing.x, oneHot(1, 10));
    expect(termValue(container, "cost")).toBe(t.cost);
    expect(screen.queryByRole("button", { name: "Use this drawing" })).toBeNull();
  });
});
