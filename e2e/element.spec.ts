// The <nn-explorable> web component from the build (dist/lib, made by npm run build), on a host page of its own:
// two elements keep their own store and worker, so playing one leaves the other untouched.
import type { Server } from "node:http";
import { expect, test, type Locator } from "@playwright/test";
import { collectPageErrors, TRAINING_SPEC, TRAINING_WAIT } from "./helpers.ts";
import { serveHost } from "./elementServer.ts";

const PORT = 4197;
const HOST = `http://127.0.0.1:${PORT}/`;
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A lesson with two explorables</title>
    <script type="module" src="/lib/nn-explorable.js"></script>
    <style>body { background: #0e1116; color: #eee; font-family: sans-serif; margin: 16px; }</style>
  </head>
  <body>
    <h1>Two networks on one page</h1>
    <nn-explorable id="first" data-url="/data/mnist" model-url-base="/models" view="all" image="0"></nn-explorable>
    <nn-explorable id="second" data-url="/data/mnist" model-url-base="/models" view="all" model="none" seed="3" hidden="16,16"
      image="0" hide="files"></nn-explorable>
  </body>
</html>`;

let server: Server;
test.beforeAll(async () => {
  server = await serveHost(PORT, PAGE);
});
test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

function counter(element: Locator, name: string): Locator {
  return element
    .locator(".counters > div")
    .filter({ has: element.page().locator("dt", { hasText: new RegExp(`^${name}$`) }) })
    .locator("dd");
}
async function examples(element: Locator): Promise<number> {
  return Number(((await counter(element, "examples").textContent()) ?? "").replace(/[^\d]/g, ""));
}
function prediction(element: Locator): Locator {
  return element.getByRole("region", { name: "Output layer" }).getByRole("status");
}

test("two <nn-explorable> elements train and predict independently", async ({ page }) => {
  test.setTimeout(TRAINING_SPEC);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(HOST);
  const first = page.locator("nn-explorable#first");
  const second = page.locator("nn-explorable#second");
  const play = (e: Locator) => e.getByRole("button", { name: "Play", exact: true });
  // Each loaded its own model through its own worker (from the library build's worker chunk).
  for (const e of [first, second]) {
    await expect(play(e)).toBeEnabled({ timeout: 60_000 });
    await expect(counter(e, "weights")).not.toHaveText(/^(loading…)?$/, { timeout: 30_000 });
    await expect(prediction(e)).toHaveText(/Prediction: \d/, { timeout: 30_000 });
  }
  // hidden="16,16" is the URL's hidden layers, not HTML's hidden: the element still shows.
  await expect(second.getByRole("region", { name: "Network" })).toBeVisible();
  await expect(counter(first, "weights")).toContainText("30 epochs");
  await expect(counter(second, "weights")).toContainText("untrained");
  // The trained network and the untrained one answer test image 0 (a 7) differently, each in its own root.
  await expect(prediction(first)).toHaveText(/Prediction: 7/);
  expect(await prediction(first).textContent()).not.toBe(await prediction(second).textContent());
  expect(await examples(second)).toBe(0);

  await play(first).click();
  await expect.poll(() => examples(first), { timeout: TRAINING_WAIT }).toBeGreaterThan(1000);
  expect(await examples(second)).toBe(0);
  expect(errors).toEqual([]);
});

test("attributes go through the URL table: a changed lr applies, an invalid one shows the notice", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(HOST);
  const second = page.locator("nn-explorable#second");
  const slider = second.getByRole("slider", { name: "Learning rate" });
  await expect(slider).toBeVisible({ timeout: 60_000 });
  await page.evaluate(() => document.querySelector("#second")?.setAttribute("lr", "0.5"));
  await expect(slider).toHaveAttribute("aria-valuetext", "η = 0.5");
  await page.evaluate(() => document.querySelector("#second")?.setAttribute("lr", "fast"));
  await expect(second.getByText("lr=“fast” is not a number between 0.001 and 10")).toBeVisible();
  await expect(slider).toHaveAttribute("aria-valuetext", "η = 0.5");
});

test("element methods and events: reset() sends a prediction event, play() trains that element", async ({
  page,
}) => {
  test.setTimeout(TRAINING_SPEC);
  await page.goto(HOST);
  const first = page.locator("nn-explorable#first");
  const second = page.locator("nn-explorable#second");
  await expect(second.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });
  await expect(prediction(first)).toHaveText(/Prediction: 7/, { timeout: 60_000 });
  // The trained network's answer (a confident 7) changes when reset() gives it untrained weights.
  const detail = await page.evaluate(
    () =>
      new Promise<unknown>((done) => {
        const element = document.querySelector("#first") as HTMLElement & { reset(seed: number): void };
        element.addEventListener("prediction", (e) => done((e as CustomEvent).detail), { once: true });
        element.reset(7);
      }),
  );
  expect(detail).toMatchObject({ type: "nn-explorable", version: 1, event: "prediction" });
  await page.evaluate(() => (document.querySelector("#second") as HTMLElement & { play(): void }).play());
  await expect.poll(() => examples(second), { timeout: TRAINING_WAIT }).toBeGreaterThan(0);
  expect(await examples(first)).toBe(0);
});
