// Which MNIST test image a scene shows: a number input labelled "Test image", a Random button, the label; and, when
// the scene was opened on the learner's drawing (ExamplePicker), a choice between that drawing and a test image.
import { useContext, useState } from "react";
import type { MnistSplit } from "../../engine/idx.ts";
import { SetDrawing } from "../drawingContext.ts";
import { DrawExample } from "./DrawExample.tsx";
import type { LessonExamples } from "../example.ts";
import { imageLabel } from "../testImage.ts";
import { NumberPicker } from "./NumberPicker.tsx";

export function ImagePicker({
  test,
  value,
  onChange,
  label = imageLabel(test, value),
}: {
  test: MnistSplit;
  value: number;
  onChange: (index: number) => void;
  /** The digit shown: the test image's label unless another example is in its place. */
  label?: number;
}) {
  return (
    <div className="image-picker">
      <NumberPicker label="Test image" value={value} min={0} max={test.count - 1} onChange={onChange} />
      <button type="button" onClick={() => onChange(Math.floor(Math.random() * test.count))}>
        Random image
      </button>
      <span className="image-label">
        labelled <strong className="num">{label}</strong>
      </span>
    </div>
  );
}

/**
 * The example of a scene that takes the learner's drawing: "Your drawing" or "A test image", then the picker; and
 * "Draw your own…", a small pad whose drawing becomes the page's (and so every such scene's) example.
 */
export function ExamplePicker({ test, examples }: { test: MnistSplit; examples: LessonExamples }) {
  const setDrawing = useContext(SetDrawing);
  const [drawingOne, setDrawingOne] = useState(false);
  const draw = setDrawing ? (
    drawingOne ? (
      <DrawExample
        onUse={(x, label) => {
          setDrawingOne(false);
          setDrawing(x, label);
        }}
        onCancel={() => setDrawingOne(false)}
      />
    ) : (
      <button type="button" onClick={() => setDrawingOne(true)}>
        Draw your own…
      </button>
    )
  ) : null;
  return (
    <>
      <Choice test={test} examples={examples} />
      {draw}
    </>
  );
}

/** A test image, or (when there is a drawing) the drawing or a test image. */
function Choice({ test, examples }: { test: MnistSplit; examples: LessonExamples }) {
  const { choice, drawing, example } = examples;
  if (!drawing) return <ImagePicker test={test} value={choice.index} onChange={examples.pickTest} />;
  return (
    <div className="example-picker" role="group" aria-label="Example">
      <div className="example-choice">
        <button type="button" aria-pressed={choice.mine} onClick={examples.pickDrawing}>
          Your drawing
        </button>
        <button type="button" aria-pressed={!choice.mine} onClick={() => examples.pickTest(choice.index)}>
          A test image
        </button>
      </div>
      {choice.mine ? (
        <span className="image-label">
          your drawing, labelled <strong className="num">{example.label}</strong> by you
        </span>
      ) : (
        <ImagePicker test={test} value={choice.index} onChange={examples.pickTest} />
      )}
    </div>
  );
}
