// The lab's logic, DOM-free so tests run it in Node: holds the data and named networks and answers LabMap requests
// with the engine's experiments.

import { compareDescent, costSurface, descend, findLearningRate, sgdStep } from "../engine/experiments.ts";
import { toSparse, type SparseImages } from "../engine/fast.ts";
import type { MnistSplit } from "../engine/idx.ts";
import { parseModel } from "../engine/model.ts";
import { oneHot, traceBatch, type Example, type Network } from "../engine/network.ts";
import { loadMnistFromUrl, type LoadDeps } from "./data.ts";
import type { ExampleRef, LabMap, LabOp } from "./labProtocol.ts";

const PIXELS = 784;

export class LabSession {
  private test: MnistSplit | null = null;
  private train: MnistSplit | null = null;
  private trainSparse: SparseImages | null = null;
  private readonly models = new Map<string, Network<Float32Array>>();

  constructor(private readonly deps: LoadDeps) {}

  /** Answers one request; throws an Error with a sentence for the user when it cannot. */
  async handle<K extends LabOp>(op: K, args: LabMap[K]["args"]): Promise<LabMap[K]["result"]> {
    const run = this.ops[op] as (a: LabMap[K]["args"]) => Promise<LabMap[K]["result"]> | LabMap[K]["result"];
    if (!run) throw new Error(`the lab has no operation "${String(op)}"`);
    return run(args);
  }

  private readonly ops: {
    [K in LabOp]: (args: LabMap[K]["args"]) => Promise<LabMap[K]["result"]> | LabMap[K]["result"];
  } = {
    loadData: async ({ dataUrl, trainLimit }) => {
      const loader = loadMnistFromUrl(dataUrl, this.deps);
      this.test ??= await loader.loadTest();
      if (trainLimit > 0 && (!this.train || this.train.count < trainLimit)) {
        const full = await loader.loadTrain();
        const count = Math.min(trainLimit, full.count);
        this.train = {
          ...full,
          count,
          pixels: full.pixels.subarray(0, count * PIXELS),
          labels: full.labels.subarray(0, count),
        };
        this.trainSparse = null;
      }
      return { trainCount: this.train?.count ?? 0, testCount: this.test.count };
    },
    loadModel: ({ name, text }) => {
      const { net } = parseModel(text, { inputs: PIXELS, outputs: 10 });
      this.models.set(name, net);
      return { spec: net.spec };
    },
    costSurface: ({ model, batch, params, span, steps }) =>
      costSurface(this.model(model), this.examples(batch), params, span, steps),
    descend: ({ model, batch, params, learningRate, steps, start }) =>
      descend(this.model(model), this.examples(batch), params, learningRate, steps, start),
    findLearningRate: ({ model, batch, startRate }) =>
      findLearningRate(this.model(model), this.examples(batch), startRate),
    traceBatch: ({ model, batch }) => traceBatch(this.model(model), this.examples(batch)),
    sgdStep: ({ model, batch, learningRate, saveAs }) => {
      const r = sgdStep(this.model(model), this.examples(batch), learningRate);
      if (saveAs) this.models.set(saveAs, r.next);
      return { before: r.before, after: r.after, gradient: r.gradient };
    },
    compareDescent: ({ model, runs, budget, points, heldOut }) => {
      if (!this.train || !this.test) throw new Error("the training images are not loaded yet");
      this.trainSparse ??= toSparse({
        count: this.train.count,
        size: PIXELS,
        pixels: this.train.pixels,
        labels: this.train.labels,
      });
      const n = Math.min(heldOut, this.test.count);
      const held = toSparse({
        count: n,
        size: PIXELS,
        pixels: this.test.pixels.subarray(0, n * PIXELS),
        labels: this.test.labels.subarray(0, n),
      });
      return compareDescent(this.model(model), this.trainSparse, held, runs, budget, points);
    },
  };

  private model(name: string): Network<Float32Array> {
    const net = this.models.get(name);
    if (!net) throw new Error(`no network called "${name}" is loaded in the lab`);
    return net;
  }

  /** x = pixels / 255 and one-hot y for each referenced example. */
  private examples(refs: readonly ExampleRef[]): Example[] {
    if (refs.length === 0) throw new Error("a batch needs at least one example");
    return refs.map(({ split, index }) => {
      const set = split === "train" ? this.train : this.test;
      if (!set) throw new Error(`the ${split === "train" ? "training" : "test"} images are not loaded yet`);
      if (!Number.isInteger(index) || index < 0 || index >= set.count)
        throw new Error(`there is no ${split} image ${index} (they are numbered 0 to ${set.count - 1})`);
      const x = new Float32Array(PIXELS);
      const pixels = set.pixels.subarray(index * PIXELS, (index + 1) * PIXELS);
      for (let k = 0; k < PIXELS; k++) x[k] = pixels[k]! / 255;
      return { x, y: oneHot(set.labels[index]!, 10) };
    });
  }
}
