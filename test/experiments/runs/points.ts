// A RunPoint at the end of an epoch of 5,000 images, for the tests of what is read from a run's points.
import type { RunPoint } from "../../../src/engine/runs.ts";

/** The point after `epoch` epochs with these accuracies (the rest placeholders). */
export function pointAt(epoch: number, trainAccuracy: number, testAccuracy = 0.1): RunPoint {
  return {
    examples: epoch * 5000,
    epoch,
    trainCost: 1,
    trainAccuracy,
    testCost: 1,
    testAccuracy,
    examplesPerSecond: 0,
  };
}
