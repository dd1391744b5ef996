// A labelled whole-number input (test image, neuron) that keeps the reader's half-typed text and reports
// only valid values.
import { useState } from "react";

export interface NumberPickerProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly onChange: (value: number) => void;
}

export function NumberPicker({ label, value, min, max, onChange }: NumberPickerProps) {
  const [draft, setDraft] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // Changed from elsewhere (a Random button): show it.
    setShown(value);
    setDraft(String(value));
  }
  const n = Number(draft);
  const valid = draft.trim() !== "" && Number.isInteger(n) && n >= min && n <= max;
  return (
    <label className="picker">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        step={1}
        value={draft}
        aria-invalid={!valid}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          const v = Number(text);
          if (text.trim() !== "" && Number.isInteger(v) && v >= min && v <= max && v !== value) {
            setShown(v);
            onChange(v);
          }
        }}
        onBlur={() => setDraft(String(value))}
      />
      <span className="picker-range">
        {min}–{max}
      </span>
    </label>
  );
}
