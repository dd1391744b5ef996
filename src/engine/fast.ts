// The training path: mini-batch SGD in matrix form over a batch, with the input layer computed only over
// each image's ink (MNIST images are ~80 % zeros, and 0 · w adds nothing) by WebAssembly SIMD kernels. The same numbers as the
// reference in network.ts up to float32 rounding order; test/engine/fast.test.ts holds it to that.

import { softmaxInto, sigmoid, type Activation } from "./activations.ts";
import { costTerm } from "./costs.ts";
import {
  depth,
  hiddenActivation,
  outputDelta,
  SpecError,
  type Network,
  type NetworkSpec,
} from "./network.ts";
import { kernels } from "./wasm/kernels.ts";
import { createRng, shuffleInPlace, type Rng } from "./rng.ts";

/** Labelled images, pixels row-major 0–255 (an MNIST split). */
export interface Dataset {
  readonly count: number;
  /** Pixels per image (784 for MNIST). */
  readonly size: number;
  /** count × size bytes; image i is pixels[i*size … (i+1)*size). */
  readonly pixels: Uint8Array;
  /** count labels 0–9. */
  readonly labels: Uint8Array;
}

/** Each image's non-zero pixels: image i's are index/value[offsets[i] … offsets[i+1]), value = pixel / 255. */
export interface SparseImages {
  readonly count: number;
  readonly size: number;
  readonly offsets: Uint32Array;
  readonly index: Uint16Array;
  readonly value: Float32Array;
  readonly labels: Uint8Array;
}

/** The ink of every image, once, so each pass reads ~150 numbers per image instead of 784. */
export function toSparse(data: Dataset): SparseImages {
  const { count, size, pixels } = data;
  let nnz = 0;
  for (let i = 0; i < count * size; i++) if (pixels[i] !== 0) nnz++;
  const offsets = new Uint32Array(count + 1);
  const index = new Uint16Array(nnz);
  const value = new Float32Array(nnz);
  let p = 0;
  for (let i = 0; i < count; i++) {
    offsets[i] = p;
    const base = i * size;
    for (let k = 0; k < size; k++) {
      const v = pixels[base + k]!;
      if (v !== 0) {
        index[p] = k;
        value[p] = v / 255;
        p++;
      }
    }
  }
  offsets[count] = p;
  return { count, size, offsets, index, value, labels: data.labels };
}

/** Hyper-parameters the trainer reads at every mini-batch, so they can change while it runs. */
export interface TrainOptions {
  /** η. */
  learningRate: number;
  /** m, examples per mini-batch. */
  batchSize: number;
  /** λ: L2 weight decay (0 for none). */
  weightDecay: number;
  /** μ: momentum (0 for none). */
  momentum: number;
  /** Reshuffle the training order every epoch. */
  shuffle: boolean;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  learningRate: 3,
  batchSize: 10,
  weightDecay: 0,
  momentum: 0,
  shuffle: true,
};

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

/** δ ← f′(z) ⊙ δ using the stored activation a = f(z) (σ′ = a(1 − a), tanh′ = 1 − a², ReLU′ = [z > 0]). */
function timesPrime(
  f: Activation,
  z: Float32Array,
  a: Float32Array,
  d: Float32Array,
  from: number,
  to: number,
): void {
  switch (f) {
    case "sigmoid":
      for (let i = from; i < to; i++) d[i] = d[i]! * (a[i]! * (1 - a[i]!));
      return;
    case "relu":
      for (let i = from; i < to; i++) if (!(z[i]! > 0)) d[i] = 0;
      return;
    case "tanh":
      for (let i = from; i < to; i++) d[i] = d[i]! * (1 - a[i]! * a[i]!);
  }
}

/** An image set copied into the kernels' memory (once per data set and thread). */
interface PlacedImages {
  readonly offsets: number;
  readonly index: number;
  readonly value: number;
}
const placed = new WeakMap<SparseImages, PlacedImages>();

