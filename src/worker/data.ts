// Downloads MNIST for the training worker: the manifest, then the test set, then the training set, each file
// streamed with progress, gunzipped, checked against its SHA-256 and parsed. No DOM: runs in a worker and in Node.

import { IdxError, makeSplit, MNIST_SIDE } from "../engine/idx.ts";
import type {
  MnistFileKind,
  MnistManifest,
  MnistManifestEntry,
  MnistSplit,
  MnistSplitName,
} from "../engine/idx.ts";

/** What went wrong with the data: each maps to one sentence for the user. */
/** The folder of the prepared MNIST files (manifest.json and the gzipped IDX files), relative to the page. */
export const MNIST_DATA_FOLDER = "data/mnist";

export type DataErrorKind = "network" | "http" | "manifest" | "truncated" | "corrupt" | "checksum" | "format";

/** The data could not be loaded. `message` is one sentence for the user naming the file and the problem. */
export class DataError extends Error {
  override readonly name = "DataError";

  constructor(
    readonly kind: DataErrorKind,
    /** The file (or URL) concerned, as the message names it. */
    readonly file: string,
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** What the loader needs from its host: `fetch` (the global one, or a fake in tests) and a progress callback. */
export interface LoadDeps {
  readonly fetch: (url: string) => Promise<Response>;
  /** Compressed bytes received so far for `phase`, of `total` (the sum of the manifest's gzBytes for its files). */
  readonly onProgress?: (phase: MnistSplitName, loaded: number, total: number) => void;
}

/** Two-stage loading, so the test set can be used while the training set still downloads. */
export interface MnistLoader {
  /** The test split (t10k images and labels); fetches the manifest first. */
  loadTest(): Promise<MnistSplit>;
  /** The training split; call after loadTest so the test set comes first. */
  loadTrain(): Promise<MnistSplit>;
}

/**
 * A loader for the folder `dataUrl` written by scripts/prepare-data.ts: `manifest.json` plus `<name>.gz` for
 * each MNIST file. Every failure rejects with a {@link DataError}.
 */
export function loadMnistFromUrl(dataUrl: string, deps: LoadDeps): MnistLoader {
  const base = dataUrl.replace(/\/+$/, "");
  let manifest: Promise<MnistManifest> | null = null;
  const getManifest = () => (manifest ??= fetchManifest(`${base}/manifest.json`, deps.fetch));
  const load = async (split: MnistSplitName) => loadSplit(base, split, await getManifest(), deps);
  return { loadTest: () => load("test"), loadTrain: () => load("train") };
}

async function fetchManifest(url: string, fetchFn: LoadDeps["fetch"]): Promise<MnistManifest> {
  const response = await request(url, `the data manifest ${url}`, fetchFn);
  let doc: unknown;
  try {
    doc = JSON.parse(await response.text());
  } catch (err) {
    throw new DataError("manifest", url, `The data manifest ${url} is not valid JSON.`, { cause: err });
  }
  const bad = (why: string) => new DataError("manifest", url, `The data manifest ${url} ${why}.`);
  if (typeof doc !== "object" || doc === null || (doc as { version?: unknown }).version !== 1)
    throw bad("is not a version 1 MNIST manifest");
  const files = (doc as { files?: unknown }).files;
  if (!Array.isArray(files)) throw bad('has no "files" list');
  for (const split of ["test", "train"] as const)
    for (const kind of ["images", "labels"] as const) {
      const entry = (files as unknown[]).find(
        (f): f is Partial<MnistManifestEntry> =>
          typeof f === "object" &&
          f !== null &&
          "split" in f &&
          f.split === split &&
          "kind" in f &&
          f.kind === kind,
      );
      if (!entry) throw bad(`lists no ${split} ${kind} file`);
      const isCount = (n: unknown) => Number.isInteger(n) && (n as number) > 0;
      if (
        typeof entry.name !== "string" ||
        !/^[\w.-]+$/.test(entry.name) ||
        !isCount(entry.count) ||
        !isCount(entry.bytes) ||
        !isCount(entry.gzBytes) ||
        typeof entry.sha256 !== "string" ||
        !/^[0-9a-f]{64}$/.test(entry.sha256)
      )
        throw bad(`has an incomplete entry for the ${split} ${kind} file`);
    }
  return doc as MnistManifest;
}

/** `fetch` that turns network failures and HTTP errors into DataErrors naming `what`. */
async function request(url: string, what: string, fetchFn: LoadDeps["fetch"]): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new DataError(
      "network",
      url,
      `Could not download ${what} (${why}); check the connection and reload.`,
      {
        cause: err,
      },
    );
  }
  if (!response.ok)
    throw new DataError(
      "http",
      url,
      `Could not download ${what}: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`,
    );
  return response;
}

