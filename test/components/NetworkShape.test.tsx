// @vitest-environment jsdom
// A layer's size field: typing rebuilds nothing; Enter or leaving the field applies a valid size, and an invalid
// one ("1000", "-5", "1e400") is refused with a sentence, the network kept as it was; Escape puts the size back.
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { NetworkShape } from "../../src/components/NetworkShape.tsx";
import { setup } from "./inputHarness.tsx";

afterEach(cleanup);

function open() {
  const app = setup({ phase: "ready" });
  app.render(<NetworkShape />);
  const field = screen.getByRole("textbox", { name: "Layer 1 neurons" }) as HTMLInputElement;
  return { app, field, sizes: () => app.store.getState().spec.sizes };
}

describe("<NetworkShape /> layer sizes", () => {
  it("applies a typed size on Enter or blur, not per keystroke", () => {
    const { app, field, sizes } = open();
    const sentBefore = app.sent().length;
    fireEvent.change(field, { target: { value: "3" } });
    fireEvent.change(field, { target: { value: "32" } });
    expect(sizes()).toEqual([784, 16, 16, 10]);
    expect(app.sent()).toHaveLength(sentBefore);
    fireEvent.keyDown(field, { key: "Enter" });
    expect(sizes()).toEqual([784, 32, 16, 10]);
    fireEvent.change(field, { target: { value: "64" } });
    fireEvent.blur(field);
    expect(sizes()).toEqual([784, 64, 16, 10]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it.each([
    ["1000", "“1000” is not a whole number from 1 to 512; layer 1 keeps 16 neurons."],
    ["-5", "“-5” is not a whole number from 1 to 512; layer 1 keeps 16 neurons."],
    ["1e400", "“1e400” is not a whole number from 1 to 512; layer 1 keeps 16 neurons."],
    ["2.5", "“2.5” is not a whole number from 1 to 512; layer 1 keeps 16 neurons."],
  ])("refuses %s with a sentence and keeps the network", (typed, message) => {
    const { field, sizes } = open();
    fireEvent.change(field, { target: { value: typed } });
    fireEvent.blur(field);
    expect(screen.getByRole("alert").textContent).toBe(message);
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.value).toBe("16");
    expect(sizes()).toEqual([784, 16, 16, 10]);
  });

  it("Escape puts the current size back and clears the message", () => {
    const { field, sizes } = open();
    fireEvent.change(field, { target: { value: "0" } });
    fireEvent.keyDown(field, { key: "Enter" });
    fireEvent.change(field, { target: { value: "99" } });
    fireEvent.keyDown(field, { key: "Escape" });
    expect(field.value).toBe("16");
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.blur(field);
    expect(sizes()).toEqual([784, 16, 16, 10]);
  });
});
