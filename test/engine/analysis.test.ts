// analysis.ts: answers and confidences, noise and shapes by seed, forward passes over many images, top-k
// activating images, the confusion matrix, and MNIST's preprocessing stage by stage against toMnist.
import { describe, expect, it } from "vitest";
import {
  ALL_STEPS,
  answer,
  answers,
  classCounts,
  classifyImages,
  confusionMatrix,
  correctCounts,
  IMAGE_SIZE,
  imagesWhere,
  noiseImages,
  preprocessStages,
  shapeImage,
  SHAPES,
  topOutputs,
  topRows,
  type PreprocessSteps,
} from "../../src/engine/analysis.ts";
import { createNetwork, forward, type NetworkSpec } from "../../src/engine/network.ts";
import { toMnist } from "../../src/engine/preprocess.ts";
import { createRng } from "../../src/engine/rng.ts";

const SPEC: NetworkSpec = { sizes: [784, 5, 10], hidden: ["sigmoid"], output: "sigmoid", cost: "mse" };

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

function inRange01(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!(a[i]! >= 0 && a[i]! <= 1)) return false;
  return true;
}

describe("answer", () => {
  it("answer(a, 'sigmoid') is the top output's share of all outputs", () => {
    const a = [0.1, 0.6, 0.2, 0.1];
    expect(answer(a, "sigmoid").digit).toBe(1);
    expect(answer(a, "sigmoid").confidence).toBeCloseTo(0.6, 12);
    expect(answer([0.02, 0.001, 0.001], "sigmoid").confidence).toBeCloseTo(0.02 / 0.022, 12);
  });

  it("answer(a, 'softmax') is the top output itself; all-zero outputs give confidence 0", () => {
    expect(answer([0.2, 0.3, 0.5], "softmax")).toEqual({ digit: 2, confidence: 0.5 });
    expect(answer([0, 0, 0], "sigmoid")).toEqual({ digit: 0, confidence: 0 });
  });

  it("topOutputs(a, 3) lists the three largest, largest first", () => {
    expect(topOutputs([0.1, 0.7, 0.3, 0.7, 0.05], 3)).toEqual([
      { digit: 1, value: 0.7 },
      { digit: 3, value: 0.7 },
      { digit: 2, value: 0.3 },
    ]);
  });
});

describe("noise and shapes", () => {
  it("noiseImages(seed, n) is deterministic, in [0, 1), and the first images do not depend on n", () => {
    const a = noiseImages(7, 20);
    expect(a).toHaveLength(20 * IMAGE_SIZE);
    expect(noiseImages(7, 20)).toEqual(a);
    expect(noiseImages(7, 3)).toEqual(a.subarray(0, 3 * IMAGE_SIZE));
    expect(inRange01(a)).toBe(true);
    expect(Array.from(a).some((v) => v >= 1)).toBe(false);
    expect(noiseImages(8, 20)).not.toEqual(a);
    // Uniform: mean near ½.
    expect(sum(a) / a.length).toBeGreaterThan(0.48);
    expect(sum(a) / a.length).toBeLessThan(0.52);
  });

  it("shapeImage(shape, seed) is deterministic and in [0, 1]; a blank image has no ink", () => {
    for (const shape of SHAPES) {
      const x = shapeImage(shape, 3);
      expect(x).toHaveLength(IMAGE_SIZE);
      expect(shapeImage(shape, 3)).toEqual(x);
      expect(inRange01(x)).toBe(true);
      if (shape === "blank") expect(sum(x)).toBe(0);
      else {
        expect(sum(x)).toBeGreaterThan(15);
        expect(shapeImage(shape, 4)).not.toEqual(x);
      }
    }
  });

  it("shapes stay inside the field: no ink on the outermost two rows and columns", () => {
    for (const shape of SHAPES)
      for (let seed = 1; seed <= 30; seed++) {
        const x = shapeImage(shape, seed);
        for (let i = 0; i < 28; i++)
          for (const e of [0, 1, 26, 27]) {
            expect(x[e * 28 + i]).toBe(0);
            expect(x[i * 28 + e]).toBe(0);
          }
      }
  });

  it("a circle is a ring: there is no ink at its centre of mass", () => {
    const x = shapeImage("circle", 5);
    let m = 0;
    let cx = 0;
    let cy = 0;
    for (let y = 0; y < 28; y++)
      for (let c = 0; c < 28; c++) {
        const v = x[y * 28 + c]!;
        m += v;
        cx += v * (c + 0.5);
        cy += v * (y + 0.5);
      }
    expect(x[Math.floor(cy / m) * 28 + Math.floor(cx / m)]).toBe(0);
  });

  it("a square's outline has two full-strength horizontal runs and two vertical ones", () => {
    const x = shapeImage("square", 2);
    const fullRow = (y: number) => Array.from(x.subarray(y * 28, y * 28 + 28)).filter((v) => v === 1).length;
    const rows = Array.from({ length: 28 }, (_, y) => fullRow(y));
    expect(rows.filter((n) => n >= 8).length).toBeGreaterThanOrEqual(2);
  });
});

