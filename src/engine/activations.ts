// Activation functions, each beside its derivative: σ and σ′, ReLU and ReLU′, tanh and tanh′,
// plus softmax for the output layer (whose derivative is a Jacobian, applied in network.ts).

/** Hidden-layer (and elementwise output) activations. */
export type Activation = "sigmoid" | "relu" | "tanh";
/** Output-layer activations: elementwise sigmoid, or softmax across the layer. */
export type OutputActivation = "sigmoid" | "softmax";

export const ACTIVATIONS: readonly Activation[] = ["sigmoid", "relu", "tanh"];
export const OUTPUT_ACTIVATIONS: readonly OutputActivation[] = ["sigmoid", "softmax"];

/** σ(z) = 1 / (1 + e^(−z)). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
/** σ′(z) = σ(z)(1 − σ(z)). */
export function sigmoidPrime(z: number): number {
  const s = sigmoid(z);
  return s * (1 - s);
}

/** ReLU(z) = max(0, z). */
export function relu(z: number): number {
  return z > 0 ? z : 0;
}
/** ReLU′(z) = 1 for z > 0, else 0 (we take 0 at the kink). */
export function reluPrime(z: number): number {
  return z > 0 ? 1 : 0;
}

/** tanh(z). */
export function tanh(z: number): number {
  return Math.tanh(z);
}
/** tanh′(z) = 1 − tanh²(z). */
export function tanhPrime(z: number): number {
  const t = Math.tanh(z);
  return 1 - t * t;
}

/** f(z) for an elementwise activation. */
export function activate(kind: Activation, z: number): number {
  switch (kind) {
    case "sigmoid":
      return sigmoid(z);
    case "relu":
      return relu(z);
    case "tanh":
      return tanh(z);
  }
}

/** f′(z) for an elementwise activation. */
export function activatePrime(kind: Activation, z: number): number {
  switch (kind) {
    case "sigmoid":
      return sigmoidPrime(z);
    case "relu":
      return reluPrime(z);
    case "tanh":
      return tanhPrime(z);
  }
}

/**
 * a = softmax(z), written into `a`: aⱼ = e^(zⱼ − max z) / Σₖ e^(zₖ − max z).
 * Subtracting max z changes nothing mathematically and keeps e^z finite.
 */
export function softmaxInto(z: ArrayLike<number>, a: Float32Array | Float64Array): void {
  let max = -Infinity;
  for (let j = 0; j < z.length; j++) if (z[j]! > max) max = z[j]!;
  let sum = 0;
  for (let j = 0; j < z.length; j++) {
    const e = Math.exp(z[j]! - max);
    a[j] = e;
    sum += e;
  }
  for (let j = 0; j < z.length; j++) a[j] = a[j]! / sum;
}
