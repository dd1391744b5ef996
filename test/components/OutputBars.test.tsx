// @vitest-environment jsdom
// OutputBars: bars follow the frames; the announced prediction is the store's, derived from the same outputs.
import { cleanup, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OutputBars } from "../../src/components/OutputBars.tsx";
import { predictionOf } from "../../src/store/appStore.ts";
import { PRESETS } from "../../src/engine/presets.ts";
import type { WorkerEvent } from "../../src/worker/training/protocol.ts";
import { manualFrames, setup } from "./inputHarness.tsx";

/** A frame whose probe's output activations are `outputs` (or no probe). */
function frame(outputs: number[] | null, probeId = 1): WorkerEvent {
  return {
    type: "frame",
    stats: {
      epoch: 0,
      origin: { kind: "untrained", seed: 1 },
      examplesSeen: 0,
      examplesPerSecond: 0,
      trainCost: Number.NaN,
      running: false,
    },
    weights: { w: [], b: [] },
    probe: outputs && {
      probeId,
      z: [],
      a: [new Float32Array(784), new Float32Array(16), Float32Array.from(outputs)],
    },
    history: [],
    batch: null,
  };
}

const SIGMOID_OUT = [0.02, 0.05, 0.01, 0.8, 0.0, 0.1, 0.0, 0.02, 0.0, 0.0]; // Σ = 1.0 → 3 at 80%
const SOFTMAX_OUT = [0.01, 0.01, 0.01, 0.93, 0.0, 0.02, 0.0, 0.01, 0.01, 0.0];

beforeEach(() => {
  manualFrames();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("OutputBars", () => {
  it("announces the prediction of a frame: digit and a / Σa as a rounded percentage", () => {
    const app = setup();
    app.render(<OutputBars />);
    const live = screen.getByRole("status");
    expect(live.getAttribute("aria-live")).toBe("polite");
    const out = [0.1, 0.05, 0.02, 0.7, 0.03, 0.1, 0.0, 0.05, 0.1, 0.05]; // Σ = 1.2 → 0.7 / 1.2 = 58.3%
    app.emit(frame(out));
    expect(live.textContent).toBe("Prediction: 3 (58%)");
    expect(predictionOf(app.store.getState())?.digit).toBe(3);
    // Why "7 (92%)" stands next to a 0.99 bar: the percentage is the bar's share of all ten.
    expect(screen.getByText(/^confidence = /).textContent).toBe(
      "confidence = a / Σa: the bars are the outputs' activations a; the percentage is this one's share of all ten.",
    );
  });

  it("gives no prediction, and says why, when the outputs are not numbers (a diverged network)", () => {
    const app = setup();
    app.render(<OutputBars />);
    app.emit(frame([0.1, 0.05, 0.02, 0.7, 0.03, 0.1, 0.0, 0.05, 0.1, 0.05]));
    app.emit(frame([NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN]));
    expect(screen.getByRole("status").textContent).toBe("");
    expect(app.store.getState().answer).toEqual({ kind: "notFinite" });
    expect(screen.getByText(/weights have diverged/).textContent).toBe(
      "No prediction: the outputs are not numbers (the weights have diverged).",
    );
    expect(screen.queryByText("Draw a digit")).toBeNull(); // something is drawn: the outputs are what's wrong
  });

  it("uses the softmax probability itself for softmax outputs", () => {
    const app = setup({ spec: PRESETS.best.spec });
    app.render(<OutputBars />);
    app.emit(frame(SOFTMAX_OUT));
    expect(screen.getByRole("status").textContent).toBe("Prediction: 3 (93%)");
    expect(screen.getByText(/^confidence = /).textContent).toBe(
      "confidence = softmax probability aⱼ: the bars already add up to 1, so the percentage is the bar.",
    );
  });

  it("paints each bar's value and highlights the predicted digit", () => {
    const app = setup();
    const { container } = app.render(<OutputBars />);
    app.emit(frame(SIGMOID_OUT));
    const rows = container.querySelectorAll("li");
    expect(rows).toHaveLength(10);
    expect(rows[3]?.textContent).toBe("30.80");
    expect(rows[5]?.textContent).toBe("50.10");
    expect(rows[3]?.dataset["predicted"]).toBe("true");
    expect(rows[5]?.dataset["predicted"]).toBe("false");
    const fill = rows[3]?.querySelector<HTMLElement>("[data-part=fill]");
    expect(Number.parseFloat(fill?.style.width ?? "")).toBeCloseTo(80, 3);
  });

  it("with no probe shows no prediction: the live region is empty and a hint says to draw", () => {
    const app = setup();
    app.render(<OutputBars />);
    app.emit(frame(SIGMOID_OUT));
    app.emit(frame(null));
    expect(screen.getByRole("status").textContent).toBe("");
    expect(screen.queryByText("Draw a digit")).not.toBeNull();
    expect(app.store.getState().answer).toEqual({ kind: "none" });
  });

  it("picks up the frame already received when it mounts", () => {
    const app = setup();
    app.emit(frame(SIGMOID_OUT));
    app.render(<OutputBars />);
    expect(screen.getByRole("status").textContent).toBe("Prediction: 3 (80%)");
  });

  it("the store's answer changes only when the digit or the rounded percentage does", () => {
    const app = setup();
    app.render(<OutputBars />);
    const updates = vi.fn();
    app.store.subscribe((s, prev) => s.answer !== prev.answer && updates(s.answer));
    app.emit(frame(SIGMOID_OUT));
    app.emit(frame(SIGMOID_OUT.map((v, j) => (j === 3 ? v + 0.001 : v)))); // still 80%
    app.emit(frame(SIGMOID_OUT.map((v, j) => (j === 3 ? v + 0.001 : v))));
    expect(updates).toHaveBeenCalledTimes(1);
    app.emit(frame(SIGMOID_OUT.map((v, j) => (j === 3 ? 0.9 : v)))); // 0.9 / 1.1 → 82%
    expect(updates).toHaveBeenCalledTimes(2);
    expect(screen.getByRole("status").textContent).toBe("Prediction: 3 (82%)");
  });
});
