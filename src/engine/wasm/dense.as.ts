// The layers after the first in WebAssembly SIMD (AssemblyScript): dense weighted sums, δ sent back through the
// weights, the batch's gradient sums and the updates, over a whole mini-batch in the kernels' memory. Weights are
// input-major like layer 1's (sparse.as.ts), so the neurons fed by one input sit side by side.
//
// Each float32 result is what JavaScript's float64 arithmetic on the same float32 numbers gives, rounded to float32
// when stored, in the same order, so training takes bit for bit the steps it took when these loops were JavaScript
// (and the shipped models still regenerate exactly). So sums of products run in f64x2 lanes: a product of two f32s
// is exact in f64, and each sum is rounded as a double, then to f32 where the JavaScript stored it.
//
//   W     f32[nIn × s]   W[q·s + j] = wⱼ_q, from neuron q of the layer before to neuron j; s = n rounded up to 4
//   A     f32[m × sIn]   the layer before's activations, row e is example e (sIn its stride; only q < nIn read)
//   Z, D  f32[m × s]     this layer's weighted sums, and δ; a row's padding stays 0

/** Two f32s at p as an f64x2. */
function pair(p: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(p));
}

/** An f64x2 rounded to two f32s, stored at p. */
function storePair(p: usize, v: v128): void {
  v128.store64_lane(p, f32x4.demote_f64x2_zero(v), 0);
}

/** Z[e][j] = b[j] + Σ_q W[q][j] · A[e][q], summed in f64 in the order of q, for every example e. */
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
    for (let j: usize = 0; j < rowBytes; j += 16) {
      let lo = pair(b + j);
      let hi = pair(b + j + 8);
      let w = W + j;
      for (let q: usize = 0; q < qEnd; q += 4) {
        const v = f64x2.splat(<f64>load<f32>(a + q));
        lo = f64x2.add(lo, f64x2.mul(pair(w), v));
        hi = f64x2.add(hi, f64x2.mul(pair(w + 8), v));
        w += rowBytes;
      }
      storePair(z + j, lo);
      storePair(z + j + 8, hi);
    }
  }
}

/** T[j][q] = W[q][j] for q < nIn, j < n: the weights output-major (T's rows have sIn floats, padding 0). */
export function transpose(W: usize, s: i32, nIn: i32, n: i32, T: usize, sIn: i32): void {
  for (let q = 0; q < nIn; q++)
    for (let j = 0; j < n; j++) {
      const w = load<f32>(W + ((<usize>(q * s + j)) << 2));
      store<f32>(T + ((<usize>(j * sIn + q)) << 2), w);
    }
}

/**
 * G[e][q] = Σⱼ W[q][j] · D[e][j]: ∂C₀/∂a of the layer before, wᵀδ, for every example, from T = the weights
 * output-major (transpose). G has the layer before's stride sIn; each of its floats is summed from 0 over j in order
 * and rounded to f32 after each term (δⱼ = 0 skipped), two at a time. The caller multiplies by f′(z) to make it that
 * layer's δ.
 */
export function denseBack(T: usize, sIn: i32, n: i32, D: usize, s: i32, m: i32, G: usize): void {
  const rowBytes = (<usize>s) << 2;
  const inBytes = (<usize>sIn) << 2;
  for (let e = 0; e < m; e++) {
    const d = D + <usize>e * rowBytes;
    const g = G + <usize>e * inBytes;
    memory.fill(g, 0, inBytes);
    let t = T;
    for (let j: usize = 0; j < (<usize>n) << 2; j += 4) {
      const dj = load<f32>(d + j);
      if (dj != 0) {
        const v = f64x2.splat(<f64>dj);
        for (let q: usize = 0; q < inBytes; q += 8)
          storePair(g + q, f64x2.add(pair(g + q), f64x2.mul(pair(t + q), v)));
      }
      t += inBytes;
    }
  }
}

/**
 * G[q][j] += D[e][j] · A[e][q] for every example e in order and input q < nIn, rounded to f32 after each example:
 * adds the batch's ∂C/∂w = Σₑ δₑ aₑᵀ to the sum G. Inputs that are exactly 0 (ReLU's) add nothing and are skipped.
 */
export function denseGradient(G: usize, s: i32, D: usize, A: usize, sIn: i32, nIn: i32, m: i32): void {
  const rowBytes = (<usize>s) << 2;
  const inBytes = (<usize>sIn) << 2;
  for (let e = 0; e < m; e++) {
    const a = A + <usize>e * inBytes;
    const d = D + <usize>e * rowBytes;
    let g = G;
    for (let q = 0; q < nIn; q++) {
      const x = load<f32>(a + ((<usize>q) << 2));
      if (x != 0) {
        const v = f64x2.splat(<f64>x);
        for (let j: usize = 0; j < rowBytes; j += 8)
          storePair(g + j, f64x2.add(pair(g + j), f64x2.mul(pair(d + j), v)));
      }
      g += rowBytes;
    }
  }
}

