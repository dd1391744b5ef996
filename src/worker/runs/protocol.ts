// The runs worker's messages, as types only (both sides `import type` them): the page starts the one run a worker
// trains and may stop it; the worker answers with its status, a RunPoint per measurement, and the trained network
// at the end, or one sentence saying what went wrong.
import type { Network } from "../../engine/network.ts";
import type { RunPoint, RunSpec } from "../../engine/runs.ts";

/** Page → worker: start the one run this worker trains (once), or stop it. */
export type RunsRequest = { type: "start"; run: RunSpec; dataUrl: string } | { type: "stop" };

/** Worker → page: what it is doing, each measurement, the end with the trained network, or what went wrong. */
export type RunsReply =
  | { type: "status"; text: string }
  | { type: "point"; point: RunPoint }
  | { type: "done"; net: Network<Float32Array> }
  | { type: "error"; message: string };

/** A dispatch table over a message union: one handler per `type`, given that type's message. */
export type ByType<T extends { type: string }> = {
  readonly [K in T["type"]]: (message: Extract<T, { type: K }>) => void;
};
