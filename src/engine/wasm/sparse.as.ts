// The input layer's two hot loops in WebAssembly SIMD (AssemblyScript). MNIST images are ~80 % zeros, so both
// loops visit only each image's ink, and the weights are stored input-major so that the neurons fed by one pixel
// sit side by side, four to a v128.
//
// Memory layout (byte addresses chosen by src/engine/wasm/kernels.ts):
//   W        f32[inputs × stride]   W[k·stride + j] = w¹ⱼₖ; stride = n₁ rounded up to a multiple of 4, padding 0
//   b        f32[stride]            biases of layer 1
//   offsets  u32[images + 1]        image i's ink is entries offsets[i] … offsets[i+1] of index/value
//   index    u16[…]                 pixel number k of each inked pixel
//   value    f32[…]                 its activation xₖ = pixel / 255
//   rows     u32[m]                 the images of this batch, in order
//   Z, D     f32[m × stride]        per example: weighted sums z¹ (out), or δ¹ (in)

/** Z[e] = b + Σ over image rows[e]'s ink of xₖ · W[k] — the weighted sums z¹ of m examples. */
export function forwardSparse(
  W: usize,
  stride: i32,
  b: usize,
  offsets: usize,
  index: usize,
  value: usize,
  rows: usize,
  m: i32,
  Z: usize,
): void {
  const rowBytes = (<usize>stride) << 2;
  for (let e = 0; e < m; e++) {
    const i = <usize>load<u32>(rows + ((<usize>e) << 2));
    const p0 = <usize>load<u32>(offsets + (i << 2));
    const p1 = <usize>load<u32>(offsets + ((i + 1) << 2));
    const z = Z + <usize>e * rowBytes;
    let j: usize = 0;
    for (; j + 64 <= rowBytes; j += 64) {
      let a0 = v128.load(b + j);
      let a1 = v128.load(b + j, 16);
      let a2 = v128.load(b + j, 32);
      let a3 = v128.load(b + j, 48);
      for (let p = p0; p < p1; p++) {
        const k = <usize>load<u16>(index + (p << 1));
        const v = f32x4.splat(load<f32>(value + (p << 2)));
        const w = W + k * rowBytes + j;
        a0 = f32x4.add(a0, f32x4.mul(v, v128.load(w)));
        a1 = f32x4.add(a1, f32x4.mul(v, v128.load(w, 16)));
        a2 = f32x4.add(a2, f32x4.mul(v, v128.load(w, 32)));
        a3 = f32x4.add(a3, f32x4.mul(v, v128.load(w, 48)));
      }
      v128.store(z + j, a0);
      v128.store(z + j, a1, 16);
      v128.store(z + j, a2, 32);
      v128.store(z + j, a3, 48);
    }
    for (; j < rowBytes; j += 16) {
      let a0 = v128.load(b + j);
      for (let p = p0; p < p1; p++) {
        const k = <usize>load<u16>(index + (p << 1));
        const v = f32x4.splat(load<f32>(value + (p << 2)));
        a0 = f32x4.add(a0, f32x4.mul(v, v128.load(W + k * rowBytes + j)));
      }
      v128.store(z + j, a0);
    }
  }
}

/**
 * W[k] += coef · xₖ · D[e] for every example e and every inked pixel k of its image: the sum of m outer
 * products δ aᵀ, restricted to the ink. With coef = −η/m this is the SGD step of layer 1's weights;
 * with coef = 1 on a zeroed W it accumulates the batch's ∂C/∂w¹.
 */
export function rank1Sparse(
  W: usize,
  stride: i32,
  D: usize,
  coef: f32,
  offsets: usize,
  index: usize,
  value: usize,
  rows: usize,
  m: i32,
): void {
  const rowBytes = (<usize>stride) << 2;
  for (let e = 0; e < m; e++) {
    const i = <usize>load<u32>(rows + ((<usize>e) << 2));
    const p0 = <usize>load<u32>(offsets + (i << 2));
    const p1 = <usize>load<u32>(offsets + ((i + 1) << 2));
    const d = D + <usize>e * rowBytes;
    let j: usize = 0;
    for (; j + 64 <= rowBytes; j += 64) {
      const d0 = v128.load(d + j);
      const d1 = v128.load(d + j, 16);
      const d2 = v128.load(d + j, 32);
      const d3 = v128.load(d + j, 48);
      for (let p = p0; p < p1; p++) {
        const k = <usize>load<u16>(index + (p << 1));
        const v = f32x4.splat(coef * load<f32>(value + (p << 2)));
        const w = W + k * rowBytes + j;
        v128.store(w, f32x4.add(v128.load(w), f32x4.mul(v, d0)));
        v128.store(w, f32x4.add(v128.load(w, 16), f32x4.mul(v, d1)), 16);
        v128.store(w, f32x4.add(v128.load(w, 32), f32x4.mul(v, d2)), 32);
        v128.store(w, f32x4.add(v128.load(w, 48), f32x4.mul(v, d3)), 48);
      }
    }
    for (; j < rowBytes; j += 16) {
      const d0 = v128.load(d + j);
      for (let p = p0; p < p1; p++) {
        const k = <usize>load<u16>(index + (p << 1));
        const v = f32x4.splat(coef * load<f32>(value + (p << 2)));
        const w = W + k * rowBytes + j;
        v128.store(w, f32x4.add(v128.load(w), f32x4.mul(v, d0)));
      }
    }
  }
}
