// reset: a fresh untrained network of the given shape and seed; counters and history restart.

import { createNetwork, SpecError, type Network } from "../../engine/network.ts";
import type { CommandMap } from "../protocol.ts";
import { DIGITS, INPUTS, type TrainingSession } from "../session.ts";
import { untrainedSource } from "./loadModel.ts";

export function reset(s: TrainingSession, { spec, seed }: CommandMap["reset"]): void {
  let net: Network<Float32Array>;
  try {
    if (spec.sizes?.[0] !== INPUTS || spec.sizes.at(-1) !== DIGITS)
      throw new SpecError(`the network must take ${INPUTS} pixels and have ${DIGITS} outputs`);
    net = createNetwork(spec, seed);
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    s.emit("error", {
      kind: "spec",
      recoverable: true,
      message: `Cannot build that network: ${err.message}.`,
    });
    return;
  }
  s.seed = seed;
  s.replaceNetwork(net, untrainedSource(seed));
}