function place(data: SparseImages): PlacedImages {
  const found = placed.get(data);
  if (found) return found;
  const k = kernels();
  const offsets = k.alloc(data.offsets.byteLength);
  const index = k.alloc(data.index.byteLength);
  const value = k.alloc(data.value.byteLength);
  k.u32(offsets, data.offsets.length).set(data.offsets);
  k.u16(index, data.index.length).set(data.index);
  k.f32(value, data.value.length).set(data.value);
  const p = { offsets, index, value };
  placed.set(data, p);
  return p;
}

/**
 * Layer 1's weights and biases in the kernels' memory, input-major: W[k·stride + j] = w¹ⱼₖ, where
 * stride is n₁ rounded up to a multiple of 4 and the padding stays 0.
 */
class InputLayer {
  readonly stride: number;
  readonly W: number;
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
class Batch {
  readonly rowStride: number[];
  readonly A: Float32Array[];
  readonly Z: Float32Array[];
  readonly D: Float32Array[];
  readonly y: Float32Array;
  readonly g: Float32Array;
  private readonly ptrZ1: number;
  private readonly ptrD1: number;
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

/**
 * Forward pass of examples order[from … from+m) into the batch; returns the sum of their costs.
 * Layer 1 reads only the ink (kernel forwardSparse): z¹ⱼ = b¹ⱼ + Σ over non-zero pixels k of w¹ⱼₖ xₖ.
 */
function forwardBatch(
  net: Network<Float32Array>,
  input: InputLayer,
  data: SparseImages,
  order: Uint32Array,
  from: number,
  m: number,
  batch: Batch,
  costs: boolean,
): number {
  const { spec } = net;
  const L = depth(spec);
  const k = kernels();
  const img = place(data);
  k.u32(batch.ptrRows, m).set(order.subarray(from, from + m));
  batch.views();
  k.fn.forwardSparse(
    input.W,
    input.stride,
    input.b,
    img.offsets,
    img.index,
    img.value,
    batch.ptrRows,
    m,
    batch.Z[1]!.byteOffset,
  );
  const rs = batch.rowStride;
  for (let l = 1; l <= L; l++) {
    const n = spec.sizes[l]!;
    const Zl = batch.Z[l]!;
    const Al = batch.A[l]!;
    if (l > 1) {
      const nPrev = spec.sizes[l - 1]!;
      const sPrev = rs[l - 1]!;
      const Aprev = batch.A[l - 1]!;
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
    if (l < L) applyHidden(hiddenActivation(spec, l), Zl, Al, 0, m * rs[l]!);
    else if (spec.output === "softmax") {
      const s = rs[l]!;
      for (let e = 0; e < m; e++) softmaxInto(Zl.subarray(e * s, e * s + n), Al.subarray(e * s, e * s + n));
    } else for (let i = 0; i < m * rs[l]!; i++) Al[i] = sigmoid(Zl[i]!);
  }
  if (!costs) return 0;
  const nL = spec.sizes[L]!;
  const AL = batch.A[L]!;
  let total = 0;
  for (let e = 0; e < m; e++) {
    const label = data.labels[order[from + e]!]!;
    for (let j = 0; j < nL; j++)
      total += costTerm(spec.cost, spec.output, AL[e * rs[L]! + j]!, j === label ? 1 : 0);
  }
  return total;
}

/** Gradient accumulators and momentum velocity (layer 1's gradient input-major, in the kernels' memory). */
interface StepState {
  readonly gw: Float32Array[];
  readonly gb: Float32Array[];
  readonly vw: Float32Array[];
  readonly vb: Float32Array[];
  readonly ptrGw1: number;
}

function createStepState(net: Network<Float32Array>, input: InputLayer): StepState {
  const like = (v: Float32Array[]) => v.map((x) => new Float32Array(x.length));
  const vw = like(net.w);
  vw[1] = new Float32Array(input.nIn * input.stride);
  const gb = like(net.b);
  gb[1] = new Float32Array(input.stride);
  return { gw: like(net.w), gb, vw, vb: like(net.b), ptrGw1: kernels().alloc(input.nIn * input.stride * 4) };
}

/**
 * One SGD step on examples order[from … from+m): forward, backpropagate δ through every layer with the
 * old weights, then w ← w − (η/m) Σ ∂C₀/∂w (with decay λ and momentum μ if set). Returns the batch's mean
 * cost before the step.
 */
function sgdStep(
  net: Network<Float32Array>,
  input: InputLayer,
  data: SparseImages,
  order: Uint32Array,
  from: number,
  m: number,
  opt: TrainOptions,
  batch: Batch,
  st: StepState,
): number {
  const { spec } = net;
  const L = depth(spec);
  const cost = forwardBatch(net, input, data, order, from, m, batch, true) / m;
  const nL = spec.sizes[L]!;
  const rs = batch.rowStride;
  const { y, g } = batch;

  // δ[L] for every example, by the same function as the reference.
  const ZL = batch.Z[L]!;
  const AL = batch.A[L]!;
  const DL = batch.D[L]!;
  for (let e = 0; e < m; e++) {
    const label = data.labels[order[from + e]!]!;
    const s = e * rs[L]!;
    if (spec.cost === "crossEntropy") {
      // δ = a − y, as outputDelta gives for cross-entropy (inlined: this loop runs for every example).
      for (let j = 0; j < nL; j++) DL[s + j] = AL[s + j]! - (j === label ? 1 : 0);
    } else if (spec.output === "sigmoid") {
      // δ = σ′(z) · 2(a − y), with σ′(z) = a(1 − a): outputDelta's chain rule, inlined.
      for (let j = 0; j < nL; j++) {
        const a = AL[s + j]!;
        DL[s + j] = a * (1 - a) * 2 * (a - (j === label ? 1 : 0));
      }
    } else {
      y.fill(0);
      y[label] = 1;
      const aL = AL.subarray(s, s + nL);
      for (let j = 0; j < nL; j++) g[j] = 2 * (aL[j]! - y[j]!);
      outputDelta(spec, ZL.subarray(s, s + nL), aL, y, g, DL.subarray(s, s + nL));
    }
  }
  // δ[l−1] = f′(z[l−1]) ⊙ (w[l]ᵀ δ[l]).
  for (let l = L; l >= 2; l--) {
    const n = spec.sizes[l]!;
    const nPrev = spec.sizes[l - 1]!;
    const sPrev = rs[l - 1]!;
    const wl = net.w[l]!;
    const Dl = batch.D[l]!;
    const Dp = batch.D[l - 1]!;
    Dp.fill(0, 0, m * sPrev);
    for (let e = 0; e < m; e++) {
      const dOff = e * n;
      const pOff = e * sPrev;
      for (let j = 0; j < n; j++) {
        const dj = Dl[dOff + j]!;
        if (dj === 0) continue;
        const row = j * nPrev;
        for (let q = 0; q < nPrev; q++) Dp[pOff + q] = Dp[pOff + q]! + wl[row + q]! * dj;
      }
    }
    timesPrime(hiddenActivation(spec, l - 1), batch.Z[l - 1]!, batch.A[l - 1]!, Dp, 0, m * sPrev);
  }

  const eta = opt.learningRate;
  const lambda = opt.weightDecay;
  const mu = opt.momentum;
  const k = kernels();
  const img = place(data);
  const ptrD1 = batch.D[1]!.byteOffset;

  // ∂C/∂b summed over the batch, and for layers ≥ 2 ∂C/∂w summed: Σₑ δₑ aₑᵀ.
  for (let l = 1; l <= L; l++) {
    const n = spec.sizes[l]!;
    const s = rs[l]!;
    const Dl = batch.D[l]!;
    const gb = st.gb[l]!;
    gb.fill(0);
    for (let e = 0; e < m; e++) for (let j = 0; j < n; j++) gb[j] = gb[j]! + Dl[e * s + j]!;
    if (l === 1) continue;
    const nPrev = spec.sizes[l - 1]!;
    const sPrev = rs[l - 1]!;
    const Ap = batch.A[l - 1]!;
    const gw = st.gw[l]!;
    gw.fill(0);
    for (let e = 0; e < m; e++) {
      const aOff = e * sPrev;
      for (let j = 0; j < n; j++) {
        const dj = Dl[e * n + j]!;
        if (dj === 0) continue;
        const row = j * nPrev;
        for (let q = 0; q < nPrev; q++) gw[row + q] = gw[row + q]! + dj * Ap[aOff + q]!;
      }
    }
  }

  const W1 = input.weights();
  const b1 = input.biases();
  const params = (l: number) => (l === 1 ? { w: W1, b: b1 } : { w: net.w[l]!, b: net.b[l]! });

  if (mu === 0) {
    // Plain SGD: w ← (1 − ηλ)w − (η/m) Σ ∂C₀/∂w. Layer 1's sum goes straight into its weights (rank1Sparse).
    const scale = eta / m;
    for (let l = 1; l <= L; l++) {
      const { w, b } = params(l);
      if (lambda !== 0) {
        const keep = 1 - eta * lambda;
        if (l === 1) k.fn.scale(input.W, w.length, keep);
        else for (let i = 0; i < w.length; i++) w[i] = w[i]! * keep;
      }
      const gb = st.gb[l]!;
      for (let j = 0; j < spec.sizes[l]!; j++) b[j] = b[j]! - scale * gb[j]!;
      if (l === 1)
        k.fn.rank1Sparse(
          input.W,
          input.stride,
          ptrD1,
          -scale,
          img.offsets,
          img.index,
          img.value,
          batch.ptrRows,
          m,
        );
      else {
        const gw = st.gw[l]!;
        for (let i = 0; i < w.length; i++) w[i] = w[i]! - scale * gw[i]!;
      }
    }
    return cost;
  }

  // Momentum: v ← μv − η(g/m + λw), w ← w + v, with layer 1's g accumulated by rank1Sparse.
  const gw1 = k.f32(st.ptrGw1, input.nIn * input.stride);
  gw1.fill(0);
  k.fn.rank1Sparse(st.ptrGw1, input.stride, ptrD1, 1, img.offsets, img.index, img.value, batch.ptrRows, m);
  for (let l = 1; l <= L; l++) {
    const { w, b } = params(l);
    const gw = l === 1 ? gw1 : st.gw[l]!;
    const vw = st.vw[l]!;
    for (let i = 0; i < w.length; i++) {
      vw[i] = mu * vw[i]! - eta * (gw[i]! / m + lambda * w[i]!);
      w[i] = w[i]! + vw[i]!;
    }
    const gb = st.gb[l]!;
    const vb = st.vb[l]!;
    for (let j = 0; j < spec.sizes[l]!; j++) {
      vb[j] = mu * vb[j]! - eta * (gb[j]! / m);
      b[j] = b[j]! + vb[j]!;
    }
  }
  return cost;
}

/** Where a trainer is in its run. */
export interface TrainerPosition {
  /** Completed epochs. */
  epoch: number;
  /** Position within the current epoch's order. */
  cursor: number;
  /** Examples trained on in all. */
  examplesSeen: number;
}

/**
 * Mini-batch SGD over a training set. Hyper-parameters live in `options` and are read at every batch,
 * so a learning-rate scrubber acts at once. Deterministic: same network, data, options and seed give
 * bit-identical weights.
 *
 * The trainer takes over the network it is given: layer 1 trains in the kernels' memory, so read the
 * current weights through `trainer.net` (which copies layer 1 back when it has changed), never through
 * the object passed to the constructor.
 */
export class Trainer {
  readonly options: TrainOptions;
  readonly position: TrainerPosition = { epoch: 0, cursor: 0, examplesSeen: 0 };
  private readonly order: Uint32Array;
  private readonly rng: Rng;
  private readonly input: InputLayer;
  private batch: Batch;
  private readonly st: StepState;
  private dirty = false;
  private readonly network: Network<Float32Array>;

  constructor(
    net: Network<Float32Array>,
    readonly data: SparseImages,
    options: Partial<TrainOptions> = {},
    seed = 1,
  ) {
    if (net.spec.sizes[0] !== data.size)
      throw new SpecError(
        `the network takes ${net.spec.sizes[0]} inputs, but the images have ${data.size} pixels`,
      );
    this.network = net;
    this.options = { ...DEFAULT_TRAIN_OPTIONS, ...options };
    this.rng = createRng(seed ^ 0x5eed);
    this.order = Uint32Array.from({ length: data.count }, (_, i) => i);
    if (this.options.shuffle) shuffleInPlace(this.order, this.rng);
    this.input = new InputLayer(net.spec.sizes[0]!, net.spec.sizes[1]!);
    this.input.load(net.w[1] as Float32Array, net.b[1] as Float32Array);
    this.batch = new Batch(net.spec, this.options.batchSize, this.input.stride);
    this.st = createStepState(net, this.input);
  }

  /** The network with every layer current (layer 1 is copied out of the kernels' memory if it changed). */
  get net(): Network<Float32Array> {
    if (this.dirty) {
      this.input.store(this.network.w[1]!, this.network.b[1]!);
      this.dirty = false;
    }
    return this.network;
  }

  /** One mini-batch (shorter at the end of an epoch); returns its mean cost before the step. */
  step(): number {
    const m = Math.min(this.options.batchSize, this.data.count - this.position.cursor);
    if (this.batch.m < m || this.batch.m !== this.options.batchSize) {
      this.batch.dispose();
      this.batch = new Batch(this.network.spec, Math.max(m, this.options.batchSize), this.input.stride);
    }
    const cost = sgdStep(
      this.network,
      this.input,
      this.data,
      this.order,
      this.position.cursor,
      m,
      this.options,
      this.batch,
      this.st,
    );
    this.dirty = true;
    this.position.cursor += m;
    this.position.examplesSeen += m;
    if (this.position.cursor >= this.data.count) {
      this.position.cursor = 0;
      this.position.epoch++;
      if (this.options.shuffle) shuffleInPlace(this.order, this.rng);
    }
    return cost;
  }

  /** Steps until the current epoch ends; returns the mean cost over its batches, weighted by size. */
  epoch(onBatch?: (done: number, total: number) => void): number {
    const start = this.position.epoch;
    let sum = 0;
    let n = 0;
    while (this.position.epoch === start) {
      const m = Math.min(this.options.batchSize, this.data.count - this.position.cursor);
      sum += this.step() * m;
      n += m;
      onBatch?.(this.position.cursor === 0 ? this.data.count : this.position.cursor, this.data.count);
    }
    return sum / n;
  }

  /** Frees the kernels' memory this trainer holds; the trainer is unusable afterwards. */
  dispose(): void {
    void this.net;
    this.input.dispose();
    this.batch.dispose();
    kernels().release(this.st.ptrGw1, this.input.nIn * this.input.stride * 4);
  }
}

/** A network's mean cost and accuracy on a data set (forward passes only). */
export interface Evaluation {
  readonly cost: number;
  readonly accuracy: number;
  readonly correct: number;
  readonly count: number;
}

/** Mean cost and accuracy over the first `limit` images (all by default). */
export function evaluate(net: Network<Float32Array>, data: SparseImages, limit = data.count): Evaluation {
  const count = Math.min(limit, data.count);
  const chunk = 100;
  const input = new InputLayer(net.spec.sizes[0]!, net.spec.sizes[1]!);
  input.load(net.w[1]!, net.b[1]!);
  const batch = new Batch(net.spec, chunk, input.stride);
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  const nL = net.spec.sizes.at(-1)!;
  const AL = batch.A[depth(net.spec)]!;
  const sL = batch.rowStride.at(-1)!;
  let cost = 0;
  let correct = 0;
  try {
    for (let from = 0; from < count; from += chunk) {
      const m = Math.min(chunk, count - from);
      cost += forwardBatch(net, input, data, order, from, m, batch, true);
      for (let e = 0; e < m; e++) {
        let best = 0;
        for (let j = 1; j < nL; j++) if (AL[e * sL + j]! > AL[e * sL + best]!) best = j;
        if (best === data.labels[from + e]) correct++;
      }
    }
  } finally {
    input.dispose();
    batch.dispose();
  }
  return { cost: cost / count, accuracy: correct / count, correct, count };
}
