// A stand-in for the training worker that records commands and answers setHyper as the real one does: values
// checked against the settings table, the accepted ones echoed with the problems of the others; and lastGoodText
// with the model file of the last `lastGood` it emitted. It answers the page's heartbeat pings at once (they are
// not recorded in `sent`).
import { checkHyper, presetHyper, type Hyper } from "../../../src/engine/hyper.ts";
import { modelToJson } from "../../../src/engine/model.ts";
import type { Command, WorkerEvent } from "../../../src/worker/training/protocol.ts";
import type { WorkerLike } from "../../../src/worker/workerLike.ts";

export interface FakeTrainingWorker extends WorkerLike {
  readonly sent: Command[];
  /** Sends an event to the page, as the worker would. */
  emit(event: WorkerEvent): void;
  /** Whether it answers pings (a hung worker does not); terminate() stops it too. */
  alive: boolean;
  terminated: boolean;
}

export function fakeTrainingWorker(hyper: Hyper = presetHyper("3b1b")): FakeTrainingWorker {
  const current = { ...hyper };
  let good: Extract<WorkerEvent, { type: "lastGood" }> | null = null;
  const worker: FakeTrainingWorker = {
    sent: [],
    onmessage: null,
    onerror: null,
    alive: true,
    terminated: false,
    terminate() {
      worker.terminated = true;
      worker.alive = false;
    },
    emit(event) {
      if (event.type === "lastGood") good = event;
      worker.onmessage?.({ data: event } as MessageEvent);
    },
    postMessage(message) {
      const command = message as Command;
      if (command.op === "ping") return void (worker.alive && worker.emit({ type: "pong", id: command.id }));
      worker.sent.push(command);
      if (command.op === "lastGoodText") {
        const text = good && modelToJson({ spec: good.spec, w: good.weights.w, b: good.weights.b });
        worker.emit({ type: "lastGoodText", id: command.id, text });
      }
      if (command.op === "setHyper") {
        const { accepted, problems } = checkHyper(command.hyper);
        Object.assign(current, accepted);
        worker.emit({ type: "hyper", hyper: { ...current }, problems });
      }
    },
  };
  return worker;
}
