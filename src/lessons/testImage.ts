// One MNIST test image as the network's input, and the engine's trace of it: what the scenes display.
import type { MnistSplit } from "../engine/idx.ts";
import { oneHot, traceExample, type Network, type Trace } from "../engine/network.ts";

/** The image the scenes open with: test image 32, a clearly written 3 (clamped for smaller test sets). */
export const DEFAULT_IMAGE = 32;

export function defaultImage(test: MnistSplit): number {
  return Math.min(DEFAULT_IMAGE, test.count - 1);
}

/** Pixels per image. */
export function imageSize(test: MnistSplit): number {
  return test.rows * test.cols;
}

/** Input activations of test image i: a[0]ₖ = pixel k / 255. */
export function imageInput(test: MnistSplit, i: number): Float32Array {
  const n = imageSize(test);
  const x = new Float32Array(n);
  for (let k = 0; k < n; k++) x[k] = test.pixels[i * n + k]! / 255;
  return x;
}

/** The digit drawn in test image i. */
export function imageLabel(test: MnistSplit, i: number): number {
  return test.labels[i]!;
}

/** traceExample of test image i with y one-hot at its label. */
export function traceImage(net: Network<Float32Array>, test: MnistSplit, i: number): Trace<Float32Array> {
  const nOut = net.spec.sizes.at(-1)!;
  return traceExample(net, imageInput(test, i), oneHot(imageLabel(test, i), nOut));
}
