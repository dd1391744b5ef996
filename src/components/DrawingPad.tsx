// The drawing pad: draw a digit with a mouse, finger, pen or the keyboard (render/penInput.ts). The strokes are
// kept as vectors and turned into MNIST's 28×28 format with a pen fitted to the drawing's size
// (engine/drawing.ts; shown beside the pad) and sent to the worker as the network's probe, the first touch of
// ink at once and then at most once per animation frame. The pad on screen keeps its comfortable marker.
import { useEffect, useId, useRef, type RefObject } from "react";
import { MNIST_SIDE } from "../engine/mnist.ts";
import { drawingToMnist } from "../engine/drawing.ts";
import { browserClock, type ViewClock } from "../render/clock.ts";
import { clearCanvas, PAD_SIDE, paintGrayscale } from "../render/pad.ts";
import { PEN_INSTRUCTIONS } from "../render/penInput.ts";
import { attachStrokePad } from "../render/strokePad.ts";
import { THEME } from "../render/theme.ts";
import type { AppStore } from "../store/appStore.ts";
import type { TrainingClient } from "../worker/training/client.ts";
import { useAppStore, useClient } from "./context.tsx";
import { PadAnswer } from "./PadAnswer.tsx";
import { PadCanvas } from "./PadCanvas.tsx";

/** Sends closer together than this (an animation frame) wait for the next frame. */
const FRAME_MS = 16;

export interface DrawingPadProps {
  /** Side of the pad on screen, in CSS pixels. */
  readonly size?: number;
  /** The clock that paces the sends (the browser's by default; tests pass one they drive by hand). */
  readonly clock?: ViewClock;
}

/** What the pad does, wired to its canvases; created once per mount. */
interface PadController {
  clear(): void;
  detach(): void;
}

export function DrawingPad({ size = PAD_SIDE, clock = browserClock }: DrawingPadProps) {
  const client = useClient();
  const store = useAppStore();
  const padRef = useRef<HTMLCanvasElement>(null);
  const seenRef = useRef<HTMLCanvasElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const controller = useRef<PadController | null>(null);
  const probeId = useRef(0); // increases with every setProbe the pad sends, across remounts
  const instructionsId = useId();

  useEffect(() => {
    const pad = padRef.current;
    const ctx = pad?.getContext("2d");
    if (!pad || !ctx) return;
    const seen = seenRef.current?.getContext("2d") ?? null;
    const nextId = () => ++probeId.current;
    const attached = attachPad({ pad, ctx, seen, cursor: cursorRef.current, client, store, clock, nextId });
    controller.current = attached;
    return () => {
      attached.detach();
      controller.current = null;
    };
  }, [client, store, clock]);

  return (
    <section className="drawing-pad" aria-label="Draw a digit">
      <div style={{ display: "flex", gap: "1rem", alignItems: "flex-start", flexWrap: "wrap" }}>
        <PadCanvas padRef={padRef} cursorRef={cursorRef} size={size} describedBy={instructionsId} />
        <SeenImage canvasRef={seenRef} />
        <PadAnswer />
      </div>
      <p id={instructionsId} style={{ fontSize: "0.85rem" }}>
        {PEN_INSTRUCTIONS}
      </p>
      <button type="button" onClick={() => controller.current?.clear()}>
        Clear
      </button>
    </section>
  );
}

/** What attachPad wires together: the canvases, the explorable, the clock and the probe ids. */
interface PadParts {
  readonly pad: HTMLCanvasElement;
  readonly ctx: CanvasRenderingContext2D;
  /** The canvas showing what the network sees, if any. */
  readonly seen: CanvasRenderingContext2D | null;
  readonly cursor: HTMLElement | null;
  readonly client: TrainingClient;
  readonly store: AppStore;
  readonly clock: ViewClock;
  /** The next setProbe id, larger than every one before. */
  readonly nextId: () => number;
}

/**
 * Wires the pad: pen input paints strokes and sends the ink as a setProbe (the first touch of ink at once, then
 * at most one send per animation frame while the stroke goes on); Clear and a test image chosen elsewhere
 * empty it.
 */
function attachPad({ pad, ctx, seen, cursor, client, store, clock, nextId }: PadParts): PadController {
  let cancelSend: (() => void) | null = null; // the send waiting for the next frame, if any
  let lastSent = -Infinity; // when the last setProbe went out, clock.now()
  const inputIsPad = () => {
    const state = store.getState();
    if (state.input.kind !== "pad") state.setInput({ kind: "pad" });
  };
  const send = () => {
    cancelSend = null;
    lastSent = clock.now();
    const pixels = drawingToMnist(strokePad.strokes());
    if (!pixels) return;
    if (seen) paintGrayscale(seen, pixels, MNIST_SIDE, MNIST_SIDE);
    client.send({ op: "setProbe", probe: { kind: "pixels", pixels }, id: nextId() }, [pixels.buffer]);
    inputIsPad();
  };
  const inked = () => {
    if (cancelSend) return;
    if (clock.now() - lastSent >= FRAME_MS) send();
    else cancelSend = clock.frame(send);
  };
  const wipe = () => {
    cancelSend?.();
    cancelSend = null;
    strokePad.wipe();
    if (seen) clearCanvas(seen, THEME.off);
  };
  const clear = () => {
    wipe();
    // The worker answers with no probe, and the store's answer follows.
    client.send({ op: "setProbe", probe: null, id: nextId() });
    inputIsPad();
  };
  const strokePad = attachStrokePad(pad, ctx, { cursor, clock, onInk: inked, onClear: clear });
  // A test image chosen elsewhere replaces the drawing: the pad empties so it never shows stale ink.
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.input !== prev.input && state.input.kind === "test") wipe();
  });
  wipe();
  return {
    clear,
    detach() {
      cancelSend?.();
      unsubscribe();
      strokePad.detach();
    },
  };
}

/** The image the network sees is shown 4 CSS px per pixel. */
const SEEN_SIZE = 4 * MNIST_SIDE;

/** The drawing as the network sees it: MNIST_SIDE × MNIST_SIDE pixels, scaled up without smoothing. */
function SeenImage({ canvasRef }: { canvasRef: RefObject<HTMLCanvasElement | null> }) {
  const shape = `${MNIST_SIDE} × ${MNIST_SIDE}`;
  return (
    <figure style={{ margin: 0 }}>
      <canvas
        ref={canvasRef}
        width={MNIST_SIDE}
        height={MNIST_SIDE}
        role="img"
        aria-label={`What the network sees: your drawing as ${shape} pixels`}
        style={{
          display: "block",
          width: SEEN_SIZE,
          height: SEEN_SIZE,
          imageRendering: "pixelated",
          background: THEME.off,
        }}
      />
      <figcaption style={{ fontSize: "0.8rem", maxWidth: SEEN_SIZE }}>
        What the network sees ({shape})
      </figcaption>
    </figure>
  );
}
