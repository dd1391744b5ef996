// What the session posts without copying twice: weight copies made to be transferred, and the transfer list of
// the buffers a message holds.
import type { Network } from "../../engine/network.ts";
import type { Weights } from "./protocol.ts";

/** The distinct buffers of some typed arrays, for a transfer list (a buffer listed twice is an error). */
export function buffersOf(arrays: readonly (ArrayBufferView | null | undefined)[]): ArrayBuffer[] {
  return [...new Set(arrays.flatMap((v) => (v ? [v.buffer as ArrayBuffer] : [])))];
}

/** A copy of a network's weights and biases to post (the copy's buffers may be transferred). */
export function weightsCopy(net: Network<Float32Array>): Weights {
  return { w: net.w.map((v) => v.slice()), b: net.b.map((v) => v.slice()) };
}
