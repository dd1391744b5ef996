// The WebAssembly SIMD kernels' entry (AssemblyScript; `npm run build:wasm` compiles it into kernelsWasm.ts): the
// whole training step of every layer (step.as.ts, over dense.as.ts, activations.as.ts and the input layer's sparse
// loops in sparse.as.ts), and the roof kernel the benchmark measures them against (roof.as.ts).

export { accumulate, applySums, clearSums, cost, forward, trainStep, setBatch } from "./step.as";
export { roof } from "./roof.as";

/** The first byte after the module's own static data (Math's tables): where the allocator's heap may begin. */
export function heapBase(): usize {
  return __heap_base;
}
