// A runs worker trains one network (a RunSpec) on MNIST and streams a RunPoint after every `pointEvery` examples:
// training cost, training accuracy on the labels it learns from, test cost and accuracy, and its speed. Training
// goes in slices of ~50 ms so a stop message is read promptly. An augmented run trains each epoch on a fresh
// augmented copy of its images. When the run ends by itself, the trained network goes back with `done`.
import { augmentBytes, type AugmentOptions } from "../engine/augment.ts";
import { evaluate, toSparse, Trainer, type SparseImages } from "../engine/fast.ts";
import { createNetwork } from "../engine/network.ts";
import { augmentSeed, shuffleLabels, type RunPoint, type RunSpec } from "../engine/runs.ts";
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

/** Images augmented per slice (a few hundred ms), so a stop message is read between slices. */
const AUGMENT_SLICE = 1000;

/**
 * The first `count` images augmented with augmentBytes(pixels, count, options, seed), made slice by slice
 * (image i's variant depends only on seed + i, so slicing changes nothing); null if stopped meanwhile.
 */
async function augmentedImages(
  pixels: Uint8Array,
  labels: Uint8Array,
  count: number,
  options: AugmentOptions,
  seed: number,
): Promise<SparseImages | null> {
  const out = new Uint8Array(count * 784);
  for (let i = 0; i < count; i += AUGMENT_SLICE) {
    const n = Math.min(AUGMENT_SLICE, count - i);
    out.set(augmentBytes(pixels.subarray(i * 784, (i + n) * 784), n, options, seed + i), i * 784);
    await pause();
    if (stopped) return null;
  }
  return toSparse({ count, size: 784, pixels: out, labels });
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

  const epochImages = (epoch: number): Promise<SparseImages | null> =>
    run.augment === null
      ? Promise.resolve(data)
      : augmentedImages(trainSplit.pixels, labels, count, run.augment, augmentSeed(run.seed, epoch, count));
  const options = { ...run.train, shuffle: true };
  const first = await epochImages(0);
  if (!first) return;
  let trainer = new Trainer(createNetwork(run.spec, run.seed), first, options, run.seed);
  // An augmented run has one trainer per epoch (its data is fixed); `before` counts the earlier ones' examples.
  let before = 0;
  const seen = () => before + trainer.position.examplesSeen;
  const total = run.epochs * count;
  let costSum = 0;
  let costCount = 0;
  let trainMs = 0;
  let sinceExamples = 0;
  const measure = (): RunPoint => {
    const net = trainer.net;
    const t = evaluate(net, test);
    const tr = trainEval ? evaluate(net, trainEval) : null;
    const examples = seen();
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
  // An augmented run's trainer stops at its epoch's end for the next epoch's images.
  const epochOver = () => run.augment !== null && trainer.position.epoch > 0;
  try {
    while (!stopped && seen() < total) {
      const t0 = performance.now();
      while (performance.now() - t0 < 50 && seen() < Math.min(nextPoint, total) && !epochOver()) {
        const was = trainer.position.examplesSeen;
        const cost = trainer.step();
        const m = trainer.position.examplesSeen - was;
        if (Number.isFinite(cost)) {
          costSum += cost * m;
          costCount += m;
        }
        sinceExamples += m;
      }
      trainMs += performance.now() - t0;
      if (seen() >= Math.min(nextPoint, total)) {
        post({ type: "point", point: measure() });
        nextPoint += run.pointEvery;
      }
      if (epochOver() && seen() < total) {
        const next = await epochImages(seen() / count);
        if (!next) break;
        // The network carries over; the momentum (velocity) restarts at 0 each epoch with the new trainer,
        // a small difference from one long run that the comparison can live with.
        const current = trainer.net;
        before = seen();
        trainer.dispose();
        trainer = new Trainer(current, next, options, run.seed + before);
      }
      await pause();
    }
    // postMessage copies the network before the trainer lets go of it.
    if (!stopped) post({ type: "done", net: trainer.net });
  } finally {
    trainer.dispose();
  }
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
