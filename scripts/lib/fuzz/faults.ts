// Faults injected into the built app, each with the sentence the page must show: a training worker whose script
// is missing or is a page, IndexedDB that throws, never answers or is full, two tabs, a worker terminated without a
// word, and a huge Step that Pause must stop. The init scripts are also the e2e fault tests' (e2e/faults.spec.ts).
import type { BrowserContext, Page } from "@playwright/test";

/** In the page, before the app: IndexedDB refuses to open. */
export function idbThrows(): void {
  IDBFactory.prototype.open = () => {
    throw new DOMException("The user denied permission to access the database.", "SecurityError");
  };
}

/** In the page, before the app: IndexedDB's open request never answers. */
export function idbSilent(): void {
  IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest;
}

/** In the page, before the app: every write finds the storage full. */
export function quotaFull(): void {
  IDBObjectStore.prototype.put = () => {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  };
}

/** In the page, before the app: keeps every Worker started, as window.startedWorkers, so one can be terminated. */
export function trackWorkers(): void {
  const Native = window.Worker;
  const started: Worker[] = [];
  (window as unknown as { startedWorkers: Worker[] }).startedWorkers = started;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      started.push(this);
    }
  };
}

/** The training worker's script, as the build names it (for page.route). */
export const TRAINING_WORKER_SCRIPT = "**/training.worker-*.js";

/** What a server may send in place of the training worker's script: nothing (404), or a page. */
export const BROKEN_WORKER_SCRIPTS = [
  { what: "missing (404)", reply: { status: 404, body: "not found" } },
  {
    what: "served as a page",
    reply: { status: 200, contentType: "text/html", body: "<!doctype html><p>app</p>" },
  },
] as const;

/** One fault: it runs in a fresh context at `base` and returns the message the page showed, or throws. */
export interface Fault {
  readonly name: string;
  /** The sentence (a part of it) the page must show. */
  readonly message: string;
  run(context: BrowserContext, base: string): Promise<void>;
}

const READY = 60_000;

/** Waits until the explorable is ready to train (Play enabled). */
async function ready(page: Page): Promise<void> {
  await page
    .getByRole("button", { name: "Play", exact: true })
    .and(page.locator(":enabled"))
    .waitFor({ timeout: READY });
}

/** Waits until a notice shows `text`. */
async function says(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.locator(".notice", { hasText: text }).first().waitFor({ timeout });
}

export const FAULTS: readonly Fault[] = [
  ...BROKEN_WORKER_SCRIPTS.map(({ what, reply }): Fault => ({
    name: `training worker script ${what}`,
    message: "The training engine could not start:",
    async run(context, base) {
      const page = await context.newPage();
      await page.route(TRAINING_WORKER_SCRIPT, (r) => r.fulfill(reply));
      await page.goto(base);
      await says(page, this.message);
    },
  })),
  {
    name: "IndexedDB throws",
    message: "Your work can't be saved in this browser: the browser does not let this page use its storage",
    async run(context, base) {
      const page = await context.newPage();
      await page.addInitScript(idbThrows);
      await page.goto(`${base}?lr=0.5`);
      await says(page, this.message);
    },
  },
  {
    name: "IndexedDB never answers",
    message: "Your work can't be saved in this browser: its storage did not answer within 2 seconds.",
    async run(context, base) {
      const page = await context.newPage();
      await page.addInitScript(idbSilent);
      await page.goto(`${base}?lr=0.5`);
      await says(page, this.message);
    },
  },
  {
    name: "storage quota full",
    message: "Your work can't be saved in this browser: the storage for this site is full.",
    async run(context, base) {
      const page = await context.newPage();
      await page.addInitScript(quotaFull);
      await page.goto(base);
      await ready(page);
      await page.getByRole("button", { name: "Reset", exact: true }).click();
      await says(page, this.message);
    },
  },
  {
    name: "two tabs",
    message: "This explorable is open in another tab too",
    async run(context, base) {
      const first = await context.newPage();
      await first.goto(base);
      await ready(first);
      const second = await context.newPage();
      await second.goto(base);
      await says(second, this.message);
    },
  },
  {
    name: "training worker terminated without a word",
    message: "The training worker stopped answering and was restarted with the last good weights.",
    async run(context, base) {
      const page = await context.newPage();
      await page.addInitScript(trackWorkers);
      await page.goto(base);
      await ready(page);
      await page.evaluate(() =>
        (window as unknown as { startedWorkers: Worker[] }).startedWorkers.at(-1)!.terminate(),
      );
      await says(page, this.message);
    },
  },
  {
    name: "a Step of 60,000 images on 784-512×4-10, then Pause",
    message: "Play",
    async run(context, base) {
      const page = await context.newPage();
      await page.goto(`${base}?hidden=512,512,512,512&batch=60000&activation=relu&model=none`);
      await ready(page);
      await page.getByRole("button", { name: "Step", exact: true }).click();
      await page.getByRole("button", { name: "Pause", exact: true }).waitFor({ timeout: READY });
      await page.getByRole("button", { name: "Pause", exact: true }).click();
      // The worker must answer within one slice: Play is back at once, not after the step.
      await page.getByRole("button", { name: "Play", exact: true }).waitFor({ timeout: 2000 });
    },
  },
];
