// Headless trainer: `npm run train -- --hidden 16,16 --epochs 30 --save models/net.json` trains an MLP on MNIST
// with the engine's Trainer, reports test accuracy after every epoch, and saves models and checkpoints.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { ACTIVATIONS, OUTPUT_ACTIVATIONS, type Activation } from "../src/engine/activations.ts";
import { COSTS } from "../src/engine/costs.ts";
import {
  evaluate,
  toSparse,
  Trainer,
  type Dataset,
  type Evaluation,
  type SparseImages,
  type TrainOptions,
} from "../src/engine/fast.ts";
import type { MnistSplit } from "../src/engine/idx.ts";
import { MNIST_CLASSES, MNIST_PIXELS, MNIST_TEST_COUNT, MNIST_TRAIN_COUNT } from "../src/engine/mnist.ts";
import { MODEL_FORMAT, ModelError, modelToJson, parseModel, type ModelMeta } from "../src/engine/model.ts";
import {
  createNetwork,
  parameterCount,
  SpecError,
  validateSpec,
  type Network,
  type NetworkSpec,
} from "../src/engine/network.ts";
import {
  PRESET_NAMES,
  PRESETS,
  scheduledLearningRate,
  type LrSchedule,
  type Preset,
  type PresetName,
} from "../src/engine/presets.ts";
import { loadMnist } from "./lib/mnist.ts";

/** 60,000: as the usage text writes counts. */
const thousands = (n: number) => n.toLocaleString("en-US");

const USAGE = `Train a multilayer perceptron on MNIST and report its accuracy on the ${thousands(MNIST_TEST_COUNT)} test images.

Usage: npm run train -- [flags]

Architecture (input ${MNIST_PIXELS} and output ${MNIST_CLASSES} are fixed):
  --hidden 16,16          hidden layer sizes; "" or none for no hidden layer
  --activation sigmoid    hidden activation: ${ACTIVATIONS.join(" | ")}, or a comma list, one per layer
  --output sigmoid        output activation: ${OUTPUT_ACTIVATIONS.join(" | ")}
  --cost mse              cost: ${COSTS.join(" | ")}
  --init-from FILE        start from a saved model instead (its architecture; no architecture flags)

Training:
  --preset NAME           defaults from a preset: ${PRESET_NAMES.join(" | ")} (default 3b1b); flags override
  --epochs 30             passes over the training set (0: only evaluate)
  --batch 10              mini-batch size m
  --lr 3                  learning rate eta
  --lr-decay 0.3          multiply eta by this factor after each epoch listed in --lr-decay-after ...
  --lr-decay-after 15,22  ... (a step decay; "none" for a constant eta)
  --weight-decay 0        L2 weight decay lambda
  --momentum 0            momentum mu, 0 to below 1
  --seed 1                seed of the initial weights and of the shuffles
  --train-limit N         train on the first N of the ${thousands(MNIST_TRAIN_COUNT)} training images
  --no-shuffle            keep the training order fixed

Output:
  --save FILE             save the final model (${MODEL_FORMAT} JSON, with the flags in its meta)
  --checkpoints 0,1,5,30  also save the model after these epochs (0: before training) ...
  --checkpoint-dir DIR    ... into DIR/NAME-epoch-N.json (default models)
  --name NAME             NAME for checkpoints (default from the architecture, e.g. 784-16-16-10-sigmoid)
  --json                  print nothing but one JSON line with the results on stdout
  --help                  show this help`;

const HINT = "Run `npm run train -- --help` for the flags.";

/** A bad flag or value: reported in one sentence with the usage hint, exit code 2. */
class UsageError extends Error {}