/** g[j] += D[e][j] for every example e in order: adds the batch's ∂C/∂b to the sum g, four at a time. */
export function sumRows(g: usize, s: i32, D: usize, m: i32): void {
  const rowBytes = (<usize>s) << 2;
  for (let j: usize = 0; j < rowBytes; j += 16) {
    let acc = v128.load(g + j);
    for (let e = 0; e < m; e++) acc = f32x4.add(acc, v128.load(D + <usize>e * rowBytes + j));
    v128.store(g + j, acc);
  }
}

/** W[i] *= factor for n floats (n a multiple of 4), in f32: weight decay's w ← (1 − ηλ)w on layer 1. */
export function scale(W: usize, n: i32, factor: f32): void {
  const f = f32x4.splat(factor);
  const end = W + ((<usize>n) << 2);
  for (let p = W; p < end; p += 16) v128.store(p, f32x4.mul(v128.load(p), f));
}

/**
 * The plain step from a summed gradient G over n floats (a multiple of 4), then G ← 0: w ← w·keep (rounded to f32)
 * when `decay`, then w ← w − scaleBy·g, as plain SGD's step takes it.
 */
export function stepFromSum(W: usize, G: usize, n: i32, decay: bool, keep: f64, scaleBy: f64): void {
  const vKeep = f64x2.splat(keep);
  const vScale = f64x2.splat(scaleBy);
  const bytes = (<usize>n) << 2;
  for (let i: usize = 0; i < bytes; i += 8) {
    let w = pair(W + i);
    if (decay) w = f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(f64x2.mul(w, vKeep)));
    storePair(W + i, f64x2.sub(w, f64x2.mul(vScale, pair(G + i))));
    store<u64>(G + i, 0);
  }
}

/** w ← w·keep − scaleBy·g in one rounding, then g ← 0: the step of a mini-batch summed in parts, without momentum. */
export function stepFromParts(W: usize, G: usize, n: i32, keep: f64, scaleBy: f64): void {
  const vKeep = f64x2.splat(keep);
  const vScale = f64x2.splat(scaleBy);
  const bytes = (<usize>n) << 2;
  for (let i: usize = 0; i < bytes; i += 8) {
    storePair(W + i, f64x2.sub(f64x2.mul(pair(W + i), vKeep), f64x2.mul(vScale, pair(G + i))));
    store<u64>(G + i, 0);
  }
}

/** The momentum step of the two floats at byte i, given their g/m. */
function momentumPair(
  W: usize,
  V: usize,
  G: usize,
  i: usize,
  g: v128,
  mu: v128,
  eta: v128,
  decay: bool,
  lambda: v128,
): void {
  const w = pair(W + i);
  const step = f64x2.mul(eta, decay ? f64x2.add(g, f64x2.mul(lambda, w)) : g);
  const v = f32x4.demote_f64x2_zero(f64x2.sub(f64x2.mul(mu, pair(V + i)), step));
  v128.store64_lane(V + i, v, 0);
  storePair(W + i, f64x2.add(w, f64x2.promote_low_f32x4(v)));
  store<u64>(G + i, 0);
}

/**
 * The momentum step over n floats (a multiple of 4), then G ← 0: v ← μv − η(g/m + λw) (without the λw term when not
 * `decay`: the biases), rounded to f32, then w ← w + v. When m is a power of 2, g/m is g·(1/m) exactly, and a
 * multiply is much cheaper than a divide.
 */
export function momentumStep(
  W: usize,
  V: usize,
  G: usize,
  n: i32,
  mu: f64,
  eta: f64,
  m: f64,
  decay: bool,
  lambda: f64,
): void {
  const vMu = f64x2.splat(mu);
  const vEta = f64x2.splat(eta);
  const vLambda = f64x2.splat(lambda);
  const bytes = (<usize>n) << 2;
  if (popcnt(<u32>m) == 1) {
    const vInv = f64x2.splat(1 / m);
    for (let i: usize = 0; i < bytes; i += 8)
      momentumPair(W, V, G, i, f64x2.mul(pair(G + i), vInv), vMu, vEta, decay, vLambda);
  } else {
    const vM = f64x2.splat(m);
    for (let i: usize = 0; i < bytes; i += 8)
      momentumPair(W, V, G, i, f64x2.div(pair(G + i), vM), vMu, vEta, decay, vLambda);
  }
}
