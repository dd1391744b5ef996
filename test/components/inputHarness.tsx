// Shared fakes for the input views' tests (DrawingPad, OutputBars, TestImagePicker): a TrainingClient over a
// fake worker, a store, animation frames run on demand, and a fake 2-D context that knows if it was drawn on.
import { act, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";
import { ExplorableProvider } from "../../src/components/context.tsx";
import { createAppStore, type AppState } from "../../src/store/appStore.ts";
import { TrainingClient } from "../../src/worker/training/client.ts";
import type { WorkerLike } from "../../src/worker/workerLike.ts";
import type { Command, WorkerEvent } from "../../src/worker/training/protocol.ts";

/** A client and store over a fake worker; `emit` plays a worker event, `sent` lists the commands sent. */
export function setup(overrides: Partial<AppState> = {}) {
  const postMessage = vi.fn<(message: unknown, transfer?: Transferable[]) => void>();
  const fakeWorker: WorkerLike = { postMessage, terminate() {}, onmessage: null, onerror: null };
  const client = new TrainingClient(() => fakeWorker);
  const store = createAppStore(client, overrides);
  return {
    client,
    store,
    postMessage,
    emit(event: WorkerEvent) {
      act(() => fakeWorker.onmessage?.({ data: event } as MessageEvent));
    },
    /** The commands sent so far, without the frame acknowledgements. */
    sent(): Command[] {
      return postMessage.mock.calls.map((c) => c[0] as Command).filter((c) => c.op !== "frameDone");
    },
    render(ui: ReactNode) {
      return render(
        <ExplorableProvider store={store} client={client}>
          {ui}
        </ExplorableProvider>,
      );
    },
  };
}

/** Replaces requestAnimationFrame by a queue that `flush()` runs. */
export function manualFrames() {
  let queue = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => {
    queue.set(next, cb);
    return next++;
  });
  vi.stubGlobal("cancelAnimationFrame", (id: number) => queue.delete(id));
  return {
    flush() {
      act(() => {
        const due = queue;
        queue = new Map();
        for (const cb of due.values()) cb(0);
      });
    },
  };
}

/** What a fake context remembers about its canvas. */
export interface FakeCanvas {
  inked: boolean;
  /** The last image put with putImageData, if any. */
  put: ImageData | null;
}

/**
 * Stubs HTMLCanvasElement.prototype.getContext with a fake 2-D context. getImageData returns a blank image,
 * or — once anything was stroked or filled since the last clearRect — a vertical bar of full alpha (a "1"); any
 * other method does nothing.
 * Returns the state of a canvas's fake context.
 */
export function fakeCanvas(): (canvas: HTMLCanvasElement) => FakeCanvas {
  const states = new WeakMap<HTMLCanvasElement, FakeCanvas>();
  const stateOf = (canvas: HTMLCanvasElement): FakeCanvas => {
    let s = states.get(canvas);
    if (!s) states.set(canvas, (s = { inked: false, put: null }));
    return s;
  };
  const image = (width: number, height: number) =>
    ({ data: new Uint8ClampedArray(width * height * 4), width, height }) as ImageData;
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(function (this: HTMLCanvasElement) {
    const s = stateOf(this);
    const noop = () => {};
    const methods = {
      canvas: this,
      save: noop,
      restore: noop,
      beginPath: noop,
      moveTo: noop,
      lineTo: noop,
      arc: noop,
      fillRect: noop,
      stroke: () => void (s.inked = true),
      fill: () => void (s.inked = true),
      clearRect: () => void (s.inked = false),
      createImageData: image,
      measureText: (text: string) => ({ width: text.length * 7 }),
      putImageData: (img: ImageData) => void (s.put = img),
      getImageData(_x: number, _y: number, width: number, height: number) {
        const img = image(width, height);
        if (s.inked)
          for (let y = Math.floor(height / 4); y < Math.floor((3 * height) / 4); y++)
            for (let x = Math.floor(0.45 * width); x < Math.floor(0.55 * width); x++)
              img.data[4 * (y * width + x) + 3] = 255;
        return img;
      },
    };
    // Any other method (the painters' setTransform, fillText, …) does nothing; properties are kept.
    return new Proxy(methods as Record<string, unknown>, {
      get: (target, key) => (typeof key === "string" && !(key in target) ? noop : target[key as string]),
    }) as unknown as CanvasRenderingContext2D;
  } as never);
  return stateOf;
}
