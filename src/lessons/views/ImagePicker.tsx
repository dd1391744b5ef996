// Which MNIST test image a scene shows: a number input labelled "Test image", a Random button, the label.
import type { MnistSplit } from "../../engine/idx.ts";
import { imageLabel } from "../testImage.ts";
import { NumberPicker } from "./NumberPicker.tsx";

export function ImagePicker({
  test,
  value,
  onChange,
}: {
  test: MnistSplit;
  value: number;
  onChange: (index: number) => void;
}) {
  return (
    <div className="image-picker">
      <NumberPicker label="Test image" value={value} min={0} max={test.count - 1} onChange={onChange} />
      <button type="button" onClick={() => onChange(Math.floor(Math.random() * test.count))}>
        Random image
      </button>
      <span className="image-label">
        labelled <strong className="num">{imageLabel(test, value)}</strong>
      </span>
    </div>
  );
}