describe("classifyImages", () => {
  const net = createNetwork(SPEC, 1);
  const images = noiseImages(2, 4);

  it("gives each image the outputs and first layer of a forward pass", () => {
    const r = classifyImages(net, images, 4);
    expect(r.outputs).toHaveLength(40);
    expect(r.firstZ).toHaveLength(20);
    for (let i = 0; i < 4; i++) {
      const out = forward(net, images.subarray(i * 784, (i + 1) * 784));
      expect(Array.from(r.outputs.subarray(i * 10, i * 10 + 10))).toEqual(Array.from(out));
      for (let j = 0; j < 5; j++)
        expect(r.firstA[i * 5 + j]).toBeCloseTo(1 / (1 + Math.exp(-r.firstZ[i * 5 + j]!)), 6);
    }
  });

  it("scales bytes by `scale`", () => {
    const bytes = Uint8Array.from(images.subarray(0, 784), (v) => Math.round(v * 255));
    const r = classifyImages(net, bytes, 1, 1 / 255);
    const out = forward(
      net,
      Array.from(bytes, (b) => b / 255),
    );
    expect(Array.from(r.outputs)).toEqual(Array.from(out));
  });

  it("answers() gives each image's digit and confidence", () => {
    const r = classifyImages(net, images, 4);
    const { digits, confidences } = answers(r.outputs, 4, "sigmoid");
    for (let i = 0; i < 4; i++) {
      const one = answer(r.outputs.subarray(i * 10, i * 10 + 10), "sigmoid");
      expect(digits[i]).toBe(one.digit);
      expect(confidences[i]).toBeCloseTo(one.confidence, 6);
    }
  });
});

describe("topRows", () => {
  it("topRows(table, count, columns, k) lists each column's k largest rows, largest first, ties to the lower row", () => {
    // 5 rows × 2 columns
    const table = [1, 9, 5, 8, 3, 8, 5, 0, 2, 7];
    expect(topRows(table, 5, 2, 3)).toEqual([
      [1, 3, 2],
      [0, 1, 2],
    ]);
    expect(topRows(table, 5, 2, 10)[0]).toEqual([1, 3, 2, 4, 0]);
  });

  it("agrees with a full sort on random data", () => {
    const rng = createRng(4);
    const count = 500;
    const table = Array.from({ length: count * 3 }, () => Math.round(rng.next() * 50));
    const top = topRows(table, count, 3, 5);
    for (let j = 0; j < 3; j++) {
      const sorted = Array.from({ length: count }, (_, i) => i).sort(
        (p, q) => table[q * 3 + j]! - table[p * 3 + j]! || p - q,
      );
      expect(top[j]).toEqual(sorted.slice(0, 5));
    }
  });
});

describe("confusion matrix", () => {
  const labels = [0, 1, 2, 2, 1, 0, 2];
  const digits = [0, 2, 2, 1, 1, 0, 2];

  it("counts label × prediction; the entries sum to N and the diagonal is the correct answers", () => {
    const m = confusionMatrix(labels, digits, 3);
    expect(Array.from(m)).toEqual([2, 0, 0, 0, 1, 1, 0, 1, 2]);
    expect(sum(m)).toBe(labels.length);
    expect(correctCounts(m, 3)).toEqual({
      perClass: [2, 1, 2],
      total: labels.filter((t, i) => t === digits[i]).length,
    });
    expect(classCounts(m, 3)).toEqual([2, 2, 3]);
  });

  it("on random labels and answers, sums to N and its diagonal counts the matches", () => {
    const rng = createRng(9);
    const n = 1000;
    const t = Uint8Array.from({ length: n }, () => rng.int(10));
    const p = Uint8Array.from({ length: n }, (_, i) => (rng.next() < 0.8 ? t[i]! : rng.int(10)));
    const m = confusionMatrix(t, p);
    expect(sum(m)).toBe(n);
    expect(correctCounts(m).total).toBe(t.filter((v, i) => v === p[i]).length);
  });

  it("refuses labels and predictions of different lengths", () => {
    expect(() => confusionMatrix([1, 2], [1])).toThrow(RangeError);
  });

  it("imagesWhere() picks a cell's images, most confident first", () => {
    const conf = [0.5, 0.9, 0.8, 0.7, 0.6, 0.95, 0.4];
    expect(imagesWhere(labels, digits, conf, { label: 2, predicted: 2 })).toEqual([2, 6]);
    expect(imagesWhere(labels, digits, conf, { label: null, predicted: null, wrongOnly: true })).toEqual([
      1, 3,
    ]);
    expect(imagesWhere(labels, digits, conf, { label: 0, predicted: 1 })).toEqual([]);
  });
});

