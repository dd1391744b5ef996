// Image sets in the WebAssembly kernels' memory, each with an owner: placeImages copies a SparseImages in and
// returns a handle whose release() gives the memory back. Nothing is cached; whoever places an image set
// releases it (a Trainer releases the set it trains on; evaluate releases what it placed itself).

import { kernels } from "../wasm/kernels.ts";
import type { SparseImages } from "./sparse.ts";

/**
 * An image set copied into the kernels' memory, so the input layer's kernels can read its ink. Call
 * `release()` when done with it (calling it again does nothing); a released set can no longer be read.
 */
export interface PlacedImages {
  /** The images placed (their labels are read from here). */
  readonly data: SparseImages;
  readonly released: boolean;
  release(): void;
}

/** Addresses in the kernels' memory of a placed set's arrays (the layout kernels.as.ts describes). */
export interface ImageAddresses {
  /** u32[count + 1]: data.offsets. */
  readonly offsets: number;
  /** u16[nnz]: data.index. */
  readonly index: number;
  /** f32[nnz]: data.value. */
  readonly value: number;
}

/**
 * Extra room a replacement placement reserves, so that the next set of about the same size fits in the same
 * block: one epoch's augmented copy of 2,000 MNIST images has up to 3 % more ink than another's.
 */
const REPLACE_HEADROOM = 1 / 8;

interface Block {
  readonly ptr: number;
  readonly bytes: number;
  /** Sized with REPLACE_HEADROOM by replaceImages (so worth keeping for the next set). */
  readonly spare: boolean;
}

class Placement implements PlacedImages {
  readonly addresses: ImageAddresses;
  private block: Block | null;

  /** Copies `data` into `block`: offsets, then value (4-byte aligned after the u32s), then index. */
  constructor(
    readonly data: SparseImages,
    block: Block,
  ) {
    this.block = block;
    const k = kernels();
    const offsets = block.ptr;
    const value = offsets + data.offsets.byteLength;
    const index = value + data.value.byteLength;
    k.u32(offsets, data.offsets.length).set(data.offsets);
    k.f32(value, data.value.length).set(data.value);
    k.u16(index, data.index.length).set(data.index);
    this.addresses = { offsets, index, value };
  }

  get released(): boolean {
    return this.block === null;
  }

  release(): void {
    if (!this.block) return;
    kernels().release(this.block.ptr, this.block.bytes);
    this.block = null;
  }

  /** The block if it has headroom and `need` bytes fit in it, handed over (this counts as released); else null. */
  handOver(need: number): Block | null {
    if (!this.block?.spare || this.block.bytes < need) return null;
    const block = this.block;
    this.block = null;
    return block;
  }
}

function bytesOf(data: SparseImages): number {
  return data.offsets.byteLength + data.value.byteLength + data.index.byteLength;
}

/** Copies `data` into the kernels' memory (one block, sized to fit); the caller owns the handle. */
export function placeImages(data: SparseImages): PlacedImages {
  const bytes = bytesOf(data);
  return new Placement(data, { ptr: kernels().alloc(bytes), bytes, spare: false });
}

/**
 * Releases `old` and places `data`: in old's block when that was made here and `data` fits in it, else in a
 * new block with REPLACE_HEADROOM to spare. A trainer given a fresh augmented copy of its images every epoch
 * so moves once, at the first replacement, then keeps to that block, and the kernels' memory stops growing.
 */
export function replaceImages(old: PlacedImages, data: SparseImages): PlacedImages {
  const need = bytesOf(data);
  const block = old instanceof Placement ? old.handOver(need) : null;
  if (block) return new Placement(data, block);
  old.release();
  const bytes = Math.ceil(need * (1 + REPLACE_HEADROOM));
  return new Placement(data, { ptr: kernels().alloc(bytes), bytes, spare: true });
}

/** Whether `images` is a placed set (from placeImages or replaceImages) rather than plain SparseImages. */
export function isPlaced(images: SparseImages | PlacedImages): images is PlacedImages {
  return images instanceof Placement;
}

/** Where a placed set's arrays are; throws if it was released (its memory may hold other data by now). */
export function addressesOf(images: PlacedImages): ImageAddresses {
  if (!(images instanceof Placement)) throw new TypeError("these images were not placed by placeImages");
  if (images.released) throw new Error("these images were released from the kernels' memory");
  return images.addresses;
}

/**
 * Bytes of the kernels' WebAssembly memory in this thread. WebAssembly memory grows but never shrinks, so
 * this is also its high-water mark.
 */
export function wasmMemoryBytes(): number {
  return kernels().memory.buffer.byteLength;
}
