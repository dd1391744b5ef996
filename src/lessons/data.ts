// Loads what the lessons show, from the app's own files relative to the page: the trained and the untrained
// network (public/models) and the 10,000 MNIST test images (public/data/mnist). No DOM: fetch is passed in.
import type { MnistSplit } from "../engine/idx.ts";
import { ModelError, parseModel } from "../engine/model.ts";
import type { Network } from "../engine/network.ts";
import { DataError, loadMnistFromUrl } from "../worker/data.ts";

/** Everything a scene needs; tests build one from a small network and a few images. */
export interface LessonData {
  /** The videos' network after 30 epochs of training. */
  readonly trained: Network<Float32Array>;
  /** The same network before training: its random initial weights, zero biases. */
  readonly untrained: Network<Float32Array>;
  /** MNIST's test set: image i is pixels[i·784 … (i+1)·784), 0–255, with labels[i] its digit. */
  readonly test: MnistSplit;
}

/** The files, relative to the page. */
export const LESSON_FILES = {
  trained: "models/3b1b-epoch-30.json",
  untrained: "models/3b1b-epoch-0.json",
  mnist: "data/mnist",
} as const;

/** What loading needs from its host. */
export interface LessonLoadDeps {
  readonly fetch: (url: string) => Promise<Response>;
  /** Compressed bytes of the test set received so far, of `total`. */
  readonly onProgress?: (loaded: number, total: number) => void;
}

/** Lesson data that could not be loaded; `message` is one sentence for the reader naming the file. */
export class LessonDataError extends Error {
  override readonly name = "LessonDataError";
}

async function loadModel(
  url: string,
  file: string,
  what: string,
  fetchFn: LessonLoadDeps["fetch"],
): Promise<Network<Float32Array>> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new LessonDataError(`Could not download ${what} (${file}): ${why}.`, { cause: err });
  }
  if (!response.ok)
    throw new LessonDataError(
      `Could not download ${what} (${file}): the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`,
    );
  try {
    return parseModel(await response.text(), { inputs: 784, outputs: 10 }).net;
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    throw new LessonDataError(`The file ${file} is not a usable network: ${err.detail}.`, { cause: err });
  }
}

/** Downloads and checks the two networks and the test set; rejects with a LessonDataError or DataError. */
export async function loadLessonData(baseUrl: string, deps: LessonLoadDeps): Promise<LessonData> {
  const url = (path: string) => new URL(path, baseUrl).href;
  const { onProgress } = deps;
  const mnist = loadMnistFromUrl(url(LESSON_FILES.mnist), {
    fetch: deps.fetch,
    ...(onProgress
      ? { onProgress: (_split: unknown, loaded: number, total: number) => onProgress(loaded, total) }
      : {}),
  });
  const [trained, untrained, test] = await Promise.all([
    loadModel(url(LESSON_FILES.trained), LESSON_FILES.trained, "the trained network", deps.fetch),
    loadModel(url(LESSON_FILES.untrained), LESSON_FILES.untrained, "the untrained network", deps.fetch),
    mnist.loadTest(),
  ]);
  return { trained, untrained, test };
}

/** One sentence for the reader about a failed load. */
export function loadErrorMessage(err: unknown): string {
  if (err instanceof LessonDataError || err instanceof DataError) return err.message;
  const why = err instanceof Error ? err.message : String(err);
  return `The lesson's data could not be loaded (${why}).`;
}
