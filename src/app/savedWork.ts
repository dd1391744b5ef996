// The page's saved work: IndexedDB through idb-keyval, in slots (src/store/savedWork.ts) so two links or two tabs
// never overwrite each other, restored when the URL allows it and saved as the work changes (autosave.ts). Storage
// is best-effort: a browser that refuses it, throws, is full or never answers costs the page at most STORAGE_WAIT_MS
// at the start and one sentence saying the work can't be saved; "Reset to defaults" works whatever storage does.
import { createStore as createIdbStore, del, get, keys, set, type UseStore } from "idb-keyval";
import type { AppStore } from "../store/appStore.ts";
import {
  chooseSaved,
  createSavedWork,
  FIRST_SLOT,
  newSlot,
  type Found,
  type KeyValueStore,
  type SavedWork,
  type SavedWorkStore,
} from "../store/savedWork.ts";
import { URL_PARAM_NAMES, type ParsedUrl } from "../store/urlState.ts";
import type { TrainingClient } from "../worker/training/client.ts";
import { autosave } from "./autosave.ts";

/** The longest the page waits on storage, at the start or for one call, before going on without it. */
export const STORAGE_WAIT_MS = 2000;
/** How long a page waits for its slot's lock: a reloaded tab's old page lets go of it as it unloads. */
const CLAIM_WAIT_MS = 1500;

/** Why storage failed, in words for "Your work can't be saved in this browser: …". */
export class StorageError extends Error {}

const NO_STORAGE = "the browser does not let this page use its storage (IndexedDB)";

/**
 * idb-keyval in its own database and object store, so it never meets another app's keys. The database is opened at
 * the first call, inside it: a browser without IndexedDB, or one that throws, makes every call reject, never throw.
 */
export function idbKeyValueStore(): KeyValueStore {
  let store: UseStore | null = null;
  const call = <T>(fn: (store: UseStore) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (typeof indexedDB === "undefined") throw new StorageError(NO_STORAGE);
      store ??= createIdbStore("mnist-explorable", "saved-work");
      fn(store).then(resolve, reject);
    });
  return {
    get: (key) => call((s) => get(key, s)),
    set: (key, value) => call((s) => set(key, value, s)),
    del: (key) => call((s) => del(key, s)),
    keys: () => call((s) => keys<string>(s)),
  };
}

/** `call()`, settled within `ms`: a call that throws rejects, and one that never answers rejects in time. */
export function within<T>(call: () => Promise<T>, ms: number = STORAGE_WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new StorageError(`its storage did not answer within ${ms / 1000} seconds`)),
      ms,
    );
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    try {
      call().then(
        (v) => settle(() => resolve(v)),
        (e: unknown) => settle(() => reject(e)),
      );
    } catch (err) {
      settle(() => reject(err));
    }
  });
}

/** `kv` with every call settled within `ms` (see `within`). */
export function patient(kv: KeyValueStore, ms: number = STORAGE_WAIT_MS): KeyValueStore {
  return {
    get: (key) => within(() => kv.get(key), ms),
    set: (key, value) => within(() => kv.set(key, value), ms),
    del: (key) => within(() => kv.del(key), ms),
    keys: () => within(() => kv.keys(), ms),
  };
}

/** What a storage failure means for the user: "the storage for this site is full", and the like. */
export function storageProblem(err: unknown): string {
  if (err instanceof StorageError) return err.message;
  const name = err instanceof Error || err instanceof DOMException ? err.name : "";
  const detail = err instanceof Error || err instanceof DOMException ? err.message : String(err);
  if (name === "QuotaExceededError") return "the storage for this site is full";
  if (name === "SecurityError" || name === "InvalidStateError" || /indexedDB/i.test(detail))
    return NO_STORAGE;
  return detail.replace(/\.$/, "") || "its storage failed";
}

/** Claims on slots across the tabs of this browser (Web Locks), so two tabs never save into one slot. */
export interface SlotLocks {
  /** Holds `slot` for as long as the page lives; false when another tab holds it (after waiting `waitMs`). */
  claim(slot: string, waitMs: number): Promise<boolean>;
  /** The slots other pages hold now. */
  held(): Promise<readonly string[]>;
}

const LOCK_PREFIX = "mnist-explorable:";

/** navigator.locks; without them (an old browser) every claim succeeds, as one tab per browser is the usual case. */
export function webLocks(): SlotLocks {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  if (!locks) return { claim: async () => true, held: async () => [] };
  return {
    claim: (slot, waitMs) =>
      new Promise<boolean>((resolve) => {
        const signal = AbortSignal.timeout(waitMs);
        locks
          .request(`${LOCK_PREFIX}${slot}`, { signal }, () => {
            resolve(true);
            return new Promise<void>(() => {}); // held until the page goes away
          })
          .catch(() => resolve(false));
      }),
    held: async () =>
      ((await locks.query()).held ?? [])
        .map((l) => l.name ?? "")
        .filter((n) => n.startsWith(LOCK_PREFIX))
        .map((n) => n.slice(LOCK_PREFIX.length)),
  };
}

