// "Draw your own": a small sketch pad in a scene, the digit the learner says it is, and a button that makes the
// drawing the scene's example (the pad's strokes read as MNIST reads them: engine/drawing.ts).
import { useMemo, useState } from "react";
import { LabelPicker } from "../../components/LabelPicker.tsx";
import { SketchPad } from "../../components/SketchPad.tsx";
import { drawingToMnist, type Strokes } from "../../engine/drawing.ts";

const NO_DRAWINGS = [] as const;

export function DrawExample({
  onUse,
  onCancel,
}: {
  onUse: (x: Float32Array, label: number) => void;
  onCancel: () => void;
}) {
  const [strokes, setStrokes] = useState<Strokes | null>(null);
  const [label, setLabel] = useState<number | null>(null);
  const x = useMemo(() => (strokes ? drawingToMnist(strokes) : null), [strokes]);
  return (
    <div className="draw-example" role="group" aria-label="Draw your own example">
      <SketchPad onDrawing={setStrokes} drawings={NO_DRAWINGS} size={200} />
      <LabelPicker prompt="Which digit is it?" label={label} onLabel={setLabel} />
      <div className="draw-example-actions">
        <button
          type="button"
          className="primary"
          disabled={!x || label === null}
          onClick={() => x && label !== null && onUse(x, label)}
        >
          Use this drawing
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
