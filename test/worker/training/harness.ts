// The training session's test harness: a TrainingSession driven like the worker drives it, with a fake fetch
// serving real MNIST (cut to 6,000 training and 2,000 test images unless a test needs it all), a clock that ticks
// 10 ms per reading, and a scheduler the test pumps by hand.
import { gunzipSync } from "node:zlib";
import type { Network, NetworkSpec } from "../../../src/engine/network.ts";
import { presetHyper } from "../../../src/engine/hyper.ts";
import { PRESETS } from "../../../src/engine/presets.ts";
import type {
  Command,
  CommandMap,
  EventMap,
  Hyper,
  WorkerEvent,
} from "../../../src/worker/training/protocol.ts";
import { TrainingSession } from "../../../src/worker/training/session.ts";
import { mnistFetch, readDataFile, smallMnist, type Override } from "../fakeFetch.ts";

export type Event<K extends keyof EventMap> = { type: K } & EventMap[K];
export type Frame = Event<"frame">;

export const SPEC: NetworkSpec = PRESETS["3b1b"].spec;
export const HYPER: Hyper = presetHyper("3b1b");
export const RELU_SPEC: NetworkSpec = {
  sizes: [784, 16, 16, 10],
  hidden: ["relu", "relu"],
  output: "softmax",
  cost: "crossEntropy",
};

export const SMALL = smallMnist(6000, 2000);

export interface Options {
  model?: CommandMap["init"]["model"];
  /** The network, settings and seed `start` sends with init (the videos' network and settings, seed 1). */
  spec?: NetworkSpec;
  hyper?: Partial<Hyper>;
  seed?: number;
  /** Serve all of MNIST instead of the cut. */
  full?: boolean;
  overrides?: Record<string, Override>;
  /** Answer every frame with frameDone, as the main thread does after painting. */
  autoAck?: boolean;
}

/** A session, the events it posted (each structured-cloned with its transfer list, as postMessage does), and pumps. */
export function harness(options: Options = {}) {
  const events: WorkerEvent[] = [];
  const tasks: (() => void)[] = [];
  /** The waits paced training asked for, ms; the slice itself runs as the next task. */
  const delays: number[] = [];
  let clock = 0;
  let unacked = false;
  const session = new TrainingSession(
    (event, transfer) => {
      events.push(structuredClone(event, { transfer }));
      if (event.type === "frame") unacked = true;
    },
    {
      fetch: mnistFetch({ ...(options.full ? {} : SMALL), ...options.overrides }),
      now: () => (clock += 10),
      schedule: (fn) => tasks.push(fn),
      delay: (fn, ms) => {
        delays.push(ms);
        tasks.push(fn);
      },
    },
  );
  const send = (command: Command) => session.handle(command);
  const of = <K extends keyof EventMap>(type: K) =>
    events.filter((e) => e.type === type) as unknown as Event<K>[];
  const ack = () => {
    unacked = false;
    send({ op: "frameDone" });
  };
  /** Runs scheduled slices (and lets the downloads progress) until `done()`, or fails after 20 s. */
  const runUntil = async (done: () => boolean) => {
    const deadline = Date.now() + 20_000;
    for (let i = 0; ; i++) {
      if (options.autoAck !== false && unacked) ack();
      if (done()) return;
      if (Date.now() > deadline) throw new Error("timed out");
      const task = tasks.shift();
      if (task) task();
      if (!task || i % 50 === 0) await new Promise((r) => setImmediate(r));
    }
  };
  /** Runs slices until nothing is scheduled (paused, no evaluation pending). */
  const settle = () => runUntil(() => tasks.length === 0);
  const lastFrame = () => of("frame").at(-1)!;
  /** Every cost-curve point sent so far. */
  const history = () => of("frame").flatMap((f) => f.history);
  const start = async () => {
    send({
      op: "init",
      dataUrl: "/data/mnist",
      model: options.model ?? null,
      spec: options.spec ?? SPEC,
      hyper: { ...HYPER, ...options.hyper },
      seed: options.seed ?? 1,
    });
    await runUntil(() => of("ready").length > 0 || of("error").some((e) => e.kind === "data"));
    await settle();
  };
  return { session, events, tasks, delays, send, of, ack, runUntil, settle, lastFrame, history, start };
}

/** A network from a frame's weights, to check the frame against the reference engine. */
export function frameNetwork(frame: Frame, spec: NetworkSpec): Network<Float32Array> {
  return { spec, w: frame.weights.w, b: frame.weights.b };
}

export function testPixels(index: number): Float32Array {
  const images = gunzipSync(readDataFile("t10k-images-idx3-ubyte.gz"));
  return Float32Array.from(images.subarray(16 + index * 784, 16 + (index + 1) * 784), (p) => p / 255);
}

export const allFinite = (frame: Frame) =>
  [...frame.weights.w, ...frame.weights.b].every((v) => v.every((x) => Number.isFinite(x)));
