// The training path: mini-batch SGD in matrix form over a batch, every layer's forward and backward pass and the
// update in WebAssembly SIMD kernels over the kernels' memory, the input layer computed only over each image's ink.
// The same numbers as the reference in network.ts up to float32 rounding order; test/engine/fast.test.ts holds it
// to that. This index only re-exports; one concept per file:
//   fast/sparse.ts     Dataset, SparseImages, toSparse: images as their ink
//   fast/placement.ts  placeImages, PlacedImages, wasmMemoryBytes: image sets in the kernels' memory, with owners
//   fast/resident.ts   a network's parameters, gradient sums and velocity in the kernels' memory, its layer table
//   fast/batch.ts      the batch buffers, the batch context and its forward pass
//   fast/step.ts       one SGD step over a batch
//   fast/trainer.ts    Trainer, TrainOptions: batch after batch, with new data each epoch if wanted
//   fast/evaluate.ts   evaluate: mean cost and accuracy

export { evaluate, type Evaluation } from "./fast/evaluate.ts";
export { placeImages, wasmMemoryBytes, type PlacedImages } from "./fast/placement.ts";
export { toSparse, toSparseSteps, type Dataset, type SparseImages } from "./fast/sparse.ts";
export {
  DEFAULT_TRAIN_OPTIONS,
  Trainer,
  type PartResult,
  type TrainerPosition,
  type TrainOptions,
} from "./fast/trainer.ts";
