// Faults, injected into the built app in Chromium: a huge Step that Pause cancels at once, a worker that dies without
// a word or whose script is missing, IndexedDB that throws, never answers or is full, two tabs saving, and a flood of
// commands into an embed. Each ends in a working page and one plain sentence, never a hang, a loop or a false message.
import { createServer, type Server } from "node:http";
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  BROKEN_WORKER_SCRIPTS,
  idbSilent,
  idbThrows,
  quotaFull,
  trackWorkers,
  TRAINING_WORKER_SCRIPT,
} from "../scripts/lib/fuzz/faults.ts";
import {
  collectPageErrors,
  counter,
  DIGIT_STROKES,
  draw,
  openApp,
  playButton,
  predictionStatus,
  testImageInput,
  TRAINING_WAIT,
} from "./helpers.ts";

/** Waits until the worker is ready: Play enabled, the weights named, the test set in. */
async function ready(page: Page, timeout = 60_000): Promise<void> {
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout });
  await expect(counter(page, "weights")).not.toHaveText(/^(loading…)?$/, { timeout: 30_000 });
  await expect(testImageInput(page)).toBeEnabled({ timeout });
}

/** The notices the page shows (alerts and status messages), as text. */
function notices(page: Page): Locator {
  return page.locator(".notice");
}

test.describe("the worker always answers", () => {
  test("a Step of a 60,000-image batch on 784-512×4-10 predicts while it runs and stops at Pause", async ({
    page,
  }) => {
    test.setTimeout(TRAINING_WAIT);
    const errors = collectPageErrors(page);
    await page.goto("./?hidden=512,512,512,512&batch=60000&activation=relu&model=none");
    await ready(page, TRAINING_WAIT);
    await page.getByRole("button", { name: "Step", exact: true }).click();
    // The step runs a few examples per slice; the page shows it running, so Pause can cancel it.
    await expect(playButton(page)).toHaveText("Pause", { timeout: TRAINING_WAIT });
    await draw(page, DIGIT_STROKES.seven);
    await expect(predictionStatus(page)).toHaveText(/^Prediction: \d \(\d+%\)$/, { timeout: 5000 });
    await playButton(page).click();
    await expect(playButton(page)).toHaveText("Play", { timeout: 2000 });
    await expect(counter(page, "examples")).toHaveText("0");
    expect(errors).toEqual([]);
  });

  test("a worker terminated without a word is noticed, said, and restarted with the last good weights", async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await page.addInitScript(trackWorkers);
    await openApp(page);
    await page.evaluate(() =>
      (window as unknown as { startedWorkers: Worker[] }).startedWorkers.at(-1)!.terminate(),
    );
    await expect(notices(page)).toContainText(
      "The training worker stopped answering and was restarted with the last good weights.",
      { timeout: 10_000 },
    );
    await ready(page);
    await expect(counter(page, "weights")).toHaveText("pretrained, 30 epochs");
    expect(errors).toEqual([]);
  });

  for (const { what, reply } of BROKEN_WORKER_SCRIPTS)
    test(`a worker script ${what} ends in one clear message after a few tries, not a loop`, async ({
      page,
    }) => {
      const errors = collectPageErrors(page);
      let requests = 0;
      await page.route(TRAINING_WORKER_SCRIPT, (route) => {
        requests++;
        return route.fulfill(reply);
      });
      await page.goto("./");
      await expect(notices(page)).toContainText("The training engine could not start:", { timeout: 15_000 });
      await page.waitForTimeout(3000); // and nothing more happens
      expect(requests).toBeGreaterThanOrEqual(2);
      expect(requests).toBeLessThanOrEqual(5);
      await expect(page.getByRole("button", { name: "Play", exact: true })).toBeDisabled();
      expect(errors).toEqual([]);
    });
});

