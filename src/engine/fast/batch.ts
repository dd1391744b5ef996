// The buffers one mini-batch runs in, and its forward pass: layer 1's weights in the kernels' memory
// (InputLayer), the batch's z, a and δ in matrix form (BatchBuffers), and what one batch is (BatchContext).
// Layer 1 reads only each image's ink through the WebAssembly SIMD kernels; the other layers are plain loops.

import { softmaxInto, sigmoid, type Activation } from "../activations.ts";
import { costTerm } from "../costs.ts";
import type { Network } from "../network.ts";
import { depth, hiddenActivation, type NetworkSpec } from "../spec.ts";
import { kernels } from "../wasm/kernels.ts";
import { addressesOf, type PlacedImages } from "./placement.ts";

/**
 * Layer 1's weights and biases in the kernels' memory, input-major: W[k·stride + j] = w¹ⱼₖ, where
 * stride is n₁ rounded up to a multiple of 4 and the padding stays 0.
 */
export class InputLayer {
  readonly stride: number;
  /** Address of W, f32[nIn × stride]. */
  readonly W: number;
  /** Address of b¹, f32[stride]. */
  readonly b: number;
  constructor(
    readonly nIn: number,
    readonly n: number,
  ) {
    this.stride = Math.ceil(n / 4) * 4;
    this.W = kernels().alloc(nIn * this.stride * 4);
    this.b = kernels().alloc(this.stride * 4);
  }
  weights(): Float32Array {
    return kernels().f32(this.W, this.nIn * this.stride);
  }
  biases(): Float32Array {
    return kernels().f32(this.b, this.stride);
  }
  /** Copies the network's row-major w¹, b¹ in. */
  load(w1: Float32Array, b1: Float32Array): void {
    const W = this.weights();
    for (let j = 0; j < this.n; j++)
      for (let k = 0; k < this.nIn; k++) W[k * this.stride + j] = w1[j * this.nIn + k]!;
    this.biases().set(b1);
  }
  /** Copies w¹, b¹ out to the network's row-major arrays. */
  store(w1: Float32Array, b1: Float32Array): void {
    const W = this.weights();
    for (let j = 0; j < this.n; j++)
      for (let k = 0; k < this.nIn; k++) w1[j * this.nIn + k] = W[k * this.stride + j]!;
    b1.set(this.biases().subarray(0, this.n));
  }
  dispose(): void {
    kernels().release(this.W, this.nIn * this.stride * 4);
    kernels().release(this.b, this.stride * 4);
  }
}

/**
 * Buffers for one mini-batch in matrix form: Z[l], A[l] and D[l] (= δ) are m × rowStride[l], row e is
 * example e. Layer 1's rows are padded to the input layer's stride, and its Z and D live in the kernels'
 * memory (views refreshed by `views()` since memory growth detaches them).
 */
export class BatchBuffers {
  readonly rowStride: number[];
  readonly A: Float32Array[];
  readonly Z: Float32Array[];
  readonly D: Float32Array[];
  /** Scratch for the output layer: y (one-hot) and ∂C₀/∂a. */
  readonly y: Float32Array;
  readonly g: Float32Array;
  private readonly ptrZ1: number;
  private readonly ptrD1: number;
  /** Address of u32[m]: the images of the batch, in order. */
  readonly ptrRows: number;
  private buffer: ArrayBuffer | null = null;

  constructor(
    spec: NetworkSpec,
    readonly m: number,
    stride1: number,
  ) {
    this.rowStride = spec.sizes.map((n, l) => (l === 1 ? stride1 : n));
    const mk = () => this.rowStride.map((n, l) => new Float32Array(l === 0 ? 0 : n * m));
    this.A = mk();
    this.Z = mk();
    this.D = mk();
    const nL = spec.sizes.at(-1)!;
    this.y = new Float32Array(nL);
    this.g = new Float32Array(nL);
    const k = kernels();
    this.ptrZ1 = k.alloc(m * stride1 * 4);
    this.ptrD1 = k.alloc(m * stride1 * 4);
    this.ptrRows = k.alloc(m * 4);
  }

  /** Points Z[1] and D[1] at the kernels' memory, afresh if it has grown. */
  views(): void {
    const k = kernels();
    if (this.buffer === k.memory.buffer) return;
    this.buffer = k.memory.buffer;
    const n = this.m * this.rowStride[1]!;
    this.Z[1] = k.f32(this.ptrZ1, n);
    this.D[1] = k.f32(this.ptrD1, n);
  }
  dispose(): void {
    const k = kernels();
    k.release(this.ptrZ1, this.m * this.rowStride[1]! * 4);
    k.release(this.ptrD1, this.m * this.rowStride[1]! * 4);
    k.release(this.ptrRows, this.m * 4);
  }
}

