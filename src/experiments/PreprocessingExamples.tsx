// The preprocessing experiment's ready-made drawings as a table: what the chosen network reads each one as with
// every step, without each step alone and without any, computed now with the engine; an answer that differs from
// the one with every step is marked.
import { useMemo } from "react";
import { ALL_STEPS, type PreprocessSteps } from "../engine/analysis.ts";
import { readDrawing } from "../engine/drawing.ts";
import type { Network } from "../engine/network.ts";
import { PAD_SIDE } from "../render/pad.ts";
import { DRAWINGS, drawingStrokes } from "../render/drawings.ts";
import { formatConfidence } from "./parts.tsx";

type Step = keyof PreprocessSteps;

/** The table's columns: every step, each step skipped alone, none. */
const COLUMNS: readonly { key: string; title: string; steps: PreprocessSteps }[] = [
  { key: "all", title: "All steps", steps: ALL_STEPS },
  ...(Object.keys(ALL_STEPS) as Step[]).map((step) => ({
    key: `no-${step}`,
    title: `No ${step === "centre" ? "centring" : step}`,
    steps: { ...ALL_STEPS, [step]: false },
  })),
  { key: "none", title: "No steps", steps: { crop: false, scale: false, centre: false } },
];

export function PreprocessingExamples({ net }: { net: Network<Float32Array> }) {
  const rows = useMemo(
    () =>
      DRAWINGS.map((d) => {
        const strokes = drawingStrokes(d.strokes, PAD_SIDE);
        return { d, answers: COLUMNS.map((c) => readDrawing(net, strokes, PAD_SIDE, c.steps)!) };
      }),
    [net],
  );
  return (
    <div className="preprocess-examples">
      <table>
        <caption>What this network reads each ready-made drawing as</caption>
        <thead>
          <tr>
            <th scope="col">Drawing</th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ d, answers }) => (
            <tr key={d.name} data-drawing={d.name}>
              <th scope="row">{d.name}</th>
              {answers.map((a, i) => (
                <td
                  key={COLUMNS[i]!.key}
                  data-column={COLUMNS[i]!.key}
                  data-digit={a.digit}
                  className={a.digit === answers[0]!.digit ? "num" : "num changed"}
                >
                  <strong>{a.digit}</strong>
                  <span className="confidence">{formatConfidence(a.confidence)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Marked: an answer that differs from the one with every step. Pick a drawing on the pad and switch the
        same step off to see why.
      </p>
    </div>
  );
}
