// The output layer as ten bars, digits 0–9, painted from each frame by direct DOM writes (never React state);
// the prediction they imply goes to the store only when its digit or rounded percentage changes.
import { useEffect, useRef } from "react";
import type { OutputActivation } from "../engine/activations.ts";
import { answer } from "../engine/analysis.ts";
import { THEME } from "../render/theme.ts";
import type { Prediction } from "../store/appStore.ts";
import type { ProbeActivations } from "../worker/protocol.ts";
import { useApp, useAppStore, useClient } from "./context.tsx";

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * The network's answer from its output activations a: the digit is argmax a; its confidence is a[digit] for
 * softmax outputs (already probabilities), a[digit] / Σa for sigmoid outputs. The engine's `answer`, which the
 * experiments use too.
 */
export function predict(a: ArrayLike<number>, output: OutputActivation): Prediction {
  return answer(a, output);
}

/** A confidence as a whole percentage, as shown and announced. */
export function percent(confidence: number): number {
  return Math.round(100 * confidence);
}

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
    fill.style.background = isPredicted ? THEME.highlight : THEME.blue;
    label.style.opacity = String(0.35 + 0.65 * v);
    label.style.color = isPredicted ? THEME.highlight : "";
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
  const prediction = useApp((s) => s.prediction);
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
      const state = store.getState();
      const a = probe?.a[probe.a.length - 1];
      // No image, or a diverged network whose outputs are not numbers: no bars, no prediction.
      if (!a || a.length === 0 || !Array.from(a).every(Number.isFinite)) {
        paintBars(rows, null, -1);
        if (state.prediction) state.setPrediction(null);
        const diverged = !!a && a.length > 0;
        if (note && note.textContent !== (diverged ? NOT_FINITE : ""))
          note.textContent = diverged ? NOT_FINITE : "";
        return;
      }
      if (note && note.textContent) note.textContent = "";
      const next = predict(a, state.spec.output);
      paintBars(rows, a, next.digit);
      const old = state.prediction;
      if (!old || old.digit !== next.digit || percent(old.confidence) !== percent(next.confidence))
        state.setPrediction(next);
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
        {DIGITS.map((d) => (
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
            <span style={{ height: "0.8em", background: "rgba(255,255,255,0.08)", borderRadius: 2 }}>
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
      {prediction ? null : <p style={{ margin: 0, opacity: 0.7 }}>Draw a digit</p>}
      <p ref={noteRef} className="hint" />
      <p style={{ fontSize: "0.75rem", opacity: 0.7, margin: "0.25em 0 0" }}>
        {output === "softmax" ? "confidence = softmax probability aⱼ" : "confidence = a / Σa"}
      </p>
    </section>
  );
}
