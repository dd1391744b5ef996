// Fixtures the fast engine's tests share: a tiny random "MNIST", a batch of it for the reference engine, and the
// largest difference between two networks' parameters.
import type { Dataset } from "../../../src/engine/fast.ts";
import { oneHot, type Network } from "../../../src/engine/network.ts";
import { createRng } from "../../../src/engine/rng.ts";

/** `count` random images of `size` pixels (5×5 by default), about half the pixels inked, labels 0–3. */
export function tinyData(count: number, seed: number, size = 25): Dataset {
  const rng = createRng(seed);
  const pixels = Uint8Array.from({ length: count * size }, () => (rng.next() < 0.5 ? 0 : 1 + rng.int(255)));
  const labels = Uint8Array.from({ length: count }, () => rng.int(4));
  return { count, size, pixels, labels };
}

/** Examples [from, from + m) of `data` as the reference engine's batch: x in 0…1, y one-hot over 4 classes. */
export function batchOf(data: Dataset, from: number, m: number) {
  return Array.from({ length: m }, (_, e) => ({
    x: Array.from(data.pixels.subarray((from + e) * data.size, (from + e + 1) * data.size), (p) => p / 255),
    y: oneHot(data.labels[from + e]!, 4),
  }));
}

/** The largest |a − b| over every weight and bias. */
export function maxDiff(a: Network, b: Network): number {
  let d = 0;
  a.w.forEach((v, l) => v.forEach((x, i) => (d = Math.max(d, Math.abs(x - b.w[l]![i]!)))));
  a.b.forEach((v, l) => v.forEach((x, i) => (d = Math.max(d, Math.abs(x - b.b[l]![i]!)))));
  return d;
}
