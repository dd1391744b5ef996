// The training worker's entry point: a TrainingSession wired to the worker's messages, fetch and clock.
// Everything else lives in session.ts and its parts, which run in Node too.

import { createScheduler } from "../scheduler.ts";
import type { Command } from "./protocol.ts";
import { TrainingSession } from "./session.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;

const session = new TrainingSession((event, transfer) => scope.postMessage(event, transfer), {
  fetch: (url) => fetch(url),
  now: () => performance.now(),
  schedule: createScheduler(),
});

scope.onmessage = (e: MessageEvent<Command>) => session.handle(e.data);