describe("preprocessStages", () => {
  const W = 120;
  const H = 100;

  /** A soft diagonal stroke and a blob, off centre, as canvas alpha bytes. */
  function drawing(seed: number): Uint8ClampedArray {
    const rng = createRng(seed);
    const alpha = new Uint8ClampedArray(W * H);
    const x0 = 10 + rng.int(30);
    const y0 = 5 + rng.int(20);
    const len = 20 + rng.int(40);
    for (let t = 0; t <= len; t++) {
      const cx = x0 + t * 0.6;
      const cy = y0 + t;
      for (let y = Math.floor(cy - 5); y <= cy + 5; y++)
        for (let x = Math.floor(cx - 5); x <= cx + 5; x++) {
          if (x < 0 || y < 0 || x >= W || y >= H) continue;
          const v = Math.max(0, Math.min(1, 4 - Math.hypot(x + 0.5 - cx, y + 0.5 - cy)));
          alpha[y * W + x] = Math.max(alpha[y * W + x]!, Math.round(255 * v));
        }
    }
    return alpha;
  }

  it("with every step on, its input is toMnist's, bit for bit (bytes and floats)", () => {
    for (let seed = 1; seed <= 8; seed++) {
      const alpha = drawing(seed);
      expect(preprocessStages(alpha, W, H)!.input).toEqual(toMnist(alpha, W, H));
      const floats = Float32Array.from(alpha, (v) => v / 255);
      expect(preprocessStages(floats, W, H, ALL_STEPS)!.input).toEqual(toMnist(floats, W, H));
    }
  });

  it("returns null for a pad without ink, as toMnist does", () => {
    expect(preprocessStages(new Uint8ClampedArray(W * H), W, H)).toBeNull();
  });

  it("crops to the ink, scales the longer side to 20 and puts the centre of mass at (14, 14)", () => {
    const s = preprocessStages(drawing(3), W, H)!;
    expect(Math.max(s.scaled.width, s.scaled.height)).toBe(20);
    expect(s.cropped.width).toBe(s.box.width);
    expect(s.box.x).toBeGreaterThan(0);
    expect(Math.abs(s.offset.x + s.centreOfMass.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(s.offset.y + s.centreOfMass.y - 14)).toBeLessThanOrEqual(0.5);
  });

  /** Stage images as plain arrays, for comparing. */
  const stage = (s: ReturnType<typeof preprocessStages>) => ({
    box: s!.box,
    cropped: Array.from(s!.cropped.pixels),
    scaled: [s!.scaled.width, s!.scaled.height, ...s!.scaled.pixels],
    offset: s!.offset,
    input: Array.from(s!.input),
  });

  it("each switch changes its own stage and the ones after it, never the ones before", () => {
    const alpha = drawing(5);
    const on = stage(preprocessStages(alpha, W, H));
    const off = (step: keyof PreprocessSteps) =>
      stage(preprocessStages(alpha, W, H, { ...ALL_STEPS, [step]: false }));

    const noCrop = off("crop");
    expect(noCrop.box).toEqual({ x: 0, y: 0, width: W, height: H });
    expect(noCrop.cropped).not.toEqual(on.cropped);
    expect(noCrop.input).not.toEqual(on.input);

    const noScale = off("scale");
    expect(noScale.box).toEqual(on.box);
    expect(noScale.cropped).toEqual(on.cropped);
    expect(noScale.scaled).not.toEqual(on.scaled);
    expect(noScale.input).not.toEqual(on.input);

    const noCentre = off("centre");
    expect(noCentre.box).toEqual(on.box);
    expect(noCentre.cropped).toEqual(on.cropped);
    expect(noCentre.scaled).toEqual(on.scaled);
    expect(noCentre.offset).not.toEqual(on.offset);
    expect(noCentre.input).not.toEqual(on.input);
  });

  it("without scaling the ink keeps its size on the pad: 28 / the pad's longer side", () => {
    const s = preprocessStages(drawing(2), W, H, { ...ALL_STEPS, scale: false })!;
    expect(s.scaled.width).toBe(Math.round((s.box.width * 28) / W));
    expect(s.scaled.height).toBe(Math.round((s.box.height * 28) / W));
  });

  it("without centring the box stays where it was drawn", () => {
    const s = preprocessStages(drawing(4), W, H, { ...ALL_STEPS, centre: false })!;
    const k = 28 / W;
    expect(Math.abs(s.offset.x + s.scaled.width / 2 - (s.box.x + s.box.width / 2) * k)).toBeLessThanOrEqual(
      0.5,
    );
    expect(Math.abs(s.offset.y + s.scaled.height / 2 - (s.box.y + s.box.height / 2) * k)).toBeLessThanOrEqual(
      0.5,
    );
  });

  it("with every step off it is the whole pad shrunk to 28 px wide, in place", () => {
    const s = preprocessStages(drawing(6), W, H, { crop: false, scale: false, centre: false })!;
    expect(s.box).toEqual({ x: 0, y: 0, width: W, height: H });
    expect([s.scaled.width, s.scaled.height]).toEqual([28, Math.round((H * 28) / W)]);
    expect(s.offset.x).toBe(0);
  });
});
