// The fuzz and fault suite's runner: serves the build, opens each random address, loads each malformed model
// file, posts each hostile message to an embed on another origin, and injects each fault, in Chromium; it counts
// page errors, injections, hangs (no page, answer or message within 5 s) and missing messages. Seeded and bounded:
// the same options give the same cases.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { createRng } from "../../../src/engine/rng.ts";
import { serveStatic, type StaticHost } from "../staticServer.ts";
import { FAULTS } from "./faults.ts";
import { messageCases } from "./messages.ts";
import { modelCases } from "./models.ts";
import { INJECTED_FLAG, injectedInPage } from "./payloads.ts";
import { urlCases } from "./urls.ts";

export interface FuzzOptions {
  readonly seed: number;
  readonly urls: number;
  readonly models: number;
  readonly messages: number;
  /** Names of FAULTS to run (all by default). */
  readonly faults?: readonly string[];
  /** The built app's folder. */
  readonly dist?: string;
  readonly port?: number;
}

export interface FuzzSummary {
  readonly seed: number;
  readonly cases: { urls: number; models: number; messages: number; faults: number; total: number };
  readonly pageErrors: number;
  readonly injections: number;
  readonly hangs: number;
  readonly missingMessages: number;
  /** The first problems found, one line each (at most 20). */
  readonly failures: string[];
  readonly seconds: number;
}

/** A page's settled state: some heading, panel or message is there (a blank page never settles). */
const SETTLED = "h1, h2, .panel, [role=alert], .page-guard";
/** What counts as a message on any page. */
const MESSAGE = "[role=alert], .notice";
const HANG_MS = 5000;

class Tally {
  pageErrors = 0;
  injections = 0;
  hangs = 0;
  missingMessages = 0;
  readonly failures: string[] = [];
  fail(kind: "pageErrors" | "injections" | "hangs" | "missingMessages", what: string): void {
    this[kind]++;
    if (this.failures.length < 20) this.failures.push(`${kind}: ${what.slice(0, 300)}`);
  }
  /** Counts a page's uncaught errors (and its frames') from now on, against `what()` is being tried. */
  watch(page: Page, what: () => string): void {
    page.on("pageerror", (e) => this.fail("pageErrors", `${what()}: ${e.message}`));
  }
}

async function injected(page: Page): Promise<boolean> {
  const frames = page.frames();
  const seen = await Promise.all(
    frames.map((f) => f.evaluate(injectedInPage, INJECTED_FLAG).catch(() => false)),
  );
  return seen.some(Boolean);
}