const OPTIONS = {
  preset: { type: "string" },
  hidden: { type: "string" },
  activation: { type: "string" },
  output: { type: "string" },
  cost: { type: "string" },
  epochs: { type: "string" },
  batch: { type: "string" },
  lr: { type: "string" },
  "weight-decay": { type: "string" },
  momentum: { type: "string" },
  seed: { type: "string" },
  "train-limit": { type: "string" },
  "no-shuffle": { type: "boolean" },
  "lr-decay": { type: "string" },
  "lr-decay-after": { type: "string" },
  "init-from": { type: "string" },
  save: { type: "string" },
  checkpoints: { type: "string" },
  "checkpoint-dir": { type: "string" },
  name: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const ARCHITECTURE_FLAGS = ["hidden", "activation", "output", "cost"] as const;

/** Everything a run needs, resolved from preset defaults and flags. */
interface Settings {
  /** The architecture to create; undefined when it comes from `initFrom`. */
  readonly spec: NetworkSpec | undefined;
  readonly initFrom: string | undefined;
  readonly preset: PresetName | undefined;
  readonly options: TrainOptions;
  /** Step decay of η over the epochs, or null for a constant η. */
  readonly schedule: LrSchedule | null;
  readonly epochs: number;
  readonly seed: number;
  readonly trainLimit: number;
  readonly save: string | undefined;
  readonly checkpoints: readonly number[];
  readonly checkpointDir: string;
  readonly name: string | undefined;
  readonly json: boolean;
}

/** Parses a number flag; `ok` says whether a finite value is allowed, `want` describes allowed values. */
function numberFlag(flag: string, text: string, ok: (v: number) => boolean, want: string): number {
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v) || !ok(v))
    throw new UsageError(`--${flag} must be ${want}, got ${JSON.stringify(text)}`);
  return v;
}

function intFlag(flag: string, text: string, min: number, max: number): number {
  return numberFlag(
    flag,
    text,
    (v) => Number.isInteger(v) && v >= min && v <= max,
    `a whole number from ${min} to ${max}`,
  );
}

/** One of `choices`, matched without regard to case. */
function choiceFlag<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  const found = choices.find((c) => c.toLowerCase() === text.trim().toLowerCase());
  if (found === undefined)
    throw new UsageError(`--${flag} must be one of ${choices.join(", ")}, got ${JSON.stringify(text)}`);
  return found;
}

function listFlag(text: string): string[] {
  return text.split(",").map((s) => s.trim());
}

/** The message parseArgs' errors deserve, in one sentence. */
function parseArgsMessage(err: Error & { code?: unknown }): string {
  const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown flag ${quoted}`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${JSON.stringify(quoted)} (every value follows a --flag)`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const flag = quoted.split(" ")[0] ?? quoted;
      return err.message.includes("argument missing") || err.message.includes("ambiguous")
        ? `${flag} needs a value (write ${flag}=VALUE for a value starting with -)`
        : `${flag} takes no value`;
    }
    default:
      return err.message;
  }
}

/** The flags as parseArgs reads them: strings and booleans by flag name. */
type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"];

/** η, m, λ, μ and shuffling from the flags over the preset's. */
function parseOptions(values: Flags, base: Preset): TrainOptions {
  return {
    learningRate:
      values.lr === undefined
        ? base.train.learningRate
        : numberFlag("lr", values.lr, (v) => v > 0, "a number above 0"),
    batchSize:
      values.batch === undefined
        ? base.train.batchSize
        : intFlag("batch", values.batch, 1, MNIST_TRAIN_COUNT),
    weightDecay:
      values["weight-decay"] === undefined
        ? base.train.weightDecay
        : numberFlag("weight-decay", values["weight-decay"], (v) => v >= 0, "a number ≥ 0"),
    momentum:
      values.momentum === undefined
        ? base.train.momentum
        : numberFlag("momentum", values.momentum, (v) => v >= 0 && v < 1, "a number from 0 to below 1"),
    shuffle: !values["no-shuffle"],
  };
}

/** The step decay of η from --lr-decay and --lr-decay-after over the preset's; null for a constant η. */
function parseSchedule(values: Flags, base: Preset): LrSchedule | null {
  if (values["lr-decay-after"] === undefined && values["lr-decay"] === undefined) return base.schedule;
  const afterText = values["lr-decay-after"] ?? base.schedule?.after.join(",") ?? "";
  if (afterText === "none" || afterText === "") return null;
  const after = listFlag(afterText).map((t) =>
    numberFlag("lr-decay-after", t, (v) => Number.isInteger(v) && v >= 1, "epochs ≥ 1 separated by commas"),
  );
  const factor =
    values["lr-decay"] === undefined
      ? (base.schedule?.factor ?? 0.1)
      : numberFlag("lr-decay", values["lr-decay"], (v) => v > 0 && v <= 1, "a number above 0 and at most 1");
  return { factor, after: [...after].sort((a, b) => a - b) };
}

