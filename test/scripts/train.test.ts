// The headless trainer as a user runs it: a subprocess on the real MNIST files, small enough to take seconds.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "../../src/engine/model.ts";
import { createNetwork, type Network } from "../../src/engine/network.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs `tsx scripts/train.ts …args` from the repository root. */
function train(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/train.ts", ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function bytes(net: Network): Uint8Array[] {
  return [...net.w, ...net.b].map((v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
}

interface Result {
  spec: { sizes: number[]; hidden: string[]; output: string; cost: string };
  options: Record<string, unknown>;
  seed: number;
  trainCount: number;
  initial: { testAccuracy: number; testCost: number };
  epochs: { epoch: number; testAccuracy: number; testCost: number; trainCost: number; seconds: number }[];
  testAccuracy: number;
  testCost: number;
  seconds: number;
  examplesPerSecond: number | null;
  checkpoints?: string[];
  saved?: string;
}

describe("scripts/train.ts", () => {
  const dir = mkdtempSync(join(tmpdir(), "train-test-"));
  const saved = join(dir, "model.json");
  const args = [
    ...["--hidden", "30", "--activation", "sigmoid", "--output", "sigmoid", "--cost", "mse"],
    ...["--lr", "3", "--lr-decay-after", "none", "--weight-decay", "0"],
    ...["--batch", "10", "--seed", "1", "--train-limit", "2000", "--epochs", "1"],
    ...["--save", saved, "--checkpoints", "0,1", "--checkpoint-dir", dir, "--json"],
  ];
  let run: ReturnType<typeof train>;
  let result: Result;

  beforeAll(() => {
    run = train(args);
    result = JSON.parse(run.stdout) as Result;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("--json prints one JSON line of results and nothing else", () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(result).toMatchObject({
      spec: { sizes: [784, 30, 10], hidden: ["sigmoid"], output: "sigmoid", cost: "mse" },
      options: { learningRate: 3, batchSize: 10, weightDecay: 0, momentum: 0, shuffle: true },
      schedule: null,
      seed: 1,
      trainCount: 2000,
      saved,
      checkpoints: [join(dir, "784-30-10-sigmoid-epoch-0.json"), join(dir, "784-30-10-sigmoid-epoch-1.json")],
    });
    expect(result.epochs).toHaveLength(1);
    expect(Object.keys(result.epochs[0]!).sort()).toEqual(
      ["epoch", "seconds", "testAccuracy", "testCost", "trainCost"].sort(),
    );
    expect(result.epochs[0]!.epoch).toBe(1);
    expect(result.testAccuracy).toBe(result.epochs[0]!.testAccuracy);
    expect(result.initial.testAccuracy).toBeLessThan(0.2);
    expect(result.testAccuracy).toBeGreaterThan(0.5);
    expect(result.examplesPerSecond).toBeGreaterThan(0);
    expect(result.seconds).toBeGreaterThan(0);
  });

  it("--save writes the final model with the flags and results in its meta; checkpoints bracket training", () => {
    const final = parseModel(readFileSync(saved, "utf8"));
    expect(final.meta).toMatchObject({ argv: args, seed: 1, epochs: 1, testAccuracy: result.testAccuracy });
    expect(final.meta.createdWith).toMatch(/^npm run train -- --hidden 30 /);
    const last = parseModel(readFileSync(result.checkpoints![1]!, "utf8")).net;
    expect(bytes(last)).toEqual(bytes(final.net));
    const first = parseModel(readFileSync(result.checkpoints![0]!, "utf8")).net;
    expect(bytes(first)).toEqual(bytes(createNetwork(final.net.spec, 1)));
  });

  it("--init-from the saved model with --epochs 0 measures the recorded accuracy", () => {
    const again = train(["--init-from", saved, "--epochs", "0", "--json"]);
    expect(again.status).toBe(0);
    const r = JSON.parse(again.stdout) as Result;
    expect(r.epochs).toEqual([]);
    expect(r.spec).toEqual(result.spec);
    expect(r.testAccuracy).toBe(result.testAccuracy);
    expect(r.testCost).toBe(result.testCost);
    expect(r.examplesPerSecond).toBeNull();
  });

  it("a bad flag or value exits 2 with one line on stderr", () => {
    for (const bad of [
      ["--epochs", "two"],
      ["--bogus"],
      ["--hidden", "16,x"],
      ["--init-from", saved, "--hidden", "16"],
    ]) {
      const r = train(bad);
      expect(r.status, bad.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^train: .+\. Run `npm run train -- --help` for the flags\.\n$/);
    }
    expect(train(["--epochs", "two"]).stderr).toContain(
      '--epochs must be a whole number from 0 to 100000, got "two"',
    );
  });

  it("a diverging run stops with exit code 1 and says so", () => {
    const r = train([
      ...["--hidden", "16", "--activation", "relu", "--output", "softmax", "--cost", "crossEntropy"],
      ...["--lr", "1e10", "--train-limit", "500", "--epochs", "3", "--json"],
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^train: training diverged in epoch 1: .*try a learning rate below 10000000000\.\n$/,
    );
  });

  it("--help prints the flags and exits 0", () => {
    const r = train(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--init-from FILE");
  });
});

describe("the shipped models (public/models, made by `npm run models`)", () => {
  it("regenerate bit for bit: the trainer's epoch 0 and 1 checkpoints equal the shipped ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "models-test-"));
    try {
      const run = train([
        "--preset",
        "3b1b",
        "--epochs",
        "1",
        "--checkpoints",
        "0,1",
        "--checkpoint-dir",
        dir,
        "--name",
        "3b1b",
        "--json",
      ]);
      expect(run.status).toBe(0);
      for (const epoch of [0, 1]) {
        const fresh = parseModel(readFileSync(join(dir, `3b1b-epoch-${epoch}.json`), "utf8")).net;
        const shipped = parseModel(
          readFileSync(join(root, `public/models/3b1b-epoch-${epoch}.json`), "utf8"),
        ).net;
        expect(bytes(fresh)).toEqual(bytes(shipped));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("include the default network at 30 epochs with at least 96 % test accuracy", () => {
    const { net, meta } = parseModel(readFileSync(join(root, "public/models/3b1b-epoch-30.json"), "utf8"));
    expect(net.spec.sizes).toEqual([784, 16, 16, 10]);
    expect(meta.epochs).toBe(30);
    expect(meta.testAccuracy).toBeGreaterThanOrEqual(0.96);
  });
});
