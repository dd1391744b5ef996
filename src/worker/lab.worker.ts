// The lab worker's entry: one LabSession answering requests in order, each with a reply carrying its id.
import { LabSession } from "./lab.ts";
import type { LabReply, LabRequest } from "./labProtocol.ts";

const session = new LabSession({ fetch: (url) => fetch(url) });
let queue = Promise.resolve();

self.onmessage = (e: MessageEvent<LabRequest>) => {
  const { id, op, args } = e.data;
  queue = queue.then(async () => {
    let reply: LabReply;
    try {
      reply = { id, ok: true, result: await session.handle(op, args as never) };
    } catch (err) {
      reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    self.postMessage(reply);
  });
};
