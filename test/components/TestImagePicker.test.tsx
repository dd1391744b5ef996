// @vitest-environment jsdom
// TestImagePicker: picking an index sends a test probe through the store; the worker's testImage shows its label.
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TestImagePicker } from "../../src/components/TestImagePicker.tsx";
import { MNIST_TEST_COUNT as TEST_COUNT } from "../../src/engine/mnist.ts";
import type { Command } from "../../src/worker/training/protocol.ts";
import { fakeCanvas, manualFrames, setup } from "./inputHarness.tsx";

let canvasState: ReturnType<typeof fakeCanvas>;

beforeEach(() => {
  canvasState = fakeCanvas();
  manualFrames();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function testProbes(sent: Command[]): number[] {
  return sent.flatMap((c) => (c.op === "setProbe" && c.probe?.kind === "test" ? [c.probe.index] : []));
}

function ready() {
  const app = setup();
  app.render(<TestImagePicker />);
  app.emit({ type: "testReady", testCount: TEST_COUNT });
  return app;
}

const field = () => screen.getByLabelText("Test image") as HTMLInputElement;

/** The line under the controls: loading, the true label, or nothing. */
const statusLine = () => document.querySelector(".test-image-picker p")?.textContent;

describe("TestImagePicker", () => {
  it("is disabled until the test set is loaded", () => {
    const app = setup();
    app.render(<TestImagePicker />);
    expect(field().matches(":disabled")).toBe(true);
    expect(screen.getByRole("button", { name: "Random" }).matches(":disabled")).toBe(true);
    expect(statusLine()).toBe("Loading the test set…");
    app.emit({ type: "testReady", testCount: TEST_COUNT });
    expect(statusLine()).toBe("\u00a0");
    expect(field().matches(":disabled")).toBe(false);
    expect(screen.getByRole("button", { name: "Random" }).matches(":disabled")).toBe(false);
  });

  it("starts empty, so typing 0 picks test image 0", () => {
    const app = ready();
    expect(field().value).toBe("");
    fireEvent.change(field(), { target: { value: "0" } });
    expect(testProbes(app.sent())).toEqual([0]);
  });

  it("choosing index 5 sends setProbe test 5 and sets the store's input", () => {
    const app = ready();
    fireEvent.change(field(), { target: { value: "5" } });
    expect(app.sent()).toContainEqual({ op: "setProbe", probe: { kind: "test", index: 5 }, id: 5 });
    expect(app.store.getState().input).toEqual({ kind: "test", index: 5, label: null });
  });

  it("ignores a number outside the test set", () => {
    const app = ready();
    fireEvent.change(field(), { target: { value: "10000" } });
    fireEvent.change(field(), { target: { value: "-1" } });
    expect(testProbes(app.sent())).toEqual([]);
  });

  it("shows the true label and the image from the testImage event", () => {
    const app = ready();
    fireEvent.change(field(), { target: { value: "5" } });
    const pixels = new Uint8Array(784).fill(255);
    app.emit({ type: "testImage", index: 5, pixels, label: 1 });
    expect(statusLine()).toBe("True label: 1");
    expect(app.store.getState().input).toEqual({ kind: "test", index: 5, label: 1 });
    const image = screen.getByRole("img", { name: "Test image 5" }) as HTMLCanvasElement;
    expect(canvasState(image).put?.data[0]).toBe(255);
    expect(testProbes(app.sent())).toEqual([5]); // recording the label asks for nothing more
  });

  it("ignores a testImage for an earlier pick", () => {
    const app = ready();
    fireEvent.change(field(), { target: { value: "5" } });
    fireEvent.change(field(), { target: { value: "6" } });
    app.emit({ type: "testImage", index: 5, pixels: new Uint8Array(784), label: 1 });
    expect(screen.queryByText(/True label/)).toBeNull();
    app.emit({ type: "testImage", index: 6, pixels: new Uint8Array(784), label: 4 });
    expect(statusLine()).toBe("True label: 4");
  });

  it("Previous and Next step through the test set, wrapping at the ends", () => {
    const app = ready();
    fireEvent.click(screen.getByRole("button", { name: "Previous" }));
    expect(field().value).toBe(String(TEST_COUNT - 1));
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(testProbes(app.sent())).toEqual([TEST_COUNT - 1, 0, 1]);
    expect(field().value).toBe("1");
  });

  it("Random picks an index in the test set", () => {
    const app = ready();
    vi.spyOn(Math, "random").mockReturnValue(0.12345);
    fireEvent.click(screen.getByRole("button", { name: "Random" }));
    expect(testProbes(app.sent())).toEqual([1234]);
    expect(field().value).toBe("1234");
  });

  it("follows a test image chosen elsewhere, and hides the label when the pad takes over", () => {
    const app = ready();
    act(() => app.store.getState().setInput({ kind: "test", index: 42, label: null }));
    app.emit({ type: "testImage", index: 42, pixels: new Uint8Array(784), label: 9 });
    expect(field().value).toBe("42");
    expect(statusLine()).toBe("True label: 9");
    act(() => app.store.getState().setInput({ kind: "pad" }));
    expect(screen.queryByText(/True label/)).toBeNull();
  });
});
