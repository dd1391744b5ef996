// The lessons' lab: a second worker that runs the experiments of src/engine/experiments.ts on named networks and
// the MNIST data, so lesson pages never train on the main thread. Types only: one typed map of operations (name →
// arguments and result) that both sides `import type`; requests carry an id and each gets one reply (../rpc).

import type {
  CostSurface,
  DescentRun,
  DescentStep,
  FinderTrial,
  ParamRef,
  RunPoint,
} from "../../engine/experiments.ts";
import type { BatchTrace, Gradient, NetworkSpec } from "../../engine/network.ts";
import type { RpcReply, RpcRequest } from "../rpc/protocol.ts";

/** An MNIST example by split and index. */
export interface ExampleRef {
  readonly split: "train" | "test";
  readonly index: number;
}

/** An example given whole, not by index: its input activations x (784 values in 0…1) and label (a drawing). */
export interface GivenExample {
  readonly x: Float32Array;
  readonly label: number;
}

/** An example of a batch the lab computes on. */
export type LabExample = ExampleRef | GivenExample;

/** Each operation's arguments and result. Networks are held in the lab by name. */
export interface LabMap {
  /** Loads the MNIST data (test set, and the first `trainLimit` training images; 0 for none). */
  loadData: {
    args: { dataUrl: string; trainLimit: number };
    result: { trainCount: number; testCount: number };
  };
  /** Parses a model file (validated) and keeps it as `name`. */
  loadModel: { args: { name: string; text: string }; result: { spec: NetworkSpec } };
  costSurface: {
    args: { model: string; batch: LabExample[]; params: ParamRef[]; span: number; steps: number };
    result: CostSurface;
  };
  descend: {
    args: {
      model: string;
      batch: LabExample[];
      params: ParamRef[];
      learningRate: number;
      steps: number;
      start?: number[];
    };
    result: DescentStep[];
  };
  findLearningRate: {
    args: { model: string; batch: LabExample[]; startRate: number };
    result: FinderTrial[];
  };
  /** Per-example traces of a mini-batch and their mean: the nudge table. */
  traceBatch: { args: { model: string; batch: LabExample[] }; result: BatchTrace<Float32Array> };
  /** One SGD step; the stepped network is kept as `saveAs` when given. */
  sgdStep: {
    args: { model: string; batch: LabExample[]; learningRate: number; saveAs?: string };
    result: { before: number; after: number; gradient: Gradient<Float32Array> };
  };
  /** Full-batch, mini-batch and single-example training from the same start on the first `trainLimit` images. */
  compareDescent: {
    args: { model: string; runs: DescentRun[]; budget: number; points: number; heldOut: number };
    result: { label: string; path: RunPoint[] }[];
  };
}

export type LabOp = keyof LabMap;
export type LabRequest = RpcRequest<LabMap>;
/** A reply to request `id` (the shape every request/response worker uses). */
export type LabReply = RpcReply;