async function fuzzUrls(context: BrowserContext, base: string, opts: FuzzOptions, t: Tally): Promise<number> {
  const cases = urlCases(createRng(opts.seed), opts.urls);
  let current = "";
  let page = await context.newPage();
  t.watch(page, () => current);
  for (const [i, c] of cases.entries()) {
    current = c.url;
    if (i % 50 === 49) {
      await page.close();
      page = await context.newPage();
      t.watch(page, () => current);
    }
    await page.goto(new URL(c.url.replace(/^\//, ""), base).href, { waitUntil: "commit" }).catch(() => {});
    const settled = await page.waitForSelector(SETTLED, { timeout: HANG_MS }).then(
      () => true,
      () => false,
    );
    if (!settled) t.fail("hangs", `${c.url}: nothing on the page after ${HANG_MS / 1000} s`);
    if (c.expectsMessage) {
      const said = await page.waitForSelector(MESSAGE, { timeout: HANG_MS }).then(
        () => true,
        () => false,
      );
      if (!said) t.fail("missingMessages", `${c.url}: refused but said nothing`);
    }
    if (await injected(page)) t.fail("injections", c.url);
  }
  await page.close();
  return cases.length;
}

async function fuzzModels(
  context: BrowserContext,
  base: string,
  opts: FuzzOptions,
  t: Tally,
): Promise<number> {
  const valid = readFileSync(resolve(opts.dist ?? "dist", "models", "3b1b-epoch-0.json"), "utf8");
  const cases = modelCases(createRng(opts.seed + 1), valid, opts.models);
  let current = "";
  const page = await context.newPage();
  t.watch(page, () => `model ${current}`);
  await page.goto(`${base}?model=none`);
  await page
    .getByRole("button", { name: "Play", exact: true })
    .and(page.locator(":enabled"))
    .waitFor({ timeout: 60_000 });
  const input = page.getByLabel("Model file");
  for (const c of cases) {
    current = c.name;
    await page.evaluate(() =>
      document
        .querySelectorAll(".notice button")
        .forEach((b) => b.textContent === "Dismiss" && (b as HTMLButtonElement).click()),
    );
    await input.setInputFiles({ name: c.name, mimeType: "application/json", buffer: Buffer.from(c.text) });
    const weights = page.locator(".counters dd").filter({ hasText: /^opened from / });
    const outcome = await Promise.race([
      page
        .locator(".notice", { hasText: "is not a usable network" })
        .first()
        .waitFor({ timeout: HANG_MS })
        .then(() => "refused"),
      weights
        .filter({ hasText: c.name.slice(0, 12) })
        .first()
        .waitFor({ timeout: HANG_MS })
        .then(() => "loaded"),
    ]).catch(() => "nothing");
    if (outcome === "nothing")
      t.fail(c.valid ? "hangs" : "missingMessages", `model ${c.name}: no answer in 5 s`);
    else if (outcome === "refused" && c.valid)
      t.fail("missingMessages", `model ${c.name}: a valid model was refused`);
    else if (outcome === "refused") {
      const text = (await page.locator(".notice").first().textContent()) ?? "";
      if (!text.includes("fuzz-"))
        t.fail("missingMessages", `model ${c.name}: the message does not name the file`);
    }
    if (await injected(page)) t.fail("injections", `model ${c.name}`);
  }
  await page.close();
  return cases.length;
}

async function fuzzMessages(
  context: BrowserContext,
  base: string,
  host: StaticHost,
  hostOrigin: string,
  opts: FuzzOptions,
  t: Tally,
): Promise<number> {
  const cases = messageCases(createRng(opts.seed + 2), opts.messages);
  const src = `${base}?embed=1&view=output&model=none&origins=${encodeURIComponent(hostOrigin)}`;
  host.page(
    "/fuzz-host.html",
    `<!doctype html><title>host</title><iframe id="app" src="${src}" width="600" height="500"></iframe>
     <script>window.events = []; addEventListener("message", (e) => { if (e.data && e.data.type === "nn-explorable") window.events.push(e.data); });</script>`,
  );
  const page = await context.newPage();
  let current = "";
  t.watch(page, () => `message ${current}`);
  await page.goto(`${hostOrigin}/fuzz-host.html`);
  await page.waitForFunction(
    () => (window as unknown as { events: { event: string }[] }).events.some((e) => e.event === "ready"),
    null,
    { timeout: 60_000 },
  );
  for (const c of cases) {
    current = JSON.stringify(c.data).slice(0, 200);
    const before = await eventCount(page, c.expects);
    await page.evaluate(
      (data) => (document.getElementById("app") as HTMLIFrameElement).contentWindow!.postMessage(data, "*"),
      c.data as never,
    );
    if (c.expects === "nothing") continue;
    const answered = await waitUntil(async () => (await eventCount(page, c.expects)) > before);
    if (!answered)
      t.fail(
        c.expects === "settings" ? "hangs" : "missingMessages",
        `message ${current}: no ${c.expects} in 5 s`,
      );
  }
  if (await injected(page)) t.fail("injections", "messages");
  await page.close();
  return cases.length;
}

/** How many `event` events the host page has heard. */
function eventCount(page: Page, event: string): Promise<number> {
  return page.evaluate(
    (name) =>
      (window as unknown as { events: { event: string }[] }).events.filter((e) => e.event === name).length,
    event,
  );
}

async function waitUntil(ok: () => Promise<boolean>): Promise<boolean> {
  const end = Date.now() + HANG_MS;
  while (Date.now() < end) {
    if (await ok()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return ok();
}

async function fuzzFaults(browser: Browser, base: string, opts: FuzzOptions, t: Tally): Promise<number> {
  const faults = FAULTS.filter((f) => !opts.faults || opts.faults.includes(f.name));
  for (const fault of faults) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    context.on("page", (p) => t.watch(p, () => `fault ${fault.name}`));
    await fault
      .run(context, base)
      .catch((err: unknown) =>
        t.fail(
          "missingMessages",
          `fault ${fault.name}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`,
        ),
      );
    await context.close();
  }
  return faults.length;
}

/** Runs the suite against the build in `opts.dist` (default dist/) and sums up what went wrong. */
export async function runFuzz(browser: Browser, opts: FuzzOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const port = opts.port ?? 4181;
  const app = await serveStatic(port, { "/": resolve(opts.dist ?? "dist") + "/" });
  const host = await serveStatic(port + 1, {});
  const base = `http://127.0.0.1:${port}/`;
  const t = new Tally();
  try {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const urls = await fuzzUrls(context, base, opts, t);
    const models = await fuzzModels(context, base, opts, t);
    const messages = await fuzzMessages(context, base, host, `http://127.0.0.1:${port + 1}`, opts, t);
    await context.close();
    const faults = await fuzzFaults(browser, base, opts, t);
    return {
      seed: opts.seed,
      cases: { urls, models, messages, faults, total: urls + models + messages + faults },
      pageErrors: t.pageErrors,
      injections: t.injections,
      hangs: t.hangs,
      missingMessages: t.missingMessages,
      failures: t.failures,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await app.close();
    await host.close();
  }
}
