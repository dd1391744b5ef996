// Loads what the lessons show, from the app's own files relative to the page: the trained and the untrained
// network (public/models) and the 10,000 MNIST test images (public/data/mnist). No DOM: fetch is passed in.
import type { MnistSplit } from "../engine/idx.ts";
import type { Network } from "../engine/network.ts";
import { DataError, loadMnistFromUrl, MNIST_DATA_FOLDER } from "../worker/data.ts";
import { checkpointPath, loadModelFile, ModelFileError } from "../worker/models.ts";

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
  trained: checkpointPath(30),
  untrained: checkpointPath(0),
  mnist: MNIST_DATA_FOLDER,
} as const;

/** What loading needs from its host. */
export interface LessonLoadDeps {
  readonly fetch: (url: string) => Promise<Response>;
  /** Compressed bytes of the test set received so far, of `total`. */
  readonly onProgress?: (loaded: number, total: number) => void;
}

/** Downloads and checks the two networks and the test set; rejects with a ModelFileError or DataError. */
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
    loadModelFile(url(LESSON_FILES.trained), deps.fetch),
    loadModelFile(url(LESSON_FILES.untrained), deps.fetch),
    mnist.loadTest(),
  ]);
  return { trained: trained.net, untrained: untrained.net, test };
}

/** One sentence for the reader about a failed load. */
export function loadErrorMessage(err: unknown): string {
  if (err instanceof ModelFileError || err instanceof DataError) return err.message;
  const why = err instanceof Error ? err.message : String(err);
  return `The lesson's data could not be loaded (${why}).`;
}
