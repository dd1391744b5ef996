// bench:ui's start-up measures: a counting proxy in front of the preview server (the bytes the browser received, and
// when, the worker's downloads included), fresh pages, the time from navigation to the first prediction of a
// stroke, and the time from Reset + Play to 95 % accuracy on the test set, each with the bytes transferred before it.
import { createServer, request, type Server } from "node:http";
import type { Browser, Page } from "@playwright/test";

/** Response bytes (headers and body, as sent on the wire: compressed where the server compresses) over time. */
export interface ByteLog {
  /** Bytes sent to the browser in [from, to], both ms since the epoch (Date.now, performance.timeOrigin + now). */
  between(from: number, to: number): number;
  close(): Promise<void>;
}

/** Listens on `port` and forwards everything to `target` on 127.0.0.1, noting each chunk of each answer. */
export function countingProxy(port: number, target: number): Promise<ByteLog> {
  const log: { t: number; n: number }[] = [];
  const note = (n: number) => log.push({ t: Date.now(), n });
  const server: Server = createServer((req, res) => {
    const upstream = request(
      { host: "127.0.0.1", port: target, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        note(JSON.stringify(answer.headers).length + 16); // the status line and headers, roughly
        answer.on("data", (chunk: Buffer) => {
          note(chunk.length);
          res.write(chunk);
        });
        answer.on("end", () => res.end());
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((done) =>
    server.listen(port, "127.0.0.1", () =>
      done({
        between: (from, to) => log.filter((e) => e.t >= from && e.t <= to).reduce((s, e) => s + e.n, 0),
        close: () => new Promise((closed) => server.close(() => closed())),
      }),
    ),
  );
}

/** A page in a fresh context (nothing cached), with the helper tsx's compiled callbacks need. */
export async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    serviceWorkers: "block",
  });
  const page = await context.newPage();
  await page.addInitScript({ content: "window.__name = (f) => f;" });
  return page;
}

/** Waits until Play is enabled: the training data is in. */
export async function dataReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const b = [...document.querySelectorAll("button")].find((x) => x.textContent === "Play");
      return b && !b.disabled;
    },
    null,
    { timeout: 120_000 },
  );
}

/** The page's clock origin, ms since the epoch (to read the byte log at the page's moments). */
const timeOrigin = (page: Page) => page.evaluate(() => performance.timeOrigin);

/** The first prediction's figures: ms from navigation, and its parts; the bytes received till then. */
export interface FirstPrediction {
  readonly ms: number;
  /** Navigation to the pad on screen. */
  readonly padMs: number;
  /** The stroke itself: 15 pointer events, which the page takes in at most one per display frame. */
  readonly strokeMs: number;
  /** The pen lifted to the prediction shown. */
  readonly answerMs: number;
  readonly bytes: number;
}

/** Ms from navigation to the first prediction of a 7 drawn the moment the pad is on screen, and the bytes till then. */
export async function firstPrediction(
  browser: Browser,
  url: string,
  bytes: ByteLog,
): Promise<FirstPrediction> {
  const page = await freshPage(browser);
  const from = Date.now(); // bytes are counted from here: the last page's downloads may end just before
  await page.goto(url);
  const canvas = page.locator('canvas[aria-label="Drawing pad"]');
  await canvas.waitFor();
  const padMs = await page.evaluate(() => performance.now());
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.2, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.85, { steps: 8 });
  await page.mouse.up();
  const upMs = await page.evaluate(() => performance.now());
  await page.waitForFunction(
    () =>
      document
        .querySelector('section[aria-label="Output layer"] [aria-live="polite"]')
        ?.textContent?.startsWith("Prediction:"),
    null,
    { timeout: 60_000 },
  );
  const ms = await page.evaluate(() => performance.now());
  const origin = await timeOrigin(page);
  await page.context().close();
  return { ms, padMs, strokeMs: upMs - padMs, answerMs: ms - upMs, bytes: bytes.between(from, origin + ms) };
}

/**
 * When the cost curve first showed a test accuracy ≥ 95 % on all 10,000 test images (an evaluation at an epoch's
 * end) after Reset. The subset evaluations (the first 1,000) come early and close together, so the curve's latest
 * test is soon a full one: they are not timed.
 */
export interface To95 {
  /** Ms from the click on Reset (Play is clicked right after) to it; null if not within the limit. */
  readonly ms: number | null;
  /** The best accuracy on all 10,000 the curve showed within the limit. */
  readonly best: number;
  /** Bytes from navigation (a fresh page, nothing cached) to that moment; null with `ms`. */
  readonly bytes: number | null;
}

/**
 * A fresh page: once the data is in, Reset then Play, and watch the cost curve's latest test evaluation
 * (`data-test-accuracy`, `data-test-set`) for up to `limitMs`.
 */
export async function resetPlayTo95(
  browser: Browser,
  url: string,
  bytes: ByteLog,
  limitMs: number,
): Promise<To95> {
  const page = await freshPage(browser);
  const from = Date.now();
  await page.goto(url);
  await dataReady(page);
  await page.evaluate(() => {
    const w = window as unknown as {
      __start: number | null;
      __seen: { t: number; acc: number; set: string }[];
    };
    w.__start = null;
    w.__seen = [];
    document.addEventListener(
      "click",
      (e) => {
        if ((e.target as Element).closest("button")?.textContent === "Reset") w.__start ??= e.timeStamp;
      },
      { capture: true },
    );
    const section = document.querySelector("section.cost-curve")!;
    new MutationObserver(() => {
      const acc = Number(section.getAttribute("data-test-accuracy"));
      const set = section.getAttribute("data-test-set") ?? "";
      if (w.__start !== null) w.__seen.push({ t: performance.now(), acc, set });
    }).observe(section, { attributes: true, attributeFilter: ["data-test-accuracy", "data-test-set"] });
  });
  await page.getByRole("button", { name: "Reset", exact: true }).click();
  await page.getByRole("button", { name: "Play" }).click();
  await page
    .waitForFunction(
      () =>
        (window as unknown as { __seen: { acc: number; set: string }[] }).__seen.some(
          (s) => s.set === "full" && s.acc >= 0.95,
        ),
      null,
      { timeout: limitMs },
    )
    .catch(() => {}); // not reached within the limit: ms is null
  const { start, seen } = await page.evaluate(() => {
    const w = window as unknown as { __start: number; __seen: { t: number; acc: number; set: string }[] };
    return { start: w.__start, seen: w.__seen };
  });
  const origin = await timeOrigin(page);
  await page.context().close();
  const full = seen.filter((s) => s.set === "full");
  const reached = full.find((s) => s.acc >= 0.95)?.t ?? null;
  return {
    ms: reached === null ? null : reached - start,
    best: Math.max(0, ...full.map((s) => s.acc)),
    bytes: reached === null ? null : bytes.between(from, origin + reached),
  };
}
