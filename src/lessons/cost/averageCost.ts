// The cost function's value: the mean of the engine's exampleCost over a test set, computed in chunks that
// give the page back between them (so it stays responsive), with progress.
import { imageActivations, type MnistSplit } from "../../engine/idx.ts";
import { argmax, exampleCost, forward, oneHot, type Network } from "../../engine/network.ts";

export interface AverageCostResult {
  /** (1/n) Σᵢ C₀⁽ⁱ⁾ over the n images. */
  readonly cost: number;
  /** Images whose largest output is their label. */
  readonly correct: number;
  readonly count: number;
}

export interface AverageCostOptions {
  /** Images per chunk. */
  readonly chunk?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops between chunks; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Waits between chunks: the next idle period of the page by default. */
  readonly pause?: () => Promise<void>;
}

/** Resolves at the page's next idle period (requestIdleCallback), or after a zero timeout where there is none. */
export function nextIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => resolve(), { timeout: 100 });
    else setTimeout(resolve, 0);
  });
}

/** Mean cost C₀ and the number answered correctly over every image of `test`. */
export async function averageCost(
  net: Network<Float32Array>,
  test: MnistSplit,
  { chunk = 250, onProgress, signal, pause = nextIdle }: AverageCostOptions = {},
): Promise<AverageCostResult> {
  const size = test.rows * test.cols;
  const nOut = net.spec.sizes.at(-1)!;
  const ys = Array.from({ length: nOut }, (_, d) => oneHot(d, nOut));
  const x = new Float32Array(size);
  let sum = 0;
  let correct = 0;
  for (let from = 0; from < test.count; from += chunk) {
    signal?.throwIfAborted();
    const to = Math.min(test.count, from + chunk);
    for (let i = from; i < to; i++) {
      imageActivations(test, i, x);
      const label = test.labels[i]!;
      const aL = forward(net, x);
      sum += exampleCost(net.spec, aL, ys[label]!).cost;
      if (argmax(aL) === label) correct++;
    }
    onProgress?.(to, test.count);
    if (to < test.count) await pause();
  }
  return { cost: sum / test.count, correct, count: test.count };
}
