// A lab for the scene tests: answers the lab's operations on the main thread with the engine, on a small network
// and hand-made images, and records every call; compareDescent can be replaced by canned runs. The scenes get it
// through LabProvider, in place of the lab worker.
import {
  compareDescent,
  costSurface,
  descend,
  findLearningRate,
  sgdStep,
} from "../../src/engine/experiments.ts";
import { toSparse } from "../../src/engine/fast.ts";
import type { MnistSplit } from "../../src/engine/idx.ts";
import { modelToJson, parseModel } from "../../src/engine/model.ts";
import { oneHot, traceBatch, type Example, type Network } from "../../src/engine/network.ts";
import type { Lab, LabDeps } from "../../src/lessons/lab/useLab.tsx";
import type { ExampleRef, LabMap, LabOp } from "../../src/worker/labProtocol.ts";

export interface FakeLab extends Lab {
  /** Every call, in order. */
  readonly calls: { op: LabOp; args: unknown }[];
  /** The lab was closed. */
  readonly disposed: () => boolean;
}

/** The examples of a batch from `test` (every ref reads the test images, whatever its split). */
export function examplesOf(test: MnistSplit, refs: readonly ExampleRef[]): Example[] {
  return refs.map(({ index }) => {
    const x = new Float32Array(784);
    for (let k = 0; k < 784; k++) x[k] = test.pixels[index * 784 + k]! / 255;
    return { x, y: oneHot(test.labels[index]!, 10) };
  });
}

/** Canned answers to compareDescent, possibly later (a test can hold a run back to see the progress). */
export type CompareFake = (
  args: LabMap["compareDescent"]["args"],
) => LabMap["compareDescent"]["result"] | Promise<LabMap["compareDescent"]["result"]>;

export function fakeLab(test: MnistSplit, compare?: CompareFake): FakeLab {
  const models = new Map<string, Network<Float32Array>>();
  const calls: { op: LabOp; args: unknown }[] = [];
  let closed = false;
  const model = (name: string) => {
    const net = models.get(name);
    if (!net) throw new Error(`no network called "${name}" is loaded in the lab`);
    return net;
  };
  const ops: { [K in LabOp]: (args: LabMap[K]["args"]) => LabMap[K]["result"] } = {
    loadData: ({ trainLimit }) => ({ trainCount: Math.min(trainLimit, test.count), testCount: test.count }),
    loadModel: ({ name, text }) => {
      const { net } = parseModel(text, { inputs: 784, outputs: 10 });
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
      return { before: r.before, after: r.after, gradient: r.gradient };
    },
    compareDescent: (a) => {
      const images = toSparse({ count: test.count, size: 784, pixels: test.pixels, labels: test.labels });
      return compareDescent(model(a.model), images, images, a.runs, a.budget, a.points);
    },
  };
  return {
    calls,
    disposed: () => closed,
    async call<K extends LabOp>(op: K, args: LabMap[K]["args"]): Promise<LabMap[K]["result"]> {
      calls.push({ op, args });
      await Promise.resolve();
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

/** LabDeps serving `net` as every model file and handing out `lab` (each new lab is recorded in `labs`). */
export function fakeLabDeps(
  net: Network<Float32Array>,
  makeLab: () => FakeLab,
): LabDeps & { labs: FakeLab[]; files: string[] } {
  const labs: FakeLab[] = [];
  const files: string[] = [];
  return {
    labs,
    files,
    create: () => {
      const lab = makeLab();
      labs.push(lab);
      return lab;
    },
    fetchText: async (path) => {
      files.push(path);
      return modelToJson(net);
    },
    resolve: (path) => `http://lessons.test/${path}`,
  };
}
