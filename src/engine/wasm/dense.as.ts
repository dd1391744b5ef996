// The layers after the first in WebAssembly SIMD (AssemblyScript): dense weighted sums, δ sent back through the
// weights, and the rank-1 sums δ aᵀ, over a whole mini-batch in the kernels' memory. Weights are input-major like
// layer 1's (sparse.as.ts), so the neurons fed by one input sit side by side, four to a v128.
//
//   W     f32[nIn × s]   W[q·s + j] = wⱼ_q, from neuron q of the layer before to neuron j; s = n rounded up to 4
//   A     f32[m × sIn]   the layer before's activations, row e is example e (sIn its stride; only q < nIn read)
//   Z, D  f32[m × s]     this layer's weighted sums, and δ; a row's padding stays 0

/** Z[e] = b + Σ_q A[e][q] · W[q] for every example e: the weighted sums z = w a + b of m examples. */
export function denseForward(
  W: usize,
  s: i32,
  b: usize,
  A: usize,
  sIn: i32,
  nIn: i32,
  m: i32,
  Z: usize,
): void {
  const rowBytes = (<usize>s) << 2;
  const inBytes = (<usize>sIn) << 2;
  const qEnd = (<usize>nIn) << 2;
  for (let e = 0; e < m; e++) {
    const a = A + <usize>e * inBytes;
    const z = Z + <usize>e * rowBytes;
    let j: usize = 0;
    for (; j + 64 <= rowBytes; j += 64) {
      let a0 = v128.load(b + j);
      let a1 = v128.load(b + j, 16);
      let a2 = v128.load(b + j, 32);
      let a3 = v128.load(b + j, 48);
      let w = W + j;
      for (let q: usize = 0; q < qEnd; q += 4) {
        const v = f32x4.splat(load<f32>(a + q));
        a0 = f32x4.add(a0, f32x4.mul(v, v128.load(w)));
        a1 = f32x4.add(a1, f32x4.mul(v, v128.load(w, 16)));
        a2 = f32x4.add(a2, f32x4.mul(v, v128.load(w, 32)));
        a3 = f32x4.add(a3, f32x4.mul(v, v128.load(w, 48)));
        w += rowBytes;
      }
      v128.store(z + j, a0);
      v128.store(z + j, a1, 16);
      v128.store(z + j, a2, 32);
      v128.store(z + j, a3, 48);
    }
    for (; j < rowBytes; j += 16) {
      let a0 = v128.load(b + j);
      let w = W + j;
      for (let q: usize = 0; q < qEnd; q += 4) {
        a0 = f32x4.add(a0, f32x4.mul(f32x4.splat(load<f32>(a + q)), v128.load(w)));
        w += rowBytes;
      }
      v128.store(z + j, a0);
    }
  }
}

/** The sum of a v128's four lanes. */
function lanes(v: v128): f32 {
  return (
    f32x4.extract_lane(v, 0) +
    f32x4.extract_lane(v, 1) +
    (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3))
  );
}

/**
 * G[e][q] = Σⱼ W[q][j] · D[e][j] for q < nIn: ∂C₀/∂a of the layer before, w ᵀ δ, for every example (G has the
 * layer before's stride sIn). The caller multiplies by f′(z) to make it that layer's δ.
 */
export function denseBack(W: usize, s: i32, D: usize, m: i32, sIn: i32, nIn: i32, G: usize): void {
  const rowBytes = (<usize>s) << 2;
  const inBytes = (<usize>sIn) << 2;
  for (let e = 0; e < m; e++) {
    const d = D + <usize>e * rowBytes;
    const g = G + <usize>e * inBytes;
    let w = W;
    for (let q = 0; q < nIn; q++) {
      let acc = f32x4.mul(v128.load(w), v128.load(d));
      for (let j: usize = 16; j < rowBytes; j += 16)
        acc = f32x4.add(acc, f32x4.mul(v128.load(w + j), v128.load(d + j)));
      store<f32>(g + ((<usize>q) << 2), lanes(acc));
      w += rowBytes;
    }
  }
}

