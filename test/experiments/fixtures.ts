// Small data for the experiments' component tests: a seeded 784-4-10 network per checkpoint and a dozen
// hand-made 28 × 28 test images, computed in-process by localSource.
import type { MnistSplit } from "../../src/engine/idx.ts";
import { createNetwork, type Network, type NetworkSpec } from "../../src/engine/network.ts";
import { localSource } from "../../src/experiments/data.tsx";

export const SMALL_SPEC: NetworkSpec = {
  sizes: [784, 4, 10],
  hidden: ["sigmoid"],
  output: "sigmoid",
  cost: "mse",
};

/** `count` images: image i is a bar of ink in columns 3 + i … 6 + i (rows 4–23), label i % 10. */
export function fakeTestSet(count = 12): MnistSplit {
  const pixels = new Uint8Array(count * 784);
  for (let i = 0; i < count; i++)
    for (let r = 4; r < 24; r++)
      for (let c = 3 + i; c < 7 + i; c++) pixels[i * 784 + r * 28 + c] = c === 3 + i ? 128 : 255;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { count, rows: 28, cols: 28, pixels, labels };
}

export const NOISE = 40;

/** Networks seeded by their checkpoint's epochs; noise sets of NOISE images. */
export function fakeSource(count = 12) {
  const test = fakeTestSet(count);
  const nets = new Map<number, Network<Float32Array>>();
  const net = (epochs: number): Network<Float32Array> => {
    let n = nets.get(epochs);
    if (!n) nets.set(epochs, (n = createNetwork(SMALL_SPEC, epochs + 1)));
    return n;
  };
  return { source: localSource(net, test, NOISE), test, net };
}
