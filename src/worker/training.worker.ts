// The training worker's entry point: a TrainingSession wired to the worker's messages, fetch and clock.
// Everything else lives in session.ts and ops/, which run in Node too.

import type { Command } from "./protocol.ts";
import { TrainingSession } from "./session.ts";

const scope = self as unknown as DedicatedWorkerGlobalScope;

/**
 * Runs callbacks after the messages already queued, like setTimeout 0 but without its ≥ 4 ms clamp (which
 * would idle a third of an 8 ms slice): each callback is a MessageChannel message.
 */
function createScheduler(): (fn: () => void) => void {
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (fn) => {
    queue.push(fn);
    channel.port2.postMessage(null);
  };
}

const session = new TrainingSession((event, transfer) => scope.postMessage(event, transfer), {
  fetch: (url) => fetch(url),
  now: () => performance.now(),
  schedule: createScheduler(),
});

scope.onmessage = (e: MessageEvent<Command>) => session.handle(e.data);
