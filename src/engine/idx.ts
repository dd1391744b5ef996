// Parses MNIST's IDX files (big-endian header, then raw unsigned bytes) and names the four canonical files.
// Pure: no Node APIs and no DOM, so the same code runs in scripts, tests and the training worker.
import { MNIST_PIXELS, MNIST_SIDE, MNIST_TEST_COUNT, MNIST_TRAIN_COUNT } from "./mnist.ts";

/** Why an IDX buffer was rejected. */
export type IdxErrorKind =
  "badMagic" | "truncated" | "trailingBytes" | "countMismatch" | "badDimensions" | "badLabel";

/** A malformed or unexpected IDX buffer. `detail` is the reason as a lower-case clause, for wrapping. */
export class IdxError extends Error {
  override readonly name = "IdxError";
  readonly kind: IdxErrorKind;
  readonly detail: string;

  constructor(kind: IdxErrorKind, detail: string) {
    super(`${detail.charAt(0).toUpperCase()}${detail.slice(1)}.`);
    this.kind = kind;
    this.detail = detail;
  }
}

/** Magic number of an IDX file of unsigned bytes with 3 dimensions (count, rows, cols). */
export const IDX_IMAGES_MAGIC = 0x00000803;
/** Magic number of an IDX file of unsigned bytes with 1 dimension (count). */
export const IDX_LABELS_MAGIC = 0x00000801;

const IMAGES_HEADER_BYTES = 16;
const LABELS_HEADER_BYTES = 8;

/** Values the caller knows in advance; any that is given must match the header. */
export interface IdxImagesExpected {
  count?: number;
  rows?: number;
  cols?: number;
}

/** A stack of greyscale images: pixel (r, c) of image i is `pixels[i*rows*cols + r*cols + c]`, 0 (paper) to 255 (ink). */
export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** A view into the parsed buffer (no copy), `count*rows*cols` bytes. */
  pixels: Uint8Array;
}

/**
 * The input activations of image i: xₖ = pixel k / 255, into `out` (a new array by default; a loop over many
 * images passes one buffer).
 */
export function imageActivations(
  images: IdxImages,
  i: number,
  out = new Float32Array(images.rows * images.cols),
): Float32Array {
  const n = images.rows * images.cols;
  const pixels = images.pixels.subarray(i * n, (i + 1) * n);
  for (let k = 0; k < n; k++) out[k] = pixels[k]! / 255;
  return out;
}

/** One class label per image, `labels[i]` in 0..9 for image i. */
export interface IdxLabels {
  count: number;
  /** A view into the parsed buffer (no copy), `count` bytes. */
  labels: Uint8Array;
}

/** Parses an IDX images file (magic 0x00000803); throws {@link IdxError} if it is malformed or not as expected. */
export function parseIdxImages(bytes: Uint8Array, expected: IdxImagesExpected = {}): IdxImages {
  const view = readHeader(bytes, "images", IDX_IMAGES_MAGIC, IMAGES_HEADER_BYTES);
  const count = view.getUint32(4);
  const rows = view.getUint32(8);
  const cols = view.getUint32(12);
  checkCount("images", count, expected.count);
  if (rows === 0 || cols === 0) {
    throw new IdxError("badDimensions", `the images header declares ${rows}x${cols} images, which are empty`);
  }
  if ((expected.rows ?? rows) !== rows || (expected.cols ?? cols) !== cols) {
    throw new IdxError(
      "badDimensions",
      `the images header declares ${rows}x${cols} images but ${expected.rows ?? rows}x${expected.cols ?? cols} were expected`,
    );
  }
  const pixels = readBody(bytes, "images", IMAGES_HEADER_BYTES, count * rows * cols);
  return { count, rows, cols, pixels };
}

/** Parses an IDX labels file (magic 0x00000801); throws {@link IdxError} if it is malformed, not as expected, or has a label above 9. */
export function parseIdxLabels(bytes: Uint8Array, expected: { count?: number } = {}): IdxLabels {
  const view = readHeader(bytes, "labels", IDX_LABELS_MAGIC, LABELS_HEADER_BYTES);
  const count = view.getUint32(4);
  checkCount("labels", count, expected.count);
  const labels = readBody(bytes, "labels", LABELS_HEADER_BYTES, count);
  const bad = labels.findIndex((label) => label > 9);
  if (bad !== -1) {
    throw new IdxError("badLabel", `label ${bad} is ${labels[bad]} but labels must be digits 0 to 9`);
  }
  return { count, labels };
}

/** One split of MNIST (train or test): images and their labels, `labels[i]` being the digit drawn in image i. */
export interface MnistSplit extends IdxImages {
  /** `count` bytes, each a digit 0..9. */
  labels: Uint8Array;
}

