// Tests for the IDX parser, on tiny images and labels files built in memory.
import { describe, it, expect } from "vitest";
import {
  IdxError,
  imageActivations,
  makeSplit,
  MNIST_FILES,
  parseIdxImages,
  parseIdxLabels,
} from "../../src/engine/idx.ts";
import type { IdxErrorKind } from "../../src/engine/idx.ts";

/** An IDX images file: 16-byte big-endian header (magic, count, rows, cols), then the pixels. */
function imagesFile(count: number, rows: number, cols: number, magic = 0x00000803): Uint8Array {
  const bytes = new Uint8Array(16 + count * rows * cols);
  const view = new DataView(bytes.buffer);
  [magic, count, rows, cols].forEach((v, i) => view.setUint32(4 * i, v));
  for (let i = 16; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
  return bytes;
}

/** An IDX labels file: 8-byte big-endian header (magic, count), then one byte per label. */
function labelsFile(labels: number[], magic = 0x00000801): Uint8Array {
  const bytes = new Uint8Array(8 + labels.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  view.setUint32(4, labels.length);
  bytes.set(labels, 8);
  return bytes;
}

/** Runs `f` and returns the kind of the IdxError it throws. */
function errorKind(f: () => unknown): IdxErrorKind {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(IdxError);
    return (err as IdxError).kind;
  }
  throw new Error("expected an IdxError");
}

describe("parseIdxImages", () => {
  it("parseIdxImages(bytes) returns the header's shape and a view of the pixels", () => {
    const bytes = imagesFile(3, 2, 4);
    const images = parseIdxImages(bytes, { count: 3, rows: 2, cols: 4 });
    expect(images).toMatchObject({ count: 3, rows: 2, cols: 4 });
    expect(images.pixels.length).toBe(24);
    expect(images.pixels.buffer).toBe(bytes.buffer);
    expect(Array.from(images.pixels)).toEqual(Array.from(bytes.slice(16)));
  });

  it("parseIdxImages works on a view that does not start at offset 0", () => {
    const inner = imagesFile(1, 2, 2);
    const outer = new Uint8Array(inner.length + 5);
    outer.set(inner, 5);
    expect(parseIdxImages(outer.subarray(5)).pixels[0]).toBe(inner[16]);
  });

  it("rejects a labels file as badMagic", () => {
    expect(errorKind(() => parseIdxImages(labelsFile([1, 2])))).toBe("badMagic");
    expect(() => parseIdxImages(labelsFile([1, 2]))).toThrow(
      /magic 0x00000801 but should start with 0x00000803/,
    );
  });

  it("rejects a truncated header and truncated pixels as truncated", () => {
    const bytes = imagesFile(2, 3, 3);
    expect(errorKind(() => parseIdxImages(bytes.subarray(0, 3)))).toBe("truncated");
    expect(errorKind(() => parseIdxImages(bytes.subarray(0, 12)))).toBe("truncated");
    expect(errorKind(() => parseIdxImages(bytes.subarray(0, bytes.length - 1)))).toBe("truncated");
  });

  it("rejects bytes after the pixels as trailingBytes", () => {
    const bytes = imagesFile(1, 2, 2);
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(errorKind(() => parseIdxImages(longer))).toBe("trailingBytes");
  });

  it("rejects an unexpected count as countMismatch", () => {
    expect(errorKind(() => parseIdxImages(imagesFile(3, 2, 2), { count: 4 }))).toBe("countMismatch");
    expect(() => parseIdxImages(imagesFile(3, 2, 2), { count: 4 })).toThrow(
      "The images header declares 3 items but 4 were expected.",
    );
  });

  it("rejects unexpected or empty image sizes as badDimensions", () => {
    expect(errorKind(() => parseIdxImages(imagesFile(1, 2, 3), { rows: 2, cols: 2 }))).toBe("badDimensions");
    expect(errorKind(() => parseIdxImages(imagesFile(1, 0, 3)))).toBe("badDimensions");
  });
});

describe("parseIdxLabels", () => {
  it("parseIdxLabels(bytes) returns the count and a view of the labels", () => {
    const labels = parseIdxLabels(labelsFile([5, 0, 4, 1, 9]), { count: 5 });
    expect(labels.count).toBe(5);
    expect(Array.from(labels.labels)).toEqual([5, 0, 4, 1, 9]);
  });

  it("rejects wrong magic, truncation and unexpected counts", () => {
    expect(errorKind(() => parseIdxLabels(imagesFile(1, 1, 1)))).toBe("badMagic");
    expect(errorKind(() => parseIdxLabels(labelsFile([1, 2, 3]).subarray(0, 6)))).toBe("truncated");
    expect(errorKind(() => parseIdxLabels(labelsFile([1, 2, 3]).subarray(0, 10)))).toBe("truncated");
    expect(errorKind(() => parseIdxLabels(labelsFile([1, 2, 3]), { count: 2 }))).toBe("countMismatch");
  });

  it("rejects a label above 9 as badLabel", () => {
    expect(errorKind(() => parseIdxLabels(labelsFile([3, 10, 2])))).toBe("badLabel");
    expect(() => parseIdxLabels(labelsFile([3, 10, 2]))).toThrow(
      "Label 1 is 10 but labels must be digits 0 to 9.",
    );
  });
});

describe("makeSplit", () => {
  it("makeSplit(images, labels) pairs images with labels", () => {
    const split = makeSplit(imagesFile(2, 2, 2), labelsFile([7, 2]), { count: 2 });
    expect(split).toMatchObject({ count: 2, rows: 2, cols: 2 });
    expect(split.pixels.length).toBe(8);
    expect(Array.from(split.labels)).toEqual([7, 2]);
  });

  it("rejects images and labels of different counts as countMismatch", () => {
    expect(errorKind(() => makeSplit(imagesFile(2, 2, 2), labelsFile([7, 2, 1])))).toBe("countMismatch");
    expect(() => makeSplit(imagesFile(2, 2, 2), labelsFile([7, 2, 1]))).toThrow(
      "The images file holds 2 images but the labels file holds 3 labels.",
    );
  });
});

describe("MNIST_FILES", () => {
  it("lists a train and a test file of each kind, with sizes that match their counts", () => {
    expect(MNIST_FILES.map((f) => `${f.split}/${f.kind}`).sort()).toEqual([
      "test/images",
      "test/labels",
      "train/images",
      "train/labels",
    ]);
    for (const f of MNIST_FILES) {
      expect(f.bytes).toBe(f.kind === "images" ? 16 + f.count * 28 * 28 : 8 + f.count);
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe("imageActivations(images, i)", () => {
  it("is image i's pixels / 255, into a buffer when given one", () => {
    const images = { count: 2, rows: 1, cols: 3, pixels: Uint8Array.from([0, 0, 0, 255, 51, 0]) };
    expect(Array.from(imageActivations(images, 1))).toEqual([1, 0.2, 0].map(Math.fround));
    const out = new Float32Array(3);
    expect(imageActivations(images, 0, out)).toBe(out);
  });
});
