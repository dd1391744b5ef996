// toSparseSteps: the same ink as toSparse, a part at a time, so a worker can answer messages between the parts.
import { describe, expect, it } from "vitest";
import { toSparse, toSparseSteps, type Dataset } from "../../../src/engine/fast.ts";

/** `count` images of 4 pixels, image i inked at pixel i % 4 with value i + 1 (and pixel 3 at 255 when i is even). */
function images(count: number): Dataset {
  const pixels = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) {
    pixels[i * 4 + (i % 4)] = i + 1;
    if (i % 2 === 0) pixels[i * 4 + 3] = 255;
  }
  return { count, size: 4, pixels, labels: Uint8Array.from({ length: count }, (_, i) => i % 10) };
}

describe("toSparseSteps(data, imagesPerStep)", () => {
  it("yields between parts of at most imagesPerStep images, then returns what toSparse(data) returns", () => {
    const data = images(10);
    const steps = toSparseSteps(data, 3);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBe(4 + 3); // counting: parts of 3, 3, 3 and 1 images; copying: a pause after images 3, 6 and 9
    expect(step.value).toEqual(toSparse(data));
    expect(Array.from(step.value.offsets)).toEqual([0, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15]);
  });
});
