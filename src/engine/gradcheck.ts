// Central finite differences: the independent oracle for analytic gradients (tests, and the lessons' side-by-side check).
import type { Activation, OutputActivation } from "./activations.ts";
import type { Cost } from "./costs.ts";
import {
  createNetwork,
  exampleCost,
  forward,
  traceExample,
  type Network,
  type NetworkSpec,
} from "./network.ts";
import { createRng } from "./rng.ts";

/** C₀(x, y) for the network as it stands. */
export function costOf(net: Network, x: ArrayLike<number>, y: ArrayLike<number>): number {
  return exampleCost(net.spec, forward(net, x), y).cost;
}

/**
 * ∂C₀/∂p ≈ (C₀(p + h) − C₀(p − h)) / 2h for every weight and bias, shaped like the network.
 * Needs a float64 network: float32 rounding would swamp the difference.
 */
export function numericGradient(net: Network, x: ArrayLike<number>, y: ArrayLike<number>, h = 1e-5) {
  const one = (p: Float64Array | Float32Array) => {
    const g = new Float64Array(p.length);
    for (let i = 0; i < p.length; i++) {
      const keep = p[i]!;
      p[i] = keep + h;
      const plus = costOf(net, x, y);
      p[i] = keep - h;
      const minus = costOf(net, x, y);
      p[i] = keep;
      g[i] = (plus - minus) / (2 * h);
    }
    return g;
  };
  return { dw: net.w.map(one), db: net.b.map(one) };
}

/** ‖a − n‖ / max(‖a‖ + ‖n‖, tiny) over all parameters: the usual gradient-check relative error. */
export function relativeError(analytic: ArrayLike<number>[], numeric: ArrayLike<number>[]): number {
  let diff = 0;
  let sum = 0;
  analytic.forEach((a, l) => {
    const n = numeric[l]!;
    for (let i = 0; i < a.length; i++) {
      diff += (a[i]! - n[i]!) ** 2;
      sum += a[i]! ** 2 + n[i]! ** 2;
    }
  });
  return Math.sqrt(diff) / Math.max(Math.sqrt(sum), 1e-300);
}

/** A random small network shape: 1–3 hidden layers of 2–7 neurons, 3–8 inputs, 2–6 outputs. */
export function randomSpec(
  seed: number,
  hidden: Activation,
  output: OutputActivation,
  cost: Cost,
): NetworkSpec {
  const rng = createRng(seed);
  const layers = 1 + rng.int(3);
  const sizes = [3 + rng.int(6)];
  for (let i = 0; i < layers; i++) sizes.push(2 + rng.int(6));
  sizes.push(2 + rng.int(5));
  return { sizes, hidden: Array.from({ length: layers }, () => hidden), output, cost };
}

/** A random input in [0, 1) and a one-hot target. */
export function randomExample(seed: number, nIn: number, nOut: number): { x: Float64Array; y: Float64Array } {
  const rng = createRng(seed);
  const x = Float64Array.from({ length: nIn }, () => rng.next());
  const y = new Float64Array(nOut);
  y[rng.int(nOut)] = 1;
  return { x, y };
}

/**
 * Backpropagation against central differences on `trials` random float64 networks (random biases too, so
 * every chain-rule term is exercised) for one activation × output × cost; returns the worst relative error.
 */
export function gradientCheck(hidden: Activation, output: OutputActivation, cost: Cost, trials = 4): number {
  let worst = 0;
  for (let trial = 0; trial < trials; trial++) {
    const spec = randomSpec(100 * trial + 7, hidden, output, cost);
    const net = createNetwork(spec, trial + 1, { precision: "float64" });
    const rng = createRng(trial + 99);
    for (const b of net.b) for (let i = 0; i < b.length; i++) b[i] = rng.gaussian() * 0.5;
    const { x, y } = randomExample(trial + 5, spec.sizes[0]!, spec.sizes.at(-1)!);
    const trace = traceExample(net, x, y);
    const numeric = numericGradient(net, x, y);
    worst = Math.max(worst, relativeError([...trace.dw, ...trace.db], [...numeric.dw, ...numeric.db]));
  }
  return worst;
}
