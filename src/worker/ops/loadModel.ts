// loadModel: replaces the network by a model file's (validated here); a bad file leaves the network as it was.

import { ModelError, parseModel, type ModelMeta } from "../../engine/model.ts";
import type { Network } from "../../engine/network.ts";
import type { CommandMap } from "../protocol.ts";
import { DIGITS, INPUTS, type TrainingSession } from "../session.ts";

export function loadModel(s: TrainingSession, { text, label }: CommandMap["loadModel"]): void {
  let model: ReturnType<typeof readModel>;
  try {
    model = readModel(text);
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    s.emit("error", { kind: "model", recoverable: true, message: err.message });
    return;
  }
  s.replaceNetwork(model.net, modelSource(label, model.net, model.meta));
}

/** parseModel for MNIST: 784 inputs, 10 outputs. Throws ModelError. */
export function readModel(text: string): { net: Network<Float32Array>; meta: ModelMeta } {
  return parseModel(text, { inputs: INPUTS, outputs: DIGITS });
}

/** "pretrained 784-16-16-10 (30 epochs)": the label, the layers, and the epochs if the meta records them. */
export function modelSource(label: string, net: Network, meta: ModelMeta): string {
  const epochs =
    typeof meta.epochs === "number" ? ` (${meta.epochs} epoch${meta.epochs === 1 ? "" : "s"})` : "";
  return `${label} ${net.spec.sizes.join("-")}${epochs}`;
}

/** "untrained, seed 42". */
export function untrainedSource(seed: number): string {
  return `untrained, seed ${seed}`;
}
