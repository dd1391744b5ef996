// The lab worker's entry: one LabSession, with the worker's fetch and clock, served by serveRpc.
import { serveRpc } from "../rpc/serve.ts";
import type { LabMap } from "./protocol.ts";
import { LabSession } from "./session.ts";

const session = new LabSession({ fetch: (url) => fetch(url), now: () => performance.now() });
serveRpc<LabMap>(self as unknown as DedicatedWorkerGlobalScope, session.ops, { name: "lab worker" });