/** The epochs whose weights --checkpoints saves, sorted and distinct. */
function parseCheckpoints(values: Flags, epochs: number): number[] {
  if (values.checkpoints === undefined) {
    if (values["checkpoint-dir"] !== undefined)
      throw new UsageError("--checkpoint-dir needs --checkpoints to say which epochs to save");
    return [];
  }
  const ok = (v: number) => Number.isInteger(v) && v >= 0 && v <= epochs;
  const want = `epochs from 0 to ${epochs} (the last one), separated by commas`;
  const checkpoints = [
    ...new Set(listFlag(values.checkpoints).map((s) => numberFlag("checkpoints", s, ok, want))),
  ];
  return checkpoints.sort((a, b) => a - b);
}

/** Flags → settings, or "help". Throws UsageError for anything wrong. */
function parseSettings(argv: readonly string[]): Settings | "help" {
  let values: Flags;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    if (err instanceof Error && "code" in err) throw new UsageError(parseArgsMessage(err));
    throw err;
  }
  if (values.help) return "help";

  const preset = values.preset === undefined ? undefined : choiceFlag("preset", values.preset, PRESET_NAMES);
  const base = PRESETS[preset ?? "3b1b"];
  const initFrom = values["init-from"];
  let spec: NetworkSpec | undefined;
  if (initFrom !== undefined) {
    const clash = ARCHITECTURE_FLAGS.find((f) => values[f] !== undefined);
    if (clash !== undefined)
      throw new UsageError(
        `--${clash} cannot be combined with --init-from, whose file fixes the architecture`,
      );
  } else {
    spec = resolveSpec(values, base.spec);
  }
  const epochs = values.epochs === undefined ? base.epochs : intFlag("epochs", values.epochs, 0, 100000);
  const options = parseOptions(values, base);
  const schedule = parseSchedule(values, base);
  const checkpoints = parseCheckpoints(values, epochs);
  return {
    spec,
    initFrom,
    preset,
    options,
    schedule,
    epochs,
    seed: values.seed === undefined ? base.seed : intFlag("seed", values.seed, 0, 2 ** 32 - 1),
    trainLimit:
      values["train-limit"] === undefined
        ? MNIST_TRAIN_COUNT
        : intFlag("train-limit", values["train-limit"], 1, MNIST_TRAIN_COUNT),
    save: values.save,
    checkpoints,
    checkpointDir: values["checkpoint-dir"] ?? "models",
    name: values.name,
    json: values.json ?? false,
  };
}

/** The architecture from --hidden, --activation, --output and --cost over the preset's. */
function resolveSpec(
  values: { hidden?: string; activation?: string; output?: string; cost?: string },
  base: NetworkSpec,
): NetworkSpec {
  const sizes =
    values.hidden === undefined
      ? base.sizes.slice(1, -1)
      : ["", "none"].includes(values.hidden.trim().toLowerCase())
        ? []
        : listFlag(values.hidden).map((s) => {
            if (!/^\d+$/.test(s))
              throw new UsageError(
                `--hidden must be layer sizes like 16,16 (or none), got ${JSON.stringify(values.hidden)}`,
              );
            return Number(s);
          });
  let hidden: Activation[];
  if (values.activation !== undefined) {
    const list = listFlag(values.activation).map((s) => choiceFlag("activation", s, ACTIVATIONS));
    if (list.length !== 1 && list.length !== sizes.length)
      throw new UsageError(
        `--activation lists ${list.length} activations but there are ${sizes.length} hidden layers`,
      );
    hidden = sizes.map((_, l) => list[list.length === 1 ? 0 : l]!);
  } else if (values.hidden === undefined) {
    hidden = [...base.hidden];
  } else {
    hidden = sizes.map(() => base.hidden[0] ?? "sigmoid");
  }
  const spec: NetworkSpec = {
    sizes: [MNIST_PIXELS, ...sizes, MNIST_CLASSES],
    hidden,
    output:
      values.output === undefined ? base.output : choiceFlag("output", values.output, OUTPUT_ACTIVATIONS),
    cost: values.cost === undefined ? base.cost : choiceFlag("cost", values.cost, COSTS),
  };
  try {
    validateSpec(spec);
  } catch (err) {
    if (err instanceof SpecError) throw new UsageError(`--hidden: ${err.message}`);
    throw err;
  }
  return spec;
}

