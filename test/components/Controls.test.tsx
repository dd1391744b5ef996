// @vitest-environment jsdom
// The URL's hide= list: the controls it names are not rendered, the others are.
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Controls } from "../../src/components/Controls.tsx";
import { setup } from "./inputHarness.tsx";

afterEach(cleanup);

describe("<Controls /> with hide", () => {
  it("renders every control by default", () => {
    setup({ phase: "ready" }).render(<Controls />);
    for (const name of ["Play", "Step", "Step epoch", "Reset", "Add layer"])
      expect(screen.getByRole("button", { name })).toBeTruthy();
    expect(screen.getByRole("slider", { name: "Learning rate" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Preset" })).toBeTruthy();
  });

  it("leaves out the controls hide names", () => {
    setup({ phase: "ready", hide: ["play", "reset", "lr", "preset", "shape", "files"] }).render(<Controls />);
    for (const name of ["Play", "Reset", "Add layer"])
      expect(screen.queryByRole("button", { name })).toBeNull();
    expect(screen.getByRole("button", { name: "Step" })).toBeTruthy();
    expect(screen.queryByRole("slider", { name: "Learning rate" })).toBeNull();
    expect(screen.queryByRole("combobox", { name: "Preset" })).toBeNull();
    expect(screen.queryByLabelText("Model file")).toBeNull();
    expect(screen.getByRole("combobox", { name: "Mini-batch size" })).toBeTruthy();
  });
});
