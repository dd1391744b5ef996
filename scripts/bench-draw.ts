// `npm run bench:draw`: how well the shipped networks read drawn digits. The corpus (scripts/lib/digitStrokes.ts:
// every digit in several styles, a quarter of the pad to all of it, corners and centre, slow and fast strokes)
// goes through the pad's own path (engine/drawing.ts: re-inked with the drawing's own pen, then MNIST's
// preprocessing). Prints JSON lines: first the stroke widths (MNIST's and the corpus's, one estimator), then one
// line per shipped model with its accuracy, its accuracy at each drawing size, and its misses; last the default
// model with the old fixed pen (a twelfth of the pad) for comparison.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  drawingToMnist,
  inkStrokes,
  MNIST_STROKE_WIDTH,
  padFrame,
  strokeWidth,
} from "../src/engine/drawing.ts";
import { MNIST_PIXELS, MNIST_SIDE } from "../src/engine/mnist.ts";
import { argmax, forward, type Network } from "../src/engine/network.ts";
import { preprocessStages } from "../src/engine/preprocess.ts";
import { PAD_SIDE } from "../src/render/pad.ts";
import {
  checkpointFile,
  DEFAULT_MODEL,
  MODELS_FOLDER,
  readModel,
  SHIPPED_MODELS,
} from "../src/worker/models.ts";
import { drawnDigits, type DrawnDigit } from "./lib/digitStrokes.ts";
import { loadMnist } from "./lib/mnist.ts";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? NaN;
};
const round = (v: number, digits = 4) => Number(v.toFixed(digits));

const corpus = drawnDigits(PAD_SIDE);
const inputs = corpus.map((d) => drawingToMnist(d.strokes)!);

/** Stroke widths, pixels of the 20 × 20 box: MNIST's test digits and the corpus as the network sees it. */
function widths() {
  const { test } = loadMnist();
  const image = new Float32Array(MNIST_PIXELS);
  const mnist: number[] = [];
  for (let i = 0; i < test.count; i++) {
    for (let k = 0; k < MNIST_PIXELS; k++) image[k] = test.pixels[i * MNIST_PIXELS + k]! / 255;
    mnist.push(strokeWidth(image, MNIST_SIDE, MNIST_SIDE)!);
  }
  const drawn = inputs.map((x) => strokeWidth(x, MNIST_SIDE, MNIST_SIDE)!);
  return {
    bench: "stroke width",
    unit: "px of the 20 x 20 box, 2 mass / total variation",
    mnistTestMedian: round(median(mnist), 2),
    corpusMedian: round(median(drawn), 2),
    penTarget: MNIST_STROKE_WIDTH,
  };
}

/** A model's reading of the corpus: accuracy overall and by the drawing's size, and every miss. */
function score(
  model: string,
  net: Network<Float32Array>,
  images: readonly Float32Array[],
  digits: DrawnDigit[],
) {
  const misses: { drawing: string; read: number }[] = [];
  const bySize = new Map<string, { correct: number; total: number }>();
  digits.forEach((d, i) => {
    const read = argmax(forward(net, images[i]!));
    const size = `${d.size} of the pad`;
    const bucket = bySize.get(size) ?? { correct: 0, total: 0 };
    bucket.total++;
    if (read === d.digit) bucket.correct++;
    else misses.push({ drawing: d.name, read });
    bySize.set(size, bucket);
  });
  const correct = digits.length - misses.length;
  return {
    bench: "draw",
    model,
    drawings: digits.length,
    correct,
    accuracy: round(correct / digits.length),
    accuracyBySize: Object.fromEntries([...bySize].map(([k, v]) => [k, round(v.correct / v.total)])),
    misses,
  };
}

console.log(JSON.stringify(widths()));
const nets = SHIPPED_MODELS.map(checkpointFile).map((file) => {
  const { net } = readModel(readFileSync(join("public", MODELS_FOLDER, file), "utf8"));
  return { file, net };
});
for (const { file, net } of nets) console.log(JSON.stringify(score(file, net, inputs, corpus)));

// The pad before vector strokes: a pen a twelfth of the pad wide whatever the drawing's size.
const fixedPen = corpus.map((d) => {
  const ink = inkStrokes(d.strokes, PAD_SIDE / 12, padFrame(PAD_SIDE));
  return preprocessStages(ink.pixels, ink.width, ink.height)!.input;
});
const byDefault = nets.find(({ file }) => file === checkpointFile(DEFAULT_MODEL))!;
console.log(
  JSON.stringify({
    ...score(byDefault.file, byDefault.net, fixedPen, corpus),
    pen: "fixed, 1/12 of the pad",
  }),
);
