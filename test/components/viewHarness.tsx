// A view under test: a fake worker behind a real TrainingClient and store, a recording canvas context for
// every canvas (jsdom has none), frames dispatched as the worker would, and a wait for the next paint.
import { act, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";
import { ExplorableProvider } from "../../src/components/context.tsx";
import type { NetworkFrame } from "../../src/render/network.ts";
import { createAppStore, type AppStore } from "../../src/store/appStore.ts";
import { TrainingClient } from "../../src/worker/training/client.ts";
import type { WorkerLike } from "../../src/worker/workerLike.ts";
import type { WorkerEvent } from "../../src/worker/training/protocol.ts";
import { fakeContext, type FakeContext } from "../render/fakeContext.ts";

export interface Harness {
  readonly client: TrainingClient;
  readonly store: AppStore;
  readonly worker: WorkerLike & { sent: unknown[] };
  /** The recording context of a canvas (created on its first getContext). */
  contextOf(canvas: HTMLCanvasElement): FakeContext;
  /** Sends a frame from the worker, then waits for the views to paint it. */
  sendFrame(frame: NetworkFrame): Promise<void>;
}

/** Waits for the next animation frame, inside act so React state settles. */
export async function nextPaint(): Promise<void> {
  await act(async () => {
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  });
}

/** Renders `ui` inside an explorable whose worker is a fake; every canvas gets a recording 2D context. */
export function renderWithExplorable(ui: ReactNode): Harness & ReturnType<typeof render> {
  const contexts = new WeakMap<HTMLCanvasElement, FakeContext>();
  const contextOf = (canvas: HTMLCanvasElement) => {
    let fake = contexts.get(canvas);
    if (!fake) contexts.set(canvas, (fake = fakeContext()));
    return fake;
  };
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(function (this: HTMLCanvasElement) {
    return contextOf(this).ctx;
  } as never);
  const worker = {
    sent: [] as unknown[],
    postMessage(message: unknown) {
      this.sent.push(message);
    },
    terminate() {},
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
  };
  const client = new TrainingClient(() => worker);
  const store = createAppStore(client);
  const sendFrame = async (frame: NetworkFrame) => {
    const event: WorkerEvent = {
      type: "frame",
      stats: {
        epoch: 0,
        origin: { kind: "untrained", seed: 1 },
        examplesSeen: 0,
        examplesPerSecond: 0,
        trainCost: Number.NaN,
        running: false,
      },
      weights: frame.weights,
      probe: frame.probe,
      history: [],
      batch: null,
    };
    act(() => worker.onmessage?.({ data: event } as MessageEvent));
    await nextPaint();
  };
  const result = render(
    <ExplorableProvider store={store} client={client}>
      {ui}
    </ExplorableProvider>,
  );
  return { ...result, client, store, worker, contextOf, sendFrame };
}
