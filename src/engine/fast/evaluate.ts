// A network's mean cost and accuracy on an image set, by forward passes in chunks of 100 on the fast path.

import type { Network } from "../network.ts";
import { BatchBuffers, forwardBatch, outputsOf } from "./batch.ts";
import { isPlaced, placeImages, type PlacedImages } from "./placement.ts";
import { ResidentNetwork } from "./resident.ts";
import type { SparseImages } from "./sparse.ts";

/** A network's mean cost and accuracy on a data set (forward passes only). */
export interface Evaluation {
  readonly cost: number;
  readonly accuracy: number;
  readonly correct: number;
  readonly count: number;
}

/** Examples per forward pass. */
const CHUNK = 100;

/**
 * Mean cost and accuracy of `net` over the first `limit` images (all by default).
 *
 * `data` is either plain SparseImages, which are copied into the kernels' memory for the call and released
 * after it, or a set placed beforehand with `placeImages(data)`, read where it is: a caller that evaluates the
 * same images again and again (a fixed test set every few seconds) places them once, passes the handle each
 * time, and releases it when done (evaluating a released set throws). The answer is the same either way.
 */
export function evaluate(
  net: Network<Float32Array>,
  data: SparseImages | PlacedImages,
  limit?: number,
): Evaluation {
  if (isPlaced(data)) return evaluatePlaced(net, data, limit ?? data.data.count);
  const images = placeImages(data);
  try {
    return evaluatePlaced(net, images, limit ?? data.count);
  } finally {
    images.release();
  }
}

function evaluatePlaced(net: Network<Float32Array>, images: PlacedImages, limit: number): Evaluation {
  const { labels } = images.data;
  const count = Math.min(limit, images.data.count);
  const resident = new ResidentNetwork(net.spec, false);
  resident.load(net);
  const buffers = new BatchBuffers(net.spec, CHUNK);
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  const nL = net.spec.sizes.at(-1)!;
  let cost = 0;
  let correct = 0;
  try {
    for (let from = 0; from < count; from += CHUNK) {
      const m = Math.min(CHUNK, count - from);
      const ctx = { net: resident, images, order, from, m, buffers };
      cost += forwardBatch(ctx);
      const { AL, s } = outputsOf(ctx);
      for (let e = 0; e < m; e++) {
        let best = 0;
        for (let j = 1; j < nL; j++) if (AL[e * s + j]! > AL[e * s + best]!) best = j;
        if (best === labels[from + e]) correct++;
      }
    }
  } finally {
    resident.dispose();
    buffers.dispose();
  }
  return { cost: cost / count, accuracy: correct / count, correct, count };
}
