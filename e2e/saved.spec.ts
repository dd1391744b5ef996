// Saved work: the trained network and settings survive a reload; "Reset to defaults" forgets them; the
// checkpoint timeline loads the untrained checkpoint; the metrics download as CSV.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parseModel } from "../src/engine/model.ts";
import {
  collectPageErrors,
  counter,
  DIGIT_STROKES,
  draw,
  openApp,
  predictionStatus,
  testImageInput,
  TRAINING_SPEC,
  TRAINING_WAIT,
} from "./helpers.ts";
import { METRICS_HEADER } from "../src/store/exports.ts";

/** Waits, after a reload or navigation, until the worker is ready again with weights named. */
async function ready(page: Page) {
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });
  await expect(counter(page, "weights")).not.toHaveText(/^(loading…)?$/, { timeout: 30_000 });
  await expect(testImageInput(page)).toBeEnabled({ timeout: 60_000 });
}

/** The model text of the saved work in IndexedDB (idb-keyval's database and store of savedWork.ts), or null. */
function savedModel(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open("mnist-explorable");
        // Never create the database here: the app creates it with its object store.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("saved-work")) {
            db.close();
            return resolve(null);
          }
          const get = db.transaction("saved-work").objectStore("saved-work").get("work");
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { model?: string } | undefined)?.model ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** A model file's weights and biases as one string, to compare two files of a network. */
function parametersOf(modelText: string): string {
  const { net } = parseModel(modelText);
  return JSON.stringify([net.w, net.b].map((layers) => layers.map((v) => Array.from(v))));
}

/** Waits until the saved work holds the network the page shows now (as "Save model" downloads it). */
async function expectSavedAsShown(page: Page): Promise<void> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Save model" }).click(),
  ]);
  const shown = parametersOf(await readFile(await download.path(), "utf8"));
  await expect
    .poll(async () => {
      const saved = await savedModel(page);
      return saved !== null && parametersOf(saved) === shown;
    })
    .toBe(true);
}

/** Draws a seven and returns the prediction as shown ("Prediction: 7 (93%)"). */
async function predictSeven(page: Page): Promise<string> {
  await draw(page, DIGIT_STROKES.seven);
  const status = predictionStatus(page);
  await expect(status).toHaveText(/^Prediction: \d \(\d+%\)$/, { timeout: 15_000 });
  return (await status.textContent()) ?? "";
}

test.describe("saved work", () => {
  test("a network trained for an epoch is restored after a reload; Reset to defaults forgets it", async ({
    page,
  }) => {
    test.setTimeout(TRAINING_SPEC);
    const errors = collectPageErrors(page);
    await openApp(page);
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    await expect(counter(page, "weights")).toHaveText(/^untrained/);
    await page.getByRole("button", { name: "Step epoch" }).click();
    await expect(counter(page, "epoch")).toHaveText("1", { timeout: TRAINING_WAIT });
    await expectSavedAsShown(page);
    const before = await predictSeven(page);

    await page.reload();
    await ready(page);
    // The saved weights come back with their origin: the network they started from, and the epoch trained since.
    await expect(counter(page, "weights")).toHaveText(/^trained from random weights \(seed \d+\), 1 epoch$/);
    expect(await predictSeven(page)).toBe(before);

    await page.getByRole("button", { name: "Reset to defaults" }).click();
    await ready(page);
    await expect(counter(page, "weights")).toHaveText("pretrained, 30 epochs");
    expect(new URL(page.url()).search).toBe("");
    await page.reload();
    await ready(page);
    await expect(counter(page, "weights")).toHaveText("pretrained, 30 epochs");
    expect(errors).toEqual([]);
  });

  test("an embed does not restore the saved work", async ({ page }) => {
    await openApp(page);
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    await expect(counter(page, "weights")).toHaveText(/^untrained/);
    await expectSavedAsShown(page);
    await page.goto("./?embed=1");
    await ready(page);
    await expect(counter(page, "weights")).toHaveText("pretrained, 30 epochs");
  });

  test("the checkpoint timeline loads the untrained checkpoint", async ({ page }) => {
    const errors = collectPageErrors(page);
    await openApp(page);
    const slider = page.getByRole("slider", { name: "Checkpoint" });
    await expect(slider).toHaveAttribute("aria-valuetext", "30 epochs");
    await slider.focus();
    await page.keyboard.press("Home");
    await expect(counter(page, "weights")).toHaveText("the videos' network, untrained", {
      timeout: 15_000,
    });
    await expect(slider).toHaveAttribute("aria-valuetext", "0 epochs");
    await page.keyboard.press("ArrowRight");
    await expect(counter(page, "weights")).toHaveText("pretrained, 1 epoch", {
      timeout: 15_000,
    });
    expect(errors).toEqual([]);
  });

  test("the metrics download as CSV with a header row; the heatmaps and cost curve as PNG", async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole("button", { name: "Step", exact: true }).click();
    await expect(counter(page, "examples")).toHaveText("10"); // the Step's point is on the curve
    const csvButton = page.getByRole("button", { name: "Download metrics CSV" });
    await expect(csvButton).toBeEnabled({ timeout: 15_000 });
    const [csv] = await Promise.all([page.waitForEvent("download"), csvButton.click()]);
    expect(csv.suggestedFilename()).toBe("metrics.csv");
    const lines = (await readFile(await csv.path(), "utf8")).trim().split("\n");
    expect(lines[0]).toBe(METRICS_HEADER);
    expect(lines.length).toBeGreaterThan(1);
    // Each point once, in order of examples seen; evaluated points say on how many test images.
    const rows = lines.slice(1);
    expect(new Set(rows).size).toBe(rows.length);
    const seen = rows.map((r) => Number(r.split(",")[0]));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(rows[0]).toMatch(/^0,.*,10000,$/); // no η before any mini-batch
    // The Step's mini-batch: the shipped network is 30 passes in, so the schedule's η is 1.5 × 0.3³.
    expect(Number(rows.at(-1)!.split(",").at(-1))).toBeCloseTo(1.5 * 0.3 ** 3, 10);

    for (const [name, file] of [
      ["Save heatmaps as PNG", "heatmaps.png"],
      ["Save cost curve as PNG", "cost-curve.png"],
    ] as const) {
      const [png] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name }).click(),
      ]);
      expect(png.suggestedFilename()).toMatch(/\.png$/);
      await png.saveAs(test.info().outputPath(file));
      const bytes = await readFile(await png.path());
      expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
    }
  });
});
