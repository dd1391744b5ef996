// A runs worker's entry: one RunsSession (one training run) wired to the worker's messages, fetch, clock and
// scheduler. Everything else lives in session.ts, which runs in Node too.
import { createScheduler } from "../scheduler.ts";
import type { RunsRequest } from "./protocol.ts";
import { RunsSession } from "./session.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;

const session = new RunsSession((reply) => scope.postMessage(reply), {
  fetch: (url) => fetch(url),
  now: () => performance.now(),
  schedule: createScheduler(),
});

scope.onmessage = (e: MessageEvent<RunsRequest>) => session.handle(e.data);
