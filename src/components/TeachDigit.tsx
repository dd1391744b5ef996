// "Teach it your digit": under the answer to a drawing, the learner says which digit it really is and the
// network takes one gradient step on that drawing alone; the drawing's cost before and after shows, and Undo
// takes the step back (the worker keeps the weights from before it).
import { formatValue } from "../render/theme.ts";
import { predictionOf } from "../store/appStore.ts";
import "./firstMinute.css";
import { useApp, useAppStore } from "./context.tsx";

const DIGITS = Array.from({ length: 10 }, (_, d) => d);

export function TeachDigit() {
  const store = useAppStore();
  const onPad = useApp((s) => s.input.kind === "pad");
  const prediction = useApp(predictionOf);
  const taught = useApp((s) => s.taught);
  const ready = useApp((s) => s.phase === "ready");
  const eta = useApp((s) => s.hyper.learningRate);
  if (!onPad || (!prediction && !taught)) return null;
  return (
    <div className="teach-digit" role="group" aria-label="Teach it your digit">
      <p className="hint">
        Which digit did you draw? One step of gradient descent (η = {eta}) on your drawing alone:
      </p>
      <div className="teach-buttons">
        {DIGITS.map((d) => (
          <button
            key={d}
            type="button"
            className="num"
            disabled={!ready}
            onClick={() => store.getState().teach(d)}
          >
            {d}
          </button>
        ))}
      </div>
      {taught ? (
        <p className="teach-result" role="status">
          Taught as a {taught.label}: the cost of your drawing went from{" "}
          <span className="num">{formatValue(taught.costBefore, 3)}</span> to{" "}
          <span className="num">{formatValue(taught.costAfter, 3)}</span>.{" "}
          <button type="button" onClick={() => store.getState().undoTeach()}>
            Undo
          </button>
        </p>
      ) : null}
    </div>
  );
}
