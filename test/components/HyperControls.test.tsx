// @vitest-environment jsdom
// The learning-rate slider shows η as the worker accepted it, yet moves at once under the hand: a second move
// before the first echo steps from where the thumb is, and a change from elsewhere moves the thumb.
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { LearningRate, lrFromSlider } from "../../src/components/HyperControls.tsx";
import { presetHyper } from "../../src/engine/hyper.ts";
import { setup } from "./inputHarness.tsx";

afterEach(cleanup);

const hyper = presetHyper("3b1b");
const slider = () => screen.getByRole("slider", { name: "Learning rate" }) as HTMLInputElement;

describe("<LearningRate />", () => {
  it("keeps the thumb where it was moved until the worker echoes, and the label on the η in force", () => {
    const app = setup();
    app.render(<LearningRate />);
    const start = Number(slider().value);
    fireEvent.change(slider(), { target: { value: String(start - 250) } });
    fireEvent.change(slider(), { target: { value: String(start - 500) } });
    expect(slider().value).toBe(String(start - 500));
    expect(slider().getAttribute("aria-valuetext")).toBe("η = 1.5"); // nothing echoed yet
    const sent = app.sent().filter((c) => c.op === "setHyper");
    expect(sent.map((c) => (c as { hyper: { learningRate: number } }).hyper.learningRate)).toEqual([
      lrFromSlider(start - 250),
      lrFromSlider(start - 500),
    ]);
    // The first echo arrives: the thumb stays at the second move.
    act(() =>
      app.emit({ type: "hyper", hyper: { ...hyper, learningRate: lrFromSlider(start - 250) }, problems: [] }),
    );
    expect(slider().value).toBe(String(start - 500));
    // Then a change from elsewhere (a preset, a link): the thumb follows it.
    act(() => app.emit({ type: "hyper", hyper: { ...hyper, learningRate: 0.05 }, problems: [] }));
    expect(slider().getAttribute("aria-valuetext")).toBe("η = 0.05");
    expect(slider().value).not.toBe(String(start - 500));
  });

  it("has the preset's η schedule: its words, the η in force the worker reports, and a switch that sends it", () => {
    const app = setup();
    app.render(<LearningRate />);
    const box = screen.getByRole("checkbox", { name: "Lower η ×0.3 after passes 15, 22 and 27" });
    expect((box as HTMLInputElement).checked).toBe(true);
    const inForce = screen.getByTestId("eta-in-force");
    expect(inForce.textContent).toBe("\u00a0"); // the line keeps its place until the worker says
    act(() => app.store.setState({ stats: { ...app.store.getState().stats, pass: 16, learningRate: 0.45 } }));
    expect(inForce.textContent).toBe("pass 16: η in force = 0.45");

    fireEvent.click(box);
    expect(app.sent().filter((c) => c.op === "setHyper")).toEqual([
      { op: "setHyper", hyper: { lrSchedule: 0 } },
    ]);
    act(() => app.emit({ type: "hyper", hyper: { ...hyper, lrSchedule: 0 }, problems: [] }));
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(inForce.textContent).toBe("η stays 1.5 on every pass");
  });
});
