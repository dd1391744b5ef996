// @vitest-environment jsdom
// DrawingPad: the first ink is sent at once, then at most one MNIST-sized setProbe per animation frame; Clear
// empties pad, probe and prediction. Time and frames come from a fake clock: nothing depends on the machine's speed.
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DrawingPad } from "../../src/components/DrawingPad.tsx";
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_SIDE } from "../../src/engine/mnist.ts";
import type { Command, Probe } from "../../src/worker/training/protocol.ts";
import { fakeClock, type FakeClock } from "../render/fakeClock.ts";
import { fakeCanvas, setup } from "./inputHarness.tsx";

type SetProbe = Extract<Command, { op: "setProbe" }>;

function probes(sent: Command[]): SetProbe[] {
  return sent.filter((c): c is SetProbe => c.op === "setProbe");
}

function pixelsOf(probe: Probe | null): Float32Array {
  if (probe?.kind !== "pixels") throw new Error(`expected a pixels probe, got ${JSON.stringify(probe)}`);
  return probe.pixels;
}

let canvasState: ReturnType<typeof fakeCanvas>;
let clock: FakeClock;

beforeEach(() => {
  canvasState = fakeCanvas();
  clock = fakeClock();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The pad on the test's clock, in an explorable over a fake worker. */
function renderPad(overrides: Parameters<typeof setup>[0] = {}) {
  const app = setup(overrides);
  app.render(<DrawingPad clock={clock} />);
  return app;
}

function drawStroke(pad: HTMLElement) {
  fireEvent.pointerDown(pad, { pointerId: 1, pointerType: "mouse", button: 0, clientX: 140, clientY: 60 });
  fireEvent.pointerMove(pad, { pointerId: 1, pointerType: "mouse", clientX: 140, clientY: 120 });
  fireEvent.pointerMove(pad, { pointerId: 1, pointerType: "mouse", clientX: 140, clientY: 220 });
  fireEvent.pointerUp(pad, { pointerId: 1, pointerType: "mouse", clientX: 140, clientY: 220 });
}

describe("DrawingPad", () => {
  it("is a focusable, labelled canvas with instructions and a Clear button", () => {
    renderPad();
    const pad = screen.getByRole("img", { name: "Drawing pad" });
    expect(pad.tabIndex).toBe(0);
    expect(pad.style.touchAction).toBe("none");
    expect(document.getElementById(pad.getAttribute("aria-describedby") ?? "")?.textContent).toMatch(
      /arrow keys/,
    );
    expect(screen.getByRole("button", { name: "Clear" }).textContent).toBe("Clear");
  });

  it("sends the first ink at once, then the rest of the stroke once per animation frame", () => {
    const app = renderPad({ input: { kind: "test", index: 3, label: 5 } });
    drawStroke(screen.getByRole("img", { name: "Drawing pad" }));
    expect(probes(app.sent())).toHaveLength(1); // the leading edge: no wait for a frame
    clock.flush();

    const sent = probes(app.sent());
    expect(sent).toHaveLength(2); // the moves after it, coalesced into one send
    expect(pixelsOf(sent[0]?.probe ?? null)).toHaveLength(MNIST_PIXELS);
    const pixels = pixelsOf(sent[1]?.probe ?? null);
    expect(pixels).toHaveLength(MNIST_PIXELS);
    expect(Math.max(...pixels)).toBeGreaterThan(0.5);
    expect(Math.min(...pixels)).toBe(0);
    // The buffer is transferred, and the store now says the input is the pad.
    const call = app.postMessage.mock.calls.findLast((c) => (c[0] as Command).op === "setProbe");
    expect(call?.[1]).toEqual([pixels.buffer]);
    expect(app.store.getState().input).toEqual({ kind: "pad" });
  });

  it("sends at once again when a frame's time has passed since the last send, whatever the machine's speed", () => {
    const app = renderPad();
    const pad = screen.getByRole("img", { name: "Drawing pad" });
    fireEvent.pointerDown(pad, { pointerId: 1, pointerType: "mouse", button: 0, clientX: 140, clientY: 60 });
    fireEvent.pointerMove(pad, { pointerId: 1, pointerType: "mouse", clientX: 140, clientY: 80 });
    expect(probes(app.sent())).toHaveLength(1);
    expect(clock.pending().frames).toBe(1); // the move waits for the next frame
    clock.advance(15);
    fireEvent.pointerMove(pad, { pointerId: 1, pointerType: "mouse", clientX: 140, clientY: 100 });
    expect(clock.pending().frames).toBe(1); // still the one waiting send
    clock.flush();
    expect(probes(app.sent())).toHaveLength(2);
    clock.advance(16);
    fireEvent.pointerMove(pad, { pointerId: 1, pointerType: "mouse", clientX: 140, clientY: 120 });
    expect(probes(app.sent())).toHaveLength(3); // a frame's time since the last send: no wait
    expect(clock.pending().frames).toBe(0);
  });

  it("paints the processed MNIST-sized image beside the pad", () => {
    renderPad();
    drawStroke(screen.getByRole("img", { name: "Drawing pad" }));
    clock.flush();
    const seen = screen.getByRole("img", { name: /What the network sees/ }) as HTMLCanvasElement;
    const put = canvasState(seen).put;
    expect(put?.width).toBe(MNIST_SIDE);
    expect(put?.data.some((v, i) => i % 4 === 0 && v > 128)).toBe(true);
  });

  it("gives each setProbe a larger id than the last", () => {
    const app = renderPad();
    const pad = screen.getByRole("img", { name: "Drawing pad" });
    drawStroke(pad);
    clock.flush();
    clock.advance(100); // a later stroke: its first ink goes out at once again
    drawStroke(pad);
    clock.flush();
    const ids = probes(app.sent()).map((c) => c.id);
    expect(ids).toHaveLength(4);
    ids.slice(1).forEach((id, i) => expect(id).toBeGreaterThan(ids[i] ?? Infinity));
  });

  it("ignores moves of a pointer that is not drawing", () => {
    const app = renderPad();
    const pad = screen.getByRole("img", { name: "Drawing pad" });
    fireEvent.pointerMove(pad, { pointerId: 1, pointerType: "mouse", clientX: 10, clientY: 10 });
    fireEvent.pointerDown(pad, { pointerId: 2, pointerType: "mouse", button: 2, clientX: 10, clientY: 10 });
    clock.flush();
    expect(probes(app.sent())).toHaveLength(0);
  });

  it("Clear empties the pad and sends probe null, so the worker's answer clears the prediction", () => {
    const app = renderPad();
    const pad = screen.getByRole("img", { name: "Drawing pad" });
    drawStroke(pad);
    clock.flush();
    const outputs = Float32Array.from({ length: MNIST_CLASSES }, (_, j) => (j === 1 ? 0.9 : 0.01));
    app.emit({ type: "probed", probe: { probeId: 2, z: [], a: [outputs] } });
    expect(app.store.getState().answer.kind).toBe("prediction");

    fireEvent.click(screen.getByRole("button", { name: "Clear" }));
    const sent = probes(app.sent());
    expect(sent.at(-1)?.probe).toBeNull();
    expect(sent.at(-1)?.id).toBeGreaterThan(sent.at(-2)?.id ?? Infinity);
    expect(canvasState(pad as HTMLCanvasElement).inked).toBe(false);
    app.emit({ type: "probed", probe: null });
    expect(app.store.getState().answer).toEqual({ kind: "none" });
    clock.flush();
    expect(probes(app.sent())).toHaveLength(sent.length); // nothing left over to send
  });

  it("Clear in the middle of a frame cancels the pending send", () => {
    const app = renderPad();
    drawStroke(screen.getByRole("img", { name: "Drawing pad" }));
    fireEvent.click(screen.getByRole("button", { name: "Clear" }));
    clock.flush();
    expect(probes(app.sent()).map((c) => c.probe?.kind ?? null)).toEqual(["pixels", null]);
  });

  it("draws from the keyboard: Space lowers the pen, arrows move it, Escape clears", () => {
    const app = renderPad();
    const pad = screen.getByRole("img", { name: "Drawing pad" });
    pad.focus();
    fireEvent.keyDown(pad, { key: " " });
    fireEvent.keyDown(pad, { key: "ArrowDown" });
    fireEvent.keyDown(pad, { key: "ArrowDown" });
    clock.flush();
    expect(pixelsOf(probes(app.sent())[0]?.probe ?? null)).toHaveLength(MNIST_PIXELS);

    fireEvent.keyDown(pad, { key: "Escape" });
    expect(probes(app.sent()).at(-1)?.probe).toBeNull();
  });

  it("empties itself when a test image is chosen instead", () => {
    const app = renderPad();
    const pad = screen.getByRole("img", { name: "Drawing pad" }) as HTMLCanvasElement;
    drawStroke(pad);
    act(() => app.store.getState().setInput({ kind: "test", index: 7, label: null }));
    clock.flush();
    expect(canvasState(pad).inked).toBe(false);
    // The leading edge went out before the switch; the stroke's pending send did not.
    expect(probes(app.sent()).map((c) => c.probe?.kind)).toEqual(["pixels", "test"]);
    expect(probes(app.sent()).at(-1)?.probe).toEqual({ kind: "test", index: 7 });
  });
});
