// The analysis worker's logic, free of DOM and worker globals so tests run it in Node: loads models and the test
// set, runs many images through a model (analysis.ts classifyImages), the input ascent and the lesions of the
// experiments, compares two networks trained by the page (slice.ts), answering AnalysisMap requests through `ops`, its dispatch table (served by serveRpc).
import { classifyImages, noiseImages, type Classified } from "../../engine/analysis.ts";
import type { MnistSplit } from "../../engine/idx.ts";
import { ascend, averageImages, type DigitAverages } from "../../engine/inputAscent.ts";
import {
  correctCount,
  labelledImages,
  lesionNetwork,
  silencedScores,
  type LabelledImages,
} from "../../engine/lesions.ts";
import type { Network } from "../../engine/network.ts";
import { neuronProfiles } from "../../engine/secondLayer.ts";
import { compareNetworks } from "../../engine/slice.ts";
import { SLICE_IMAGES, SLICE_TS } from "../../engine/starts.ts";
import { loadMnistFromUrl } from "../data.ts";
import { loadModelFile } from "../models.ts";
import type { RpcHandlers } from "../rpc/serve.ts";
import type { AnalysisMap, AnalysisOp } from "./protocol.ts";

/** Most ascent steps one request may ask for. */
export const MAX_ASCENT_STEPS = 1000;

/** Most noise images one request may ask for. */
export const MAX_NOISE = 10_000;

/** What the session needs from its host. */
export interface AnalysisDeps {
  readonly fetch: (url: string) => Promise<Response>;
}

export class AnalysisSession {
  private test: Promise<MnistSplit> | null = null;
  private averages: Promise<DigitAverages> | null = null;
  private readonly models = new Map<string, Promise<Network<Float32Array>>>();

  constructor(private readonly deps: AnalysisDeps) {}

  /** The dispatch table: each operation of AnalysisMap; a failure rejects with a sentence for the reader. */
  readonly ops: RpcHandlers<AnalysisMap> = {
    loadModel: async ({ modelUrl }) => ({ net: await this.model(modelUrl) }),
    loadTest: async ({ dataUrl }) => {
      const test = await this.testSet(dataUrl);
      return { test: { ...test, pixels: test.pixels.slice(), labels: test.labels.slice() } };
    },
    classifyTest: async ({ modelUrl }) => {
      if (!this.test) throw new Error("the test images are not loaded yet");
      const [net, test] = await Promise.all([this.model(modelUrl), this.test]);
      return classifyImages(net, test.pixels, test.count, 1 / 255);
    },
    classifyNoise: async ({ modelUrl, seed, count }): Promise<Classified> => {
      if (!Number.isInteger(count) || count < 1 || count > MAX_NOISE)
        throw new Error(`ask for 1 to ${MAX_NOISE} noise images, not ${count}`);
      return classifyImages(await this.model(modelUrl), noiseImages(seed, count), count);
    },
    averageImages: async ({ dataUrl }) => {
      if (!this.averages) {
        this.averages = loadMnistFromUrl(dataUrl, this.deps).loadTrain().then(averageImages);
        this.averages.catch(() => (this.averages = null)); // a failed download may be retried
      }
      const { digits, all } = await this.averages;
      return { digits: digits.slice(), all: all.slice() }; // copies: the reply's buffers are transferred
    },
    ascend: async ({ modelUrl, state, options, count }) => {
      if (!Number.isInteger(count) || count < 1 || count > MAX_ASCENT_STEPS)
        throw new Error(`ask for 1 to ${MAX_ASCENT_STEPS} ascent steps, not ${count}`);
      return ascend(await this.model(modelUrl), state, options, count);
    },
    lesionAccuracy: async ({ modelUrl, lesion, count }) => {
      const [net, images] = await Promise.all([this.model(modelUrl), this.labelledTest()]);
      const n = Math.min(count, images.count);
      return { correct: correctCount(lesionNetwork(net, lesion), images, n), count: n };
    },
    silencedScores: async ({ modelUrl }) => {
      const [net, images] = await Promise.all([this.model(modelUrl), this.labelledTest()]);
      return silencedScores(net, images);
    },
    neuronProfiles: async ({ modelUrl, layer, count }) => {
      const [net, images] = await Promise.all([this.model(modelUrl), this.labelledTest()]);
      return neuronProfiles(net, images, layer, count);
    },
    compareNetworks: async ({ dataUrl, a, b }) => {
      const images = labelledImages(await this.testSet(dataUrl));
      return compareNetworks(a, b, { ...images, count: Math.min(SLICE_IMAGES, images.count) }, SLICE_TS);
    },
  };

  /** The loaded test set as lesions.ts reads it; throws a sentence before loadTest. */
  private async labelledTest(): Promise<LabelledImages> {
    if (!this.test) throw new Error("the test images are not loaded yet");
    return labelledImages(await this.test);
  }

  private testSet(dataUrl: string): Promise<MnistSplit> {
    if (!this.test) {
      this.test = loadMnistFromUrl(dataUrl, this.deps).loadTest();
      this.test.catch(() => (this.test = null)); // a failed download may be retried
    }
    return this.test;
  }

  /** The model file at `url`, downloaded once (a failed download may be retried). */
  private model(url: string): Promise<Network<Float32Array>> {
    let net = this.models.get(url);
    if (!net) {
      net = loadModelFile(url, this.deps.fetch).then((file) => file.net);
      this.models.set(url, net);
      net.catch(() => this.models.delete(url));
    }
    return net;
  }
}

/**
 * The buffers of a reply to transfer rather than copy: the typed arrays directly inside a result (and inside its
 * `test`). Models stay in the session, so their arrays are copied.
 */
export function transferOf(op: AnalysisOp, result: unknown): ArrayBuffer[] {
  if (op === "loadModel") return [];
  const out = new Set<ArrayBuffer>();
  const scan = (value: unknown) => {
    if (typeof value !== "object" || value === null) return;
    for (const v of Object.values(value))
      if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  };
  scan(result);
  if (typeof result === "object" && result !== null && "test" in result) scan(result.test);
  return [...out];
}
