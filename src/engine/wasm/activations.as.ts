// Activations, their derivatives, the output layer's δ and the cost, over a whole mini-batch in the kernels' memory
// (AssemblyScript). Each is the formula of src/engine/activations.ts, costs.ts and network.ts's outputDelta, which
// stay the readable reference the fast path is tested against. Everything is computed in f64 and rounded to f32
// when stored, as the JavaScript these kernels replace did (see dense.as.ts). Rows are m × s floats (s = n rounded up to 4); only j < n is
// read or written, so a row's padding stays as it is.

/** Activation codes, as src/engine/fast/resident.ts writes them into the layer table. */
export const SIGMOID = 0;
export const RELU = 1;
export const TANH = 2;
export const SOFTMAX = 3;
/** Cost codes. */
export const MSE = 0;
export const CROSS_ENTROPY = 1;

/** aⱼ = softmax(z)ⱼ = e^(zⱼ − max z) / Σₖ e^(zₖ − max z) for one row of n floats (nBytes = 4n). */
function softmaxRow(z: usize, a: usize, nBytes: usize): void {
  let max = -Infinity;
  for (let j: usize = 0; j < nBytes; j += 4) max = Math.max(max, <f64>load<f32>(z + j));
  let sum: f64 = 0;
  for (let j: usize = 0; j < nBytes; j += 4) {
    const e = Math.exp(<f64>load<f32>(z + j) - max);
    store<f32>(a + j, <f32>e);
    sum += e;
  }
  for (let j: usize = 0; j < nBytes; j += 4) store<f32>(a + j, <f32>(<f64>load<f32>(a + j) / sum));
}

/** A = f(Z) for every example: σ, ReLU, tanh elementwise, or softmax across each row. */
export function activateRows(act: i32, Z: usize, A: usize, s: i32, n: i32, m: i32): void {
  const rowBytes = (<usize>s) << 2;
  const nBytes = (<usize>n) << 2;
  for (let e = 0; e < m; e++) {
    const z = Z + <usize>e * rowBytes;
    const a = A + <usize>e * rowBytes;
    if (act == SOFTMAX) {
      softmaxRow(z, a, nBytes);
      continue;
    }
    for (let j: usize = 0; j < nBytes; j += 4) {
      const x = load<f32>(z + j);
      let y: f32;
      if (act == SIGMOID) y = <f32>(1 / (1 + Math.exp(-(<f64>x))));
      else if (act == RELU) y = x > 0 ? x : 0;
      else y = <f32>Math.tanh(<f64>x);
      store<f32>(a + j, y);
    }
  }
}

/**
 * D ← f′(z) ⊙ D for a hidden layer, f′ from the stored activation a = f(z): σ′ = a(1 − a), tanh′ = 1 − a²,
 * ReLU′ = [z > 0].
 */
export function timesPrime(act: i32, Z: usize, A: usize, D: usize, s: i32, n: i32, m: i32): void {
  const rowBytes = (<usize>s) << 2;
  const nBytes = (<usize>n) << 2;
  for (let e = 0; e < m; e++) {
    const row = <usize>e * rowBytes;
    for (let p = row; p < row + nBytes; p += 4) {
      const a = <f64>load<f32>(A + p);
      const d = <f64>load<f32>(D + p);
      if (act == SIGMOID) store<f32>(D + p, <f32>(d * (a * (1 - a))));
      else if (act == TANH) store<f32>(D + p, <f32>(d * (1 - a * a)));
      else if (!(load<f32>(Z + p) > 0)) store<f32>(D + p, 0);
    }
  }
}

/** yⱼ for example e: 1 at its label (labels u32[m]), else 0. */
function desired(labels: usize, e: i32, j: usize): f64 {
  return <usize>load<u32>(labels + ((<usize>e) << 2)) == j ? 1 : 0;
}

/**
 * δ[L] for every example. Cross-entropy: δ = a − y. Squared error: σ′(z) · 2(a − y) with a sigmoid output, or
 * through softmax's Jacobian, δⱼ = aⱼ(gⱼ − Σᵢ gᵢ aᵢ) with g = 2(a − y).
 */
export function outputDelta(
  act: i32,
  cost: i32,
  A: usize,
  D: usize,
  s: i32,
  n: i32,
  m: i32,
  labels: usize,
): void {
  const rowBytes = (<usize>s) << 2;
  for (let e = 0; e < m; e++) {
    const a = A + <usize>e * rowBytes;
    const d = D + <usize>e * rowBytes;
    let dot: f64 = 0;
    if (cost == MSE && act == SOFTMAX)
      for (let j: usize = 0; j < <usize>n; j++) {
        const aj = <f64>load<f32>(a + (j << 2));
        dot += <f64>(<f32>(2 * (aj - desired(labels, e, j)))) * aj;
      }
    for (let j: usize = 0; j < <usize>n; j++) {
      const aj = <f64>load<f32>(a + (j << 2));
      const y = desired(labels, e, j);
      let dj: f64;
      if (cost == CROSS_ENTROPY) dj = aj - y;
      else if (act == SIGMOID) dj = aj * (1 - aj) * 2 * (aj - y);
      else dj = aj * (<f64>(<f32>(2 * (aj - y))) - dot);
      store<f32>(d + (j << 2), <f32>dj);
    }
  }
}

/** The sum over the batch of C₀ from the output activations A (eps: the smallest activation fed to ln). */
export function costSum(act: i32, cost: i32, A: usize, s: i32, n: i32, m: i32, labels: usize, eps: f64): f64 {
  const rowBytes = (<usize>s) << 2;
  let total: f64 = 0;
  for (let e = 0; e < m; e++) {
    const a = A + <usize>e * rowBytes;
    for (let j: usize = 0; j < <usize>n; j++) {
      const aj = <f64>load<f32>(a + (j << 2));
      const y = desired(labels, e, j);
      if (cost == MSE) total += (aj - y) * (aj - y);
      else if (y == 1) total += -Math.log(Math.max(aj, eps));
      else if (act == SIGMOID) total += -Math.log(Math.max(1 - aj, eps));
    }
  }
  return total;
}
