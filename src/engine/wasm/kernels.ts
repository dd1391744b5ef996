// Loads the WebAssembly kernels once per thread and manages their memory: a first-fit allocator over one
// growable WebAssembly.Memory. Views into that memory go stale when it grows, so callers ask for fresh
// views (f32/u32/u16) after any allocation instead of keeping them.

import { KERNELS_WASM_BASE64 } from "./kernelsWasm.ts";

/** The kernels' exports (kernels.as.ts); `table` is a network's layer table (step.as.ts), L its depth. */
interface Exports {
  /** Sets the images the next calls read: the placed set's arrays, and the batch's image numbers and labels. */
  setBatch(offsets: number, index: number, value: number, rows: number, labels: number): void;
  forward(table: number, L: number, m: number): void;
  cost(table: number, L: number, m: number, cost: number, eps: number): number;
  trainStep(
    table: number,
    L: number,
    m: number,
    cost: number,
    eps: number,
    eta: number,
    lambda: number,
  ): number;
  accumulate(table: number, L: number, m: number, cost: number, eps: number): number;
  applySums(table: number, L: number, m: number, eta: number, lambda: number, mu: number): void;
  clearSums(table: number, L: number): void;
  roof(rounds: number): number;
  heapBase(): number;
}

const PAGE = 65536;

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The kernels and their memory. */
export class Kernels {
  readonly memory = new WebAssembly.Memory({ initial: 16 });
  readonly fn: Exports;
  /**
   * Free blocks [start, end) in bytes, sorted by start. The heap starts after the module's static data (the
   * tables of its exp, log and tanh), on a 16-byte boundary and never at 0, so 0 is never a valid pointer.
   */
  private free: [number, number][];

  constructor() {
    const module = new WebAssembly.Module(decodeBase64(KERNELS_WASM_BASE64) as Uint8Array<ArrayBuffer>);
    const instance = new WebAssembly.Instance(module, { env: { memory: this.memory } });
    this.fn = instance.exports as unknown as Exports;
    this.free = [[Math.max(16, Math.ceil(this.fn.heapBase() / 16) * 16), 16 * PAGE]];
  }

  /** `bytes` of zeroed memory aligned to 16; returns its address. */
  alloc(bytes: number): number {
    const size = Math.max(16, Math.ceil(bytes / 16) * 16);
    for (let i = 0; i < this.free.length; i++) {
      const [start, end] = this.free[i]!;
      if (end - start >= size) {
        if (end - start === size) this.free.splice(i, 1);
        else this.free[i] = [start + size, end];
        new Uint8Array(this.memory.buffer, start, size).fill(0);
        return start;
      }
    }
    const top = this.memory.buffer.byteLength;
    const last = this.free.at(-1);
    const from = last && last[1] === top ? last[0] : top;
    const pages = Math.ceil((from + size - top) / PAGE);
    this.memory.grow(pages);
    const newTop = this.memory.buffer.byteLength;
    if (last && last[1] === top) last[1] = newTop;
    else this.free.push([top, newTop]);
    return this.alloc(bytes);
  }

  /** Returns a block from alloc, merging it with free neighbours. */
  release(ptr: number, bytes: number): void {
    const size = Math.max(16, Math.ceil(bytes / 16) * 16);
    const block: [number, number] = [ptr, ptr + size];
    let i = 0;
    while (i < this.free.length && this.free[i]![0] < ptr) i++;
    this.free.splice(i, 0, block);
    const merged: [number, number][] = [];
    for (const b of this.free) {
      const prev = merged.at(-1);
      if (prev && prev[1] === b[0]) prev[1] = b[1];
      else merged.push([b[0], b[1]]);
    }
    this.free = merged;
  }

  f32(ptr: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, ptr, length);
  }
  u32(ptr: number, length: number): Uint32Array {
    return new Uint32Array(this.memory.buffer, ptr, length);
  }
  u16(ptr: number, length: number): Uint16Array {
    return new Uint16Array(this.memory.buffer, ptr, length);
  }
}

let shared: Kernels | null = null;

/** This thread's kernels, instantiated on first use. */
export function kernels(): Kernels {
  shared ??= new Kernels();
  return shared;
}

/** Blocks of the kernels' memory that one owner allocates one by one and releases together. */
export class MemoryBlocks {
  private readonly blocks: [number, number][] = [];

  /** `bytes` of zeroed memory (Kernels.alloc), kept for `releaseAll`. */
  alloc(bytes: number): number {
    const ptr = kernels().alloc(bytes);
    this.blocks.push([ptr, bytes]);
    return ptr;
  }

  releaseAll(): void {
    for (const [ptr, bytes] of this.blocks) kernels().release(ptr, bytes);
    this.blocks.length = 0;
  }
}
