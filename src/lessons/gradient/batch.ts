// The fixed mini-batch the gradient-descent scene measures its cost on (the first 32 test images), and a compact
// SVG drawing of a small image: one path per grey level instead of 784 squares.
import type { MnistSplit } from "../../engine/idx.ts";
import type { ExampleRef } from "../../worker/lab/protocol.ts";

/** Images in the batch. */
export const BATCH_SIZE = 32;

/** The batch: test images 0 … 31 (fewer when the test set is smaller). */
export function batchRefs(test: Pick<MnistSplit, "count">, size = BATCH_SIZE): ExampleRef[] {
  return Array.from({ length: Math.min(size, test.count) }, (_, index) => ({
    split: "test" as const,
    index,
  }));
}

/** One grey level of an image: the cells drawn in it, as an SVG path of unit squares. */
export interface GreyPath {
  /** 0 … 1: the level's brightness. */
  readonly level: number;
  readonly d: string;
}

/**
 * Image i of `test` as at most `levels` paths (pixels rounded to the nearest level; black pixels left out), in a
 * viewBox of side × side units.
 */
export function greyPaths(test: MnistSplit, i: number, levels = 8): GreyPath[] {
  const side = test.cols;
  const size = test.rows * test.cols;
  const byLevel = new Map<number, string[]>();
  for (let k = 0; k < size; k++) {
    const level = Math.round((test.pixels[i * size + k]! / 255) * (levels - 1));
    if (level === 0) continue;
    const parts = byLevel.get(level) ?? [];
    parts.push(`M${k % side} ${Math.floor(k / side)}h1v1h-1z`);
    byLevel.set(level, parts);
  }
  return Array.from(byLevel, ([level, parts]) => ({ level: level / (levels - 1), d: parts.join("") }));
}
