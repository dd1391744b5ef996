// Runs before dev, build and test: verifies the four MNIST files and writes them gzipped, with a manifest,
// to public/data/mnist/ for the browser. Does nothing (quickly) when that output is already in place.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { MNIST_FILES } from "../src/engine/idx.ts";
import type { MnistManifest, MnistManifestEntry } from "../src/engine/idx.ts";
import { verifyMnistFile } from "./lib/mnist.ts";

/** Level 9 costs ~12 s on the training images (once) to save ~2% over the default level. */
const GZIP_LEVEL = 6;

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "public", "data", "mnist");
const manifestPath = join(outDir, "manifest.json");
const shownDir = relative(root, outDir);

/** True when manifest.json lists exactly the canonical files and every `.gz` it names has its recorded size. */
function isReady(): boolean {
  let manifest: MnistManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as MnistManifest;
  } catch {
    return false;
  }
  if (
    manifest.version !== 1 ||
    !Array.isArray(manifest.files) ||
    manifest.files.length !== MNIST_FILES.length
  ) {
    return false;
  }
  return MNIST_FILES.every((file, i) => {
    const entry = manifest.files[i];
    const gzPath = join(outDir, `${file.name}.gz`);
    return (
      entry !== undefined &&
      entry.name === file.name &&
      entry.split === file.split &&
      entry.kind === file.kind &&
      entry.count === file.count &&
      entry.bytes === file.bytes &&
      entry.sha256 === file.sha256 &&
      existsSync(gzPath) &&
      statSync(gzPath).size === entry.gzBytes
    );
  });
}

async function prepare(): Promise<void> {
  const start = performance.now();
  const gzipAsync = promisify(gzip);
  // gzip writes mtime 0 and no file name, so each .gz depends only on its input and the level.
  const outputs = await Promise.all(
    MNIST_FILES.map(async (file) => ({
      file,
      gz: await gzipAsync(verifyMnistFile(file), { level: GZIP_LEVEL }),
    })),
  );
  const files: MnistManifestEntry[] = outputs.map(({ file, gz }) => ({ ...file, gzBytes: gz.length }));
  try {
    mkdirSync(outDir, { recursive: true });
    // The manifest goes last, so an interrupted run leaves no manifest and is redone next time.
    rmSync(manifestPath, { force: true });
    for (const { file, gz } of outputs) writeFileSync(join(outDir, `${file.name}.gz`), gz);
    const manifest: MnistManifest = { version: 1, files };
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (err) {
    throw new Error(`Could not write the MNIST data to ${shownDir}: ${(err as Error).message}.`, {
      cause: err,
    });
  }
  const gzMb = files.reduce((sum, f) => sum + f.gzBytes, 0) / 1e6;
  const seconds = (performance.now() - start) / 1000;
  console.log(`MNIST data prepared in ${shownDir} (${gzMb.toFixed(1)} MB gzipped, ${seconds.toFixed(1)} s)`);
}

try {
  if (isReady()) {
    console.log(`MNIST data ready (${shownDir})`);
  } else {
    await prepare();
  }
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
