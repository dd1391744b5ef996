// Fake labs for the scene tests: a lab that answers the lab's operations on the main thread with the engine, on a
// small network and hand-made images, and records every call (compareDescent can be replaced by canned runs, and
// every call can be made to fail); and the lab services handing out such labs and serving checkpoints from memory.
import {
  compareDescent,
  costSurface,
  descend,
  findLearningRate,
  sgdStep,
} from "../../src/engine/experiments.ts";
import { toSparse } from "../../src/engine/fast.ts";
import type { MnistSplit } from "../../src/engine/idx.ts";
import { MNIST_PIXELS } from "../../src/engine/mnist.ts";
import { traceBatch, type Example, type Network } from "../../src/engine/network.ts";
import type { Lab, LabServices } from "../../src/lessons/lab/lab.ts";
import { storesByKey } from "../../src/lessons/loadStore.ts";
import { labExamples } from "../../src/worker/lab/examples.ts";
import type { LabExample, LabMap, LabOp } from "../../src/worker/lab/protocol.ts";
import { readModel, type Checkpoint } from "../../src/worker/models.ts";

export interface FakeLab extends Lab {
  /** Every call, in order. */
  readonly calls: { op: LabOp; args: unknown }[];
  /** The lab was closed. */
  readonly disposed: () => boolean;
}

/** x = pixels / 255 and one-hot y of test image `index` (the lab's own reading). */
export function example(test: MnistSplit, index: number): Example {
  return labExamples([{ split: "test", index }], { train: null, test })[0]!;
}

/** The examples of a batch from `test` (every ref reads the test images, whatever its split). */
export function examplesOf(test: MnistSplit, refs: readonly LabExample[]): Example[] {
  return labExamples(refs, { train: test, test });
}

/** Canned answers to compareDescent, possibly later (a test can hold a run back to see the progress). */
export type CompareFake = (
  args: LabMap["compareDescent"]["args"],
) => LabMap["compareDescent"]["result"] | Promise<LabMap["compareDescent"]["result"]>;

export interface FakeLabOptions {
  /** Answers compareDescent in place of the engine. */
  readonly compare?: CompareFake;
  /** Every call rejects with this message. */
  readonly fail?: string;
}

type Ops = { [K in LabOp]: (args: LabMap[K]["args"]) => LabMap[K]["result"] };

/** The engine's answers on `test`, with the networks the lab holds by name in `models`. */
function engineOps(test: MnistSplit, models: Map<string, Network<Float32Array>>): Ops {
  const model = (name: string) => {
    const net = models.get(name);
    if (!net) throw new Error(`no network called "${name}" is loaded in the lab`);
    return net;
  };
  return {
    loadData: ({ trainLimit }) => ({ trainCount: Math.min(trainLimit, test.count), testCount: test.count }),
    loadModel: ({ name, text }) => {
      const { net } = readModel(text);
      models.set(name, net);
      return { spec: net.spec };
    },
    costSurface: (a) => costSurface(model(a.model), examplesOf(test, a.batch), a.params, a.span, a.steps),
    descend: (a) =>
      descend(model(a.model), examplesOf(test, a.batch), a.params, a.learningRate, a.steps, a.start),
    findLearningRate: (a) => findLearningRate(model(a.model), examplesOf(test, a.batch), a.startRate),
    traceBatch: (a) => traceBatch(model(a.model), examplesOf(test, a.batch)),
    sgdStep: (a) => {
      const r = sgdStep(model(a.model), examplesOf(test, a.batch), a.learningRate);
      if (a.saveAs) models.set(a.saveAs, r.next);
      return { before: r.before, after: r.after, gradient: r.gradient };
    },
    compareDescent: (a) => {
      const images = toSparse({
        count: test.count,
        size: MNIST_PIXELS,
        pixels: test.pixels,
        labels: test.labels,
      });
      return compareDescent(model(a.model), images, images, a.runs, a.budget, a.points);
    },
  };
}

export function fakeLab(test: MnistSplit, { compare, fail }: FakeLabOptions = {}): FakeLab {
  const ops = engineOps(test, new Map());
  const calls: { op: LabOp; args: unknown }[] = [];
  let closed = false;
  return {
    calls,
    disposed: () => closed,
    async call<K extends LabOp>(op: K, args: LabMap[K]["args"]): Promise<LabMap[K]["result"]> {
      calls.push({ op, args });
      await Promise.resolve();
      if (fail !== undefined) throw new Error(fail);
      if (closed) throw new Error("the lab was closed");
      if (op === "compareDescent" && compare)
        return (await compare(args as LabMap["compareDescent"]["args"])) as LabMap[K]["result"];
      return (ops[op] as (a: LabMap[K]["args"]) => LabMap[K]["result"])(args);
    },
    dispose() {
      closed = true;
    },
  };
}

/** Lab services and what the scenes asked of them. */
export interface FakeLabServices extends LabServices {
  /** Every lab handed out, in order. */
  readonly labs: FakeLab[];
  /** Every checkpoint loaded, in order (each once: the services keep them). */
  readonly loaded: Checkpoint[];
}

/**
 * Lab services serving `net` (or failing with `net` when it is an Error) as every checkpoint, and handing out
 * `makeLab()`'s labs.
 */
export function fakeLabServices(net: Network<Float32Array> | Error, makeLab: () => FakeLab): FakeLabServices {
  const labs: FakeLab[] = [];
  const loaded: Checkpoint[] = [];
  return {
    labs,
    loaded,
    createLab: () => {
      const lab = makeLab();
      labs.push(lab);
      return lab;
    },
    checkpoint: storesByKey(async (epochs: Checkpoint) => {
      loaded.push(epochs);
      if (net instanceof Error) throw net;
      return net;
    }),
    dataUrl: "http://lessons.test/data/mnist",
  };
}
