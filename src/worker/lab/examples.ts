// The lab's examples: a batch's references (an MNIST image by split and index, or an example given whole, such as
// the learner's drawing) turned into the engine's (x, y), with a sentence for a reference that names nothing.
import { imageActivations, type MnistSplit } from "../../engine/idx.ts";
import { MNIST_CLASSES, MNIST_PIXELS } from "../../engine/mnist.ts";
import { oneHot, type Example } from "../../engine/network.ts";
import type { LabExample } from "./protocol.ts";

/** The sets the references read, null while not loaded. */
export interface LabSets {
  readonly train: MnistSplit | null;
  readonly test: MnistSplit | null;
}

/** x = pixels / 255 (or the given x) and one-hot y for each example; throws a sentence for a bad reference. */
export function labExamples(refs: readonly LabExample[], sets: LabSets): Example[] {
  if (refs.length === 0) throw new Error("a batch needs at least one example");
  return refs.map((ref) => {
    if ("x" in ref) {
      if (ref.x.length !== MNIST_PIXELS)
        throw new Error(`an example has ${MNIST_PIXELS} pixels, not ${ref.x.length}`);
      if (!Number.isInteger(ref.label) || ref.label < 0 || ref.label >= MNIST_CLASSES)
        throw new Error(`an example's label must be a digit 0–9, not ${String(ref.label)}`);
      return { x: ref.x, y: oneHot(ref.label, MNIST_CLASSES) };
    }
    const { split, index } = ref;
    const set = split === "train" ? sets.train : sets.test;
    if (!set) throw new Error(`the ${split === "train" ? "training" : "test"} images are not loaded yet`);
    if (!Number.isInteger(index) || index < 0 || index >= set.count)
      throw new Error(`there is no ${split} image ${index} (they are numbered 0 to ${set.count - 1})`);
    return { x: imageActivations(set, index), y: oneHot(set.labels[index]!, MNIST_CLASSES) };
  });
}
