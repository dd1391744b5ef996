// Where the experiments get their numbers: a source answers "this checkpoint's network", "the test set through
// it" and "noise of this seed through it" with promises, cached. The page's source asks the experiments worker;
// tests use one that computes in-process from a small network.
import { answers, classifyImages, noiseImages, type Classified } from "../engine/analysis.ts";
import type { MnistSplit } from "../engine/idx.ts";
import {
  correctCount,
  labelledImages,
  lesionNetwork,
  silencedScores,
  type Lesion,
  type SilencedScore,
} from "../engine/lesions.ts";
import {
  ascend,
  averageImages,
  type AscentOptions,
  type AscentState,
  type DigitAverages,
} from "../engine/inputAscent.ts";
import type { Network } from "../engine/network.ts";
import { neuronProfiles, type NeuronProfile } from "../engine/secondLayer.ts";
import { compareNetworks, type NetworkComparison } from "../engine/slice.ts";
import { SLICE_IMAGES, SLICE_TS } from "../engine/starts.ts";
import type { AnalysisClient } from "../worker/analysis/client.ts";
import { checkpointPath, type Checkpoint } from "../worker/models.ts";
import { MNIST_DATA_FOLDER } from "../worker/data.ts";

/** How many noise images the noise experiment classifies. */
export const NOISE_COUNT = 1000;

/** A stack of images through a network, with each image's answer. */
export interface Analysis extends Classified {
  /** digits[i] = argmax of image i's outputs. */
  readonly digits: Uint8Array;
  /** confidences[i] = its confidence (analysis.ts answer). */
  readonly confidences: Float32Array;
}

/** The test set through one checkpoint. */
export interface TestAnalysis extends Analysis {
  readonly net: Network<Float32Array>;
  /** MNIST's test set: image i is pixels[i·784 … (i+1)·784), 0–255, labels[i] its digit. */
  readonly test: MnistSplit;
}

/** Where the experiments get their numbers. Each promise rejects with an Error whose message is for the reader. */
export interface ExperimentSource {
  model(epochs: Checkpoint): Promise<Network<Float32Array>>;
  test(epochs: Checkpoint): Promise<TestAnalysis>;
  /** NOISE_COUNT images of uniform noise (analysis.ts noiseImages(seed, …)) through the network. */
  noise(epochs: Checkpoint, seed: number): Promise<Analysis>;
  /** The average training image of each digit (inputAscent.ts averageImages). */
  averages(): Promise<DigitAverages>;
  /** `count` more steps of gradient ascent on the input of the network (inputAscent.ts ascend). */
  ascend(
    epochs: Checkpoint,
    state: AscentState,
    options: AscentOptions,
    count: number,
  ): Promise<{ state: AscentState; outputs: number[] }>;
  /** How many of the first `count` test images the network gets right with `lesion` done to it. */
  lesionAccuracy(
    epochs: Checkpoint,
    lesion: Lesion,
    count: number,
  ): Promise<{ correct: number; count: number }>;
  /** For each hidden neuron alone, the test images the network gets right without it. */
  silencedScores(epochs: Checkpoint): Promise<SilencedScore[]>;
  /** For each neuron of hidden layer `layer`, its `count` most exciting test images (secondLayer.ts). */
  neuronProfiles(epochs: Checkpoint, layer: number, count: number): Promise<NeuronProfile[]>;
  /** Two networks of one shape on the first SLICE_IMAGES test images: neurons matched, the slice (slice.ts). */
  compare(a: Network<Float32Array>, b: Network<Float32Array>): Promise<NetworkComparison>;
}

function withAnswers(net: Network<Float32Array>, c: Classified): Analysis {
  return { ...c, ...answers(c.outputs, c.count, net.spec.output) };
}

/** A cache of promises by key, keeping the newest `limit`. */
function memo<T>(limit = Infinity) {
  const cache = new Map<string, Promise<T>>();
  return (key: string, make: () => Promise<T>): Promise<T> => {
    let p = cache.get(key);
    if (!p) {
      p = make();
      cache.set(key, p);
      p.catch(() => cache.delete(key)); // failures are retried on the next ask
      if (cache.size > limit) cache.delete(cache.keys().next().value!);
    }
    return p;
  };
}

