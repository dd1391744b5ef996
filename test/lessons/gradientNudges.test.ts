// Reading −∇C as nudges: every component in the network's order, the largest first, words for their sizes
// relative to the largest, and names for the parameters; and the scene's batch and thumbnails.
import { describe, expect, it } from "vitest";
import { fakeTestSet } from "./fixtures.ts";
import { batchRefs, greyPaths } from "../../src/lessons/gradient/batch.ts";
import {
  components,
  describe as describeParam,
  largest,
  largestSize,
  layerName,
  nudgeSize,
  nudgeTerm,
  nudgeWords,
  paramText,
  position,
  sizeCounts,
} from "../../src/lessons/gradient/nudges.ts";

const f = (xs: number[]) => Float32Array.from(xs);
/** A 4-2-1 network's gradient: w[1] is 2×4, w[2] is 1×2. */
const grad = {
  dw: [f([]), f([0, 0.1, -0.02, 0.3, 0.001, 0, 0, -0.6]), f([0.2, -0.2])],
  db: [f([]), f([0.05, -0.1]), f([0.6])],
};
const spec = { sizes: [4, 2, 1] };

describe("components and largest", () => {
  it("components(grad) lists layer 1's weights, its biases, then layer 2's", () => {
    const all = components(grad);
    expect(all).toHaveLength(8 + 2 + 2 + 1);
    expect(all[0]).toEqual({ kind: "w", layer: 1, index: 0, gradient: 0 });
    expect(all[8]).toMatchObject({ kind: "b", layer: 1, index: 0 });
    expect(all.at(-1)).toMatchObject({ kind: "b", layer: 2, index: 0 });
    expect(all[3]!.gradient).toBeCloseTo(0.3, 6);
  });

  it("largest(all, n) sorts by |∂C/∂p|, ties in the network's order", () => {
    const top = largest(components(grad), 4);
    expect(top.map(nudgeTerm)).toEqual(["nudge-w-1-7", "nudge-b-2-0", "nudge-w-1-3", "nudge-w-2-0"]);
    expect(largestSize(components(grad))).toBeCloseTo(0.6, 6);
  });
});

describe("words for nudges", () => {
  it("nudgeSize compares |g| with the largest: ½, 15 %, 2 %", () => {
    expect(nudgeSize(0.6, 1)).toBe("a lot");
    expect(nudgeSize(-0.5, 1)).toBe("a lot");
    expect(nudgeSize(0.49, 1)).toBe("somewhat");
    expect(nudgeSize(0.15, 1)).toBe("somewhat");
    expect(nudgeSize(0.1, 1)).toBe("a little");
    expect(nudgeSize(0.02, 1)).toBe("a little");
    expect(nudgeSize(0.019, 1)).toBe("barely");
    expect(nudgeSize(0, 1)).toBe("none");
    expect(nudgeSize(0.3, 0)).toBe("none");
  });

  it("nudgeWords reads the nudge −g: a positive slope means decrease", () => {
    expect(nudgeWords(1.25, 1.25)).toBe("should decrease a lot");
    expect(nudgeWords(-0.31, 1.25)).toBe("should increase somewhat");
    expect(nudgeWords(-0.03, 1.25)).toBe("should increase a little");
    expect(nudgeWords(0.001, 1.25)).toBe("should barely change");
    expect(nudgeWords(0, 1.25)).toBe("should stay as it is");
  });

  it("sizeCounts counts every component once", () => {
    const counts = sizeCounts(components(grad));
    expect(counts).toEqual({ "a lot": 3, somewhat: 4, "a little": 2, barely: 1, none: 3 });
  });
});

describe("names", () => {
  const mnist = { sizes: [784, 16, 16, 10] };
  it("position gives j (the neuron fed) and k (the neuron it comes from)", () => {
    expect(position(mnist, { kind: "w", layer: 3, index: 7 * 16 + 12 })).toEqual({ j: 7, k: 12 });
    expect(position(mnist, { kind: "b", layer: 2, index: 5 })).toEqual({ j: 5, k: null });
  });

  it("describe says where a parameter sits, pixels by row and column", () => {
    expect(describeParam(mnist, { kind: "w", layer: 3, index: 7 * 16 + 12 })).toBe(
      "from hidden-2 neuron 12 to output 7",
    );
    expect(describeParam(mnist, { kind: "w", layer: 1, index: 3 * 784 + 5 * 28 + 14 })).toBe(
      "from pixel (row 5, column 14) to hidden-1 neuron 3",
    );
    expect(describeParam(mnist, { kind: "b", layer: 3, index: 7 })).toBe("bias of output 7");
    expect(describeParam(spec, { kind: "w", layer: 1, index: 5 })).toBe(
      "from pixel (row 0, column 1) to hidden-1 neuron 1",
    );
    expect(layerName(mnist, 0)).toBe("pixel");
    expect(layerName(mnist, 2)).toBe("hidden-2");
    expect(layerName(mnist, 3)).toBe("output");
  });

  it("paramText writes w⁽ˡ⁾ⱼ,ₖ and b⁽ˡ⁾ⱼ in plain text", () => {
    expect(paramText(mnist, { kind: "w", layer: 3, index: 7 * 16 + 12 })).toBe("w⁽³⁾₇,₁₂");
    expect(paramText(mnist, { kind: "b", layer: 2, index: 10 })).toBe("b⁽²⁾₁₀");
  });
});

describe("the batch", () => {
  it("batchRefs(test) is test images 0 … 31, or all of a smaller set", () => {
    expect(batchRefs({ count: 10_000 })).toHaveLength(32);
    expect(batchRefs({ count: 10_000 })[31]).toEqual({ split: "test", index: 31 });
    expect(batchRefs({ count: 3 }).map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it("greyPaths draws each inked pixel once, at its level, and leaves black out", () => {
    const test = fakeTestSet(2);
    const paths = greyPaths(test, 1, 8);
    const squares = paths.flatMap((p) => p.d.match(/M\d+ \d+/g) ?? []);
    const inked = Array.from(test.pixels.subarray(784, 1568)).filter((v) => v > 0).length;
    expect(squares).toHaveLength(inked);
    expect(paths.map((p) => p.level).sort()).toEqual([4 / 7, 1]);
    expect(paths.find((p) => p.level === 1)!.d).toContain("M12 4h1v1h-1z");
  });
});
