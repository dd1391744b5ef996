// Small lesson data for the tests: a seeded 784-4-10 network (trained and untrained are two seeds) and a
// few hand-made 28 × 28 test images, so scenes render in milliseconds.
import type { MnistSplit } from "../../src/engine/idx.ts";
import { MNIST_PIXELS, MNIST_SIDE } from "../../src/engine/mnist.ts";
import { createNetwork, type NetworkSpec } from "../../src/engine/network.ts";
import type { LessonData } from "../../src/lessons/data.ts";

export const SMALL_SPEC: NetworkSpec = {
  sizes: [784, 4, 10],
  hidden: ["sigmoid"],
  output: "sigmoid",
  cost: "mse",
};

/** `count` images: image i is a bar of ink in columns 10 + i … 13 + i (rows 4–23) with a dimmer edge, label i % 10. */
export function fakeTestSet(count = 3): MnistSplit {
  const pixels = new Uint8Array(count * MNIST_PIXELS);
  for (let i = 0; i < count; i++)
    for (let r = 4; r < 24; r++)
      for (let c = 10 + i; c < 14 + i; c++)
        pixels[i * MNIST_PIXELS + r * MNIST_SIDE + c] = c === 10 + i ? 128 : 255;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { count, rows: MNIST_SIDE, cols: MNIST_SIDE, pixels, labels };
}

export function fakeLessonData(count = 3): LessonData {
  return {
    trained: createNetwork(SMALL_SPEC, 1),
    untrained: createNetwork(SMALL_SPEC, 2),
    test: fakeTestSet(count),
  };
}

/** The values of every element with data-term `term` in `root`, as numbers. */
export function termValues(root: ParentNode, term: string): number[] {
  return Array.from(root.querySelectorAll(`[data-term="${term}"]`), (el) =>
    Number(el.getAttribute("data-value")),
  );
}

/** The one value of data-term `term` in `root`; throws unless exactly one element has it. */
export function termValue(root: ParentNode, term: string): number {
  const values = termValues(root, term);
  if (values.length !== 1)
    throw new Error(`expected one element with data-term="${term}", found ${values.length}`);
  return values[0]!;
}
