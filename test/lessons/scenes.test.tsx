// @vitest-environment jsdom
// The two scenes, rendered from a small injected network and hand-made images: every shown engine number
// carries its full-precision value, and those values are the engine's.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { activate } from "../../src/engine/activations.ts";
import { oneHot, parameterCount, traceExample } from "../../src/engine/network.ts";
import { drawingSearch, readDrawingParam } from "../../src/store/drawingLink.ts";
import { averageCost } from "../../src/lessons/cost/averageCost.ts";
import { contributions, weightRow } from "../../src/lessons/neuron/parts.ts";
import { defaultNeuron } from "../../src/lessons/neuron/steps.ts";
import { testExample, traceLessonExample } from "../../src/lessons/example.ts";
import { fakeLessonData, termValue, termValues } from "./fixtures.ts";
import { openLessons } from "./openLessons.tsx";

const data = fakeLessonData(3);
/** The scenes open on test image 32, clamped to the last of our 3 images. */
const IMAGE = 2;

function openAt(search: string) {
  return openLessons(search, { data });
}

afterEach(cleanup);

describe("neuron scene", () => {
  const trace = traceLessonExample(data.trained, testExample(data.test, IMAGE));
  const j = defaultNeuron(trace.z[1]!, data.trained.b[1]!);

  it("shows the input image's 784 activations, each readable", () => {
    const { container } = openAt("?scene=neuron&step=1");
    expect((screen.getByRole("spinbutton", { name: /Test image/ }) as HTMLInputElement).value).toBe(
      String(IMAGE),
    );
    expect(container.querySelectorAll(".pixel-grid rect").length).toBeGreaterThanOrEqual(784);
    expect(termValue(container, "ink-count")).toBe(Array.from(trace.a[0]!).filter((v) => v > 0).length);
  });

  it("lists the chosen neuron's largest terms and its weighted sum z − b from the trace", () => {
    const { container } = openAt("?scene=neuron&step=2");
    expect((screen.getByRole("spinbutton", { name: /Neuron/ }) as HTMLInputElement).value).toBe(String(j));
    const terms = contributions(weightRow(data.trained.w[1]!, 784, j), trace.a[0]!);
    expect(termValue(container, "contribution-0")).toBe(terms[0]!.product);
    expect(termValue(container, "weighted-sum")).toBe(trace.z[1]![j]! - data.trained.b[1]![j]!);
    const shown = termValues(container, "contribution-0")
      .concat(...Array.from({ length: 7 }, (_, i) => termValues(container, `contribution-${i + 1}`)))
      .concat(termValues(container, "contribution-rest"));
    expect(shown.reduce((s, x) => s + x, 0)).toBeCloseTo(termValue(container, "weighted-sum"), 5);
  });

  it("shows z = Σ w·a + b and a = σ(z) from the engine, and follows the neuron picked", () => {
    const { container } = openAt("?scene=neuron&step=3");
    expect(termValue(container, "z")).toBe(trace.z[1]![j]!);
    expect(termValue(container, "b")).toBe(data.trained.b[1]![j]!);
    const other = (j + 1) % 4;
    fireEvent.change(screen.getByRole("spinbutton", { name: /Neuron/ }), {
      target: { value: String(other) },
    });
    expect(termValue(container, "z")).toBe(trace.z[1]![other]!);
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(termValue(container, "a")).toBe(trace.a[1]![other]!);
    expect(termValue(container, "sigmoid-of-z")).toBeCloseTo(trace.a[1]![other]!, 6);
  });

  it("writes the matrix form with the network's numbers, the chosen row highlighted", () => {
    const { container } = openAt("?scene=neuron&step=5");
    expect(termValue(container, `b-${j}`)).toBe(data.trained.b[1]![j]!);
    expect(termValue(container, `a1-${j}`)).toBe(trace.a[1]![j]!);
    const w = container.querySelector(`.chosen [data-term^="w-${j}-"]`)!;
    const k = Number(w.getAttribute("data-term")!.split("-")[2]);
    expect(Number(w.getAttribute("data-value"))).toBe(data.trained.w[1]![j * 784 + k]!);
    expect(termValue(container, `a0-${k}`)).toBe(trace.a[0]![k]!);
  });

  it("marks z on sigmoid, ReLU and tanh", () => {
    const { container } = openAt("?scene=neuron&step=6");
    const z = trace.z[1]![j]!;
    for (const f of ["sigmoid", "relu", "tanh"] as const)
      expect(termValue(container, `${f}-of-z`)).toBe(activate(f, z));
  });

  it("counts the parameters with parameterCount, layer by layer", () => {
    const { container } = openAt("?scene=neuron&step=7");
    expect(termValue(container, "parameter-count")).toBe(parameterCount(data.trained.spec));
    expect(termValue(container, "parameters-layer-1")).toBe(784 * 4 + 4);
    expect(termValue(container, "parameters-layer-2")).toBe(4 * 10 + 10);
    expect(screen.getAllByText("3,190").length).toBeGreaterThan(0);
  });
});

