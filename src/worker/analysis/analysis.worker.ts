// The analysis worker's entry: one AnalysisSession, with the worker's fetch, served by serveRpc; the large arrays
// of a result are transferred, not copied.
import { serveRpc } from "../rpc/serve.ts";
import type { AnalysisMap } from "./protocol.ts";
import { AnalysisSession, transferOf } from "./session.ts";

const session = new AnalysisSession({ fetch: (url) => fetch(url) });
serveRpc<AnalysisMap>(self as unknown as DedicatedWorkerGlobalScope, session.ops, {
  name: "experiments worker",
  transfer: transferOf,
});
