// The example the backpropagation scenes follow: a test image by index, or the learner's own drawing when the
// link carried one (src/store/drawingLink.ts); its input, label and names, its mini-batch, and the engine's trace.
import { useMemo, useState } from "react";
import { imageActivations, type MnistSplit } from "../engine/idx.ts";
import { oneHot, traceExample, type Network, type Trace } from "../engine/network.ts";
import type { LessonDrawing } from "../store/drawingLink.ts";
import type { LabExample } from "../worker/lab/protocol.ts";
import { batchFrom, firstWithLabel } from "./backprop/nudges.ts";
import { imageLabel } from "./testImage.ts";

/** One example as the scenes show it and the lab computes on it. */
export interface LessonExample {
  /** a⁽⁰⁾: the input activations, pixel / 255. */
  readonly x: Float32Array;
  /** The digit it shows (y is one-hot there). */
  readonly label: number;
  /** In a sentence: "test image 32", "your drawing". */
  readonly name: string;
  /** In a column head: "#32", "yours". */
  readonly short: string;
  /** How the lab is given it. */
  readonly ref: LabExample;
  /** Stable and distinct for distinct examples: a React key, a part of a cache key. */
  readonly key: string;
  /** In the page's markup (data-example): the test image's index, or "drawing". */
  readonly id: string;
}

/** Test image `index`. */
export function testExample(test: MnistSplit, index: number): LessonExample {
  return {
    x: imageActivations(test, index),
    label: imageLabel(test, index),
    name: `test image ${index}`,
    short: `#${index}`,
    ref: { split: "test", index },
    key: `test-${index}`,
    id: String(index),
  };
}

/** The learner's drawing. */
export function drawingExample(drawing: LessonDrawing): LessonExample {
  return {
    x: drawing.x,
    label: drawing.label,
    name: "your drawing",
    short: "yours",
    ref: { x: drawing.x, label: drawing.label },
    key: `drawing-${hash(drawing.code)}`,
    id: "drawing",
  };
}

/** traceExample of the example, y one-hot at its label. */
export function traceLessonExample(net: Network<Float32Array>, example: LessonExample): Trace<Float32Array> {
  return traceExample(net, example.x, oneHot(example.label, net.spec.sizes.at(-1)!));
}

/** What the reader has picked: a test image, and whether their drawing is shown in its place. */
export interface ExampleChoice {
  readonly index: number;
  readonly mine: boolean;
}

/** The scene's example and mini-batch, and the reader's choice (the drawing first, when the link carried one). */
export interface LessonExamples {
  readonly example: LessonExample;
  /** The drawing when shown, then test images from the picked one on, `size` in all. */
  readonly batch: readonly LessonExample[];
  readonly choice: ExampleChoice;
  readonly drawing: LessonExample | null;
  readonly pickTest: (index: number) => void;
  readonly pickDrawing: () => void;
}

/**
 * The example state of a scene that opens on the learner's drawing when there is one, else on test image
 * `first(test)` (by default the first 2 of the test set).
 */
export function useLessonExamples(
  test: MnistSplit,
  drawing: LessonDrawing | null,
  size: number,
  first: (test: MnistSplit) => number = (t) => firstWithLabel(t.labels, t.count, 2),
): LessonExamples {
  const [choice, setChoice] = useState<ExampleChoice>(() => ({ index: first(test), mine: drawing !== null }));
  // A new drawing (one just drawn in the scene, or a link followed) is shown at once.
  const code = drawing?.code ?? null;
  const [seen, setSeen] = useState(code);
  if (code !== seen) {
    setSeen(code);
    if (code !== null) setChoice((c) => ({ ...c, mine: true }));
  }
  const drawn = useMemo(() => drawing && drawingExample(drawing), [drawing]);
  const shown = useMemo(() => {
    const mine = choice.mine ? drawn : null;
    const tests = batchFrom(choice.index, mine ? size - 1 : size, test.count).map((i) =>
      testExample(test, i),
    );
    return { example: mine ?? tests[0]!, batch: mine ? [mine, ...tests] : tests };
  }, [test, drawn, choice, size]);
  return {
    ...shown,
    choice,
    drawing: drawn,
    pickTest: (index) => setChoice({ index, mine: false }),
    pickDrawing: () => setChoice((c) => ({ ...c, mine: true })),
  };
}

/** The batch's examples as one cache key. */
export function batchKey(batch: readonly LessonExample[]): string {
  return batch.map((e) => e.key).join(",");
}

/** FNV-1a of a text, in hex: a short name for a drawing's code. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}