describe("cost scene", () => {
  const untrained = traceLessonExample(data.untrained, testExample(data.test, IMAGE));
  const trained = traceLessonExample(data.trained, testExample(data.test, IMAGE));

  it("lists the ten terms (aⱼ − yⱼ)² of the trace and their sum, the example's cost", () => {
    const { container } = openAt("?scene=cost&step=3");
    const terms = Array.from({ length: 10 }, (_, j) => termValue(container, `cost-term-${j}`));
    expect(terms).toEqual(Array.from(untrained.costTerms));
    expect(termValue(container, "cost")).toBe(untrained.cost);
    expect(terms.reduce((s, t) => s + t, 0)).toBe(untrained.cost);
    for (let j = 0; j < 10; j++) {
      expect(termValue(container, `output-${j}`)).toBe(untrained.a[2]![j]!);
      expect(termValue(container, `target-${j}`)).toBe(j === data.test.labels[IMAGE] ? 1 : 0);
    }
  });

  it("takes the learner's drawing from the link: its ten terms and cost, labelled as the learner said", () => {
    const read = readDrawingParam(
      drawingSearch(
        "cost",
        Float32Array.from({ length: 784 }, (_, k) => (k % 28 === 14 && k > 100 ? 1 : 0)),
        1,
      ),
    );
    if (read.kind !== "drawing") throw new Error(read.kind);
    const { container } = openAt(`${drawingSearch("cost", read.drawing.x, 1)}&step=3`);
    const t = traceExample(data.untrained, read.drawing.x, oneHot(1, 10));
    expect(termValue(container, "cost")).toBe(t.cost);
    for (let j = 0; j < 10; j++) expect(termValue(container, `target-${j}`)).toBe(j === 1 ? 1 : 0);
    expect(container.querySelector(".digit-image figcaption")!.textContent).toBe("your drawing, label 1");
  });

  it("follows the test image picked", () => {
    const { container } = openAt("?scene=cost&step=4");
    fireEvent.change(screen.getByRole("spinbutton", { name: /Test image/ }), { target: { value: "0" } });
    expect(termValue(container, "cost")).toBe(
      traceLessonExample(data.untrained, testExample(data.test, 0)).cost,
    );
  });

  it("puts the untrained and the trained network side by side", () => {
    const { container } = openAt("?scene=cost&step=5");
    const section = (which: string) => container.querySelector(`[data-network="${which}"]`)!;
    expect(termValue(section("untrained"), "cost")).toBe(untrained.cost);
    expect(termValue(section("trained"), "cost")).toBe(trained.cost);
    expect(termValue(section("trained"), "output-3")).toBe(trained.a[2]![3]!);
  });

  it("computes the average cost over the whole test set for both networks", async () => {
    const { container } = openAt("?scene=cost&step=6");
    const [u, t] = await Promise.all([
      averageCost(data.untrained, data.test, { pause: () => Promise.resolve() }),
      averageCost(data.trained, data.test, { pause: () => Promise.resolve() }),
    ]);
    await waitFor(() => expect(termValues(container, "average-cost")).toHaveLength(2));
    const section = (which: string) => container.querySelector(`[data-network="${which}"]`)!;
    expect(termValue(section("untrained"), "average-cost")).toBe(u.cost);
    expect(termValue(section("trained"), "average-cost")).toBe(t.cost);
    expect(termValue(container, "parameter-count")).toBe(parameterCount(data.trained.spec));
    // The average shown is the test set's; the cost training makes small is the training set's, and it says so.
    expect(container.querySelector(".machine ~ .hint")?.textContent).toMatch(
      /^here built from the \d+ labelled test images, .*60,000 training images small\)$/,
    );
    const text = screen.getByRole("article").textContent ?? "";
    expect(text).toContain(
      "The cost that training makes small is the average over the 60,000 training images",
    );
    expect(text).not.toContain("the cost function that learning will make small");
  });
});