/** The page's source: the files next to the page (`baseUrl`), computed in the experiments worker. */
export function workerSource(client: AnalysisClient, baseUrl: string): ExperimentSource {
  const url = (path: string) => new URL(path, baseUrl).href;
  const models = memo<Network<Float32Array>>();
  const tests = memo<TestAnalysis>();
  const noises = memo<Analysis>(16);
  const averages = memo<DigitAverages>();
  const silenced = memo<SilencedScore[]>();
  const profiles = memo<NeuronProfile[]>();
  let test: Promise<MnistSplit> | null = null;
  const loadTest = () => {
    if (!test) {
      test = client.call("loadTest", { dataUrl: url(MNIST_DATA_FOLDER) }).then((r) => r.test);
      test.catch(() => (test = null)); // a failed download is tried again on the next ask
    }
    return test;
  };
  const source: ExperimentSource = {
    model: (epochs) =>
      models(
        String(epochs),
        async () => (await client.call("loadModel", { modelUrl: url(checkpointPath(epochs)) })).net,
      ),
    test: (epochs) =>
      tests(String(epochs), async () => {
        const [net, split] = await Promise.all([source.model(epochs), loadTest()]);
        const c = await client.call("classifyTest", { modelUrl: url(checkpointPath(epochs)) });
        return { ...withAnswers(net, c), net, test: split };
      }),
    noise: (epochs, seed) =>
      noises(`${epochs}/${seed}`, async () => {
        const net = await source.model(epochs);
        const c = await client.call("classifyNoise", {
          modelUrl: url(checkpointPath(epochs)),
          seed,
          count: NOISE_COUNT,
        });
        return withAnswers(net, c);
      }),
    averages: () =>
      averages("train", () => client.call("averageImages", { dataUrl: url(MNIST_DATA_FOLDER) })),
    ascend: (epochs, state, options, count) =>
      client.call("ascend", { modelUrl: url(checkpointPath(epochs)), state, options, count }),
    lesionAccuracy: async (epochs, lesion, count) => {
      await loadTest();
      return client.call("lesionAccuracy", { modelUrl: url(checkpointPath(epochs)), lesion, count });
    },
    silencedScores: (epochs) =>
      silenced(String(epochs), async () => {
        await loadTest();
        return client.call("silencedScores", { modelUrl: url(checkpointPath(epochs)) });
      }),
    neuronProfiles: (epochs, layer, count) =>
      profiles(`${epochs}/${layer}/${count}`, async () => {
        await loadTest();
        return client.call("neuronProfiles", { modelUrl: url(checkpointPath(epochs)), layer, count });
      }),
    compare: (a, b) => client.call("compareNetworks", { dataUrl: url(MNIST_DATA_FOLDER), a, b }),
  };
  return source;
}

/**
 * A source that computes on the calling thread from networks and a test set in memory: for tests, where the
 * network and test set are small. `nets(epochs)` is the network of a checkpoint (or throws); the test set stands
 * in for the training set's averages.
 */
export function localSource(
  nets: (epochs: Checkpoint) => Network<Float32Array>,
  test: MnistSplit,
  noiseCount = NOISE_COUNT,
): ExperimentSource {
  const run = <T>(f: () => T) => new Promise<T>((resolve) => resolve(f()));
  const labelled = labelledImages(test);
  return {
    model: (epochs) => run(() => nets(epochs)),
    test: (epochs) =>
      run(() => {
        const net = nets(epochs);
        return { ...withAnswers(net, classifyImages(net, test.pixels, test.count, 1 / 255)), net, test };
      }),
    noise: (epochs, seed) =>
      run(() => {
        const net = nets(epochs);
        return withAnswers(net, classifyImages(net, noiseImages(seed, noiseCount), noiseCount));
      }),
    averages: () => run(() => averageImages(test)),
    ascend: (epochs, state, options, count) => run(() => ascend(nets(epochs), state, options, count)),
    lesionAccuracy: (epochs, lesion, count) =>
      run(() => {
        const n = Math.min(count, test.count);
        return { correct: correctCount(lesionNetwork(nets(epochs), lesion), labelled, n), count: n };
      }),
    silencedScores: (epochs) => run(() => silencedScores(nets(epochs), labelled)),
    neuronProfiles: (epochs, layer, count) => run(() => neuronProfiles(nets(epochs), labelled, layer, count)),
    compare: (a, b) =>
      run(() => compareNetworks(a, b, { ...labelled, count: Math.min(SLICE_IMAGES, test.count) }, SLICE_TS)),
  };
}
