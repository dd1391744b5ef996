// @vitest-environment jsdom
// DrawingPad: the first ink is sent at once, then at most one 784-pixel setProbe per animation frame; Clear
// empties pad, probe and prediction.
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DrawingPad } from "../../src/components/DrawingPad.tsx";
import type { Command, Probe } from "../../src/worker/protocol.ts";
import { fakeCanvas, manualFrames, setup } from "./inputHarness.tsx";

type SetProbe = Extract<Command, { op: "setProbe" }>;

function probes(sent: Command[]): SetProbe[] {
  return sent.filter((c): c is SetProbe => c.op === "setProbe");
}

function pixelsOf(probe: Probe | null): Float32Array {
  if (probe?.kind !== "pixels") throw new Error(`expected a pixels probe, got ${JSON.stringify(probe)}`);
  return probe.pixels;
}

let canvasState: ReturnType<typeof fakeCanvas>;
let frames: ReturnType<typeof manualFrames>;

beforeEach(() => {
  canvasState = fakeCanvas();
  frames = manualFrames();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function drawStroke(pad: HTMLElement) {
  fireEvent.pointerDown(pad, { pointerId: 1, pointerType: "mouse", button: 0, clientX: 140, clientY: 60 });
  fireEvent.pointerMove(pad, { pointerId: 1, pointerType: "mouse", clientX: 140, clientY: 120 });
  fireEvent.pointerMove(pad, { pointerId: 1, pointerType: "mouse", clientX: 140, clientY: 220 });
  fireEvent.pointerUp(pad, { pointerId: 1, pointerType: "mouse", clientX: 140, clientY: 220 });
}

describe("DrawingPad", () => {
  it("is a focusable, labelled canvas with instructions and a Clear button", () => {
    const app = setup();
    app.render(<DrawingPad />);
    const pad = screen.getByRole("img", { name: "Drawing pad" });
    expect(pad.tabIndex).toBe(0);
    expect(pad.style.touchAction).toBe("none");
    expect(pad.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(pad.getAttribute("aria-describedby") ?? "")?.textContent).toMatch(
      /arrow keys/,
    );
    expect(screen.getByRole("button", { name: "Clear" })).toBeTruthy();
  });

  it("sends the first ink at once, then the rest of the stroke once per animation frame", () => {
    const app = setup({ input: { kind: "test", index: 3, label: 5 } });
    app.render(<DrawingPad />);
    drawStroke(screen.getByRole("img", { name: "Drawing pad" }));
    expect(probes(app.sent())).toHaveLength(1); // the leading edge: no wait for a frame
    frames.flush();

    const sent = probes(app.sent());
    expect(sent).toHaveLength(2); // the moves after it, coalesced into one send
    expect(pixelsOf(sent[0]?.probe ?? null)).toHaveLength(784);
    const pixels = pixelsOf(sent[1]?.probe ?? null);
    expect(pixels).toHaveLength(784);
    expect(Math.max(...pixels)).toBeGreaterThan(0.5);
    expect(Math.min(...pixels)).toBe(0);
    // The buffer is transferred, and the store now says the input is the pad.
    const call = app.postMessage.mock.calls.findLast((c) => (c[0] as Command).op === "setProbe");
    expect(call?.[1]).toEqual([pixels.buffer]);
    expect(app.store.getState().input).toEqual({ kind: "pad" });
  });

  it("paints the processed 28×28 image beside the pad", () => {
    const app = setup();
    app.render(<DrawingPad />);
    drawStroke(screen.getByRole("img", { name: "Drawing pad" }));
    frames.flush();
    const seen = screen.getByRole("img", { name: /What the network sees/ }) as HTMLCanvasElement;
    const put = canvasState(seen).put;
    expect(put?.width).toBe(28);
    expect(put?.data.some((v, i) => i % 4 === 0 && v > 128)).toBe(true);
  });

  it("gives each setProbe a larger id than the last", () => {
    const app = setup();
    app.render(<DrawingPad />);
    const pad = screen.getByRole("img", { name: "Drawing pad" });
    let now = 1000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    drawStroke(pad);
    frames.flush();
    now += 100; // a later stroke: its first ink goes out at once again
    drawStroke(pad);
    frames.flush();
    const ids = probes(app.sent()).map((c) => c.id);
    expect(ids).toHaveLength(4);
    ids.slice(1).forEach((id, i) => expect(id).toBeGreaterThan(ids[i] ?? Infinity));
  });

  it("ignores moves of a pointer that is not drawing", () => {
    const app = setup();
    app.render(<DrawingPad />);
    const pad = screen.getByRole("img", { name: "Drawing pad" });
    fireEvent.pointerMove(pad, { pointerId: 1, pointerType: "mouse", clientX: 10, clientY: 10 });
    fireEvent.pointerDown(pad, { pointerId: 2, pointerType: "mouse", button: 2, clientX: 10, clientY: 10 });
    frames.flush();
    expect(probes(app.sent())).toHaveLength(0);
  });

  it("Clear empties the pad, sends probe null and clears the prediction", () => {
    const app = setup();
    app.render(<DrawingPad />);
    const pad = screen.getByRole("img", { name: "Drawing pad" });
    drawStroke(pad);
    frames.flush();
    act(() => app.store.getState().setPrediction({ digit: 1, confidence: 0.9 }));

    fireEvent.click(screen.getByRole("button", { name: "Clear" }));
    const sent = probes(app.sent());
    expect(sent.at(-1)?.probe).toBeNull();
    expect(sent.at(-1)?.id).toBeGreaterThan(sent.at(-2)?.id ?? Infinity);
    expect(app.store.getState().prediction).toBeNull();
    expect(canvasState(pad as HTMLCanvasElement).inked).toBe(false);
    frames.flush();
    expect(probes(app.sent())).toHaveLength(sent.length); // nothing left over to send
  });

  it("Clear in the middle of a frame cancels the pending send", () => {
    const app = setup();
    app.render(<DrawingPad />);
    drawStroke(screen.getByRole("img", { name: "Drawing pad" }));
    fireEvent.click(screen.getByRole("button", { name: "Clear" }));
    frames.flush();
    expect(probes(app.sent()).map((c) => c.probe?.kind ?? null)).toEqual(["pixels", null]);
  });

  it("draws from the keyboard: Space lowers the pen, arrows move it, Escape clears", () => {
    const app = setup();
    app.render(<DrawingPad />);
    const pad = screen.getByRole("img", { name: "Drawing pad" });
    pad.focus();
    fireEvent.keyDown(pad, { key: " " });
    fireEvent.keyDown(pad, { key: "ArrowDown" });
    fireEvent.keyDown(pad, { key: "ArrowDown" });
    frames.flush();
    expect(pixelsOf(probes(app.sent())[0]?.probe ?? null)).toHaveLength(784);

    fireEvent.keyDown(pad, { key: "Escape" });
    expect(probes(app.sent()).at(-1)?.probe).toBeNull();
  });

  it("empties itself when a test image is chosen instead", () => {
    const app = setup();
    app.render(<DrawingPad />);
    const pad = screen.getByRole("img", { name: "Drawing pad" }) as HTMLCanvasElement;
    drawStroke(pad);
    act(() => app.store.getState().setInput({ kind: "test", index: 7, label: null }));
    frames.flush();
    expect(canvasState(pad).inked).toBe(false);
    // The leading edge went out before the switch; the stroke's pending send did not.
    expect(probes(app.sent()).map((c) => c.probe?.kind)).toEqual(["pixels", "test"]);
    expect(probes(app.sent()).at(-1)?.probe).toEqual({ kind: "test", index: 7 });
  });
});
