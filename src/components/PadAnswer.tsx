// The answer pinned beside the pad where the output panel is far below it (one-column layouts: tablets and
// phones): the digit, its confidence and the runners-up, read from the store's one derived prediction.
import { percent } from "../store/prediction.ts";
import { predictionOf } from "../store/appStore.ts";

import "./firstMinute.css";
import { useApp } from "./context.tsx";

export function PadAnswer() {
  const prediction = useApp(predictionOf);
  const hidden = useApp((s) => s.hide.includes("output"));
  if (hidden) return null;
  return (
    <div className="pad-answer" data-digit={prediction?.digit ?? ""}>
      <span className="hint">It reads</span>
      <strong className="num pad-answer-digit">{prediction ? prediction.digit : "–"}</strong>
      <span className="num">{prediction ? `${percent(prediction.confidence)}%` : "draw a digit"}</span>
      {prediction ? (
        <span className="hint num">
          then{" "}
          {prediction.top
            .slice(1)
            .map((t) => `${t.digit} (${percent(t.confidence)}%)`)
            .join(", ")}
        </span>
      ) : null}
    </div>
  );
}
