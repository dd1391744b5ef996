// @vitest-environment jsdom
// The scene "Backpropagation calculus" rendered from an injected checkpoint and hand-made images: the chain's
// factors, the sums, the recursion, the batch mean and the finite difference are the engine's numbers, for the
// parameter chosen in the diagram, with the keyboard or with the picker.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { sigmoidPrime } from "../../src/engine/activations.ts";
import { traceBatch, traceExample } from "../../src/engine/network.ts";
import { argmaxAbs, batchFrom } from "../../src/lessons/backprop/nudges.ts";
import { relativeDifference } from "../../src/lessons/calculus/chain.ts";
import { oneHot } from "../../src/engine/network.ts";
import { drawingSearch, readDrawingParam } from "../../src/store/drawingLink.ts";
import { checkpointNet, checkpointText } from "./backpropFixtures.ts";
import { example, fakeLab, fakeLabServices } from "./fakeLab.ts";
import { fakeLessonData, termValue, termValues } from "./fixtures.ts";
import { openLessons } from "./openLessons.tsx";

const data = fakeLessonData(10);
const net = checkpointNet(checkpointText());
const IMAGE = 2;
const trace = traceExample(net, example(data.test, IMAGE).x, example(data.test, IMAGE).y);
/** The weight the scene opens on: into output 2 from the hidden neuron with the largest |∂C₀/∂w|. */
const K = argmaxAbs(trace.dw[3]!.subarray(32, 48));

function openAt(search: string) {
  return openLessons(search, { data, lab: fakeLabServices(net, () => fakeLab(data.test)) });
}

async function shown(container: HTMLElement, term: string): Promise<number> {
  await waitFor(() => expect(termValues(container, term)).toHaveLength(1));
  return termValue(container, term);
}

function pick(kind: "w" | "b", layer: number, j: number, k?: number) {
  fireEvent.change(screen.getByRole("combobox", { name: "Kind" }), { target: { value: kind } });
  fireEvent.change(screen.getByRole("combobox", { name: "Layer" }), { target: { value: String(layer) } });
  fireEvent.change(screen.getByRole("spinbutton", { name: /Row j/ }), { target: { value: String(j) } });
  if (k !== undefined)
    fireEvent.change(screen.getByRole("spinbutton", { name: /Column k/ }), { target: { value: String(k) } });
}

afterEach(cleanup);