/** "784-16-16-10 (hidden sigmoid,sigmoid; output sigmoid; cost mse)". */
function describeSpec(spec: NetworkSpec): string {
  const hidden = spec.hidden.length > 0 ? `hidden ${spec.hidden.join(",")}; ` : "";
  return `${spec.sizes.join("-")} (${hidden}output ${spec.output}; cost ${spec.cost})`;
}

/** The default checkpoint name: sizes, then the distinct activations, e.g. 784-16-16-10-sigmoid. */
function defaultName(spec: NetworkSpec): string {
  return [...spec.sizes, ...new Set([...spec.hidden, spec.output])].join("-");
}

function sameSpec(a: NetworkSpec, b: NetworkSpec): boolean {
  return describeSpec(a) === describeSpec(b);
}

function toDataset(split: MnistSplit, limit = split.count): Dataset {
  const count = Math.min(limit, split.count);
  const size = split.rows * split.cols;
  return {
    count,
    size,
    pixels: split.pixels.subarray(0, count * size),
    labels: split.labels.subarray(0, count),
  };
}

/** The first non-finite parameter, as "layer 2 weights", or undefined. */
function nonFiniteParameter(net: Network<Float32Array>): string | undefined {
  for (let l = 1; l < net.w.length; l++) {
    if (!net.w[l]!.every(Number.isFinite)) return `layer ${l} weights`;
    if (!net.b[l]!.every(Number.isFinite)) return `layer ${l} biases`;
  }
  return undefined;
}

/** `npm run train -- …` with each argument quoted for a POSIX shell where needed. */
function commandLine(argv: readonly string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`);
  return ["npm run train --", ...argv.map(quote)].join(" ");
}

function writeModel(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`cannot write ${path} (${code ?? String(err)})`, { cause: err });
  }
}

function loadModel(path: string): { net: Network<Float32Array>; meta: ModelMeta } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(
      code === "ENOENT"
        ? `--init-from: ${path} does not exist`
        : `cannot read ${path} (${code ?? String(err)})`,
      { cause: err },
    );
  }
  try {
    return parseModel(text, { inputs: MNIST_PIXELS, outputs: MNIST_CLASSES });
  } catch (err) {
    if (err instanceof ModelError) throw new Error(`cannot use ${path}: ${err.detail}`, { cause: err });
    throw err;
  }
}

const percent = (x: number) => `${(100 * x).toFixed(2)}%`;
const grouped = (x: number) => Math.round(x).toLocaleString("en-US");

/** A progress bar on stderr for one epoch, redrawn at most 10 times a second; returns the batch callback. */
function progressBar(label: string): { onBatch: (done: number, total: number) => void; clear: () => void } {
  const start = performance.now();
  let last = -Infinity;
  const width = 24;
  return {
    onBatch(done, total) {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const filled = Math.round((width * done) / total);
      const rate = done / Math.max((now - start) / 1000, 1e-9);
      process.stderr.write(
        `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ` +
          `${Math.floor((100 * done) / total)}% ${grouped(rate)} ex/s\x1b[K`,
      );
    },
    clear() {
      process.stderr.write("\r\x1b[K");
    },
  };
}

interface EpochResult {
  epoch: number;
  testAccuracy: number;
  testCost: number;
  /** Mean cost of the epoch's mini-batches, each measured before its step. */
  trainCost: number;
  /** Training time of the epoch (evaluation excluded). */
  seconds: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The network to train: the --init-from model (which must fit --preset if given), or a new one. */
function startingNetwork(settings: Settings): { net: Network<Float32Array>; initMeta?: ModelMeta } {
  if (settings.initFrom === undefined)
    // With float32 precision every array is a Float32Array, as the Trainer needs.
    return {
      net: createNetwork(settings.spec!, settings.seed, { precision: "float32" }) as Network<Float32Array>,
    };
  const { net, meta } = loadModel(settings.initFrom);
  if (settings.preset !== undefined && !sameSpec(net.spec, PRESETS[settings.preset].spec))
    throw new UsageError(
      `${settings.initFrom} holds a ${describeSpec(net.spec)} network, not the ${settings.preset} preset's ` +
        describeSpec(PRESETS[settings.preset].spec),
    );
  return { net, initMeta: meta };
}

