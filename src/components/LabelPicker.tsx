// Which digit a drawing shows: the ten digits as buttons, the one chosen pressed, in a group named by its prompt
// ("It is a", "Which digit is it?"). The experiments' collection of digits and the lessons' own drawing use it.
import { useId } from "react";
import { MNIST_DIGITS } from "../engine/mnist.ts";
import "./labelPicker.css";

export function LabelPicker({
  prompt,
  label,
  onLabel,
}: {
  prompt: string;
  /** The digit chosen, or null before one is. */
  label: number | null;
  onLabel: (digit: number) => void;
}) {
  const id = useId();
  return (
    <div className="label-picker" role="group" aria-labelledby={id}>
      <span id={id} className="hint">
        {prompt}
      </span>
      {MNIST_DIGITS.map((d) => (
        <button
          key={d}
          type="button"
          className="num"
          aria-pressed={label === d}
          aria-label={`Label ${d}`}
          onClick={() => onLabel(d)}
        >
          {d}
        </button>
      ))}
    </div>
  );
}
