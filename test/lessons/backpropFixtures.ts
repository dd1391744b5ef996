// Test doubles for the backpropagation scenes: a seeded network of the videos' shape as the "checkpoint" file, a
// lab that answers in-process with the engine (recording its calls), and deps wiring them together.
import { sgdStep } from "../../src/engine/experiments.ts";
import type { MnistSplit } from "../../src/engine/idx.ts";
import { modelToJson } from "../../src/engine/model.ts";
import {
  createNetwork,
  oneHot,
  traceBatch,
  type Network,
  type NetworkSpec,
} from "../../src/engine/network.ts";
import { createRng } from "../../src/engine/rng.ts";
import { parseCheckpoint, type BackpropDeps, type Lab } from "../../src/lessons/backprop/deps.tsx";
import type { LabMap, LabOp } from "../../src/worker/labProtocol.ts";

export const VIDEO_SPEC: NetworkSpec = {
  sizes: [784, 16, 16, 10],
  hidden: ["sigmoid", "sigmoid"],
  output: "sigmoid",
  cost: "mse",
};

/** The checkpoint file of a seeded 784-16-16-10 network with non-zero biases (so every term is exercised). */
export function checkpointText(seed = 3, spec: NetworkSpec = VIDEO_SPEC): string {
  const net = createNetwork(spec, seed);
  const rng = createRng(seed + 100);
  for (const b of net.b) for (let i = 0; i < b.length; i++) b[i] = rng.gaussian() * 0.5;
  return modelToJson(net);
}

/** The network the scenes parse from `text` (float32, as on the page). */
export function checkpointNet(text: string): Network<Float32Array> {
  return parseCheckpoint(text);
}

/** x = pixels / 255 and one-hot y of test image i. */
export function example(test: MnistSplit, i: number) {
  const x = new Float32Array(784);
  for (let k = 0; k < 784; k++) x[k] = test.pixels[i * 784 + k]! / 255;
  return { x, y: oneHot(test.labels[i]!, 10) };
}

/** A lab answering in-process with the engine on `test`, as LabSession does; `fail` makes every call reject. */
export class FakeLab implements Lab {
  readonly calls: LabOp[] = [];
  disposed = false;
  private readonly models = new Map<string, Network<Float32Array>>();

  constructor(
    private readonly test: MnistSplit,
    private readonly fail: string | null = null,
  ) {}

  call<K extends LabOp>(op: K, args: LabMap[K]["args"]): Promise<LabMap[K]["result"]> {
    this.calls.push(op);
    if (this.fail !== null) return Promise.reject(new Error(this.fail));
    return Promise.resolve(this.answer(op, args) as LabMap[K]["result"]);
  }

  private answer(op: LabOp, args: unknown): unknown {
    const a = args as Record<string, unknown>;
    const batch = () => (a.batch as { index: number }[]).map(({ index }) => example(this.test, index));
    const model = () => {
      const net = this.models.get(a.model as string);
      if (!net) throw new Error(`no network called "${String(a.model)}"`);
      return net;
    };
    switch (op) {
      case "loadModel": {
        const net = parseCheckpoint(a.text as string);
        this.models.set(a.name as string, net);
        return { spec: net.spec };
      }
      case "loadData":
        return { trainCount: 0, testCount: this.test.count };
      case "traceBatch":
        return traceBatch(model(), batch());
      case "sgdStep": {
        const r = sgdStep(model(), batch(), a.learningRate as number);
        if (a.saveAs) this.models.set(a.saveAs as string, r.next);
        return { before: r.before, after: r.after, gradient: r.gradient };
      }
      default:
        throw new Error(`the fake lab has no operation ${op}`);
    }
  }

  dispose(): void {
    this.disposed = true;
  }
}

/** Deps for the scenes: the checkpoint text (or a failure), and fake labs, each kept in `labs`. */
export function fakeDeps(
  test: MnistSplit,
  { text = checkpointText(), labFailure = null }: { text?: string | Error; labFailure?: string | null } = {},
): BackpropDeps & { labs: FakeLab[] } {
  const labs: FakeLab[] = [];
  return {
    labs,
    loadCheckpoint: () => (text instanceof Error ? Promise.reject(text) : Promise.resolve(text)),
    createLab: () => {
      const lab = new FakeLab(test, labFailure);
      labs.push(lab);
      return lab;
    },
    dataUrl: "http://lessons.test/data/mnist",
  };
}
