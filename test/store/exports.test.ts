// Metrics as CSV: a header row, then one row per history point with empty cells for what was not measured.
import { describe, expect, it } from "vitest";
import { metricsCsv } from "../../src/store/exports.ts";

describe("metricsCsv(history)", () => {
  it("writes the header and one row per point, empty cells for null and NaN", () => {
    const csv = metricsCsv([
      {
        examplesSeen: 0,
        trainCost: Number.NaN,
        testCost: 0.9,
        testAccuracy: 0.1,
        testImages: 10000,
        testSet: "full",
      },
      {
        examplesSeen: 100,
        trainCost: 0.5,
        testCost: null,
        testAccuracy: null,
        testImages: null,
        testSet: null,
        learningRate: 0.45,
      },
    ]);
    expect(csv).toBe(
      "examplesSeen,trainCost,testCost,testAccuracy,testImages,learningRate\n0,,0.9,0.1,10000,\n100,0.5,,,,0.45\n",
    );
  });
  it("an empty history is the header alone", () => {
    expect(metricsCsv([])).toBe("examplesSeen,trainCost,testCost,testAccuracy,testImages,learningRate\n");
  });
});
