// @vitest-environment jsdom
// LessonApp: the URL picks the page (index, scene and step, unknown scene); Next/Back and the arrow keys move
// through the steps and rewrite the URL; invalid steps and scenes get a notice in plain text.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLessonDataSource, readyLessonData } from "../../src/lessons/dataSource.ts";
import { Lessons } from "../../src/lessons/LessonApp.tsx";
import { LessonProvider, useLessonData } from "../../src/lessons/LessonProvider.tsx";
import { SCENES } from "../../src/lessons/scenes.tsx";
import { DRAWING_LESSONS, drawingSearch } from "../../src/store/drawingLink.ts";
import { fakeLab, fakeLabServices } from "./fakeLab.ts";
import { fakeLessonData } from "./fixtures.ts";
import { openLessons } from "./openLessons.tsx";

function openAt(search: string, source = readyLessonData(fakeLessonData())) {
  return openLessons(search, { source });
}

const step = () => new URLSearchParams(window.location.search).get("step");
const heading = () => screen.getByRole("heading", { level: 2 }).textContent;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("LessonApp routes", () => {
  it("shows the index of scenes for ?lessons, with a link to each", () => {
    openAt("?lessons");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toMatch(/one step at a time/);
    expect(screen.getByRole("link", { name: "What a neuron holds" }).getAttribute("href")).toBe(
      "?scene=neuron",
    );
    expect(screen.getByRole("link", { name: "The cost of being wrong" }).getAttribute("href")).toBe(
      "?scene=cost",
    );
  });

  it("names an unknown scene in plain text, never as HTML, and lists the scenes", () => {
    const { container } = openAt("?scene=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    expect(screen.getByRole("alert").textContent).toBe(
      "There is no scene called “<img src=x onerror=alert(1)>”. These are the scenes there are:",
    );
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByRole("link", { name: "What a neuron holds" }).getAttribute("href")).toBe(
      "?scene=neuron",
    );
  });

  it("opens a scene at the URL's step", () => {
    openAt("?scene=cost&step=3");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("The cost of being wrong");
    expect(heading()).toBe("Ten squared differences");
    expect(document.querySelector(".step-count")!.textContent).toBe("Step 3 of 6");
    expect(document.title).toMatch(/^The cost of being wrong/);
  });

  it("shows step 1 with a notice for a step that does not exist", () => {
    openAt("?scene=neuron&step=42");
    expect(heading()).toBe("The input layer");
    expect(screen.getByRole("alert").textContent).toBe(
      "There is no step “42” in this scene; its steps are 1 to 7. Showing step 1.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(step()).toBe("2");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("follows links without reloading, and the browser's back button", () => {
    openAt("?lessons");
    fireEvent.click(screen.getByRole("link", { name: "The cost of being wrong" }));
    expect(window.location.search).toBe("?scene=cost");
    expect(heading()).toBe("A network that knows nothing");
    act(() => {
      window.history.replaceState(null, "", "/?lessons");
      window.dispatchEvent(new PopStateEvent("popstate"));
    });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toMatch(/one step at a time/);
    expect(screen.getByRole("link", { name: "What a neuron holds" }).getAttribute("href")).toBe(
      "?scene=neuron",
    );
  });
});

