// A fake `fetch` for the worker tests: serves public/data/mnist from disk by file name, with per-file overrides
// (other bytes, an HTTP status, or a network error) to test the loader's failures, and a smaller MNIST cut
// from the real files for tests that only need some of it.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";

const dataDir = fileURLToPath(new URL("../../public/data/mnist/", import.meta.url));
const cache = new Map<string, Buffer>();

/** A file of public/data/mnist (cached: the tests read the same files many times). */
export function readDataFile(name: string): Buffer {
  let bytes = cache.get(name);
  if (!bytes) cache.set(name, (bytes = readFileSync(dataDir + name)));
  return bytes;
}

/** What to serve instead of a file: its bytes, an HTTP error status, or an error to reject with. */
export type Override = Uint8Array | number | Error;

/** A fetch serving any URL ending in a data file's name; bodies arrive in 64 KiB chunks like a network's. */
export function mnistFetch(overrides: Record<string, Override> = {}): (url: string) => Promise<Response> {
  return async (url) => {
    const name = url.slice(url.lastIndexOf("/") + 1);
    const override = overrides[name];
    if (override instanceof Error) throw override;
    if (typeof override === "number")
      return new Response("no", { status: override, statusText: "Not Found" });
    let bytes: Uint8Array;
    try {
      bytes = override ?? readDataFile(name);
    } catch {
      return new Response("no", { status: 404, statusText: "Not Found" });
    }
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, (at += 65536)));
      },
    });
    return new Response(body, { status: 200 });
  };
}

/**
 * Overrides serving the first `trainCount` training and `testCount` test images of the real files, with a
 * manifest to match (sizes and SHA-256 of the cut files), so a session loads in a fraction of the time.
 */
export function smallMnist(trainCount: number, testCount: number): Record<string, Override> {
  const manifest = JSON.parse(readDataFile("manifest.json").toString()) as {
    files: {
      name: string;
      split: string;
      kind: string;
      count: number;
      bytes: number;
      sha256: string;
      gzBytes: number;
    }[];
  };
  const out: Record<string, Override> = {};
  for (const f of manifest.files) {
    const count = f.split === "train" ? trainCount : testCount;
    const header = f.kind === "images" ? 16 : 8;
    const itemBytes = f.kind === "images" ? 784 : 1;
    const raw = Buffer.from(gunzipSync(readDataFile(`${f.name}.gz`)).subarray(0, header + count * itemBytes));
    raw.writeUInt32BE(count, 4);
    const gz = gzipSync(raw, { level: 1 });
    Object.assign(f, {
      count,
      bytes: raw.length,
      sha256: createHash("sha256").update(raw).digest("hex"),
      gzBytes: gz.length,
    });
    out[`${f.name}.gz`] = gz;
  }
  out["manifest.json"] = Buffer.from(JSON.stringify(manifest));
  return out;
}
