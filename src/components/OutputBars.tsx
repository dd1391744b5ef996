// The output layer as ten bars, digits 0–9, painted from each frame by direct DOM writes (never React state), with
// the store's prediction (derived once from the same activations, src/store/prediction.ts) highlighted and announced.
import { useEffect, useRef } from "react";
import { MNIST_DIGITS } from "../engine/mnist.ts";
import { PALETTE, THEME } from "../render/theme.ts";
import { predictionOf } from "../store/appStore.ts";
import { percent } from "../store/prediction.ts";
import type { ProbeActivations } from "../worker/training/protocol.ts";
import { useApp, useAppStore, useClient } from "./context.tsx";

/** The elements of one bar, written to on every frame. */
interface Row {
  readonly row: HTMLElement;
  readonly label: HTMLElement;
  readonly fill: HTMLElement;
  readonly value: HTMLElement;
}

function part(row: HTMLElement, name: string): HTMLElement {
  const el = row.querySelector<HTMLElement>(`[data-part=${name}]`);
  if (!el) throw new Error(`output bar without a ${name}`);
  return el;
}

/** Writes activations (null: no probe, all dark) into the bars, the predicted digit (or −1) highlighted. */
function paintBars(rows: readonly Row[], a: ArrayLike<number> | null, predicted: number): void {
  rows.forEach(({ row, label, fill, value }, j) => {
    const v = a ? Math.min(1, Math.max(0, a[j] ?? 0)) : 0;
    const isPredicted = j === predicted;
    fill.style.width = `${100 * v}%`;
    fill.style.background = isPredicted ? THEME.accent : THEME.positive;
    label.style.opacity = String(0.35 + 0.65 * v);
    label.style.color = isPredicted ? THEME.accent : "";
    const text = a ? (a[j] ?? 0).toFixed(2) : "–";
    if (value.textContent !== text) value.textContent = text;
    row.dataset["predicted"] = String(isPredicted);
  });
}

const NOT_FINITE = "No prediction: the outputs are not numbers (the weights have diverged).";

export function OutputBars() {
  const client = useClient();
  const store = useAppStore();
  const output = useApp((s) => s.spec.output);
  const prediction = useApp((s) => predictionOf(s));
  const noInput = useApp((s) => s.answer.kind === "none");
  const listRef = useRef<HTMLOListElement>(null);
  const noteRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const list = listRef.current;
    const note = noteRef.current;
    if (!list) return;
    const rows: Row[] = Array.from(list.children as HTMLCollectionOf<HTMLElement>, (row) => ({
      row,
      label: part(row, "label"),
      fill: part(row, "fill"),
      value: part(row, "value"),
    }));
    const show = (probe: ProbeActivations | null) => {
      // The store derived its answer from this probe before this listener runs (it subscribed first).
      const answer = store.getState().answer;
      const a = probe?.a[probe.a.length - 1];
      const diverged = answer.kind === "notFinite";
      if (answer.kind !== "prediction" || !a) paintBars(rows, null, -1);
      else paintBars(rows, a, answer.prediction.digit);
      const text = diverged ? NOT_FINITE : "";
      if (note && note.textContent !== text) note.textContent = text;
    };
    // Frames bring the probe as training changes the weights; `probed` brings it the moment it is set.
    const offFrame = client.onFrame((frame) => show(frame.probe));
    const offProbed = client.on("probed", (e) => show(e.probe));
    return () => {
      offFrame();
      offProbed();
    };
  }, [client, store]);

  return (
    <section className="output-bars" aria-label="Output layer">
      <ol
        ref={listRef}
        aria-label="Output activations, digits 0 to 9"
        style={{ listStyle: "none", margin: 0, padding: 0, fontFamily: THEME.monoFont }}
      >
        {MNIST_DIGITS.map((d) => (
          <li
            key={d}
            data-predicted="false"
            style={{
              display: "grid",
              gridTemplateColumns: "1.5em 1fr 3.5em",
              gap: "0.5em",
              alignItems: "center",
            }}
          >
            <span data-part="label" style={{ fontWeight: "bold", opacity: 0.35 }}>
              {d}
            </span>
            <span style={{ height: "0.8em", background: PALETTE.track, borderRadius: 2 }}>
              <span
                data-part="fill"
                style={{ display: "block", height: "100%", width: 0, borderRadius: 2 }}
              />
            </span>
            <span data-part="value" style={{ textAlign: "right" }}>
              –
            </span>
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite" style={{ fontSize: "1.2rem", margin: "0.5em 0 0" }}>
        {prediction ? `Prediction: ${prediction.digit} (${percent(prediction.confidence)}%)` : ""}
      </p>
      {noInput && <p style={{ margin: 0, opacity: 0.7 }}>Draw a digit</p>}
      <p ref={noteRef} className="hint" />
      <p style={{ fontSize: "0.75rem", opacity: 0.7, margin: "0.25em 0 0" }}>
        {output === "softmax"
          ? "confidence = softmax probability aⱼ: the bars already add up to 1, so the percentage is the bar."
          : "confidence = a / Σa: the bars are the outputs' activations a; the percentage is this one's share of all ten."}
      </p>
    </section>
  );
}