test.describe("storage that can fail", () => {
  test("IndexedDB that throws: no false 'discarded', one sentence, and Reset to defaults works", async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await page.addInitScript(idbThrows);
    await page.goto("./?lr=0.5");
    await ready(page);
    await expect(notices(page)).toHaveText(
      /Your work can't be saved in this browser: the browser does not let this page use its storage \(IndexedDB\)\./,
    );
    await expect(notices(page)).not.toContainText("discarded");
    await page.getByRole("button", { name: "Reset to defaults" }).click();
    await expect.poll(() => new URL(page.url()).search).toBe("");
    await ready(page);
    await expect(page.getByRole("slider", { name: "Learning rate" })).toHaveAttribute(
      "aria-valuetext",
      "η = 1.5",
    );
    expect(errors).toEqual([]);
  });

  test("IndexedDB that never answers costs at most 2 s: the page starts without it and says so", async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await page.addInitScript(idbSilent);
    await page.goto("./?lr=0.5");
    await ready(page);
    await expect(notices(page)).toContainText(
      "Your work can't be saved in this browser: its storage did not answer within 2 seconds.",
    );
    await page.getByRole("button", { name: "Reset to defaults" }).click();
    await expect.poll(() => new URL(page.url()).search, { timeout: 5000 }).toBe("");
    await ready(page);
    expect(errors).toEqual([]);
  });

  test("a full quota is said once, when the work would be saved", async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.addInitScript(quotaFull);
    await openApp(page);
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    const full = "Your work can't be saved in this browser: the storage for this site is full.";
    await expect(notices(page)).toContainText(full);
    await page.getByRole("button", { name: "Dismiss" }).click();
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    await page.waitForTimeout(1500);
    await expect(notices(page)).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test("two tabs keep their own work: the later one is told, and neither overwrites the other's", async ({
    context,
  }) => {
    const first = await context.newPage();
    await openApp(first);
    await first.getByRole("button", { name: "Reset", exact: true }).click();
    await expect(counter(first, "weights")).toHaveText(/^untrained, seed \d+$/);
    await expect.poll(() => new URL(first.url()).search).toMatch(/seed=\d+/);
    const firstSearch = new URL(first.url()).search;
    await expect.poll(() => savedSearches(first)).toEqual([firstSearch]);

    const second = await context.newPage();
    await second.goto("./");
    await ready(second);
    await expect(notices(second)).toContainText("This explorable is open in another tab too");
    await second.getByRole("button", { name: "Reset", exact: true }).click();
    await expect.poll(() => new URL(second.url()).search).not.toBe(firstSearch);
    const secondSearch = new URL(second.url()).search;
    await expect.poll(() => savedSearches(second)).toEqual([firstSearch, secondSearch].sort());

    await first.reload();
    await ready(first);
    await expect(notices(first)).toHaveCount(0); // its own slot again: no other tab holds it
    expect(new URL(first.url()).search).toBe(firstSearch);
  });
});

/** The addresses the slots of saved work in IndexedDB were saved at, sorted. */
function savedSearches(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("mnist-explorable");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction("saved-work").objectStore("saved-work").getAll();
          all.onsuccess = () => {
            db.close();
            resolve((all.result as { search: string }[]).map((r) => r.search).sort());
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test.describe("commands change only what they name", () => {
  const PORT = 4196;
  const HOST_PAGE = `<!doctype html><meta charset="utf-8"><title>Host</title>
<iframe id="embed" title="Explorable" style="width:1100px;height:900px"></iframe>
<script>
  window.received = [];
  addEventListener("message", (e) => { if (e.data && e.data.type === "nn-explorable") window.received.push(e.data); });
  document.getElementById("embed").src = new URLSearchParams(location.search).get("src");
  window.send = (command) => document.getElementById("embed").contentWindow.postMessage({ type: "nn-explorable", version: 1, ...command }, "*");
</script>`;
  let host: Server;
  test.beforeAll(async () => {
    host = createServer((_, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(HOST_PAGE);
    });
    await new Promise<void>((done) => host.listen(PORT, "127.0.0.1", () => done()));
  });
  test.afterAll(() => new Promise<void>((done) => host.close(() => done())));

  test("an embed keeps predicting through a flood of 1,000 `set hidden`, and keeps its ReLU", async ({
    page,
  }) => {
    test.setTimeout(TRAINING_WAIT);
    const errors = collectPageErrors(page);
    const src = `http://127.0.0.1:4173/?embed=1&origins=http://127.0.0.1:${PORT}&activation=relu&model=none`;
    await page.goto(`http://127.0.0.1:${PORT}/?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator("#embed");
    await expect(frame.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });
    const received = () =>
      page.evaluate(() => (window as unknown as { received: { event: string }[] }).received);
    await page.evaluate(() => {
      const send = (window as unknown as { send(c: object): void }).send;
      for (let i = 1; i <= 1000; i++) send({ command: "set", params: { hidden: String(10 + (i % 7)) } });
    });
    // Draw while the flood is handled: the answer comes within a few seconds, not after the flood.
    const pad = frame.getByRole("img", { name: "Drawing pad" });
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.12);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.88, { steps: 20 });
    await page.mouse.up();
    await expect(frame.getByRole("region", { name: "Output layer" }).getByRole("status")).toHaveText(
      /^Prediction: \d \(\d+%\)$/,
      { timeout: 5000 },
    );
    await expect
      .poll(async () => (await received()).filter((m) => m.event === "settings").length, { timeout: 60_000 })
      .toBe(1000);
    const last = (await received()).filter((m) => m.event === "settings").at(-1) as unknown as {
      params: Record<string, string>;
      problems: string[];
    };
    expect(last.params).toMatchObject({ hidden: "16", activation: "relu" });
    expect(last.problems).toEqual([]);
    await expect(frame.getByRole("application", { name: /^Network/ })).toHaveAttribute(
      "aria-label",
      "Network: 784-16-10",
    );
    expect(errors).toEqual([]);
  });
});
