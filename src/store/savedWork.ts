// Saved work: the current model (as a model file), its origin and the settings, kept in a key-value store
// (IndexedDB in the browser, a Map in tests) so they survive a reload. Work is kept in slots, one per link (or per
// tab, when two show the same link), so no page overwrites another's; a page starts from the slot saved at its own
// address, else from the newest when its link names no network. Every field is checked against the same rules as
// the URL (src/engine/hyper.ts); a record that fails is discarded and reported, never thrown.
import { accepts, HYPER_RULES, validHyper, type Hyper } from "../engine/hyper.ts";
import { MNIST_TEST_COUNT } from "../engine/mnist.ts";
import type { NetworkSpec } from "../engine/network.ts";
import { readModel, type ModelOrigin } from "../worker/models.ts";
import type { InputSource } from "./appStore.ts";
import { HYPER_PARAMS, hyperOf, hyperSettings, type HyperSettings, type ParsedUrl } from "./urlState.ts";

/** The minimum of a key-value store this module needs. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** Every key in the store. */
  keys(): Promise<readonly string[]>;
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
  /** When it was saved (ms since 1970; 0 for records older than slots). */
  readonly savedAt: number;
}

/** The first slot's key, where work was saved before there were slots; the others are "work:<id>". */
export const FIRST_SLOT = "work";
/** Work is kept for at most this many links or tabs; saving a new one forgets the oldest no open tab uses. */
export const MAX_SLOTS = 5;

/** Whether a key of the store is a slot of saved work. */
export function isSlot(key: string): boolean {
  return key === FIRST_SLOT || key.startsWith(`${FIRST_SLOT}:`);
}

/** A slot's key for a new link or tab, "work:k3x9…", from `random` (0…1). */
export function newSlot(random: () => number): string {
  return `${FIRST_SLOT}:${Math.floor(random() * 2 ** 48).toString(36)}`;
}

/** Saved work and the slot it is kept in. */
export interface Slot {
  readonly slot: string;
  readonly work: SavedWork;
}

/** What the store holds: the readable slots, newest first, and why the others could not be read (now deleted). */
export interface Found {
  readonly slots: readonly Slot[];
  readonly unreadable: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Version 1 records had no origin: they come back as a file of that name. */
const V1_ORIGIN: ModelOrigin = { kind: "file", name: "your last visit", epochs: null };

function readOrigin(value: unknown, version: number): ModelOrigin {
  if (version === 1) return V1_ORIGIN;
  const kinds = ["pretrained", "untrained", "file", "trained", "taught"];
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

/** Work saved before the η schedule existed trained with η as set: its settings say so (lrSchedule 0). */
function withScheduleOff(hyper: unknown): unknown {
  return isRecord(hyper) && !("lrSchedule" in hyper) ? { ...hyper, lrSchedule: 0 } : hyper;
}

/** The saved work in `value`, every field checked (the model as a model file for 784 inputs and 10 outputs). */
export function readSavedWork(value: unknown): SavedWork {
  if (!isRecord(value) || (value.version !== 1 && value.version !== 2))
    throw new Error("the record is not saved work of a known version");
  const { model, seed } = value;
  if (typeof model !== "string") throw new Error("the record has no model");
  const { net } = readModel(model);
  const hyper = validHyper(withScheduleOff(value.hyper));
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
    savedAt: typeof value.savedAt === "number" && Number.isFinite(value.savedAt) ? value.savedAt : 0,
  };
}

/** Saving, finding and forgetting the slots of saved work in `kv`. A failing store rejects; a bad record never does. */
export function createSavedWork(kv: KeyValueStore) {
  return {
    save: (slot: string, work: SavedWork): Promise<void> => kv.set(slot, work),
    clear: (slot: string): Promise<void> => kv.del(slot),
    /** Every slot, newest first; a record that cannot be read is deleted and its reason given. */
    async find(): Promise<Found> {
      const slots: Slot[] = [];
      const unreadable: string[] = [];
      for (const slot of (await kv.keys()).filter(isSlot)) {
        const value = await kv.get(slot);
        try {
          slots.push({ slot, work: readSavedWork(value) });
        } catch (err) {
          await kv.del(slot).catch(() => undefined);
          unreadable.push(err instanceof Error ? err.message : String(err));
        }
      }
      slots.sort((a, b) => b.work.savedAt - a.work.savedAt);
      return { slots, unreadable };
    },
    /** Forgets every slot. */
    async clearAll(): Promise<void> {
      for (const slot of (await kv.keys()).filter(isSlot)) await kv.del(slot);
    },
    /** Forgets the oldest slots beyond MAX_SLOTS, except those an open page uses (`inUse`). */
    async prune(inUse: readonly string[]): Promise<void> {
      const { slots } = await this.find();
      const spare = slots.slice(MAX_SLOTS).filter((s) => !inUse.includes(s.slot));
      for (const { slot } of spare) await kv.del(slot);
    },
  };
}
export type SavedWorkStore = ReturnType<typeof createSavedWork>;

/**
 * The slot a page starts from, or null: the one saved at the page's own address (a reload), else the newest, as far
 * as the link keeps it (acceptSaved). Never in an embed.
 */
export function chooseSaved(found: Found, parsed: ParsedUrl, search: string): Slot | null {
  if (parsed.settings.embed) return null;
  const exact = found.slots.find((s) => s.work.search === search);
  if (exact) return exact;
  const newest = found.slots[0];
  const work = newest ? acceptSaved(newest.work, parsed, search) : null;
  return newest && work ? { slot: newest.slot, work } : null;
}

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
  const saved = hyperSettings(work.hyper);
  const hyper = hyperOf(
    Object.fromEntries(HYPER_PARAMS.map((k) => [k, given.has(k) ? settings[k] : saved[k]])) as HyperSettings,
  );
  const input: InputSource =
    settings.image !== null ? { kind: "test", index: settings.image, label: null } : work.input;
  return { ...work, hyper, input };
}
