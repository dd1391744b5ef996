// Linked elements: <nn-explorable> elements with one group share one network. A test image picked in the pad
// element is answered in the output element beside it, Play in the controls element trains that same network,
// and an element outside the group stays apart (its own worker, no answer).
import type { Server } from "node:http";
import { expect, test } from "@playwright/test";
import { collectPageErrors } from "./helpers.ts";
import { serveHost } from "./elementServer.ts";

const PORT = 4196;
const assets = 'data-url="/data/mnist" model-url-base="/models"';
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A lesson with linked views</title>
    <script type="module" src="/lib/nn-explorable.js"></script>
  </head>
  <body style="background:#0e1116;color:#eee">
    <nn-explorable id="pad" group="lesson" view="pad" ${assets}></nn-explorable>
    <nn-explorable id="output" group="lesson" view="output" ${assets}></nn-explorable>
    <nn-explorable id="controls" group="lesson" view="controls" ${assets}></nn-explorable>
    <nn-explorable id="apart" view="output" ${assets}></nn-explorable>
  </body>
</html>`;

let server: Server;
test.beforeAll(async () => {
  server = await serveHost(PORT, PAGE);
});
test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

test("elements of one group share one network; an element outside it stays apart", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const play = page.locator("#controls").getByRole("button", { name: "Play", exact: true });
  await expect(play).toBeEnabled({ timeout: 60_000 });
  expect(page.workers()).toHaveLength(2); // one for the group, one for the element apart

  await page.locator("#pad").getByRole("button", { name: "Next" }).click({ timeout: 60_000 });
  const answer = page.locator("#output").getByRole("region", { name: "Output layer" }).getByRole("status");
  await expect(answer).toHaveText(/^Prediction: \d \(\d+%\)$/);
  const apart = page.locator("#apart").getByRole("region", { name: "Output layer" }).getByRole("status");
  await expect(apart).toHaveText("");

  await play.click();
  await expect(page.locator("#controls").getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  const examples = page
    .locator("#controls")
    .locator(".counters > div")
    .filter({ hasText: "examples" })
    .locator("dd");
  await expect
    .poll(async () => Number(((await examples.textContent()) ?? "").replace(/[^\d]/g, "")))
    .toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