describe("step navigation", () => {
  it("Next and Back move one step, each a history entry, and focus the step's heading", async () => {
    openAt("?scene=neuron");
    const before = window.history.length;
    const back = screen.getByRole("button", { name: "Back" }) as HTMLButtonElement;
    expect(back.disabled).toBe(true);
    expect(document.activeElement).not.toBe(screen.getByRole("heading", { level: 2 }));
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(heading()).toBe("One neuron's weighted sum");
    expect(document.activeElement).toBe(screen.getByRole("heading", { level: 2 }));
    expect(window.location.search).toBe("?scene=neuron&step=2");
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(step()).toBe("3");
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(step()).toBe("2");
    expect(window.history.length).toBe(before + 3);
    // The browser's Back returns to the step before.
    act(() => window.history.back());
    await waitFor(() => expect(step()).toBe("3"));
    expect(heading()).toBe("The bias sets a threshold");
  });

  it("ArrowRight and ArrowLeft move through the steps, and stop at the ends", () => {
    openAt("?scene=cost&step=5");
    fireEvent.keyDown(document.body, { key: "ArrowRight" });
    expect(step()).toBe("6");
    expect((screen.getByRole("button", { name: "Next" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(document.body, { key: "ArrowRight" });
    expect(step()).toBe("6");
    fireEvent.keyDown(document.body, { key: "ArrowLeft" });
    fireEvent.keyDown(document.body, { key: "ArrowLeft" });
    expect(step()).toBe("4");
    expect(heading()).toBe("One number: this example's cost");
  });

  it("leaves the arrow keys to inputs, and ignores them with modifiers", () => {
    openAt("?scene=cost&step=2");
    const input = screen.getByRole("spinbutton", { name: /Test image/ });
    fireEvent.keyDown(input, { key: "ArrowRight" });
    fireEvent.keyDown(document.body, { key: "ArrowRight", altKey: true });
    expect(step()).toBe("2");
  });

  it("jumps to any step from the list of steps", () => {
    openAt("?scene=neuron");
    const steps = screen.getByRole("navigation", { name: "Steps" });
    fireEvent.click(within(steps).getByRole("button", { name: /Counting the parameters/ }));
    expect(step()).toBe("7");
    expect(
      within(steps)
        .getByRole("button", { name: /Counting the parameters/ })
        .getAttribute("aria-current"),
    ).toBe("step");
  });

  it("links to the next scene from the last step", () => {
    openAt("?scene=neuron&step=7");
    fireEvent.click(screen.getByRole("link", { name: "The cost of being wrong" }));
    expect(window.location.search).toBe("?scene=cost");
  });

  it("lets the scenes with a test image take a drawing, the explorable's links among them under their titles", () => {
    expect(SCENES.filter((s) => s.takesDrawing).map((s) => s.def.id)).toEqual([
      "neuron",
      "cost",
      "backprop-intuition",
      "backprop-calculus",
    ]);
    for (const l of DRAWING_LESSONS)
      expect(SCENES.find((s) => s.def.id === l.scene)).toMatchObject({
        takesDrawing: true,
        def: { title: l.title },
      });
  });

  it("ignores a drawing in a scene that does not take one, and does not carry it on", () => {
    openAt(`${drawingSearch("gradient-descent", new Float32Array(784), 3)}&step=7`);
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.click(screen.getByRole("link", { name: "Backpropagation, intuitively" }));
    expect(window.location.search).toBe("?scene=backprop-intuition");
  });
});

describe("motion and data states", () => {
  it("marks the page for reduced motion when the reader asks for it", () => {
    vi.stubGlobal(
      "matchMedia",
      vi.fn((query: string) => ({
        matches: query === "(prefers-reduced-motion: reduce)",
        addEventListener: () => {},
        removeEventListener: () => {},
      })),
    );
    const { container } = openAt("?scene=neuron");
    expect(container.querySelector(".lesson")!.getAttribute("data-motion")).toBe("reduce");
  });

  it("animates by default", () => {
    const { container } = openAt("?scene=neuron");
    expect(container.querySelector(".lesson")!.getAttribute("data-motion")).toBe("full");
  });

  it("shows the prose while the data loads, then the live view", async () => {
    let finish: () => void = () => {};
    const data = fakeLessonData();
    const source = createLessonDataSource(() => new Promise((resolve) => (finish = () => resolve(data))));
    openAt("?scene=neuron", source);
    expect(heading()).toBe("The input layer");
    expect(screen.getByRole("status").textContent).toMatch(/Loading the trained and untrained networks/);
    expect(screen.queryByRole("img", { name: /The input image as 28 × 28 activations/ })).toBeNull();
    await act(async () => finish());
    expect(screen.queryByRole("status")).toBeNull();
    const image = screen.getByRole("img", { name: /The input image as 28 × 28 activations/ });
    expect(image.querySelectorAll("rect").length).toBeGreaterThanOrEqual(28 * 28);
  });

  it("shows a load error's sentence with a way to retry", async () => {
    const source = createLessonDataSource(() => Promise.reject(new Error("no network")));
    openAt("?scene=cost", source);
    await act(async () => {});
    expect(screen.getByRole("alert").textContent).toContain(
      "The lesson's data could not be loaded (no network).",
    );
    const reload = vi.fn();
    vi.stubGlobal("location", { ...window.location, reload });
    fireEvent.click(screen.getByRole("button", { name: "Reload" }));
    expect(reload).toHaveBeenCalledOnce();
  });
});

describe("LessonProvider", () => {
  it("is required: a scene outside one says so", () => {
    window.history.replaceState(null, "", "/?scene=neuron");
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<Lessons />)).toThrow("A lesson scene was rendered outside a LessonProvider.");
  });

  it("useLessonData() reads the provided source", () => {
    const data = fakeLessonData();
    let seen: unknown = null;
    function Probe() {
      seen = useLessonData();
      return null;
    }
    render(
      <LessonProvider
        services={{
          data: readyLessonData(data),
          lab: fakeLabServices(data.trained, () => fakeLab(data.test)),
        }}
      >
        <Probe />
      </LessonProvider>,
    );
    expect(seen).toEqual({ status: "ready", data });
  });
});
