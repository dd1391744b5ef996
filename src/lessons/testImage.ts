// The test image the scenes open with, and a test image's label (engine/idx.ts reads its activations).
import type { MnistSplit } from "../engine/idx.ts";

/** The image the scenes open with: test image 32, a clearly written 3 (clamped for smaller test sets). */
export const DEFAULT_IMAGE = 32;

export function defaultImage(test: MnistSplit): number {
  return Math.min(DEFAULT_IMAGE, test.count - 1);
}

/** The digit drawn in test image i. */
export function imageLabel(test: MnistSplit, i: number): number {
  return test.labels[i]!;
}
