// @vitest-environment jsdom
// The training controls: each shows the store's value and calls the store's action; the URL's hide= list leaves
// out the controls it names. ModelFiles has its own test and stands in here as a stub.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ExplorableProvider } from "../../src/components/context.tsx";
import { Controls } from "../../src/components/Controls.tsx";
import { LR_MAX, sliderFromLr } from "../../src/components/HyperControls.tsx";
import { setup } from "./inputHarness.tsx";

vi.mock("../../src/components/ModelFiles.tsx", () => ({ ModelFiles: () => <p>Model files</p> }));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const button = (name: string) => screen.getByRole<HTMLButtonElement>("button", { name });
const select = (name: string) => screen.getByRole<HTMLSelectElement>("combobox", { name });

describe("<Controls />", () => {
  it("renders every control by default, showing the store's values", () => {
    const app = setup({ phase: "ready" });
    app.render(<Controls />);
    const { hyper, preset } = app.store.getState();
    expect(button("Play").textContent).toBe("Play");
    for (const name of ["Play", "Step", "Step epoch", "Reset", "Add layer"])
      expect(button(name).disabled).toBe(false);
    const slider = screen.getByRole<HTMLInputElement>("slider", { name: "Learning rate" });
    expect(slider.value).toBe(String(sliderFromLr(hyper.learningRate)));
    expect(slider.getAttribute("aria-valuetext")).toBe(`η = ${hyper.learningRate}`);
    expect(select("Preset").value).toBe(preset);
    expect(select("Mini-batch size").value).toBe(String(hyper.batchSize));
    expect(screen.getByText("Model files").tagName).toBe("P");
  });

  it("Speed sends the pace to the worker and shows it; full speed is the default", () => {
    const app = setup({ phase: "ready" });
    app.render(<Controls />);
    expect(select("Speed").value).toBe("full");
    expect([...select("Speed").options].map((o) => o.textContent)).toEqual([
      "Full speed",
      "30 mini-batches a second",
      "10 mini-batches a second",
      "5 mini-batches a second",
      "2 mini-batches a second",
      "1 mini-batch a second",
      "1 mini-batch every 2 s",
    ]);
    fireEvent.change(select("Speed"), { target: { value: "2" } });
    expect(app.sent().at(-1)).toEqual({ op: "setPace", batchesPerSecond: 2 });
    expect(app.store.getState().pace).toBe(2);
    expect(select("Speed").value).toBe("2");
    fireEvent.change(select("Speed"), { target: { value: "full" } });
    expect(app.sent().at(-1)).toEqual({ op: "setPace", batchesPerSecond: null });
  });

  it("shows how far a mini-batch trained in parts has got, and nothing when none is", () => {
    const app = setup({ phase: "ready" });
    const stats = app.store.getState().stats;
    app.store.setState({ stats: { ...stats, batch: { done: 12000, total: 60000 } } });
    app.render(<Controls />);
    const term = screen.getByText("this mini-batch");
    expect(term.nextElementSibling?.textContent).toBe("12,000 of 60,000 examples (Pause stops it)");
    cleanup();
    app.store.setState({ stats: { ...stats, batch: null } });
    app.render(<Controls />);
    expect(screen.queryByText("this mini-batch")).toBeNull();
  });

  it("disables the training buttons until the network is ready, and Step while it runs", () => {
    setup({ phase: "loading" }).render(<Controls />);
    for (const name of ["Play", "Step", "Step epoch", "Reset"]) expect(button(name).disabled).toBe(true);
    cleanup();
    setup({ phase: "ready", running: true }).render(<Controls />);
    expect(button("Pause").disabled).toBe(false);
    expect(button("Step").disabled).toBe(true);
  });

  it("calls the store's actions", () => {
    const app = setup({ phase: "ready" });
    app.render(<Controls />);
    const state = app.store.getState();
    const step = vi.spyOn(state, "step");
    const setHyper = vi.spyOn(state, "setHyper");
    fireEvent.click(button("Step epoch"));
    expect(step).toHaveBeenCalledWith("epoch");
    fireEvent.change(screen.getByRole("slider", { name: "Learning rate" }), { target: { value: "1000" } });
    expect(setHyper).toHaveBeenLastCalledWith({ learningRate: LR_MAX });
    fireEvent.change(select("Mini-batch size"), { target: { value: "100" } });
    expect(setHyper).toHaveBeenLastCalledWith({ batchSize: 100 });
    fireEvent.change(select("Momentum μ"), { target: { value: "0.5" } });
    expect(setHyper).toHaveBeenLastCalledWith({ momentum: 0.5 });
  });

  it("offers Reset to defaults only where work is saved", () => {
    const app = setup({ phase: "ready" });
    app.render(<Controls />);
    expect(button("Reset").disabled).toBe(false);
    expect(screen.queryByRole("button", { name: "Reset to defaults" })).toBeNull();
    cleanup();
    const { store, client } = app;
    const resetToDefaults = vi.fn(() => Promise.resolve());
    render(
      <ExplorableProvider store={store} client={client} savedWork={{ resetToDefaults }}>
        <Controls />
      </ExplorableProvider>,
    );
    fireEvent.click(button("Reset to defaults"));
    expect(resetToDefaults).toHaveBeenCalledTimes(1);
  });

  it("leaves out the controls hide names", () => {
    setup({ phase: "ready", hide: ["play", "reset", "lr", "preset", "shape", "files"] }).render(<Controls />);
    for (const name of ["Play", "Reset", "Add layer"])
      expect(screen.queryByRole("button", { name })).toBeNull();
    expect(button("Step").disabled).toBe(false);
    expect(screen.queryByRole("slider", { name: "Learning rate" })).toBeNull();
    expect(screen.queryByRole("combobox", { name: "Preset" })).toBeNull();
    expect(screen.queryByText("Model files")).toBeNull();
    expect(select("Mini-batch size").value).toBe("10");
  });
});