/** Downloads a split's labels then images, reporting progress over both, and parses them. */
async function loadSplit(
  base: string,
  split: MnistSplitName,
  manifest: MnistManifest,
  deps: LoadDeps,
): Promise<MnistSplit> {
  const entry = (kind: MnistFileKind) => manifest.files.find((f) => f.split === split && f.kind === kind)!;
  const labels = entry("labels");
  const images = entry("images");
  const total = labels.gzBytes + images.gzBytes;
  deps.onProgress?.(split, 0, total);
  const labelBytes = await fetchFile(base, labels, deps.fetch, (n) => deps.onProgress?.(split, n, total));
  const imageBytes = await fetchFile(base, images, deps.fetch, (n) =>
    deps.onProgress?.(split, labels.gzBytes + n, total),
  );
  try {
    return makeSplit(imageBytes, labelBytes, { count: images.count, rows: MNIST_SIDE, cols: MNIST_SIDE });
  } catch (err) {
    if (!(err instanceof IdxError)) throw err;
    throw new DataError(
      "format",
      `${images.name}.gz`,
      `The ${split} set (${images.name}.gz, ${labels.name}.gz) is not valid MNIST: ${err.detail}.`,
      { cause: err },
    );
  }
}

/** The body again, from its first chunk (already read), each chunk's size told to `onChunk` as it passes. */
function countedStream(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  first: ReadableStreamReadResult<Uint8Array>,
  onChunk: (bytes: number) => void,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(first.value);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  }).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onChunk(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
}

/** Reads a stream into a buffer of `size` bytes; `overflow` when it holds more (reading stops there). */
async function readInto(
  stream: ReadableStream<Uint8Array>,
  size: number,
): Promise<{ out: Uint8Array<ArrayBuffer>; filled: number; overflow: boolean }> {
  const out = new Uint8Array(size);
  let filled = 0;
  const inflated = stream.getReader();
  for (;;) {
    const { done, value } = await inflated.read();
    if (done) return { out, filled, overflow: false };
    if (filled + value.byteLength > out.length) {
      await inflated.cancel();
      return { out, filled, overflow: true };
    }
    out.set(value, filled);
    filled += value.byteLength;
  }
}

/**
 * One `<name>.gz`: streamed, counted (`onBytes` gets the compressed bytes so far), gunzipped into a buffer of
 * the manifest's size and checked against its SHA-256. A server that sends the file with
 * `Content-Encoding: gzip` makes the browser inflate it already; then the body is taken as is.
 */
async function fetchFile(
  base: string,
  entry: MnistManifestEntry,
  fetchFn: LoadDeps["fetch"],
  onBytes: (n: number) => void,
): Promise<Uint8Array> {
  const file = `${entry.name}.gz`;
  const response = await request(`${base}/${file}`, file, fetchFn);
  if (!response.body) throw new DataError("truncated", file, `The download of ${file} was empty.`);

  const reader = response.body.getReader();
  let first: ReadableStreamReadResult<Uint8Array>;
  try {
    first = await reader.read();
  } catch (err) {
    throw interrupted(file, err);
  }
  const gzipped = !first.done && first.value[0] === 0x1f && first.value[1] === 0x8b;
  // Progress in compressed bytes: an already inflated body counts in proportion.
  const scale = gzipped ? 1 : entry.gzBytes / entry.bytes;
  const counter = { received: 0 };
  const counted = countedStream(reader, first, (n) => {
    counter.received += n;
    onBytes(Math.min(entry.gzBytes, Math.round(counter.received * scale)));
  });
  const stream = gzipped
    ? counted.pipeThrough(new DecompressionStream("gzip") as TransformStream<Uint8Array, Uint8Array>)
    : counted;
  const { out, filled, overflow } = await readInto(stream, entry.bytes).catch((err: unknown) => {
    // The stream failed: the connection dropped, or the gzip data is damaged.
    const received = counter.received;
    if (!gzipped || received < entry.gzBytes) throw interrupted(file, err, received * scale, entry.gzBytes);
    const why = err instanceof Error ? err.message : String(err);
    throw new DataError("corrupt", file, `The file ${file} is not valid gzip data (${why}).`, { cause: err });
  });
  if (overflow || filled < out.length) {
    const n = entry.bytes.toLocaleString("en-US");
    const webPage = !gzipped && !first.done && first.value[0] === 0x3c; // "<": an HTML page, not the data
    throw new DataError(
      "corrupt",
      file,
      webPage
        ? `The server sent a web page instead of ${file}; check that the data folder was deployed.`
        : overflow
          ? `The file ${file} holds more than the ${n} bytes the data manifest lists.`
          : `The file ${file} holds only ${filled.toLocaleString("en-US")} of the ${n} bytes the data manifest lists.`,
    );
  }

  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", out));
  const hex = Array.from(digest, (x) => x.toString(16).padStart(2, "0")).join("");
  if (hex !== entry.sha256)
    throw new DataError(
      "checksum",
      file,
      `The file ${file} is corrupt: its SHA-256 checksum does not match the data manifest.`,
    );
  return out;
}

/** A download that stopped early. */
function interrupted(file: string, cause: unknown, received?: number, total?: number): DataError {
  const count =
    received === undefined || total === undefined
      ? ""
      : ` after ${Math.round(received).toLocaleString("en-US")} of ${total.toLocaleString("en-US")} bytes`;
  return new DataError("truncated", file, `The download of ${file} stopped${count}; reload to try again.`, {
    cause,
  });
}
