// Saved work: the current model (as a model file), its origin and the settings, kept in a key-value store
// (IndexedDB in the browser, a Map in tests) so they survive a reload. Every field is checked against the same
// rules as the URL (src/engine/hyper.ts); a record that fails is discarded and reported, never thrown.
import { accepts, HYPER_RULES, validHyper, type Hyper } from "../engine/hyper.ts";
import { MNIST_TEST_COUNT } from "../engine/mnist.ts";
import type { NetworkSpec } from "../engine/network.ts";
import { readModel, type ModelOrigin } from "../worker/models.ts";
import type { InputSource } from "./appStore.ts";
import type { ParsedUrl } from "./urlState.ts";

/** The minimum of a key-value store this module needs. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** What survives a reload. `model` is a model file's text (modelToJson), so it is validated like any file. */
export interface SavedWork {
  readonly version: 2;
  readonly model: string;
  /** Where the saved weights came from. */
  readonly origin: ModelOrigin;
  readonly spec: NetworkSpec;
  readonly hyper: Hyper;
  readonly seed: number;
  readonly input: InputSource;
  /** The page's query string when saved: a reload of that page restores everything. */
  readonly search: string;
}

/** The result of restoring: nothing saved, the saved work, or a record that could not be read (now deleted). */
export type Restored =
  | { readonly kind: "none" }
  | { readonly kind: "work"; readonly work: SavedWork }
  | { readonly kind: "corrupt"; readonly reason: string };

const KEY = "work";

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Version 1 records had no origin: they come back as a file of that name. */
const V1_ORIGIN: ModelOrigin = { kind: "file", name: "your last visit", epochs: null };

function readOrigin(value: unknown, version: number): ModelOrigin {
  if (version === 1) return V1_ORIGIN;
  const kinds = ["pretrained", "untrained", "file", "trained"];
  if (!isRecord(value) || !kinds.includes(String(value.kind)))
    throw new Error("the record's origin is unknown");
  return value as unknown as ModelOrigin;
}

function readInput(input: unknown): InputSource {
  if (!isRecord(input) || input.kind === "pad") return { kind: "pad" };
  const index = input.index;
  if (
    input.kind === "test" &&
    Number.isInteger(index) &&
    (index as number) >= 0 &&
    (index as number) < MNIST_TEST_COUNT
  )
    return { kind: "test", index: index as number, label: null };
  throw new Error("the record's input is not the pad or a test image");
}

/** The saved work in `value`, every field checked (the model as a model file for 784 inputs and 10 outputs). */
export function readSavedWork(value: unknown): SavedWork {
  if (!isRecord(value) || (value.version !== 1 && value.version !== 2))
    throw new Error("the record is not saved work of a known version");
  const { model, seed } = value;
  if (typeof model !== "string") throw new Error("the record has no model");
  const { net } = readModel(model);
  const hyper = validHyper(value.hyper);
  if (!hyper) throw new Error("the record's training settings are outside what the app accepts");
  if (!accepts(HYPER_RULES.seed, seed)) throw new Error("the record's seed is not a valid seed");
  return {
    version: 2,
    model,
    origin: readOrigin(value.origin, value.version),
    spec: net.spec,
    hyper,
    seed,
    input: readInput(value.input),
    search: typeof value.search === "string" ? value.search : "",
  };
}

/** Saving, restoring and clearing the work in `kv`. */
export function createSavedWork(kv: KeyValueStore) {
  return {
    save: (work: SavedWork): Promise<void> => kv.set(KEY, work),
    clear: (): Promise<void> => kv.del(KEY),
    /** The saved work; a record that cannot be read is deleted and reported, never thrown. */
    async restore(): Promise<Restored> {
      let value: unknown;
      try {
        value = await kv.get(KEY);
      } catch (err) {
        return { kind: "corrupt", reason: err instanceof Error ? err.message : String(err) };
      }
      if (value === undefined) return { kind: "none" };
      try {
        return { kind: "work", work: readSavedWork(value) };
      } catch (err) {
        await kv.del(KEY).catch(() => undefined);
        return { kind: "corrupt", reason: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
export type SavedWorkStore = ReturnType<typeof createSavedWork>;

/**
 * The saved work to start from, given the page's URL, or null. A reload of the page the work was saved on
 * restores it all (the app writes its own settings into the URL). Otherwise an embed, or a link that sets the
 * seed, model or network, starts as the link says; other parameters the link sets win over the saved ones.
 */
export function acceptSaved(
  work: SavedWork,
  { settings, given }: ParsedUrl,
  search: string,
): SavedWork | null {
  if (settings.embed) return null;
  if (work.search === search) return work;
  const named = ["seed", "model", "preset", "hidden", "activation", "output", "cost"] as const;
  if (named.some((k) => given.has(k))) return null;
  const hyper = {
    learningRate: given.has("lr") ? settings.lr : work.hyper.learningRate,
    batchSize: given.has("batch") ? settings.batch : work.hyper.batchSize,
    weightDecay: given.has("decay") ? settings.decay : work.hyper.weightDecay,
    momentum: given.has("momentum") ? settings.momentum : work.hyper.momentum,
  };
  const input: InputSource =
    settings.image !== null ? { kind: "test", index: settings.image, label: null } : work.input;
  return { ...work, hyper, input };
}
