// A classroom with a bad connection: after one visit, the app, its embeds and the lessons work with the server
// gone — the service worker serves the app, the models and the MNIST files it precached on the first visit.
import { resolve } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { collectPageErrors, DIGIT_STROKES, draw, examplesAbove, predictionStatus } from "./helpers.ts";
import { serveStatic, type StaticHost } from "../scripts/lib/staticServer.ts";

test.use({ serviceWorkers: "allow" });

const PORT = 4201;
const SITE = `http://127.0.0.1:${PORT}/courses/nn/`;

let site: StaticHost | null = null;
test.beforeAll(async () => {
  site = await serveStatic(PORT, { "/courses/nn/": resolve(import.meta.dirname, "..", "dist") + "/" });
});
test.afterAll(async () => {
  await site?.close();
});

/** Waits until the service worker controls the page and has precached the whole build. */
async function precached(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((done) => navigator.serviceWorker.addEventListener("controllerchange", done));
  });
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith("nn-explorable-"))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain("/courses/nn/data/mnist/train-images-idx3-ubyte.gz");
  expect(cached).toContain("/courses/nn/models/3b1b-epoch-30.json");
  expect(cached.some((p) => /\/assets\/training\.worker-[\w-]+\.js$/.test(p))).toBe(true);
}

test("after one visit, the app predicts and trains, an embed works and a lesson opens, with the server gone", async ({
  page,
}) => {
  test.setTimeout(5 * 60_000);
  await page.goto(SITE);
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });
  await precached(page);

  // The server goes away: every request now fails unless the service worker answers it.
  await site!.close();
  site = null;
  const errors = collectPageErrors(page);
  await page.reload();
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });
  await draw(page, DIGIT_STROKES.seven);
  await expect(predictionStatus(page)).toHaveText(/^Prediction: \d \(\d+%\)$/);
  await page.getByRole("button", { name: "Step", exact: true }).click();
  await examplesAbove(page, 0);

  // An embedded view (a page of the same site) and a lesson scene load from the cache too.
  await page.goto(`${SITE}?embed=1&view=controls`);
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });
  await page.goto(`${SITE}?scene=neuron&step=1`);
  await expect(page.getByRole("button", { name: "Next" })).toBeVisible({ timeout: 60_000 });
  expect(errors).toEqual([]);
});
