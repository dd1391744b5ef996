// Feed the network an MNIST test image instead of a drawing: by number, at random, or the previous/next one;
// shows the image and its true label when the worker sends them.
import { useEffect, useRef, useState } from "react";
import { MNIST_SIDE, MNIST_TEST_COUNT } from "../engine/mnist.ts";
import type { AppStore } from "../store/appStore.ts";
import type { TrainingClient } from "../worker/training/client.ts";
import { clearCanvas, paintGrayscale } from "../render/pad.ts";
import { THEME } from "../render/theme.ts";
import { useApp, useAppStore, useClient } from "./context.tsx";

const TEST_COUNT = MNIST_TEST_COUNT;

/** Paints the test image the worker sends for the current pick (and records its label). */
function useTestImage(
  canvas: React.RefObject<HTMLCanvasElement | null>,
  client: TrainingClient,
  store: AppStore,
) {
  useEffect(() => {
    const ctx = canvas.current?.getContext("2d");
    if (ctx) clearCanvas(ctx, THEME.off);
    return client.on("testImage", (e) => {
      const { input } = store.getState();
      if (input.kind !== "test" || input.index !== e.index) return; // an answer to an earlier pick
      if (ctx) paintGrayscale(ctx, e.pixels, MNIST_SIDE, MNIST_SIDE, 255);
      // The label arrives with the image; record it without setInput, which would ask for the image again.
      if (input.label !== e.label)
        store.setState({ input: { kind: "test", index: e.index, label: e.label } });
    });
  }, [canvas, client, store]);
}

/** Previous, Next and Random, from `base`. */
function StepButtons({ base, pick }: { base: number; pick: (index: number) => void }) {
  return (
    <>
      <button type="button" onClick={() => pick(base - 1)}>
        Previous
      </button>
      <button type="button" onClick={() => pick(base + 1)}>
        Next
      </button>
      <button type="button" onClick={() => pick(Math.floor(Math.random() * TEST_COUNT))}>
        Random
      </button>
    </>
  );
}

export function TestImagePicker() {
  const client = useClient();
  const store = useAppStore();
  const testReady = useApp((s) => s.testReady);
  const input = useApp((s) => s.input);
  const current = input.kind === "test" ? input.index : null;
  const label = input.kind === "test" ? input.label : null;
  const imageRef = useRef<HTMLCanvasElement>(null);

  // The number field's text; follows the store when the test image is chosen elsewhere.
  // Empty until an image is chosen, so typing any number (0 too) is a change that picks it.
  const [draft, setDraft] = useState(current === null ? "" : String(current));
  const [followed, setFollowed] = useState(current);
  if (current !== followed) {
    setFollowed(current);
    if (current !== null) setDraft(String(current));
  }

  const pick = (index: number) => {
    const i = ((index % TEST_COUNT) + TEST_COUNT) % TEST_COUNT;
    setDraft(String(i));
    store.getState().setInput({ kind: "test", index: i, label: null });
  };
  const base = current ?? (Number.parseInt(draft, 10) || 0);

  useTestImage(imageRef, client, store);

  return (
    <fieldset
      className="test-image-picker"
      disabled={!testReady}
      style={{
        border: "none",
        padding: 0,
        margin: "1rem 0 0",
        display: "flex",
        gap: "0.75rem",
        alignItems: "center",
      }}
    >
      <legend style={{ padding: 0, marginBottom: "0.25rem" }}>
        Or feed it an image from the MNIST test set
      </legend>
      <canvas
        ref={imageRef}
        width={MNIST_SIDE}
        height={MNIST_SIDE}
        role="img"
        aria-label={current === null ? "No test image chosen" : `Test image ${current}`}
        style={{
          width: 56,
          height: 56,
          imageRendering: "pixelated",
          background: THEME.off,
          opacity: current === null ? 0.3 : 1,
        }}
      />
      <div style={{ display: "flex", flexDirection: "column", gap: "0.25rem" }}>
        <div style={{ display: "flex", gap: "0.25rem", alignItems: "center", flexWrap: "wrap" }}>
          <label>
            Test image{" "}
            <input
              type="number"
              min={0}
              max={TEST_COUNT - 1}
              step={1}
              value={draft}
              placeholder="0–9999"
              onChange={(e) => {
                const text = e.currentTarget.value;
                setDraft(text);
                const i = Number(text);
                if (text !== "" && Number.isInteger(i) && i >= 0 && i < TEST_COUNT && i !== current) pick(i);
              }}
              style={{ width: "7.5em", fontFamily: THEME.monoFont }}
            />
          </label>
          <StepButtons base={base} pick={pick} />
        </div>
        <p style={{ margin: 0, fontSize: "0.9rem" }}>
          {!testReady ? "Loading the test set…" : label !== null ? `True label: ${label}` : "\u00a0"}
        </p>
      </div>
    </fieldset>
  );
}
