// runCommand against a real training session (in Node, the worker's messages passed in order): a flood of 1,000
// commands that change the network builds only the last network, keeps what the commands do not name, and the embed
// goes on predicting all the while.
import { describe, expect, it, vi } from "vitest";
import { startExplorable } from "../../src/app/startExplorable.ts";
import { runCommand, watchEvents } from "../../src/embed/commands.ts";
import type { ExplorableEvent } from "../../src/embed/messages.ts";
import { parseUrlSettings } from "../../src/store/urlState.ts";
import { initialOverrides, syncSettings } from "../../src/store/urlSync.ts";
import type { Command, WorkerEvent } from "../../src/worker/training/protocol.ts";
import { TrainingSession } from "../../src/worker/training/session.ts";
import type { WorkerLike } from "../../src/worker/workerLike.ts";
import { mnistFetch, smallMnist } from "../worker/fakeFetch.ts";
import { testPixels } from "../worker/training/harness.ts";

/** A training session behind a WorkerLike: each message (either way) is structured-cloned and delivered in order. */
function sessionWorker() {
  const later = (fn: () => void) => setImmediate(fn);
  const built: string[] = [];
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => later(() => session.handle(structuredClone(m) as Command)),
    terminate() {},
  };
  const session = new TrainingSession(
    (event: WorkerEvent, transfer) => {
      if (event.type === "network") built.push(event.spec.sizes.join("-"));
      const copy = structuredClone(event, { transfer });
      later(() => worker.onmessage?.({ data: copy } as MessageEvent));
    },
    { fetch: mnistFetch(smallMnist(600, 100)), now: () => performance.now(), schedule: later },
  );
  return { worker, built };
}

describe("runCommand(store, sync, command) under a flood", () => {
  it("1,000 `set hidden` build one network per burst, keep ReLU, and the embed keeps predicting", async () => {
    const parsed = parseUrlSettings("?hidden=16,16&activation=relu&model=none&embed=1");
    const { worker, built } = sessionWorker();
    const options = {
      dataUrl: "/data/mnist",
      modelsUrl: "/models",
      checkpoint: null,
      initial: initialOverrides(parsed.settings),
    };
    const { store, client, dispose } = startExplorable(options, () => worker);
    const sync = syncSettings(store, parsed);
    const events: ExplorableEvent[] = [];
    watchEvents(store, (e) => events.push(e));
    await vi.waitFor(() => expect(store.getState().phase).toBe("ready"), { timeout: 20_000 });
    const predictions = () => events.filter((e) => e.event === "prediction").length;

    const replies: Promise<ExplorableEvent | null>[] = [];
    let shown = 0;
    for (let i = 1; i <= 1000; i++) {
      replies.push(runCommand(store, sync, { command: "set", params: { hidden: String(10 + (i % 7)) } }));
      if (i % 100 === 0) {
        // The pad sends what is drawn; the answer must come back within the flood, not after it.
        client.send({ op: "setProbe", probe: { kind: "pixels", pixels: testPixels(i / 100) }, id: i });
        const before = predictions();
        await vi.waitFor(() => expect(predictions()).toBeGreaterThan(before));
        shown++;
      }
    }
    await Promise.all(replies);
    await vi.waitFor(() => expect(built.at(-1)).toBe("784-16-10"), { timeout: 20_000 });
    expect(shown).toBe(10);
    expect(built).toHaveLength(10); // one per burst of 100 between the probes, not 1,000
    expect(store.getState().spec).toMatchObject({ sizes: [784, 16, 10], hidden: ["relu"] });
    dispose();
  }, 60_000);
});
