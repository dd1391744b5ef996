// @vitest-environment jsdom
// CostCurve: the scale radios set the store's costScale (click or arrow keys) and redraw the chart; the chart is
// drawn at its container's width and redrawn when that changes; the readout and the CSV button follow the history.
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CostCurve } from "../../src/components/CostCurve.tsx";
import type { HistoryPoint } from "../../src/worker/training/protocol.ts";
import { setup } from "./inputHarness.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A stand-in for ResizeObserver: `resize(width)` tells every observer its element is now `width` px wide. */
function fakeResizeObserver() {
  const callbacks: ResizeObserverCallback[] = [];
  vi.stubGlobal(
    "ResizeObserver",
    class {
      constructor(callback: ResizeObserverCallback) {
        callbacks.push(callback);
      }
      observe() {}
      disconnect() {}
    },
  );
  return (width: number) =>
    act(() => {
      const entry = { contentRect: { width } } as ResizeObserverEntry;
      for (const cb of callbacks) cb([entry], {} as ResizeObserver);
    });
}

const HISTORY: HistoryPoint[] = [
  { examplesSeen: 0, trainCost: 2.3, testCost: 2.4, testAccuracy: 0.1, testImages: 10000, testSet: "full" },
  {
    examplesSeen: 5000,
    trainCost: 0.5,
    testCost: 0.6,
    testAccuracy: 0.85,
    testImages: 10000,
    testSet: "full",
  },
];

const radio = (name: string) => screen.getByRole("radio", { name });

describe("CostCurve", () => {
  it("says there is no training yet, and offers no CSV of nothing", () => {
    setup().render(<CostCurve />);
    expect(screen.getByText("No training yet.").className).toContain("readout");
    expect(screen.getByRole("region", { name: "Cost curve" }).hasAttribute("data-test-accuracy")).toBe(false);
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Download metrics CSV" }).disabled).toBe(
      true,
    );
    expect(radio("Linear").getAttribute("aria-checked")).toBe("true");
  });

  it("draws the history and reads out the latest test", () => {
    const app = setup();
    app.render(<CostCurve />);
    act(() => app.store.setState({ history: HISTORY }));
    const chart = screen.getByRole("img", { name: "Cost and accuracy against examples seen" });
    expect(chart.querySelectorAll(".test-cost-dots circle")).toHaveLength(2);
    expect(screen.getByText(/^After 5,000 examples/).textContent).toBe(
      "After 5,000 examples: test cost 0.600, accuracy 85.0% (all 10,000 test images)",
    );
    const section = screen.getByRole("region", { name: "Cost curve" });
    expect(section.dataset.testAccuracy).toBe("0.85");
    expect(section.dataset.testSet).toBe("full");
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Download metrics CSV" }).disabled).toBe(
      false,
    );
  });

  it("draws at its container's width, measured at once, and redraws only when the width changes", () => {
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(311);
    const resize = fakeResizeObserver();
    setup({ history: HISTORY }).render(<CostCurve />);
    const chart = screen.getByRole("img", { name: "Cost and accuracy against examples seen" });
    expect(chart.getAttribute("viewBox")).toBe("0 0 311 240");
    const drawn = chart.querySelector("path.train-cost");
    resize(311.6); // the same whole width: nothing redrawn
    expect(chart.querySelector("path.train-cost")).toBe(drawn);
    resize(700);
    expect(chart.getAttribute("viewBox")).toBe("0 0 700 240");
    expect(chart.querySelector("path.train-cost")).not.toBe(drawn);
  });

  it("switches the cost scale by click and by arrow key, with one tab stop", () => {
    const app = setup({ history: HISTORY });
    app.render(<CostCurve />);
    const trainCost = () => document.querySelector("path.train-cost")?.getAttribute("d");
    const linear = trainCost();
    fireEvent.click(radio("Log"));
    expect(app.store.getState().costScale).toBe("log");
    expect(trainCost()).not.toBe(linear); // redrawn on the log scale
    expect(radio("Log").getAttribute("aria-checked")).toBe("true");
    expect([radio("Linear").tabIndex, radio("Log").tabIndex]).toEqual([-1, 0]);
    fireEvent.keyDown(radio("Log"), { key: "ArrowRight" });
    expect(app.store.getState().costScale).toBe("linear");
    expect(document.activeElement).toBe(radio("Linear"));
    fireEvent.keyDown(radio("Linear"), { key: "a" });
    expect(app.store.getState().costScale).toBe("linear");
  });
});
