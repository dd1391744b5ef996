// @vitest-environment jsdom
// Starting an explorable from saved work, and storage that fails: restored weights and settings, a corrupt record
// discarded with a notice, the work saved once the user changes something; IndexedDB that throws, never answers or
// is full costs at most 2 s and one sentence, never a false "discarded"; "Reset to defaults" always goes; two tabs
// and two links keep their own slots.
import { afterEach, describe, expect, it, vi } from "vitest";
import { patient, type PageSavedWork, type SlotLocks } from "../../src/app/savedWork.ts";
import { startExplorable } from "../../src/app/startExplorable.ts";
import { modelToJson, parseModel } from "../../src/engine/model.ts";
import { createNetwork } from "../../src/engine/network.ts";
import { PRESETS } from "../../src/engine/presets.ts";
import { createSavedWork, type KeyValueStore, type SavedWork } from "../../src/store/savedWork.ts";
import { parseUrlSettings } from "../../src/store/urlState.ts";
import type { Command, WorkerEvent } from "../../src/worker/training/protocol.ts";
import { fakeTrainingWorker as fakeWorker } from "../worker/training/fakeWorker.ts";

afterEach(() => vi.useRealTimers());

function memoryStore(): KeyValueStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: (key) => Promise.resolve(map.get(key)),
    set: (key, value) => Promise.resolve(void map.set(key, value)),
    del: (key) => Promise.resolve(void map.delete(key)),
    keys: () => Promise.resolve([...map.keys()]),
  };
}

/** Web Locks shared by the pages of one browser: a slot held by one page cannot be claimed by another. */
function lockTable() {
  const holders = new Map<string, number>();
  let pages = 0;
  return {
    holders,
    forPage(): SlotLocks {
      const page = ++pages;
      return {
        claim: async (slot) => {
          if ((holders.get(slot) ?? page) !== page) return false;
          holders.set(slot, page);
          return true;
        },
        held: async () => [...holders.keys()],
      };
    },
  };
}

const spec = PRESETS["3b1b"].spec;
const net = createNetwork(spec, 11);
const origin = { kind: "trained", from: { kind: "pretrained", checkpoint: 30 }, epochs: 3 } as const;
const pretrained = { kind: "pretrained", checkpoint: 30 } as const;
const work: SavedWork = {
  version: 2,
  origin,
  model: modelToJson(net),
  spec,
  hyper: { learningRate: 0.25, batchSize: 20, weightDecay: 0, momentum: 0, lrSchedule: 1 },
  seed: 11,
  input: { kind: "pad" },
  search: "",
  savedAt: 1,
};
const base = { dataUrl: "http://x/data/mnist", modelsUrl: "http://x/models", checkpoint: 30 } as const;
const initOf = (w: { sent: Command[] }) =>
  w.sent.find((c) => c.op === "init") as Extract<Command, { op: "init" }> | undefined;
const pretrainedInit = { url: "http://x/models/3b1b-epoch-30.json", origin: pretrained };

/** A page of the app at `search` over the key-value store `kv`; `navigate` records where Reset to defaults went. */
function openPage(kv: KeyValueStore, { search = "", locks = lockTable().forPage() } = {}) {
  const navigate = vi.fn();
  const saved: PageSavedWork = {
    work: createSavedWork(patient(kv)),
    locks,
    parsed: parseUrlSettings(search),
    search: () => search,
    defaultsUrl: () => "/",
    navigate,
  };
  const worker = fakeWorker();
  const started = startExplorable({ ...base, saved }, () => worker);
  const send = (e: WorkerEvent) => worker.emit(e);
  /** The worker is ready, then a step ends with `weights` good: the page saves them after 500 ms. */
  const stepTo = (seed: number) => {
    const stepped = createNetwork(spec, seed);
    send({ type: "ready", spec, trainCount: 1, testCount: 1, origin: pretrained });
    send({ type: "lastGood", spec, weights: { w: stepped.w, b: stepped.b }, origin });
    send({ type: "paused", reason: "step" });
    return stepped;
  };
  return { ...started, worker, navigate, send, stepTo };
}

const notice = (page: ReturnType<typeof openPage>) => page.store.getState().notice?.message ?? "";
const savedWeights = (value: unknown) => Array.from(parseModel((value as SavedWork).model).net.w[1]!);

describe("startExplorable(options with saved work)", () => {
  it("starts from the saved weights, their origin and the settings", async () => {
    const kv = memoryStore();
    kv.map.set("work", work);
    const page = openPage(kv);
    await vi.waitFor(() => expect(initOf(page.worker)).toBeDefined());
    const init = initOf(page.worker)!;
    expect(init.model).toEqual({ text: work.model, origin });
    expect(init.hyper).toEqual(work.hyper);
    expect(page.store.getState().seed).toBe(11);
    expect(typeof page.savedWork?.resetToDefaults).toBe("function");
  });

  it("discards a corrupt record with a notice and starts from the pretrained model", async () => {
    const kv = memoryStore();
    kv.map.set("work", { version: 1, model: "{" });
    const page = openPage(kv);
    await vi.waitFor(() => expect(initOf(page.worker)).toBeDefined());
    expect(initOf(page.worker)!.model).toEqual(pretrainedInit);
    expect(notice(page)).toMatch(/could not be read .* discarded/);
    expect(kv.map.size).toBe(0);
  });

  it("saves the worker's last good weights shortly after training pauses", async () => {
    const kv = memoryStore();
    const page = openPage(kv);
    await vi.waitFor(() => expect(initOf(page.worker)).toBeDefined());
    await new Promise((r) => setTimeout(r, 0)); // the slot is claimed
    vi.useFakeTimers();
    page.send({ type: "ready", spec, trainCount: 1, testCount: 1, origin: pretrained });
    page.send({ type: "lastGood", spec, weights: { w: net.w, b: net.b }, origin: pretrained });
    await vi.advanceTimersByTimeAsync(1000);
    expect(kv.map.size).toBe(0); // nothing changed yet
    const stepped = page.stepTo(12);
    await vi.advanceTimersByTimeAsync(1000);
    const saved = kv.map.get("work") as SavedWork;
    expect(savedWeights(saved)).toEqual(Array.from(stepped.w[1]!));
    expect(saved.origin).toEqual(origin);
    expect(page.worker.sent.filter((c) => c.op === "lastGoodText")).toHaveLength(1); // written by the worker
  });
});