/** What the page's saved work needs: the store, locks, the URL it was opened with, where "Reset to defaults" goes. */
export interface PageSavedWork {
  readonly work: SavedWorkStore;
  readonly locks: SlotLocks;
  readonly parsed: ParsedUrl;
  /** The page's query string now (the app writes its settings into it). */
  readonly search: () => string;
  readonly defaultsUrl: () => string;
  /** Goes to `url` in place of this page (location.replace). */
  readonly navigate: (url: string) => void;
}

/**
 * The page's saved work: IndexedDB, every call within STORAGE_WAIT_MS; "Reset to defaults" goes to this page without
 * the settings parameters (`hide=` and other pages' own parameters stay).
 */
export function pageSavedWork(parsed: ParsedUrl): PageSavedWork {
  return {
    work: createSavedWork(patient(idbKeyValueStore())),
    locks: webLocks(),
    parsed,
    search: () => window.location.search,
    defaultsUrl() {
      const params = new URLSearchParams(window.location.search);
      for (const name of URL_PARAM_NAMES) if (name !== "hide") params.delete(name);
      const query = params.toString().replace(/%2C/gi, ",");
      return `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
    },
    navigate: (url) => window.location.replace(url),
  };
}

/** How the page starts: from saved work (its weights and settings), or as usual. */
export interface SavedStart {
  readonly fromSaved: (work: SavedWork) => void;
  readonly fromDefaults: () => void;
}

/** A user-facing sentence, shown once: now if no other notice is up, else as soon as that one is dismissed. */
export function tellOnce(store: AppStore): (message: string) => void {
  const told = new Set<string>();
  return (message) => {
    if (told.has(message)) return;
    told.add(message);
    const show = () => store.setState({ notice: { kind: "info", message, action: null } });
    if (store.getState().notice === null) return show();
    const off = store.subscribe((s) => {
      if (s.notice !== null) return;
      off();
      show();
    });
  };
}

/**
 * Restores the saved work the URL keeps (within STORAGE_WAIT_MS, else starts without it), claims a slot of its own
 * and saves into it as the work changes. Returns "Reset to defaults" and the stop function.
 */
export function startSavedWork(
  saved: PageSavedWork,
  store: AppStore,
  client: TrainingClient,
  start: SavedStart,
  random: () => number = Math.random,
): { resetToDefaults(): Promise<void>; stop(): void } {
  const tell = tellOnce(store);
  const cantSave = (err: unknown) =>
    tell(`Your work can't be saved in this browser: ${storageProblem(err)}.`);
  let slot: string | null = null;
  let storageWorks = true;
  let pruned = false;
  const saver = autosave(store, client, {
    async save(work) {
      if (slot === null || !storageWorks) return;
      await saved.work.save(slot, work);
      if (pruned) return;
      pruned = true; // a new slot may make one too many: the oldest no open tab uses goes
      const inUse = await saved.locks.held();
      await saved.work.prune([...inUse, slot]);
    },
    onError: cantSave,
    search: saved.search,
  });
  void within(() => saved.work.find()).then(
    (f) => {
      const chosen = chooseSaved(f, saved.parsed, saved.search());
      for (const reason of f.unreadable)
        tell(`Your work saved on a previous visit could not be read (${reason}) and was discarded.`);
      if (chosen) start.fromSaved(chosen.work);
      else start.fromDefaults();
      void claimSlot(saved, f, chosen?.slot ?? null, random).then((claim) => {
        slot = claim.slot;
        if (claim.shared)
          tell(
            "This explorable is open in another tab too: the work in this tab is saved separately, so " +
              "neither tab overwrites the other's.",
          );
      });
    },
    (err: unknown) => {
      storageWorks = false;
      start.fromDefaults();
      cantSave(err);
    },
  );
  return {
    async resetToDefaults() {
      saver.stop();
      if (storageWorks) await saved.work.clearAll().catch(() => undefined);
      saved.navigate(saved.defaultsUrl());
    },
    stop: saver.stop,
  };
}

/**
 * The slot this page saves into: the one it started from, else the first slot if nothing is in it, else a new one —
 * as long as no other open tab holds it; if one does, a new slot (`shared`: the user is told).
 */
async function claimSlot(
  saved: PageSavedWork,
  found: Found,
  from: string | null,
  random: () => number,
): Promise<{ slot: string; shared: boolean }> {
  const wanted = from ?? (found.slots.some((s) => s.slot === FIRST_SLOT) ? newSlot(random) : FIRST_SLOT);
  if (await saved.locks.claim(wanted, CLAIM_WAIT_MS)) return { slot: wanted, shared: false };
  const own = newSlot(random);
  await saved.locks.claim(own, CLAIM_WAIT_MS);
  return { slot: own, shared: true };
}