/** The model files' meta: how the weights after `epoch` epochs were made, and how they score. */
function metaFor(
  argv: readonly string[],
  settings: Settings,
  initMeta: ModelMeta | undefined,
  trainCount: number,
): (epoch: number, testAccuracy: number, testCost: number) => ModelMeta {
  const { options } = settings;
  return (epoch, testAccuracy, testCost) => ({
    createdWith: commandLine(argv),
    argv: [...argv],
    ...(settings.preset === undefined ? {} : { preset: settings.preset }),
    ...(settings.initFrom === undefined ? {} : { initFrom: settings.initFrom }),
    ...(initMeta === undefined || Object.keys(initMeta).length === 0 ? {} : { initFromMeta: initMeta }),
    seed: settings.seed,
    epochs: epoch,
    trainCount,
    learningRate: options.learningRate,
    ...(settings.schedule === null ? {} : { learningRateDecay: { ...settings.schedule } }),
    batchSize: options.batchSize,
    weightDecay: options.weightDecay,
    momentum: options.momentum,
    shuffle: options.shuffle,
    testAccuracy,
    testCost,
  });
}

/** Throws if the epoch's training cost, test cost or weights are no longer finite. */
function checkFinite(epoch: number, trainCost: number, ev: Evaluation, trainer: Trainer): void {
  const bad = !Number.isFinite(trainCost)
    ? `the training cost became ${trainCost}`
    : !Number.isFinite(ev.cost)
      ? `the test cost became ${ev.cost}`
      : nonFiniteParameter(trainer.net)?.concat(" became non-finite");
  if (bad !== undefined)
    throw new Error(
      `training diverged in epoch ${epoch}: ${bad}; try a learning rate below ${trainer.options.learningRate}`,
    );
}

/**
 * Trains `epochs` epochs with η on the schedule, evaluating on `testSet` after each; `after` hears every epoch's
 * result (for the line, the checkpoint). Returns the results.
 */
function trainEpochs(
  trainer: Trainer,
  testSet: SparseImages,
  settings: Settings,
  after: (result: EpochResult, ev: Evaluation, seconds: number) => void,
): EpochResult[] {
  const results: EpochResult[] = [];
  const showBar = !settings.json && process.stderr.isTTY === true;
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    trainer.options.learningRate = scheduledLearningRate(
      settings.options.learningRate,
      settings.schedule,
      epoch,
    );
    const bar = showBar ? progressBar(epochLabel(epoch, settings.epochs)) : undefined;
    const t = performance.now();
    const trainCost = trainer.epoch(bar?.onBatch);
    const seconds = (performance.now() - t) / 1000;
    bar?.clear();
    const ev = evaluate(trainer.net, testSet);
    checkFinite(epoch, trainCost, ev, trainer);
    const result = {
      epoch,
      testAccuracy: ev.accuracy,
      testCost: ev.cost,
      trainCost,
      seconds: round3(seconds),
    };
    results.push(result);
    after(result, ev, seconds);
  }
  return results;
}

/** "epoch  3/30". */
function epochLabel(epoch: number, epochs: number): string {
  return `epoch ${String(epoch).padStart(String(epochs).length)}/${epochs}`;
}