/** One mini-batch: examples order[from … from+m) of the placed images, through `net`, in `buffers`. */
export interface BatchContext {
  /** The network; its layer 1 is read from `input`, not from net.w[1] and net.b[1]. */
  readonly net: Network<Float32Array>;
  readonly input: InputLayer;
  readonly images: PlacedImages;
  /** Image numbers in the order they are visited. */
  readonly order: Uint32Array;
  /** Position in `order` of the batch's first example. */
  readonly from: number;
  /** m, examples in the batch (at most buffers.m). */
  readonly m: number;
  readonly buffers: BatchBuffers;
}

/** The label of example e of the batch. */
export function labelOf(ctx: BatchContext, e: number): number {
  return ctx.images.data.labels[ctx.order[ctx.from + e]!]!;
}

/** a = f(z) over z[from … to) for a hidden activation. */
function applyHidden(f: Activation, z: Float32Array, a: Float32Array, from: number, to: number): void {
  switch (f) {
    case "sigmoid":
      for (let i = from; i < to; i++) a[i] = 1 / (1 + Math.exp(-z[i]!));
      return;
    case "relu":
      for (let i = from; i < to; i++) a[i] = z[i]! > 0 ? z[i]! : 0;
      return;
    case "tanh":
      for (let i = from; i < to; i++) a[i] = Math.tanh(z[i]!);
  }
}

/** z[l] = w[l] a[l−1] + b[l] for every example of the batch, layer l ≥ 2. */
function weightedSums(ctx: BatchContext, l: number): void {
  const { net, m, buffers } = ctx;
  const n = net.spec.sizes[l]!;
  const nPrev = net.spec.sizes[l - 1]!;
  const sPrev = buffers.rowStride[l - 1]!;
  const Zl = buffers.Z[l]!;
  const Aprev = buffers.A[l - 1]!;
  const wl = net.w[l]!;
  const bl = net.b[l]!;
  for (let e = 0; e < m; e++) {
    const ain = e * sPrev;
    const out = e * n;
    for (let j = 0; j < n; j++) {
      const row = j * nPrev;
      let s = bl[j]!;
      for (let q = 0; q < nPrev; q++) s += wl[row + q]! * Aprev[ain + q]!;
      Zl[out + j] = s;
    }
  }
}

/** The sum of the batch's costs C₀, from the output activations of the last forward pass. */
function batchCost(ctx: BatchContext): number {
  const { spec } = ctx.net;
  const L = depth(spec);
  const nL = spec.sizes[L]!;
  const sL = ctx.buffers.rowStride[L]!;
  const AL = ctx.buffers.A[L]!;
  let total = 0;
  for (let e = 0; e < ctx.m; e++) {
    const label = labelOf(ctx, e);
    for (let j = 0; j < nL; j++)
      total += costTerm(spec.cost, spec.output, AL[e * sL + j]!, j === label ? 1 : 0);
  }
  return total;
}

/**
 * Forward pass of the batch into its buffers; returns the sum of its costs (0 unless `costs`).
 * Layer 1 reads only the ink (kernel forwardSparse): z¹ⱼ = b¹ⱼ + Σ over non-zero pixels k of w¹ⱼₖ xₖ.
 */
export function forwardBatch(ctx: BatchContext, costs: boolean): number {
  const { net, input, order, from, m, buffers } = ctx;
  const { spec } = net;
  const L = depth(spec);
  const k = kernels();
  const img = addressesOf(ctx.images);
  k.u32(buffers.ptrRows, m).set(order.subarray(from, from + m));
  buffers.views();
  k.fn.forwardSparse(
    input.W,
    input.stride,
    input.b,
    img.offsets,
    img.index,
    img.value,
    buffers.ptrRows,
    m,
    buffers.Z[1]!.byteOffset,
  );
  const rs = buffers.rowStride;
  for (let l = 1; l <= L; l++) {
    const n = spec.sizes[l]!;
    const Zl = buffers.Z[l]!;
    const Al = buffers.A[l]!;
    if (l > 1) weightedSums(ctx, l);
    if (l < L) applyHidden(hiddenActivation(spec, l), Zl, Al, 0, m * rs[l]!);
    else if (spec.output === "softmax") {
      const s = rs[l]!;
      for (let e = 0; e < m; e++) softmaxInto(Zl.subarray(e * s, e * s + n), Al.subarray(e * s, e * s + n));
    } else for (let i = 0; i < m * rs[l]!; i++) Al[i] = sigmoid(Zl[i]!);
  }
  return costs ? batchCost(ctx) : 0;
}
