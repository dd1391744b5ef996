// A wrong weights file: opening it gives one clear sentence and leaves the network as it was.
import { expect, test } from "@playwright/test";
import { collectPageErrors, counter, openApp } from "./helpers.ts";

test("opening a malformed model file says what is wrong and keeps the current network", async ({ page }) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  const before = await counter(page, "weights").textContent();
  const bad = JSON.stringify({
    format: "mnist-mlp",
    version: 1,
    sizes: [784, 16, 10],
    hidden: ["sigmoid"],
    output: "sigmoid",
    cost: "mse",
    weights: [[0.1, 0.2], []],
    biases: [[], []],
  });
  await page
    .getByLabel("Model file")
    .setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(bad) });
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(/expected 12544 numbers, got 2/);
  await expect(counter(page, "weights")).toHaveText(before ?? "");

  await page
    .getByLabel("Model file")
    .setInputFiles({ name: "notjson.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await expect(alert).toContainText(/JSON/);
  expect(errors).toEqual([]);
});
