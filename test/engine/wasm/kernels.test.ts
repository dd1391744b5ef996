// The WebAssembly kernels: the committed bytes are what the source compiles to, the allocator reuses memory, and
// the roof kernel computes what the benchmark counts.
import { describe, expect, it } from "vitest";
import { compileKernels } from "../../../scripts/build-wasm.ts";
import { Kernels } from "../../../src/engine/wasm/kernels.ts";
import { KERNELS_WASM_BASE64 } from "../../../src/engine/wasm/kernelsWasm.ts";

describe("kernelsWasm.ts", () => {
  it("holds exactly what kernels.as.ts compiles to (run `npm run build:wasm` after editing the kernels)", () => {
    expect(Buffer.from(compileKernels()).toString("base64")).toBe(KERNELS_WASM_BASE64);
  });
});

describe("Kernels.alloc(bytes)", () => {
  it("returns aligned, zeroed, non-overlapping blocks and reuses released ones", () => {
    const k = new Kernels();
    const a = k.alloc(100);
    const b = k.alloc(40);
    expect(a % 16).toBe(0);
    expect(b).toBeGreaterThanOrEqual(a + 100);
    k.f32(a, 25).fill(7);
    k.release(a, 100);
    const c = k.alloc(64);
    expect(c).toBe(a);
    expect(Array.from(k.f32(c, 16))).toEqual(new Array(16).fill(0));
  });

  it("grows the memory for a large block and keeps earlier contents", () => {
    const k = new Kernels();
    const a = k.alloc(16);
    k.f32(a, 4).set([1, 2, 3, 4]);
    const before = k.memory.buffer.byteLength;
    const big = k.alloc(before * 2);
    expect(k.memory.buffer.byteLength).toBeGreaterThan(before);
    expect(big + before * 2).toBeLessThanOrEqual(k.memory.buffer.byteLength);
    expect(Array.from(k.f32(a, 4))).toEqual([1, 2, 3, 4]);
  });
});

describe("roof(rounds)", () => {
  it("runs a ← a·c + d on twelve f32x4 accumulators (starting at 1 … 12) and returns lane 0 of their sum", () => {
    const f = Math.fround;
    const rounds = 7;
    const a = Array.from({ length: 12 }, (_, i) => {
      let v = i + 1;
      for (let r = 0; r < rounds; r++) v = f(f(v * f(0.999)) + f(0.001));
      return v;
    });
    const pair = (i: number) => f(a[i]! + a[i + 1]!);
    const quad = (i: number) => f(pair(i) + pair(i + 2));
    const sum = f(quad(0) + f(quad(4) + quad(8)));
    expect(new Kernels().fn.roof(rounds)).toBe(sum);
  });
});
