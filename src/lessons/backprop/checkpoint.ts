// The network both backpropagation scenes use: the videos' network after a few epochs of training, so its nudges
// are neither huge nor vanishing. Their arithmetic is the videos', so any other kind of network is refused.
import type { NetworkSpec } from "../../engine/network.ts";
import { checkpointPath } from "../../worker/models.ts";

/** Epochs of training of the checkpoint the backpropagation scenes load. */
export const BACKPROP_CHECKPOINT = 5;

/** Its file, relative to the page: "models/3b1b-epoch-5.json". */
export const BACKPROP_FILE = checkpointPath(BACKPROP_CHECKPOINT);

/**
 * Null for the videos' kind of network (sigmoid outputs, squared-error cost, at least one hidden layer), else the
 * sentence that says the checkpoint is not one.
 */
export function notVideosNetwork(spec: NetworkSpec): string | null {
  if (spec.output === "sigmoid" && spec.cost === "mse" && spec.sizes.length >= 3) return null;
  return `The file ${BACKPROP_FILE} is not the videos' kind of network (sigmoid outputs, squared-error cost, hidden layers).`;
}
