// A runs worker trains one network (a RunSpec) on MNIST and streams a RunPoint after every `pointEvery` examples:
// training cost, training accuracy on the labels it learns from, test cost and accuracy, and its speed. Training
// goes in slices of ~50 ms so a stop message is read promptly.
import { evaluate, toSparse, Trainer, type SparseImages } from "../engine/fast.ts";
import { createNetwork } from "../engine/network.ts";
import { shuffleLabels, type RunPoint, type RunSpec } from "../engine/runs.ts";
import { loadMnistFromUrl } from "./data.ts";
import type { RunsReply, RunsRequest } from "./runsClient.ts";

let stopped = false;
let started = false;

const post = (reply: RunsReply) => self.postMessage(reply);
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The first n images of a split as sparse images, with `labels` instead of the split's own when given. */
function firstImages(
  split: { pixels: Uint8Array; labels: Uint8Array; count: number },
  n: number,
  labels?: Uint8Array,
): SparseImages {
  const count = Math.min(n, split.count);
  return toSparse({
    count,
    size: 784,
    pixels: split.pixels.subarray(0, count * 784),
    labels: labels ?? split.labels.subarray(0, count),
  });
}

async function train(run: RunSpec, dataUrl: string): Promise<void> {
  post({ type: "status", text: "downloading MNIST" });
  const loader = loadMnistFromUrl(dataUrl, { fetch: (url) => fetch(url) });
  const testSplit = await loader.loadTest();
  const trainSplit = await loader.loadTrain();
  if (stopped) return;
  const count = Math.min(run.trainLimit, trainSplit.count);
  const labels =
    run.labelSeed === null
      ? trainSplit.labels.subarray(0, count)
      : shuffleLabels(trainSplit.labels.subarray(0, count), run.labelSeed);
  const data = firstImages(trainSplit, count, labels);
  const trainEval =
    run.trainEval > 0 ? firstImages(trainSplit, run.trainEval, labels.subarray(0, run.trainEval)) : null;
  const test = firstImages(testSplit, run.testEval);

  const trainer = new Trainer(
    createNetwork(run.spec, run.seed),
    data,
    { ...run.train, shuffle: true },
    run.seed,
  );
  const total = run.epochs * count;
  let costSum = 0;
  let costCount = 0;
  let trainMs = 0;
  let sinceExamples = 0;
  const measure = (): RunPoint => {
    const net = trainer.net;
    const t = evaluate(net, test);
    const tr = trainEval ? evaluate(net, trainEval) : null;
    const examples = trainer.position.examplesSeen;
    const point: RunPoint = {
      examples,
      epoch: examples / count,
      trainCost: costCount > 0 ? costSum / costCount : (tr?.cost ?? evaluate(net, data, 1000).cost),
      trainAccuracy: tr?.accuracy ?? Number.NaN,
      testCost: t.cost,
      testAccuracy: t.accuracy,
      examplesPerSecond: trainMs > 0 ? (sinceExamples * 1000) / trainMs : 0,
    };
    costSum = costCount = trainMs = sinceExamples = 0;
    return point;
  };
  post({ type: "status", text: "training" });
  post({ type: "point", point: measure() });
  let nextPoint = run.pointEvery;
  try {
    while (!stopped && trainer.position.examplesSeen < total) {
      const t0 = performance.now();
      while (performance.now() - t0 < 50 && trainer.position.examplesSeen < Math.min(nextPoint, total)) {
        const before = trainer.position.examplesSeen;
        const cost = trainer.step();
        const m = trainer.position.examplesSeen - before;
        if (Number.isFinite(cost)) {
          costSum += cost * m;
          costCount += m;
        }
        sinceExamples += m;
      }
      trainMs += performance.now() - t0;
      if (trainer.position.examplesSeen >= Math.min(nextPoint, total)) {
        post({ type: "point", point: measure() });
        nextPoint += run.pointEvery;
      }
      await pause();
    }
  } finally {
    trainer.dispose();
  }
  if (!stopped) post({ type: "done" });
}

self.onmessage = (e: MessageEvent<RunsRequest>) => {
  const msg = e.data;
  if (msg.type === "stop") {
    stopped = true;
    return;
  }
  if (started) return;
  started = true;
  train(msg.run, msg.dataUrl).catch((err: unknown) =>
    post({ type: "error", message: err instanceof Error ? err.message : String(err) }),
  );
};
