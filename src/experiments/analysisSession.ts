// The experiments worker's logic, DOM-free so tests run it in Node: loads models and the test set, and runs
// many images through a model (analysis.ts classifyImages), answering AnalysisMap requests.
import { classifyImages, noiseImages, type Classified } from "../engine/analysis.ts";
import type { MnistSplit } from "../engine/idx.ts";
import { ModelError, parseModel } from "../engine/model.ts";
import type { Network } from "../engine/network.ts";
import { loadMnistFromUrl, type LoadDeps } from "../worker/data.ts";
import type { AnalysisMap, AnalysisOp } from "./protocol.ts";

/** Most noise images one request may ask for. */
export const MAX_NOISE = 10_000;

export class AnalysisSession {
  private test: Promise<MnistSplit> | null = null;
  private readonly models = new Map<string, Promise<Network<Float32Array>>>();

  constructor(private readonly deps: Pick<LoadDeps, "fetch">) {}

  /** Answers one request; throws an Error with a sentence for the reader when it cannot. */
  async handle<K extends AnalysisOp>(op: K, args: AnalysisMap[K]["args"]): Promise<AnalysisMap[K]["result"]> {
    const run = this.ops[op] as (a: AnalysisMap[K]["args"]) => Promise<AnalysisMap[K]["result"]>;
    if (!run) throw new Error(`the experiments worker has no operation "${String(op)}"`);
    return run(args);
  }

  private readonly ops: {
    [K in AnalysisOp]: (args: AnalysisMap[K]["args"]) => Promise<AnalysisMap[K]["result"]>;
  } = {
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
  };

  private testSet(dataUrl: string): Promise<MnistSplit> {
    if (!this.test) {
      this.test = loadMnistFromUrl(dataUrl, this.deps).loadTest();
      this.test.catch(() => (this.test = null)); // a failed download may be retried
    }
    return this.test;
  }

  private model(url: string): Promise<Network<Float32Array>> {
    let net = this.models.get(url);
    if (!net) {
      net = fetchModel(url, this.deps.fetch);
      this.models.set(url, net);
      net.catch(() => this.models.delete(url));
    }
    return net;
  }
}

/** The file's name for messages: "models/3b1b-epoch-30.json" of a full URL. */
function fileName(url: string): string {
  const m = /[^/]+\/[^/]+$/.exec(url.split(/[?#]/)[0] ?? url);
  return m ? m[0] : url;
}

async function fetchModel(url: string, fetchFn: LoadDeps["fetch"]): Promise<Network<Float32Array>> {
  const file = fileName(url);
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`Could not download the network ${file} (${why}); check the connection and reload.`, {
      cause: err,
    });
  }
  if (!response.ok)
    throw new Error(`Could not download the network ${file}: the server answered ${response.status}.`);
  try {
    return parseModel(await response.text(), { inputs: 784, outputs: 10 }).net;
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    throw new Error(`The file ${file} is not a usable network: ${err.detail}.`, { cause: err });
  }
}
