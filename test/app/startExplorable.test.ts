// Starting an explorable, and recovering from a crashed or hung worker with the last good weights; a worker that
// cannot start is given up after a few tries with a clear message instead of a restart loop.
import { afterEach, describe, expect, it, vi } from "vitest";
import { startExplorable } from "../../src/app/startExplorable.ts";
import { parseModel } from "../../src/engine/model.ts";
import { createNetwork } from "../../src/engine/network.ts";
import { PRESETS } from "../../src/engine/presets.ts";
import { LOST_AFTER_MS, RESTART_DELAYS_MS } from "../../src/worker/training/client.ts";
import type { Command, WorkerEvent } from "../../src/worker/training/protocol.ts";
import { fakeTrainingWorker, type FakeTrainingWorker } from "../worker/training/fakeWorker.ts";

afterEach(() => vi.useRealTimers());

/** Every training worker started, in order (a crash starts another). */
function workers() {
  const list: FakeTrainingWorker[] = [];
  const create = () => {
    const w = fakeTrainingWorker();
    list.push(w);
    return w;
  };
  return { list, create };
}

const options = { dataUrl: "http://x/data/mnist", modelsUrl: "http://x/models", checkpoint: 30 } as const;

describe("startExplorable(options)", () => {
  it("initialises the worker with the data and the pretrained model", () => {
    const { list, create } = workers();
    startExplorable(options, create);
    const init = list[0]!.sent[0] as Extract<Command, { op: "init" }>;
    expect(init.op).toBe("init");
    expect(init.dataUrl).toBe(options.dataUrl);
    expect(init.model).toEqual({
      url: "http://x/models/3b1b-epoch-30.json",
      origin: { kind: "pretrained", checkpoint: 30 },
    });
  });

  it("restarts a crashed worker with the last good weights the worker posted (not a later frame's)", () => {
    vi.useFakeTimers();
    const { list, create } = workers();
    const { store } = startExplorable(options, create);
    const spec = PRESETS["3b1b"].spec;
    const net = createNetwork(spec, 7);
    const blownUp = createNetwork(spec, 8);
    blownUp.w[1]!.fill(1e30);
    const origin = { kind: "trained", from: { kind: "untrained", seed: 7 }, epochs: 1 } as const;
    const good: WorkerEvent = { type: "lastGood", spec, weights: { w: net.w, b: net.b }, origin };
    const frame: WorkerEvent = {
      type: "frame",
      stats: { epoch: 1, origin, examplesSeen: 60000, examplesPerSecond: 0, trainCost: 0.1, running: true },
      weights: { w: blownUp.w, b: blownUp.b },
      probe: null,
      history: [],
      batch: null,
    };
    list[0]!.onmessage?.({ data: good } as MessageEvent);
    list[0]!.onmessage?.({ data: frame } as MessageEvent);
    list[0]!.onerror?.({ message: "boom", preventDefault() {} } as ErrorEvent);

    expect(list).toHaveLength(2);
    const init = list[1]!.sent.find((c) => c.op === "init") as Extract<Command, { op: "init" }>;
    expect(init.model && "text" in init.model).toBe(true);
    const restored = parseModel((init.model as { text: string }).text).net;
    expect(Array.from(restored.w[1]!)).toEqual(Array.from(net.w[1]!));
    expect((init.model as { origin: unknown }).origin).toEqual(origin);
    expect(store.getState().notice?.message).toMatch(
      /crashed \(boom\) and was restarted with the last good weights/,
    );
  });

  it("notices a worker that stops answering, says so, and restarts it from the last good weights", async () => {
    vi.useFakeTimers();
    const { list, create } = workers();
    const { store } = startExplorable(options, create);
    const spec = PRESETS["3b1b"].spec;
    const net = createNetwork(spec, 5);
    const origin = { kind: "untrained", seed: 5 } as const;
    list[0]!.emit({ type: "ready", spec, trainCount: 1, testCount: 1, origin });
    list[0]!.emit({ type: "lastGood", spec, weights: { w: net.w, b: net.b }, origin });
    store.getState().play();
    list[0]!.alive = false; // hung in a long computation, or terminated without an error event
    await vi.advanceTimersByTimeAsync(LOST_AFTER_MS + 1000);
    expect(list[0]!.terminated).toBe(true);
    expect(list).toHaveLength(2);
    expect(store.getState()).toMatchObject({ running: false, phase: "loading" });
    expect(store.getState().notice?.message).toBe(
      "The training worker stopped answering and was restarted with the last good weights.",
    );
    const init = list[1]!.sent.find((c) => c.op === "init") as Extract<Command, { op: "init" }>;
    expect(init.model).toMatchObject({ origin });
  });

  it("gives up on a worker that cannot start after a few tries, backing off, with a clear message", async () => {
    vi.useFakeTimers();
    const { list, create } = workers();
    const failing = () => {
      const w = create();
      // The script is missing (a 404, or HTML served in its place): an error event with no message, soon after.
      setTimeout(() => w.onerror?.({ message: "", preventDefault() {} } as ErrorEvent), 5);
      return w;
    };
    const { store } = startExplorable(options, failing);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(list).toHaveLength(RESTART_DELAYS_MS.length + 1); // not hundreds
    expect(store.getState().phase).toBe("failed"); // the controls stay disabled
    expect(store.getState().notice).toEqual({
      kind: "crash",
      message:
        "The training engine could not start: its script could not be loaded or run. Reload the page to try again.",
      action: null,
    });
  });
});
