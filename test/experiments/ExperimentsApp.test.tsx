// @vitest-environment jsdom
// The experiments page on injected data (a small network, a dozen images, computed in-process): routes and
// notices, and each experiment's main path.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { answer, confusionMatrix, correctCounts, shapeImage, topRows } from "../../src/engine/analysis.ts";
import { forward } from "../../src/engine/network.ts";
import { Experiments } from "../../src/experiments/ExperimentsApp.tsx";
import { fileExperimentServices } from "../../src/experiments/ExperimentsProvider.tsx";
import { FirstLayerExperiment } from "../../src/experiments/FirstLayerExperiment.tsx";
import type { ExperimentSource } from "../../src/experiments/source.ts";
import { fakeServices, fakeSource, NOISE } from "./fixtures.ts";
import { renderWith } from "./withServices.tsx";

function openAt(search: string, source: ExperimentSource = fakeSource().source) {
  window.history.replaceState(null, "", `/${search}`);
  return renderWith(<Experiments />, fakeServices({ source }));
}

beforeEach(() => {
  // jsdom has no canvas: painting is skipped (views check for a null context).
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("ExperimentsApp routes", () => {
  it("lists the four experiments on ?experiments, each one link away", () => {
    openAt("?experiments");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Poking at a trained network");
    const links = [
      "Random noise",
      "What the first layer sees",
      "Where it fails",
      "Preprocessing as a lesson",
    ];
    expect(links.map((name) => screen.getByRole("link", { name }).getAttribute("href"))).toEqual([
      "?experiment=noise",
      "?experiment=first-layer",
      "?experiment=failures",
      "?experiment=preprocessing",
    ]);
  });

  it("names an unknown experiment in plain text, never as HTML, above the list", () => {
    const { container } = openAt("?experiment=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    expect(screen.getByRole("alert").textContent).toBe(
      "There is no experiment called “<img src=x onerror=alert(1)>”. These are the experiments there are:",
    );
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByRole("link", { name: "Random noise" }).getAttribute("href")).toBe("?experiment=noise");
  });

  it("follows a link without reloading, and the other experiments stay one click away", async () => {
    openAt("?experiments");
    fireEvent.click(screen.getByRole("link", { name: "Where it fails" }));
    expect(window.location.search).toBe("?experiment=failures");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Where it fails");
    expect(screen.getByRole("link", { name: "Where it fails" }).getAttribute("aria-current")).toBe("page");
    await screen.findByRole("table");
    fireEvent.click(screen.getByRole("link", { name: "Random noise" }));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Random noise");
  });

  it("switching the network keeps the page and writes epochs to the URL", async () => {
    openAt("?experiment=failures");
    fireEvent.change(screen.getByRole("combobox", { name: /Network/ }), { target: { value: "5" } });
    expect(window.location.search).toBe("?experiment=failures&epochs=5");
    await screen.findByRole("table");
  });
});

describe("noise experiment", () => {
  it("answers each shape and noise image, and draws the histogram of the noise set beside the test set", async () => {
    const { source, net, test } = fakeSource();
    openAt("?experiment=noise&seed=4", source);
    const histogram = await screen.findByRole("img", { name: /^Histogram/ });
    expect(histogram.getAttribute("data-counts")).toBe(`${test.count},${NOISE}`);
    const noiseBars = histogram.querySelectorAll('[data-series="noise images"] rect');
    expect(Array.from(noiseBars).reduce((s, r) => s + Number(r.getAttribute("data-count")), 0)).toBe(NOISE);

    const circle = document.querySelector('[data-probe="circle"]')!;
    const expected = answer(forward(net(30), shapeImage("circle", 4)), "sigmoid");
    expect(Number(circle.getAttribute("data-digit"))).toBe(expected.digit);
    expect(Number(circle.getAttribute("data-confidence"))).toBeCloseTo(expected.confidence, 6);
    expect(document.querySelectorAll("[data-probe]")).toHaveLength(8);
  });

  it("Next seed moves to the next seed in the URL, and the shapes follow", async () => {
    const { source, net } = fakeSource();
    openAt("?experiment=noise", source);
    await screen.findByRole("img", { name: /^Histogram/ });
    fireEvent.click(screen.getByRole("button", { name: "Next seed" }));
    expect(window.location.search).toBe("?experiment=noise&seed=2");
    expect((screen.getByRole("spinbutton", { name: "Seed" }) as HTMLInputElement).value).toBe("2");
    await waitFor(() => {
      const line = document.querySelector('[data-probe="line"]')!;
      const a = forward(net(30), shapeImage("line", 2));
      expect(Number(line.getAttribute("data-confidence"))).toBeCloseTo(answer(a, "sigmoid").confidence, 6);
    });
  });

  it("an invalid seed gets a notice and the default seed", async () => {
    openAt("?experiment=noise&seed=abc");
    expect(screen.getByRole("alert").textContent).toBe(
      "The seed “abc” is not a whole number from 0 to 4,294,967,295; using seed 1.",
    );
    expect((screen.getByRole("spinbutton", { name: "Seed" }) as HTMLInputElement).value).toBe("1");
    await screen.findByRole("img", { name: /^Histogram/ });
  });

  it("typing a seed changes it once the text is a valid seed", async () => {
    openAt("?experiment=noise");
    await screen.findByRole("img", { name: /^Histogram/ });
    const input = screen.getByRole("spinbutton", { name: "Seed" });
    fireEvent.change(input, { target: { value: "-3" } });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(window.location.search).toBe("?experiment=noise");
    fireEvent.change(input, { target: { value: "77" } });
    expect(window.location.search).toBe("?experiment=noise&seed=77");
  });
});

describe("first-layer experiment", () => {
  it("shows each first-layer neuron's heatmap with its five most excited test images", async () => {
    const { source, net, test } = fakeSource();
    openAt("?experiment=first-layer", source);
    await screen.findByRole("img", { name: "Weights into first-layer neuron 0" });
    const neurons = document.querySelectorAll("[data-neuron]");
    expect(neurons).toHaveLength(4);
    // The same ranking as topRows over z¹ of every image.
    const z = new Float32Array(test.count * 4);
    for (let i = 0; i < test.count; i++) {
      const x = Array.from(test.pixels.subarray(i * 784, (i + 1) * 784), (p) => p / 255);
      const w = net(30).w[1]!;
      for (let j = 0; j < 4; j++) {
        let s = net(30).b[1]![j]!;
        for (let k = 0; k < 784; k++) s += w[j * 784 + k]! * x[k]!;
        z[i * 4 + j] = s;
      }
    }
    const top = topRows(z, test.count, 4, 5);
    neurons.forEach((el, j) => {
      const images = Array.from(el.querySelectorAll("[data-image]"), (li) =>
        Number(li.getAttribute("data-image")),
      );
      expect(images).toEqual(top[j]);
    });
  });
});

describe("failures experiment", () => {
  it("shows a confusion matrix whose diagonal gives the accuracy shown", async () => {
    const { source, test, net } = fakeSource();
    openAt("?experiment=failures", source);
    const table = await screen.findByRole("table");
    const cells = within(table).getAllByRole("button");
    expect(cells).toHaveLength(100);
    const count = (b: HTMLElement) => Number(b.getAttribute("data-count"));
    expect(cells.reduce((s, b) => s + count(b), 0)).toBe(test.count);
    const diagonal = cells.filter((b) => b.dataset["label"] === b.dataset["predicted"]);
    const accuracy = Number(document.querySelector('[data-term="accuracy"]')!.getAttribute("data-value"));
    expect(diagonal.reduce((s, b) => s + count(b), 0) / test.count).toBe(accuracy);

    const digits = Array.from(
      { length: test.count },
      (_, i) =>
        answer(
          forward(
            net(30),
            Array.from(test.pixels.subarray(i * 784, (i + 1) * 784), (p) => p / 255),
          ),
          "sigmoid",
        ).digit,
    );
    expect(correctCounts(confusionMatrix(test.labels, digits)).total / test.count).toBe(accuracy);
  });

  it("a click on a cell shows that many images; Enter after the arrow keys picks another", async () => {
    openAt("?experiment=failures");
    const table = await screen.findByRole("table");
    const cells = within(table).getAllByRole("button");
    const full = cells.find((b) => Number(b.dataset["count"]) > 0)!;
    fireEvent.click(full);
    expect(full.getAttribute("aria-pressed")).toBe("true");
    const n = Number(full.dataset["count"]);
    const gallery = screen.getByRole("region", {
      name: new RegExp(`^True ${full.dataset["label"]}, answered`),
    });
    expect(gallery.querySelectorAll("[data-image]")).toHaveLength(n);

    // One tab stop: the focused cell; arrows move it.
    expect(cells.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    const first = cells[0]!;
    act(() => first.focus());
    fireEvent.keyDown(first, { key: "ArrowDown" });
    const below = cells[10]!;
    expect(document.activeElement).toBe(below);
    fireEvent.click(below); // what Enter or Space on a focused button does
    expect(below.getAttribute("aria-pressed")).toBe("true");
    const picked = screen.getByRole("region", { name: /^True 1, answered 0/ });
    expect(picked.getAttribute("data-total")).toBe(below.dataset["count"]);
    fireEvent.click(screen.getByRole("button", { name: "Show all mistakes" }));
    const mistakes = cells
      .filter((b) => b.dataset["label"] !== b.dataset["predicted"])
      .reduce((sum, b) => sum + Number(b.dataset["count"]), 0);
    expect(screen.getByRole("region", { name: /^All \d+ mistakes/ }).getAttribute("data-total")).toBe(
      String(mistakes),
    );
  });
});

/** A fake 2-D context: once stroked, the pad's image holds a small block of ink near its top-left corner. */
function fakeCorner() {
  const inked = new WeakMap<HTMLCanvasElement, boolean>();
  const image = (width: number, height: number) =>
    ({ data: new Uint8ClampedArray(width * height * 4), width, height }) as ImageData;
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(function (this: HTMLCanvasElement) {
    const noop = () => {};
    return {
      canvas: this,
      save: noop,
      restore: noop,
      beginPath: noop,
      moveTo: noop,
      lineTo: noop,
      arc: noop,
      fillRect: noop,
      stroke: () => void inked.set(this, true),
      fill: () => void inked.set(this, true),
      clearRect: () => void inked.set(this, false),
      createImageData: image,
      putImageData: noop,
      getImageData: (_x: number, _y: number, width: number, height: number) => {
        const img = image(width, height);
        if (inked.get(this))
          for (let y = 20; y < 90; y++) for (let x = 30; x < 60; x++) img.data[4 * (y * width + x) + 3] = 255;
        return img;
      },
    } as unknown as CanvasRenderingContext2D;
  } as never);
}

describe("preprocessing experiment", () => {
  it("shows each stage of a drawing, and each switch changes its own stage", async () => {
    fakeCorner();
    openAt("?experiment=preprocessing");
    expect(document.querySelectorAll("[data-stage]")).toHaveLength(0);
    expect(screen.getByText(/appear here once there is ink/).textContent).toMatch(
      /^Each stage of the drawing/,
    );
    fireEvent.click(screen.getByRole("button", { name: "A small 7 in a corner" }));
    const stage = (name: string) => document.querySelector(`[data-stage="${name}"]`)!;
    await waitFor(() => expect(stage("crop")).not.toBeNull());
    // The 7's strokes span 62 × 78 pad px; re-inked with a pen of 2.6 · 78 / 17.4 = 11.7 px, its box is 74 × 90.
    expect(stage("pad").textContent).toContain("pen 11.7 px for a 78 px drawing");
    expect(stage("crop").textContent).toContain("74 × 90 px");
    expect(stage("scale").textContent).toContain("16 × 20 px");
    const offset = () => stage("centre").querySelector("[data-offset]")!.getAttribute("data-offset");
    const centred = offset();
    await screen.findByRole("list", { name: /With these steps it says/ });

    fireEvent.click(screen.getByRole("checkbox", { name: "Centre the centre of mass" }));
    expect(stage("centre").textContent).toContain("No centring");
    expect(offset()).not.toBe(centred);
    // The scaled box (16 × 20) centred where the ink's box was: (221, 67.5) on the pad is (22.1, 6.75) in 28 × 28.
    expect(offset()).toBe("14,-3");
    expect(stage("scale").textContent).toContain("16 × 20 px");
    // With a step off, the answer with all three steps is shown beside it.
    expect(
      within(screen.getByRole("list", { name: /With all three it says/ })).getAllByRole("listitem"),
    ).toHaveLength(10);

    fireEvent.click(screen.getByRole("checkbox", { name: "Scale into 20 × 20" }));
    expect(stage("scale").textContent).toContain("7 × 9 px");
    expect(stage("crop").textContent).toContain("74 × 91 px"); // on the whole pad, whole pixels
    expect(offset()).toBe("19,2"); // at its size and place on the pad: its 7 × 9 box centred at (22.1, 6.75)

    fireEvent.click(screen.getByRole("checkbox", { name: "Crop to the ink" }));
    expect(stage("crop").textContent).toContain("280 × 280 px");

    fireEvent.click(screen.getByRole("button", { name: "Clear" }));
    expect(document.querySelectorAll("[data-stage]")).toHaveLength(0);
    expect(screen.getByText(/appear here once there is ink/).textContent).toMatch(
      /^Each stage of the drawing/,
    );
  });
});

describe("ExperimentsProvider", () => {
  it("is required: an experiment outside one says so", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<FirstLayerExperiment epochs={30} />)).toThrow(
      "An experiment was rendered outside an ExperimentsProvider.",
    );
  });

  it("fileExperimentServices(base) points the runs at the data next to the page", () => {
    const services = fileExperimentServices("http://experiments.test/app/?experiments");
    expect(services.dataUrl).toBe("http://experiments.test/app/data/mnist");
  });
});
