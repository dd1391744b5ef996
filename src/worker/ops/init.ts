// init: starts the session. Loads the test set, then the training set, while the network is built from the
// model (a URL or text; a bad one falls back to a fresh network); posts progress, testReady, then ready.

import { ModelError } from "../../engine/model.ts";
import { createNetwork, type Network } from "../../engine/network.ts";
import { DataError, loadMnistFromUrl } from "../data.ts";
import type { CommandMap } from "../protocol.ts";
import type { TrainingSession } from "../session.ts";
import { modelSource, readModel, untrainedSource } from "./loadModel.ts";
import { setHyper } from "./setHyper.ts";

/**
 * Runs the whole start-up; resolves when the training set is in (or the data failed, reported as a `data`
 * error that is not recoverable). A play or step sent before then is queued: it starts with `ready`.
 */
export async function init(s: TrainingSession, cmd: CommandMap["init"]): Promise<void> {
  if (s.started) throw new Error("the session was already started");
  setHyper(s, cmd); // validates them: a bad value fails init before anything starts
  s.started = true;
  s.seed = cmd.seed;

  const loader = loadMnistFromUrl(cmd.dataUrl, {
    fetch: s.deps.fetch,
    onProgress: (phase, loaded, total) => s.progress(phase, loaded, total),
  });
  const modelReady = initialNetwork(s, cmd).then(({ net, source }) => {
    if (s.network) return; // a reset or loadModel came first
    s.installNetwork(net);
    s.source = source;
    s.markGood();
    s.restartHistory();
    s.flushFrame();
  });
  modelReady.catch(() => {}); // awaited below; this only avoids an unhandled rejection if the data fails first

  try {
    s.setTestSet(await loader.loadTest());
    const train = await loader.loadTrain();
    await modelReady;
    s.setTrainingSet(train);
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    s.emit("error", { kind: "data", recoverable: false, message: err.message });
    return;
  }
  const net = s.network!;
  s.emit("ready", {
    spec: net.spec,
    trainCount: s.train!.count,
    testCount: s.test!.split.count,
    source: s.source,
  });
  s.flushFrame();
}

/** The starting network: the model's, or a fresh one of `spec` from `seed` (also when the model is bad). */
async function initialNetwork(
  s: TrainingSession,
  { model, spec, seed }: CommandMap["init"],
): Promise<{ net: Network<Float32Array>; source: string }> {
  const fresh = () => ({ net: createNetwork(spec, seed), source: untrainedSource(seed) });
  if (model === null) return fresh();
  let text: string;
  let label: string;
  if ("url" in model) {
    label = "pretrained";
    try {
      const response = await s.deps.fetch(model.url);
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      text = await response.text();
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      s.emit("error", {
        kind: "model",
        recoverable: true,
        message: `Could not download the pretrained model ${model.url} (${why}), so the network starts untrained.`,
      });
      return fresh();
    }
  } else ({ text, label } = model);
  try {
    const { net, meta } = readModel(text);
    return { net, source: modelSource(label, net, meta) };
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    s.emit("error", { kind: "model", recoverable: true, message: err.message });
    return fresh();
  }
}
