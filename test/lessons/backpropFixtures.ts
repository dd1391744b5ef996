// Test doubles for the backpropagation scenes: a seeded network of the videos' shape as the "checkpoint" file and
// the network the scenes read from it.
import { modelToJson } from "../../src/engine/model.ts";
import { createNetwork, type Network, type NetworkSpec } from "../../src/engine/network.ts";
import { createRng } from "../../src/engine/rng.ts";
import { readModel } from "../../src/worker/models.ts";

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

/** The network the scenes read from `text` (float32, as on the page). */
export function checkpointNet(text: string): Network<Float32Array> {
  return readModel(text).net;
}
