// trace: backpropagation of one example through the current network, every intermediate kept (the lessons'
// numbers), answered by `traced` with the request's id.

import { oneHot, traceExample } from "../../engine/network.ts";
import type { CommandMap } from "../protocol.ts";
import { buffersOf, DIGITS, type TrainingSession } from "../session.ts";

export function trace(s: TrainingSession, { probe, label, id }: CommandMap["trace"]): void {
  if (!Number.isInteger(label) || label < 0 || label >= DIGITS)
    throw new RangeError(`the label must be a digit 0–9, not ${String(label)}`);
  const net = s.network;
  const x = s.inputOf(probe);
  if (!net || !x) {
    const what = net ? "test images are" : "network is";
    s.emit("error", {
      kind: "data",
      recoverable: true,
      message: `The ${what} still loading; try again in a moment.`,
    });
    return;
  }
  const t = traceExample(net, x, oneHot(label, DIGITS));
  const arrays = [...t.z, ...t.a, t.y, ...t.dCda, ...t.delta, ...t.dw, ...t.db, t.costTerms];
  s.emit("traced", { id, trace: t }, buffersOf(arrays));
}
