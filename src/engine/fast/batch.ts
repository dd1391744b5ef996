// The buffers one mini-batch runs in and what one batch is: the batch's z, a and δ of every layer in matrix form in
// the kernels' memory (BatchBuffers), the network there (ResidentNetwork), and the examples (BatchContext). The
// forward pass of a batch is one call into the WebAssembly SIMD kernels.

import { LOG_EPSILON } from "../costs.ts";
import { depth, type NetworkSpec } from "../spec.ts";
import { kernels, MemoryBlocks } from "../wasm/kernels.ts";
import { addressesOf, type PlacedImages } from "./placement.ts";
import { COST_CODE, strideOf, type LayerRows, type ResidentNetwork } from "./resident.ts";

/**
 * Buffers for one mini-batch of up to m examples in matrix form, in the kernels' memory: for each layer l ≥ 1
 * (at layers[l − 1]) Z, A and D (= δ), each f32[m × s] with s = n rounded up to 4, row e is example e; and the
 * batch's image numbers and labels, u32[m] each.
 */
export class BatchBuffers {
  readonly layers: readonly LayerRows[];
  /** Addresses of u32[m]: the images of the batch, in order, and their labels. */
  readonly rows: number;
  readonly labels: number;
  private readonly memory = new MemoryBlocks();

  constructor(
    spec: NetworkSpec,
    readonly m: number,
  ) {
    this.layers = spec.sizes.slice(1).map((n) => {
      const bytes = m * strideOf(n) * 4;
      return { Z: this.memory.alloc(bytes), A: this.memory.alloc(bytes), D: this.memory.alloc(bytes) };
    });
    this.rows = this.memory.alloc(m * 4);
    this.labels = this.memory.alloc(m * 4);
  }

  dispose(): void {
    this.memory.releaseAll();
  }
}

/** One mini-batch: examples order[from … from+m) of the placed images, through `net`, in `buffers`. */
export interface BatchContext {
  readonly net: ResidentNetwork;
  readonly images: PlacedImages;
  /** Image numbers in the order they are visited. */
  readonly order: Uint32Array;
  /** Position in `order` of the batch's first example. */
  readonly from: number;
  /** m, examples in the batch (at most buffers.m). */
  readonly m: number;
  readonly buffers: BatchBuffers;
}

/** The kernels' arguments for a batch's cost: the network's cost code and the smallest activation fed to ln. */
export function costArgs(spec: NetworkSpec): [number, number] {
  return [COST_CODE[spec.cost], LOG_EPSILON];
}

/** Tells the kernels which images, labels and buffers the next calls on `ctx.net` use. */
export function setBatch(ctx: BatchContext): void {
  const { images, order, from, m, buffers } = ctx;
  const k = kernels();
  const rows = order.subarray(from, from + m);
  k.u32(buffers.rows, m).set(rows);
  const labels = k.u32(buffers.labels, m);
  for (let e = 0; e < m; e++) labels[e] = images.data.labels[rows[e]!]!;
  ctx.net.attach(buffers.layers);
  const img = addressesOf(images);
  k.fn.setBatch(img.offsets, img.index, img.value, buffers.rows, buffers.labels);
}

/**
 * Forward pass of the batch into its buffers; returns the sum of its costs C₀. Layer 1 reads only the ink:
 * z¹ⱼ = b¹ⱼ + Σ over non-zero pixels k of w¹ⱼₖ xₖ.
 */
export function forwardBatch(ctx: BatchContext): number {
  setBatch(ctx);
  const { table, L } = ctx.net;
  kernels().fn.forward(table, L, ctx.m);
  return kernels().fn.cost(table, L, ctx.m, ...costArgs(ctx.net.spec));
}

/** The output activations a[L] of the last forward pass, f32[m × s] (row e from e·s), and s. */
export function outputsOf(ctx: BatchContext): { AL: Float32Array; s: number } {
  const { spec } = ctx.net;
  const s = strideOf(spec.sizes[depth(spec)]!);
  return { AL: kernels().f32(ctx.buffers.layers.at(-1)!.A, ctx.m * s), s };
}
