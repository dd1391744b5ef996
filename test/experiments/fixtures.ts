// Small data for the experiments' component tests: a seeded 784-4-10 network per checkpoint and a dozen
// hand-made 28 × 28 test images, computed in-process by localSource; a runs client that records the runs it is
// asked for; and the page's services made of such fakes.
import type { MnistSplit } from "../../src/engine/idx.ts";
import { MNIST_PIXELS, MNIST_SIDE } from "../../src/engine/mnist.ts";
import { createNetwork, type Network, type NetworkSpec } from "../../src/engine/network.ts";
import type { RunSpec } from "../../src/engine/runs.ts";
import type { ExperimentServices } from "../../src/experiments/ExperimentsProvider.tsx";
import { digitStore, memoryBackend } from "../../src/experiments/mine/storage.ts";
import { localSource } from "../../src/experiments/source.ts";
import type { RunListener, RunsClient } from "../../src/worker/runs/client.ts";

export const SMALL_SPEC: NetworkSpec = {
  sizes: [784, 4, 10],
  hidden: ["sigmoid"],
  output: "sigmoid",
  cost: "mse",
};

/** `count` images: image i is a bar of ink in columns 3 + i … 6 + i (rows 4–23), label i % 10. */
export function fakeTestSet(count = 12): MnistSplit {
  const pixels = new Uint8Array(count * MNIST_PIXELS);
  for (let i = 0; i < count; i++)
    for (let r = 4; r < 24; r++)
      for (let c = 3 + i; c < 7 + i; c++)
        pixels[i * MNIST_PIXELS + r * MNIST_SIDE + c] = c === 3 + i ? 128 : 255;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { count, rows: MNIST_SIDE, cols: MNIST_SIDE, pixels, labels };
}

export const NOISE = 40;

/** Networks seeded by their checkpoint's epochs; noise sets of NOISE images. */
export function fakeSource(count = 12) {
  const test = fakeTestSet(count);
  const nets = new Map<number, Network<Float32Array>>();
  const net = (epochs: number): Network<Float32Array> => {
    let n = nets.get(epochs);
    if (!n) nets.set(epochs, (n = createNetwork(SMALL_SPEC, epochs + 1)));
    return n;
  };
  return { source: localSource(net, test, NOISE), test, net };
}

/** A run the fake client was asked for: its spec, the data URL, who listens, and whether it was stopped. */
export interface FakeRun {
  run: RunSpec;
  dataUrl: string;
  listener: RunListener;
  stopped: boolean;
}

/** A runs client that starts nothing: it records each run, for the test to feed points to its listener. */
export function fakeRunsClient(): RunsClient & { started: FakeRun[] } {
  const started: FakeRun[] = [];
  return {
    started,
    start(run, dataUrl, listener) {
      const r: FakeRun = { run, dataUrl, listener, stopped: false };
      started.push(r);
      return { stop: () => void (r.stopped = true) };
    },
  };
}

/** The page's services made of fakes: fakeSource's, a recording runs client, an in-memory digit store. */
export function fakeServices(overrides: Partial<ExperimentServices> = {}): ExperimentServices {
  return {
    source: fakeSource().source,
    runs: fakeRunsClient(),
    digits: digitStore(memoryBackend()),
    dataUrl: "http://experiments.test/data/mnist",
    ...overrides,
  };
}
