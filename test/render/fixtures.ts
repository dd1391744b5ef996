// Test fixtures for the painters and views: a frame of any network shape with deterministic numbers.
import type { NetworkFrame } from "../../src/render/network.ts";

/** A frame for a network of the given sizes with deterministic weights and activations. */
export function makeFrame(sizes: readonly number[], seed = 0): NetworkFrame {
  const w = [new Float32Array(0)];
  const b = [new Float32Array(0)];
  const z = [new Float32Array(0)];
  const a = [Float32Array.from({ length: sizes[0]! }, (_, k) => (k % 7 === 0 ? 1 : k % 5 === 0 ? 0.5 : 0))];
  for (let l = 1; l < sizes.length; l++) {
    const n = sizes[l]!;
    const nIn = sizes[l - 1]!;
    w.push(Float32Array.from({ length: n * nIn }, (_, i) => Math.sin(i * 0.7 + l + seed)));
    b.push(Float32Array.from({ length: n }, (_, j) => Math.cos(j + l + seed)));
    z.push(Float32Array.from({ length: n }, (_, j) => Math.sin(j * 1.3 + l + seed) * 2));
    a.push(z[l]!.map((v) => 1 / (1 + Math.exp(-v))));
  }
  return { weights: { w, b }, probe: { probeId: 1, z, a } };
}
