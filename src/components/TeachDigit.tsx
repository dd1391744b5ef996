// "Teach it your digit": under the answer to a drawing, the learner says which digit it really is and the
// network takes one gradient step on that drawing alone; the drawing's cost before and after shows, Undo takes
// the step back (the worker keeps the weights from before it), and links open the backpropagation lessons on the
// drawing the worker learned from.
import { MNIST_DIGITS } from "../engine/mnist.ts";
import { formatValue } from "../render/theme.ts";
import { predictionOf, type TaughtStep } from "../store/appStore.ts";
import { DRAWING_LESSONS, drawingSearch } from "../store/drawingLink.ts";
import "./firstMinute.css";
import { useApp, useAppStore } from "./context.tsx";

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
        {MNIST_DIGITS.map((d) => (
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
      {taught ? <LessonLinks step={taught} /> : null}
    </div>
  );
}

/** Links (new tabs, so the explorable stays as it is) to the backpropagation lessons on the drawing taught. */
function LessonLinks({ step }: { step: TaughtStep }) {
  return (
    <p className="teach-lessons hint">
      Follow backpropagation on your drawing (new tab):{" "}
      {DRAWING_LESSONS.map(({ scene, title }, i) => (
        <span key={scene}>
          {i > 0 ? " · " : null}
          <a href={drawingSearch(scene, step.x, step.label)} target="_blank" rel="noopener">
            {title}
          </a>
        </span>
      ))}
    </p>
  );
}