/** Runs the trainer; returns the process exit code. */
function run(argv: readonly string[]): number {
  const started = performance.now();
  const settings = parseSettings(argv);
  if (settings === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { options, epochs, seed, json } = settings;
  const say = json ? () => {} : (line: string) => process.stdout.write(`${line}\n`);
  const { net, initMeta } = startingNetwork(settings);
  const { spec } = net;
  const name = settings.name ?? defaultName(spec);

  const mnist = loadMnist();
  const trainSet = toSparse(toDataset(mnist.train, settings.trainLimit));
  const testSet = toSparse(toDataset(mnist.test));
  // From here on read the weights through trainer.net, which brings every layer up to date.
  const trainer = new Trainer(net, trainSet, options, seed);

  say(
    `Training ${describeSpec(spec)}, ${grouped(parameterCount(spec))} parameters, on ` +
      `${grouped(trainSet.count)} images: lr ${options.learningRate}, batch ${options.batchSize}, ` +
      `weight decay ${options.weightDecay}, momentum ${options.momentum}, seed ${seed}` +
      (settings.initFrom === undefined ? "." : `, starting from ${settings.initFrom}.`),
  );

  const meta = metaFor(argv, settings, initMeta, trainSet.count);
  const checkpoints: string[] = [];
  const checkpoint = (epoch: number, testAccuracy: number, testCost: number) => {
    if (!settings.checkpoints.includes(epoch)) return;
    const path = join(settings.checkpointDir, `${name}-epoch-${epoch}.json`);
    writeModel(path, modelToJson(trainer.net, meta(epoch, testAccuracy, testCost)));
    checkpoints.push(path);
    say(`saved checkpoint ${path}`);
  };

  const initial = evaluate(trainer.net, testSet);
  say(
    `${epochLabel(0, epochs)}  test accuracy ${percent(initial.accuracy)}  test cost ${initial.cost.toFixed(4)}`,
  );
  checkpoint(0, initial.accuracy, initial.cost);

  let final = initial;
  const results = trainEpochs(trainer, testSet, settings, (r, ev, seconds) => {
    final = ev;
    say(
      `${epochLabel(r.epoch, epochs)}  test accuracy ${percent(ev.accuracy)}  test cost ${ev.cost.toFixed(4)}  ` +
        `train cost ${r.trainCost.toFixed(4)}  η ${trainer.options.learningRate.toPrecision(3)}  ${seconds.toFixed(1)} s  ${grouped(trainSet.count / seconds)} ex/s`,
    );
    checkpoint(r.epoch, ev.accuracy, ev.cost);
  });

  if (settings.save !== undefined) {
    writeModel(settings.save, modelToJson(trainer.net, meta(epochs, final.accuracy, final.cost)));
    say(`saved ${settings.save}`);
  }

  const trainSeconds = results.reduce((s, r) => s + r.seconds, 0);
  if (json)
    process.stdout.write(
      `${JSON.stringify({
        spec,
        options,
        schedule: settings.schedule,
        seed,
        ...(settings.preset === undefined ? {} : { preset: settings.preset }),
        ...(settings.initFrom === undefined ? {} : { initFrom: settings.initFrom }),
        trainCount: trainSet.count,
        initial: { testAccuracy: initial.accuracy, testCost: initial.cost },
        epochs: results,
        testAccuracy: final.accuracy,
        testCost: final.cost,
        seconds: round3((performance.now() - started) / 1000),
        examplesPerSecond: epochs === 0 ? null : Math.round((trainSet.count * epochs) / trainSeconds),
        ...(checkpoints.length === 0 ? {} : { checkpoints }),
        ...(settings.save === undefined ? {} : { saved: settings.save }),
      })}\n`,
    );
  return 0;
}

function main(): void {
  try {
    process.exitCode = run(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`train: ${err.message}. ${HINT}\n`);
      process.exitCode = 2;
    } else if (err instanceof Error && !(err instanceof TypeError || err instanceof RangeError)) {
      process.stderr.write(`train: ${err.message}.\n`);
      process.exitCode = 1;
    } else {
      throw err;
    }
  }
}

main();
