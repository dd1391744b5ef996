// The experiments worker's entry: one AnalysisSession answering requests in order, each reply carrying its id;
// the large arrays of a result are transferred, not copied.
import { AnalysisSession } from "./analysisSession.ts";
import type { AnalysisReply, AnalysisRequest } from "./protocol.ts";

const session = new AnalysisSession({ fetch: (url) => fetch(url) });
let queue = Promise.resolve();

/** The buffers of the typed arrays directly inside a result (and inside its `test`). */
function buffers(result: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const scan = (value: unknown) => {
    if (typeof value !== "object" || value === null) return;
    for (const v of Object.values(value))
      if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  };
  scan(result);
  if (typeof result === "object" && result !== null && "test" in result) scan(result.test);
  return [...out];
}

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  const { id, op, args } = e.data;
  queue = queue.then(async () => {
    let reply: AnalysisReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const result = await session.handle(op, args as never);
      reply = { id, ok: true, result };
      // Models stay in the session: their arrays are copied (structured clone), everything else is the reply's.
      if (op !== "loadModel") transfer = buffers(result);
    } catch (err) {
      reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    self.postMessage(reply, { transfer });
  });
};