/** Parses an images file and a labels file and checks they describe the same number of examples. */
export function makeSplit(
  imagesBytes: Uint8Array,
  labelsBytes: Uint8Array,
  expected: IdxImagesExpected = {},
): MnistSplit {
  const images = parseIdxImages(imagesBytes, expected);
  const { labels } = parseIdxLabels(
    labelsBytes,
    expected.count === undefined ? {} : { count: expected.count },
  );
  if (labels.length !== images.count) {
    throw new IdxError(
      "countMismatch",
      `the images file holds ${images.count} images but the labels file holds ${labels.length} labels`,
    );
  }
  return { ...images, labels };
}

export { MNIST_SIDE };

/** Which half of MNIST a file belongs to. */
export type MnistSplitName = "train" | "test";

/** Whether a file holds images or labels. */
export type MnistFileKind = "images" | "labels";

/** One of the four canonical MNIST files, as distributed by LeCun et al. (uncompressed). */
export interface MnistFile {
  name: string;
  split: MnistSplitName;
  kind: MnistFileKind;
  /** Number of examples. */
  count: number;
  /** Size of the uncompressed file: header plus one byte per pixel or label. */
  bytes: number;
  /** SHA-256 of the uncompressed file, lower-case hex. */
  sha256: string;
}

/** The four MNIST files with the sizes and hashes every correct copy has. */
export const MNIST_FILES: readonly MnistFile[] = [
  {
    name: "train-images-idx3-ubyte",
    split: "train",
    kind: "images",
    count: MNIST_TRAIN_COUNT,
    bytes: IMAGES_HEADER_BYTES + MNIST_TRAIN_COUNT * MNIST_PIXELS,
    sha256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
  },
  {
    name: "train-labels-idx1-ubyte",
    split: "train",
    kind: "labels",
    count: MNIST_TRAIN_COUNT,
    bytes: LABELS_HEADER_BYTES + MNIST_TRAIN_COUNT,
    sha256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
  },
  {
    name: "t10k-images-idx3-ubyte",
    split: "test",
    kind: "images",
    count: MNIST_TEST_COUNT,
    bytes: IMAGES_HEADER_BYTES + MNIST_TEST_COUNT * MNIST_PIXELS,
    sha256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
  },
  {
    name: "t10k-labels-idx1-ubyte",
    split: "test",
    kind: "labels",
    count: MNIST_TEST_COUNT,
    bytes: LABELS_HEADER_BYTES + MNIST_TEST_COUNT,
    sha256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
  },
];

/** The canonical file of one split and kind. */
export function mnistFile(split: MnistSplitName, kind: MnistFileKind): MnistFile {
  const file = MNIST_FILES.find((f) => f.split === split && f.kind === kind);
  if (!file) throw new Error(`No MNIST ${split} ${kind} file is listed.`);
  return file;
}

/** One entry of `public/data/mnist/manifest.json`: a canonical file served gzipped as `<name>.gz`. */
export interface MnistManifestEntry extends MnistFile {
  /** Size of `<name>.gz`. */
  gzBytes: number;
}

/** `public/data/mnist/manifest.json`, written by `scripts/prepare-data.ts` and read by the browser loader. */
export interface MnistManifest {
  version: 1;
  files: MnistManifestEntry[];
}

function readHeader(bytes: Uint8Array, what: MnistFileKind, magic: number, headerBytes: number): DataView {
  if (bytes.length < 4) {
    throw new IdxError(
      "truncated",
      `the ${what} file is ${bytes.length} bytes, too short to hold a magic number`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = view.getUint32(0);
  if (found !== magic) {
    throw new IdxError(
      "badMagic",
      `the ${what} file starts with magic ${hex(found)} but should start with ${hex(magic)}`,
    );
  }
  if (bytes.length < headerBytes) {
    throw new IdxError(
      "truncated",
      `the ${what} file is ${bytes.length} bytes, shorter than its ${headerBytes}-byte header`,
    );
  }
  return view;
}

function checkCount(what: MnistFileKind, count: number, expected: number | undefined): void {
  if (expected !== undefined && count !== expected) {
    throw new IdxError(
      "countMismatch",
      `the ${what} header declares ${count} items but ${expected} were expected`,
    );
  }
}

function readBody(
  bytes: Uint8Array,
  what: MnistFileKind,
  headerBytes: number,
  bodyBytes: number,
): Uint8Array {
  const needed = headerBytes + bodyBytes;
  if (bytes.length < needed) {
    throw new IdxError(
      "truncated",
      `the ${what} file is ${bytes.length} bytes but its header promises ${needed}`,
    );
  }
  if (bytes.length > needed) {
    throw new IdxError(
      "trailingBytes",
      `the ${what} file is ${bytes.length} bytes, ${bytes.length - needed} more than its header promises`,
    );
  }
  return bytes.subarray(headerBytes, needed);
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, "0")}`;
}
