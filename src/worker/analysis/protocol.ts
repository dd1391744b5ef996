// The experiments' analysis worker: one typed map of operations (name → arguments and result), shared by both
// sides as types only. Requests carry an id; each gets one reply with the same id.
import type { Classified } from "../../engine/analysis.ts";
import type { MnistSplit } from "../../engine/idx.ts";
import type { AscentOptions, AscentState, DigitAverages } from "../../engine/inputAscent.ts";
import type { Lesion, SilencedScore } from "../../engine/lesions.ts";
import type { Network } from "../../engine/network.ts";
import type { NeuronProfile } from "../../engine/secondLayer.ts";
import type { NetworkComparison } from "../../engine/slice.ts";
import type { RpcReply, RpcRequest } from "../rpc/protocol.ts";

export interface AnalysisMap {
  /** Downloads and checks a model file (a URL) and keeps it by that URL; returns its network. */
  loadModel: { args: { modelUrl: string }; result: { net: Network<Float32Array> } };
  /** Downloads the MNIST test set (once); returns a copy of it. */
  loadTest: { args: { dataUrl: string }; result: { test: MnistSplit } };
  /** Every test image through a loaded model. */
  classifyTest: { args: { modelUrl: string }; result: Classified };
  /** `count` uniform-noise images of `seed` (analysis.ts noiseImages) through a loaded model. */
  classifyNoise: { args: { modelUrl: string; seed: number; count: number }; result: Classified };
  /** Downloads the MNIST training set (once) and returns the average image of each digit and of all. */
  averageImages: { args: { dataUrl: string }; result: DigitAverages };
  /** `count` steps of gradient ascent on the input (inputAscent.ts ascend) through a loaded model. */
  ascend: {
    args: { modelUrl: string; state: AscentState; options: AscentOptions; count: number };
    result: { state: AscentState; outputs: number[] };
  };
  /** How many of the first `count` test images a loaded model gets right with `lesion` done to it. */
  lesionAccuracy: {
    args: { modelUrl: string; lesion: Lesion; count: number };
    result: { correct: number; count: number };
  };
  /** For each hidden neuron alone, the test images a loaded model gets right without it (lesions.ts). */
  silencedScores: { args: { modelUrl: string }; result: SilencedScore[] };
  /** For each neuron of hidden layer `layer`, its `count` most exciting test images and its loop-digit means. */
  neuronProfiles: { args: { modelUrl: string; layer: number; count: number }; result: NeuronProfile[] };
  /**
   * Two networks of the same shape (trained by the page's runs) compared on the first SLICE_IMAGES test images:
   * B's hidden neurons matched to A's, and the cost along the line from A to B, before and after (slice.ts).
   */
  compareNetworks: {
    args: { dataUrl: string; a: Network<Float32Array>; b: Network<Float32Array> };
    result: NetworkComparison;
  };
}

export type AnalysisOp = keyof AnalysisMap;
export type AnalysisRequest = RpcRequest<AnalysisMap>;
export type AnalysisReply = RpcReply;