describe("storage that fails", () => {
  const throwing = (): KeyValueStore => {
    const fail = () => {
      throw new DOMException("The user denied permission to access the database.", "SecurityError");
    };
    return { get: fail, set: fail, del: fail, keys: fail };
  };

  it("IndexedDB that throws: no false 'discarded', one sentence, the usual start, Reset to defaults goes", async () => {
    const page = openPage(throwing());
    await vi.waitFor(() => expect(initOf(page.worker)).toBeDefined());
    expect(initOf(page.worker)!.model).toEqual(pretrainedInit);
    expect(notice(page)).toBe(
      "Your work can't be saved in this browser: the browser does not let this page use its storage (IndexedDB).",
    );
    await page.savedWork!.resetToDefaults();
    expect(page.navigate).toHaveBeenCalledWith("/");
  });

  it("IndexedDB that never answers: the page starts without it after 2 s, and Reset to defaults still goes", async () => {
    vi.useFakeTimers();
    const never = new Promise<never>(() => {});
    const page = openPage({ get: () => never, set: () => never, del: () => never, keys: () => never });
    await vi.advanceTimersByTimeAsync(1999);
    expect(initOf(page.worker)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(initOf(page.worker)!.model).toEqual(pretrainedInit);
    expect(notice(page)).toBe(
      "Your work can't be saved in this browser: its storage did not answer within 2 seconds.",
    );
    void page.savedWork!.resetToDefaults();
    await vi.advanceTimersByTimeAsync(0);
    expect(page.navigate).toHaveBeenCalledWith("/"); // storage known to be dead: it is not asked again
  });

  it("a full quota says so once, not on every save", async () => {
    const kv = memoryStore();
    const full = {
      ...kv,
      set: () => Promise.reject(new DOMException("Quota exceeded", "QuotaExceededError")),
    };
    const page = openPage(full);
    await vi.waitFor(() => expect(initOf(page.worker)).toBeDefined());
    await new Promise((r) => setTimeout(r, 0));
    vi.useFakeTimers();
    page.stepTo(12);
    await vi.advanceTimersByTimeAsync(1000);
    expect(notice(page)).toBe("Your work can't be saved in this browser: the storage for this site is full.");
    page.store.getState().dismissNotice();
    page.stepTo(13);
    await vi.advanceTimersByTimeAsync(1000);
    expect(page.store.getState().notice).toBeNull();
  });

  it("a notice already up (the URL's problems) is not replaced: the storage sentence waits for it to go", async () => {
    const kv = throwing();
    const page = openPage(kv);
    page.store.setState({ notice: { kind: "url", message: "lr=abc is not …", action: null } });
    await vi.waitFor(() => expect(initOf(page.worker)).toBeDefined());
    expect(notice(page)).toBe("lr=abc is not …");
    page.store.getState().dismissNotice();
    expect(notice(page)).toMatch(/^Your work can't be saved in this browser/);
  });
});

describe("two tabs and two links", () => {
  it("a second tab on the same link starts from the first's work, is told, and saves in its own slot", async () => {
    const kv = memoryStore();
    const locks = lockTable();
    const first = openPage(kv, { locks: locks.forPage() });
    await vi.waitFor(() => expect(locks.holders.has("work")).toBe(true));
    vi.useFakeTimers();
    const one = first.stepTo(12);
    await vi.advanceTimersByTimeAsync(1000);
    vi.useRealTimers();

    const second = openPage(kv, { locks: locks.forPage() });
    await vi.waitFor(() => expect(notice(second)).toMatch(/open in another tab too/));
    expect(initOf(second.worker)!.model).toMatchObject({ origin });
    vi.useFakeTimers();
    const two = second.stepTo(13);
    await vi.advanceTimersByTimeAsync(1000);
    const slots = [...kv.map.keys()];
    expect(slots).toHaveLength(2);
    expect(savedWeights(kv.map.get("work"))).toEqual(Array.from(one.w[1]!));
    const other = slots.find((k) => k !== "work")!;
    expect(savedWeights(kv.map.get(other))).toEqual(Array.from(two.w[1]!));
  });

  it("a link that names another network starts afresh and never overwrites the first link's work", async () => {
    const kv = memoryStore();
    kv.map.set("work", { ...work, search: "?seed=11" });
    const page = openPage(kv, { search: "?hidden=32" });
    await vi.waitFor(() => expect(initOf(page.worker)).toBeDefined());
    expect(initOf(page.worker)!.model).toEqual(pretrainedInit);
    await new Promise((r) => setTimeout(r, 0));
    vi.useFakeTimers();
    page.stepTo(14);
    await vi.advanceTimersByTimeAsync(1000);
    expect(kv.map.size).toBe(2);
    expect(kv.map.get("work")).toEqual({ ...work, search: "?seed=11" });
    vi.useRealTimers();
    // Back on the first link: its own work comes back.
    const back = openPage(kv, { search: "?seed=11" });
    await vi.waitFor(() => expect(initOf(back.worker)).toBeDefined());
    expect(initOf(back.worker)!.model).toEqual({ text: work.model, origin });
  });
});
