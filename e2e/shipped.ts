// What the specs recompute the page's numbers from, in Node: the shipped 30-epoch model and MNIST's 10,000 test
// images, read from the files the app serves.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseIdxImages, parseIdxLabels } from "../src/engine/idx.ts";
import type { LabelledImages } from "../src/engine/lesions.ts";
import { parseModel } from "../src/engine/model.ts";

/** The model the experiments use by default (public/models/3b1b-epoch-30.json). */
export const shippedNet = parseModel(
  readFileSync(new URL("../public/models/3b1b-epoch-30.json", import.meta.url), "utf8"),
).net;

const data = (name: string) =>
  gunzipSync(readFileSync(new URL(`../public/data/mnist/${name}`, import.meta.url)));
const images = parseIdxImages(data("t10k-images-idx3-ubyte.gz"));

/** MNIST's test set as the engine's lesion and profile functions read it. */
export const test10k: LabelledImages = {
  pixels: images.pixels,
  labels: parseIdxLabels(data("t10k-labels-idx1-ubyte.gz")).labels,
  count: images.count,
  scale: 1 / 255,
};
