// The lab's logic, free of DOM and worker globals so tests run it in Node: holds the data and named networks, and
// answers LabMap requests with the engine's experiments through `ops`, its dispatch table (served by serveRpc).

import { compareDescent, costSurface, descend, findLearningRate, sgdStep } from "../../engine/experiments.ts";
import { toSparse, type SparseImages } from "../../engine/fast.ts";
import type { MnistSplit } from "../../engine/idx.ts";
import { MNIST_PIXELS } from "../../engine/mnist.ts";
import { traceBatch, type Example, type Network } from "../../engine/network.ts";
import { loadMnistFromUrl } from "../data.ts";
import { readModel } from "../models.ts";
import type { RpcHandlers } from "../rpc/serve.ts";
import { labExamples } from "./examples.ts";
import type { LabExample, LabMap } from "./protocol.ts";

/** What the lab needs from its host. */
export interface LabDeps {
  readonly fetch: (url: string) => Promise<Response>;
  /** Milliseconds, monotonic (performance.now in the worker): times compareDescent's training steps. */
  readonly now: () => number;
}

/** The first `count` images of a split (all of them when it has fewer), as sparse images. */
function firstSparse(split: MnistSplit, count: number): SparseImages {
  const n = Math.min(count, split.count);
  return toSparse({
    count: n,
    size: MNIST_PIXELS,
    pixels: split.pixels.subarray(0, n * MNIST_PIXELS),
    labels: split.labels.subarray(0, n),
  });
}

export class LabSession {
  private test: MnistSplit | null = null;
  private train: MnistSplit | null = null;
  private trainSparse: SparseImages | null = null;
  /** The held-out test images of the last compareDescent, kept for the next asking for as many. */
  private held: SparseImages | null = null;
  private readonly models = new Map<string, Network<Float32Array>>();

  constructor(private readonly deps: LabDeps) {}

  /** The dispatch table: each operation of LabMap; a failure rejects with a sentence for the reader. */
  readonly ops: RpcHandlers<LabMap> = {
    loadData: async ({ dataUrl, trainLimit }) => {
      const loader = loadMnistFromUrl(dataUrl, this.deps);
      this.test ??= await loader.loadTest();
      if (trainLimit > 0 && (!this.train || this.train.count < trainLimit)) {
        const full = await loader.loadTrain();
        const count = Math.min(trainLimit, full.count);
        this.train = {
          ...full,
          count,
          pixels: full.pixels.subarray(0, count * MNIST_PIXELS),
          labels: full.labels.subarray(0, count),
        };
        this.trainSparse = null;
      }
      return { trainCount: this.train?.count ?? 0, testCount: this.test.count };
    },
    loadModel: async ({ name, text }) => {
      const { net } = readModel(text);
      this.models.set(name, net);
      return { spec: net.spec };
    },
    costSurface: async ({ model, batch, params, span, steps }) =>
      costSurface(this.model(model), this.examples(batch), params, span, steps),
    descend: async ({ model, batch, params, learningRate, steps, start }) =>
      descend(this.model(model), this.examples(batch), params, learningRate, steps, start),
    findLearningRate: async ({ model, batch, startRate }) =>
      findLearningRate(this.model(model), this.examples(batch), startRate),
    traceBatch: async ({ model, batch }) => traceBatch(this.model(model), this.examples(batch)),
    sgdStep: async ({ model, batch, learningRate, saveAs }) => {
      const r = sgdStep(this.model(model), this.examples(batch), learningRate);
      if (saveAs) this.models.set(saveAs, r.next);
      return { before: r.before, after: r.after, gradient: r.gradient };
    },
    compareDescent: async ({ model, runs, budget, points, heldOut }) => {
      if (!this.train || !this.test) throw new Error("the training images are not loaded yet");
      this.trainSparse ??= firstSparse(this.train, this.train.count);
      const n = Math.min(heldOut, this.test.count);
      if (this.held?.count !== n) this.held = firstSparse(this.test, n);
      return compareDescent(this.model(model), this.trainSparse, this.held, runs, budget, points, {
        now: this.deps.now,
      });
    },
  };

  private model(name: string): Network<Float32Array> {
    const net = this.models.get(name);
    if (!net) throw new Error(`no network called "${name}" is loaded in the lab`);
    return net;
  }

  private examples(refs: readonly LabExample[]): Example[] {
    return labExamples(refs, { train: this.train, test: this.test });
  }
}
