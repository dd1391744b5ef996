// A network's parameters kept in the kernels' memory for the whole of training, with the layer table that tells the
// kernels where everything is (its layout is described in src/engine/wasm/step.as.ts). Weights are input-major,
// W[k·s + j] = wⱼₖ with s = n rounded up to 4 and the padding 0, so four neurons share one v128; load and store
// copy them from and to the network's row-major w[l][j·nIn + k].

import type { Activation, OutputActivation } from "../activations.ts";
import type { Cost } from "../costs.ts";
import type { Network } from "../network.ts";
import { depth, hiddenActivation, type NetworkSpec } from "../spec.ts";
import { kernels, MemoryBlocks } from "../wasm/kernels.ts";

/** The kernels' activation codes (activations.as.ts). */
const ACTIVATION_CODE: { readonly [f in Activation | OutputActivation]: number } = {
  sigmoid: 0,
  relu: 1,
  tanh: 2,
  softmax: 3,
};
/** The kernels' cost codes (activations.as.ts). */
export const COST_CODE: { readonly [c in Cost]: number } = { mse: 0, crossEntropy: 1 };

/** Words of the layer table for each layer, and where each field is in them (step.as.ts). */
const WORDS = 16;
const FIELD = {
  nIn: 0,
  n: 1,
  s: 2,
  act: 3,
  W: 4,
  b: 5,
  gW: 6,
  gb: 7,
  vW: 8,
  vb: 9,
  Z: 10,
  A: 11,
  D: 12,
  T: 13,
} as const;
type Field = keyof typeof FIELD;

/** n rounded up to a multiple of 4: a layer's row stride in the kernels' memory. */
export function strideOf(n: number): number {
  return Math.ceil(n / 4) * 4;
}

/** The batch's rows of one layer (addresses of f32[rows × s]), as BatchBuffers holds them. */
export interface LayerRows {
  readonly Z: number;
  readonly A: number;
  readonly D: number;
}

/**
 * A network's w and b in the kernels' memory, and for training the gradient sums ΣW, Σb, the momentum velocity vW,
 * vb (all 0 at first) and room for layers 2 … L's weights output-major (for δ's way back). The network object itself
 * is not kept: `load` copies one in, `store` out.
 */
export class ResidentNetwork {
  /** L, the number of weight layers. */
  readonly L: number;
  /** Address of the layer table, u32[L × 16]. */
  readonly table: number;
  private readonly memory = new MemoryBlocks();
  private attached: readonly LayerRows[] | null = null;
  /** Whether ΣW and Σb may hold a part sum (a batch trained in parts and dropped). */
  private sumsDirty = false;

  constructor(
    readonly spec: NetworkSpec,
    training: boolean,
  ) {
    this.L = depth(spec);
    this.table = this.memory.alloc(this.L * WORDS * 4);
    for (let l = 1; l <= this.L; l++) {
      const nIn = spec.sizes[l - 1]!;
      const n = spec.sizes[l]!;
      const s = strideOf(n);
      const act = l < this.L ? hiddenActivation(spec, l) : spec.output;
      this.set(l, "nIn", nIn);
      this.set(l, "n", n);
      this.set(l, "s", s);
      this.set(l, "act", ACTIVATION_CODE[act]);
      const fields: Field[] = training ? ["W", "b", "gW", "gb", "vW", "vb"] : ["W", "b"];
      for (const f of fields) this.set(l, f, this.memory.alloc((f.endsWith("b") ? s : nIn * s) * 4));
      if (training && l > 1) this.set(l, "T", this.memory.alloc(n * strideOf(nIn) * 4));
    }
  }

  private set(l: number, f: Field, v: number): void {
    kernels().u32(this.table + ((l - 1) * WORDS + FIELD[f]) * 4, 1)[0] = v;
  }

  private get(l: number, f: Field): number {
    return kernels().u32(this.table + ((l - 1) * WORDS + FIELD[f]) * 4, 1)[0]!;
  }

  /** Layer l's weights W (input-major, nIn × s) and biases b (s) as views of the kernels' memory. */
  params(l: number): { W: Float32Array; b: Float32Array } {
    const s = this.get(l, "s");
    const k = kernels();
    return { W: k.f32(this.get(l, "W"), this.get(l, "nIn") * s), b: k.f32(this.get(l, "b"), s) };
  }

  /** Copies the network's row-major w and b in. */
  load(net: Network<Float32Array>): void {
    this.copy(net, true);
  }

  /** Copies w and b out to the network's row-major arrays. */
  store(net: Network<Float32Array>): void {
    this.copy(net, false);
  }

  /** Between the network's w[l][j·nIn + k] and the kernels' W[k·s + j], into the kernels' memory when `inward`. */
  private copy(net: Network<Float32Array>, inward: boolean): void {
    for (let l = 1; l <= this.L; l++) {
      const { W, b } = this.params(l);
      const [nIn, n, s] = [this.get(l, "nIn"), this.get(l, "n"), this.get(l, "s")];
      const w = net.w[l]!;
      for (let j = 0; j < n; j++)
        for (let k = 0; k < nIn; k++) {
          if (inward) W[k * s + j] = w[j * nIn + k]!;
          else w[j * nIn + k] = W[k * s + j]!;
        }
      if (inward) b.set(net.b[l]!);
      else net.b[l]!.set(b.subarray(0, n));
    }
  }

  /** Points the table's Z, A and D at a batch's rows (layer l's at rows[l − 1]). */
  attach(rows: readonly LayerRows[]): void {
    if (this.attached === rows) return;
    this.attached = rows;
    rows.forEach((r, i) => {
      this.set(i + 1, "Z", r.Z);
      this.set(i + 1, "A", r.A);
      this.set(i + 1, "D", r.D);
    });
  }

  /**
   * Makes ΣW and Σb 0 if they may hold a part sum (a mini-batch trained in parts and dropped): every step starts
   * from sums at 0 and leaves them so; `accumulating` says the caller is about to leave a part sum in them.
   */
  cleanSums(accumulating: boolean): void {
    if (this.sumsDirty) kernels().fn.clearSums(this.table, this.L);
    this.sumsDirty = accumulating;
  }

  /** The sums were applied, which leaves them 0. */
  sumsApplied(): void {
    this.sumsDirty = false;
  }

  dispose(): void {
    this.memory.releaseAll();
  }
}
