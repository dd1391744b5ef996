// Tests for the worker's MNIST download: order, progress, gunzip, checksums and the one-sentence errors, served
// by a fake fetch from the real public/data/mnist files.
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DataError, loadMnistFromUrl, type DataErrorKind } from "../../src/worker/data.ts";
import { mnistFetch, readDataFile } from "./fakeFetch.ts";

/** Loads both splits; returns the splits and everything fetched and reported, in order. */
async function loadAll(fetch = mnistFetch()) {
  const log: string[] = [];
  const progress: [string, number, number][] = [];
  const loader = loadMnistFromUrl("/data/mnist/", {
    fetch: (url) => {
      log.push(url);
      return fetch(url);
    },
    onProgress: (phase, loaded, total) => progress.push([phase, loaded, total]),
  });
  const test = await loader.loadTest();
  const train = await loader.loadTrain();
  return { test, train, log, progress };
}

/** The DataError that loading with `fetch` rejects with. */
async function failure(fetch: ReturnType<typeof mnistFetch>): Promise<DataError> {
  const err: unknown = await loadAll(fetch).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DataError);
  return err as DataError;
}

function expectOneSentence(err: DataError, kind: DataErrorKind, ...words: string[]): void {
  expect(err.kind).toBe(kind);
  expect(err.message).toMatch(/^[A-Z0-9].*\.$/);
  expect(err.message.slice(0, -1)).not.toMatch(/\.\s/);
  for (const w of words) expect(err.message).toContain(w);
}

describe("loadMnistFromUrl(url, { fetch, onProgress })", () => {
  it("fetches the manifest, then the test set, then the training set, and parses them", async () => {
    const { test, train, log } = await loadAll();
    expect(log).toEqual([
      "/data/mnist/manifest.json",
      "/data/mnist/t10k-labels-idx1-ubyte.gz",
      "/data/mnist/t10k-images-idx3-ubyte.gz",
      "/data/mnist/train-labels-idx1-ubyte.gz",
      "/data/mnist/train-images-idx3-ubyte.gz",
    ]);
    expect([test.count, test.rows, test.cols, test.labels.length]).toEqual([10000, 28, 28, 10000]);
    expect([train.count, train.pixels.length]).toEqual([60000, 60000 * 784]);
    expect(test.labels[0]).toBe(7); // the first test image is a 7
    expect(train.labels[0]).toBe(5); // the first training image is a 5
  });

  it("reports progress in compressed bytes, rising to the manifest's total for each phase", async () => {
    const { progress } = await loadAll();
    const manifest = JSON.parse(readDataFile("manifest.json").toString()) as {
      files: { split: string; gzBytes: number }[];
    };
    const total = (split: string) =>
      manifest.files.filter((f) => f.split === split).reduce((s, f) => s + f.gzBytes, 0);
    const phases = progress.map(([p]) => p);
    expect(phases.indexOf("train")).toBeGreaterThan(phases.lastIndexOf("test"));
    for (const phase of ["test", "train"]) {
      const mine = progress.filter(([p]) => p === phase);
      expect(mine[0]).toEqual([phase, 0, total(phase)]);
      expect(mine.at(-1)).toEqual([phase, total(phase), total(phase)]);
      for (let i = 1; i < mine.length; i++) expect(mine[i]![1]).toBeGreaterThanOrEqual(mine[i - 1]![1]);
    }
  });

  it("takes a body the server already inflated (Content-Encoding: gzip) as is", async () => {
    const plain = mnistFetch({
      "t10k-labels-idx1-ubyte.gz": gunzipSync(readDataFile("t10k-labels-idx1-ubyte.gz")),
    });
    const { test } = await loadAll(plain);
    expect(test.labels[0]).toBe(7);
  });

  it("names the file and the HTTP status when a download fails", async () => {
    const err = await failure(mnistFetch({ "t10k-images-idx3-ubyte.gz": 404 }));
    expectOneSentence(err, "http", "t10k-images-idx3-ubyte.gz", "404");
  });

  it("names the file when the network fails", async () => {
    const err = await failure(mnistFetch({ "t10k-labels-idx1-ubyte.gz": new TypeError("fetch failed") }));
    expectOneSentence(err, "network", "t10k-labels-idx1-ubyte.gz", "fetch failed");
  });

  it("reports a wrong checksum as corrupt", async () => {
    const labels = gunzipSync(readDataFile("t10k-labels-idx1-ubyte.gz"));
    labels[100] = (labels[100]! + 1) % 10;
    const err = await failure(mnistFetch({ "t10k-labels-idx1-ubyte.gz": gzipSync(labels) }));
    expectOneSentence(err, "checksum", "t10k-labels-idx1-ubyte.gz", "SHA-256");
  });

  it("reports a download cut short", async () => {
    const gz = readDataFile("train-labels-idx1-ubyte.gz");
    const err = await failure(mnistFetch({ "train-labels-idx1-ubyte.gz": gz.subarray(0, gz.length >> 1) }));
    expectOneSentence(err, "truncated", "train-labels-idx1-ubyte.gz", "stopped");
  });

  it("reports a web page served in place of a file", async () => {
    const err = await failure(mnistFetch({ "t10k-labels-idx1-ubyte.gz": Buffer.from("<!doctype html>") }));
    expectOneSentence(err, "corrupt", "t10k-labels-idx1-ubyte.gz", "web page");
  });

  it("reports damaged gzip data", async () => {
    const gz = Buffer.from(readDataFile("t10k-labels-idx1-ubyte.gz"));
    gz.fill(0xff, 20, 200);
    const err = await failure(mnistFetch({ "t10k-labels-idx1-ubyte.gz": gz }));
    expectOneSentence(err, "corrupt", "t10k-labels-idx1-ubyte.gz", "gzip");
  });

  it("reports a manifest that is not JSON or lacks a file", async () => {
    const notJson = await failure(mnistFetch({ "manifest.json": Buffer.from("<!doctype html>") }));
    expectOneSentence(notJson, "manifest", "manifest.json", "JSON");
    const manifest = JSON.parse(readDataFile("manifest.json").toString()) as { files: { split: string }[] };
    manifest.files = manifest.files.filter((f) => f.split !== "train");
    const missing = await failure(mnistFetch({ "manifest.json": Buffer.from(JSON.stringify(manifest)) }));
    expectOneSentence(missing, "manifest", "manifest.json", "train");
  });
});