describe("backprop-calculus scene", () => {
  it("shows the path of the weight it opens on, with values from the trace", async () => {
    const { container } = openAt("?scene=backprop-calculus");
    expect(await shown(container, "tree-w")).toBe(net.w[3]![32 + K]!);
    expect(termValue(container, "tree-a-prev")).toBe(trace.a[2]![K]!);
    expect(termValue(container, "tree-z")).toBe(trace.z[3]![2]!);
    expect(termValue(container, "tree-a")).toBe(trace.a[3]![2]!);
    expect(termValue(container, "tree-cost")).toBe(trace.cost);
  });

  it("writes ∂C₀/∂w⁽ᴸ⁾ as a⁽ᴸ⁻¹⁾ₖ · σ′(z⁽ᴸ⁾ⱼ) · 2(aⱼ − yⱼ), each factor and the product the trace's", async () => {
    const { container } = openAt("?scene=backprop-calculus&step=2");
    const a = await shown(container, "factor-a");
    const s = termValue(container, "factor-sigma-prime");
    const c = termValue(container, "factor-dcda");
    expect(a).toBe(trace.a[2]![K]!);
    expect(s).toBe(sigmoidPrime(trace.z[3]![2]!));
    expect(c).toBe(trace.dCda[3]![2]!);
    expect(termValue(container, "gradient")).toBe(trace.dw[3]![32 + K]!);
    expect(termValue(container, "factors-multiplied")).toBe(a * s * c);
    expect(Math.abs(a * s * c - trace.dw[3]![32 + K]!)).toBeLessThan(1e-7);
    // The nudge along the chain: each link the one before times its factor, ΔC₀/Δw the gradient.
    const dw = termValue(container, "nudge-dw");
    expect(dw).toBe(0.001);
    expect(termValue(container, "nudge-dz")).toBe(a * dw);
    expect(termValue(container, "nudge-da")).toBe(s * (a * dw));
    expect(termValue(container, "nudge-dc")).toBe(c * (s * (a * dw)));
    expect(termValue(container, "nudge-dc") / dw).toBeCloseTo(trace.dw[3]![32 + K]!, 6);
  });

  it("follows the parameter chosen with the picker, a neuron click, or the arrow keys on the diagram", async () => {
    const { container } = openAt("?scene=backprop-calculus&step=2");
    await shown(container, "gradient");
    pick("w", 2, 3, 5);
    expect(termValue(container, "factor-a")).toBe(trace.a[1]![5]!);
    expect(termValue(container, "factor-dcda")).toBe(trace.dCda[2]![3]!);
    expect(termValue(container, "gradient")).toBe(trace.dw[2]![3 * 16 + 5]!);

    const diagram = screen.getByRole("group", { name: /Network diagram/ });
    fireEvent.keyDown(diagram, { key: "ArrowDown" });
    fireEvent.keyDown(diagram, { key: "ArrowRight" });
    expect(termValue(container, "gradient")).toBe(trace.dw[2]![4 * 16 + 6]!);
    // The arrow keys moved the selection, not the step.
    expect(new URLSearchParams(window.location.search).get("step")).toBe("2");

    const neurons = container.querySelectorAll(".network-diagram circle.neuron");
    fireEvent.click(neurons[16 + 16 + 7]!); // output 7
    expect(termValue(container, "factor-a")).toBe(1);
    expect(termValue(container, "gradient")).toBe(trace.db[3]![7]!);
  });

  it("gives the bias's chain, whose first factor is 1 and whose value is δ", async () => {
    const { container } = openAt("?scene=backprop-calculus&step=3");
    expect(await shown(container, "bias-factor-a")).toBe(1);
    expect(termValue(container, "bias-gradient")).toBe(trace.db[3]![2]!);
    expect(termValue(container, "bias-gradient")).toBe(trace.delta[3]![2]!);
    expect(termValue(container, "gradient")).toBe(trace.dw[3]![32 + K]!);
  });

  it("lists ∂C₀/∂a⁽ᴸ⁻¹⁾ₖ's ten terms w σ′ 2(a − y) and their sum, the trace's dCda", async () => {
    const { container } = openAt("?scene=backprop-calculus&step=4");
    expect(await shown(container, "path-total")).toBe(trace.dCda[2]![K]!);
    let sum = 0;
    for (let j = 0; j < 10; j++) {
      expect(termValue(container, `path-w-${j}`)).toBe(net.w[3]![j * 16 + K]!);
      expect(termValue(container, `path-sigma-prime-${j}`)).toBe(sigmoidPrime(trace.z[3]![j]!));
      expect(termValue(container, `path-dcda-${j}`)).toBe(trace.dCda[3]![j]!);
      sum += termValue(container, `path-term-${j}`);
    }
    expect(sum).toBeCloseTo(trace.dCda[2]![K]!, 6);
    // The diagram marks the ten paths from that hidden neuron, one to each output.
    expect(container.querySelectorAll(".network-diagram .path")).toHaveLength(10);
  });

  it("opens Deeper layers on a weight one layer back, the largest there", async () => {
    const { container } = openAt("?scene=backprop-calculus&step=5");
    const index = argmaxAbs(trace.dw[2]!);
    expect(await shown(container, "gradient")).toBe(trace.dw[2]![index]!);
    expect(container.querySelectorAll(".network-diagram .path")).toHaveLength(0);
    // The check names what it compares with: the engine's own derivative, the last number of the line above.
    expect(container.querySelector(".check-line")!.textContent).toMatch(
      /the engine's own derivative from its backward pass, the last number of the line above/,
    );
  });

  it("follows δ back to layer 1 for a first-layer weight", async () => {
    const { container } = openAt("?scene=backprop-calculus&step=5");
    await shown(container, "gradient");
    fireEvent.click(screen.getByRole("button", { name: /Largest weight of layer 1/ }));
    const index = argmaxAbs(trace.dw[1]!);
    const j = Math.floor(index / 784);
    expect(termValue(container, "gradient")).toBe(trace.dw[1]![index]!);
    expect(termValue(container, "factor-a")).toBe(trace.a[0]![index % 784]!);
    expect(termValue(container, "factor-dcda")).toBe(trace.dCda[1]![j]!);
    for (const l of [1, 2, 3]) expect(termValue(container, `delta${l}-0`)).toBe(trace.delta[l]![0]!);
  });

  it("averages the chosen parameter's derivative over a mini-batch", async () => {
    const { container } = openAt("?scene=backprop-calculus&step=6");
    const batch = batchFrom(IMAGE, 8, data.test.count);
    const bt = traceBatch(
      net,
      batch.map((i) => example(data.test, i)),
    );
    expect(await shown(container, "batch-mean")).toBe(bt.mean.dw[3]![32 + K]!);
    batch.forEach((_, i) =>
      expect(termValue(container, `batch-wish-${i}`)).toBe(-bt.examples[i]!.dw[3]![32 + K]! + 0),
    );
    expect(termValue(container, "batch-wish-mean")).toBe(-bt.mean.dw[3]![32 + K]! + 0);
    expect(container.querySelector(".batch-average > .hint")!.textContent).toMatch(/^Of the 8 images, /);
  });

  it("puts the finite-difference estimate beside backpropagation's value, with their relative difference", async () => {
    const { container } = openAt("?scene=backprop-calculus&step=7");
    const estimate = await shown(container, "fd-estimate");
    const analytic = termValue(container, "fd-analytic");
    expect(analytic).toBe(trace.dw[3]![32 + K]!);
    expect(termValue(container, "fd-h")).toBe(1e-5);
    expect(estimate).toBe(
      (termValue(container, "fd-cost-plus") - termValue(container, "fd-cost-minus")) / 2e-5,
    );
    expect(termValue(container, "fd-relative-difference")).toBe(relativeDifference(analytic, estimate));
    expect(relativeDifference(analytic, estimate)).toBeLessThan(1e-4);
    fireEvent.change(screen.getByRole("combobox", { name: "Step h" }), { target: { value: "0" } });
    expect(termValue(container, "fd-h")).toBe(0.1);
  });
});

describe("backprop-calculus on the learner's drawing", () => {
  const x = Float32Array.from({ length: 784 }, (_, k) => ((k * 13) % 97 > 80 ? 1 : 0));
  const search = drawingSearch("backprop-calculus", x, 4);
  const read = readDrawingParam(search);
  if (read.kind !== "drawing") throw new Error(read.kind);
  const mine = { x: read.drawing.x, y: oneHot(4, 10) };

  it("shows the chain rule and the batch mean for the drawing, labelled as the learner said", async () => {
    const { container } = openAt(`${search}&step=2`);
    const t = traceExample(net, mine.x, mine.y);
    const j = 4;
    const k = argmaxAbs(t.dw[3]!.subarray(j * 16, j * 16 + 16));
    expect(await shown(container, "gradient")).toBe(t.dw[3]![j * 16 + k]!);
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    const bt = traceBatch(net, [
      mine,
      ...batchFrom(IMAGE, 7, data.test.count).map((i) => example(data.test, i)),
    ]);
    expect(await shown(container, "batch-mean")).toBe(bt.mean.dw[3]![j * 16 + k]!);
    expect(container.querySelector(".batch-average tr[data-example] .hint")!.textContent).toBe("yours, a 4");
  });
});