/**
 * W[q] += coef · A[e][q] · D[e] for every example e and input q < nIn: the sum of m outer products δ aᵀ. With
 * coef = −η/m this is the SGD step of the weights; with coef = 1 it adds the batch's ∂C/∂w to a sum. Inputs
 * that are exactly 0 (ReLU's) are skipped.
 */
export function denseRank1(
  W: usize,
  s: i32,
  D: usize,
  coef: f32,
  A: usize,
  sIn: i32,
  nIn: i32,
  m: i32,
): void {
  const rowBytes = (<usize>s) << 2;
  const inBytes = (<usize>sIn) << 2;
  for (let e = 0; e < m; e++) {
    const a = A + <usize>e * inBytes;
    const d = D + <usize>e * rowBytes;
    let w = W;
    for (let q = 0; q < nIn; q++) {
      const x = load<f32>(a + ((<usize>q) << 2));
      if (x != 0) {
        const v = f32x4.splat(coef * x);
        for (let j: usize = 0; j < rowBytes; j += 16)
          v128.store(w + j, f32x4.add(v128.load(w + j), f32x4.mul(v, v128.load(d + j))));
      }
      w += rowBytes;
    }
  }
}

/** g[j] += coef · Σₑ D[e][j]: the batch's ∂C/∂b (coef 1) or the bias step (coef −η/m), four at a time. */
export function sumRows(g: usize, s: i32, D: usize, m: i32, coef: f32): void {
  const rowBytes = (<usize>s) << 2;
  const c = f32x4.splat(coef);
  for (let j: usize = 0; j < rowBytes; j += 16) {
    let acc = v128.load(D + j);
    for (let e = 1; e < m; e++) acc = f32x4.add(acc, v128.load(D + <usize>e * rowBytes + j));
    v128.store(g + j, f32x4.add(v128.load(g + j), f32x4.mul(c, acc)));
  }
}

/** W[i] *= factor for n floats (n a multiple of 4): weight decay's w ← (1 − ηλ)w, four at a time. */
export function scale(W: usize, n: i32, factor: f32): void {
  const f = f32x4.splat(factor);
  const end = W + ((<usize>n) << 2);
  for (let p = W; p < end; p += 16) v128.store(p, f32x4.mul(v128.load(p), f));
}

/**
 * The momentum step over n floats (a multiple of 4), then G cleared for the next sum:
 *   v ← μv − η(g·invM + λw),  w ← w + v,  g ← 0.
 */
export function momentumStep(
  W: usize,
  V: usize,
  G: usize,
  n: i32,
  mu: f32,
  eta: f32,
  invM: f32,
  lambda: f32,
): void {
  const vMu = f32x4.splat(mu);
  const vEta = f32x4.splat(eta);
  const vInvM = f32x4.splat(invM);
  const vLambda = f32x4.splat(lambda);
  const zero = f32x4.splat(0);
  const bytes = (<usize>n) << 2;
  for (let i: usize = 0; i < bytes; i += 16) {
    const w = v128.load(W + i);
    const g = f32x4.mul(v128.load(G + i), vInvM);
    const step = f32x4.mul(vEta, f32x4.add(g, f32x4.mul(vLambda, w)));
    const v = f32x4.sub(f32x4.mul(vMu, v128.load(V + i)), step);
    v128.store(V + i, v);
    v128.store(W + i, f32x4.add(w, v));
    v128.store(G + i, zero);
  }
}

/** The plain step from a summed gradient over n floats (a multiple of 4): w ← keep·w − scale·g, then g ← 0. */
export function plainStep(W: usize, G: usize, n: i32, keep: f32, scaleBy: f32): void {
  const vKeep = f32x4.splat(keep);
  const vScale = f32x4.splat(scaleBy);
  const zero = f32x4.splat(0);
  const bytes = (<usize>n) << 2;
  for (let i: usize = 0; i < bytes; i += 16) {
    const w = f32x4.mul(v128.load(W + i), vKeep);
    v128.store(W + i, f32x4.sub(w, f32x4.mul(vScale, v128.load(G + i))));
    v128.store(G + i, zero);
  }
}
