// Central finite differences: the independent oracle for analytic gradients (tests, and the lessons' side-by-side check).
import { exampleCost, forward, type Network } from "./network.ts";

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
