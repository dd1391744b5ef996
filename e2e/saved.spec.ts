// Saved work: the trained network and settings survive a reload; "Reset to defaults" forgets them; the
// checkpoint timeline loads the untrained checkpoint; the metrics download as CSV.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import {
  collectPageErrors,
  counter,
  DIGIT_STROKES,
  draw,
  openApp,
  predictionStatus,
  testImageInput,
} from "./helpers.ts";

/** Waits, after a reload or navigation, until the worker is ready again with weights named. */
async function ready(page: Page) {
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });
  await expect(counter(page, "weights")).not.toBeEmpty({ timeout: 30_000 });
  await expect(testImageInput(page)).toBeEnabled({ timeout: 60_000 });
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
    test.setTimeout(180_000);
    const errors = collectPageErrors(page);
    await openApp(page);
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    await expect(counter(page, "weights")).toHaveText(/^untrained/);
    await page.getByRole("button", { name: "Step epoch" }).click();
    await expect(counter(page, "epoch")).toHaveText("1", { timeout: 90_000 });
    await page.waitForTimeout(1500); // the save after a step settles
    const before = await predictSeven(page);

    await page.reload();
    await ready(page);
    await expect(counter(page, "weights")).toHaveText(/^restored from your last visit/);
    expect(await predictSeven(page)).toBe(before);
    await page.screenshot({ path: "/tmp/saved/restored.png", fullPage: true });

    await page.getByRole("button", { name: "Reset to defaults" }).click();
    await ready(page);
    await expect(counter(page, "weights")).toHaveText("pretrained 784-16-16-10 (30 epochs)");
    expect(new URL(page.url()).search).toBe("");
    await page.reload();
    await ready(page);
    await expect(counter(page, "weights")).toHaveText("pretrained 784-16-16-10 (30 epochs)");
    expect(errors).toEqual([]);
  });

  test("an embed does not restore the saved work", async ({ page }) => {
    await openApp(page);
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    await expect(counter(page, "weights")).toHaveText(/^untrained/);
    await page.waitForTimeout(1500);
    await page.goto("./?embed=1");
    await ready(page);
    await expect(counter(page, "weights")).toHaveText("pretrained 784-16-16-10 (30 epochs)");
  });

  test("the checkpoint timeline loads the untrained checkpoint", async ({ page }) => {
    const errors = collectPageErrors(page);
    await openApp(page);
    const slider = page.getByRole("slider", { name: "Checkpoint" });
    await expect(slider).toHaveAttribute("aria-valuetext", "30 epochs");
    await slider.focus();
    await page.keyboard.press("Home");
    await expect(counter(page, "weights")).toHaveText("checkpoint of 784-16-16-10 (0 epochs)", {
      timeout: 15_000,
    });
    await expect(slider).toHaveAttribute("aria-valuetext", "0 epochs");
    await page.keyboard.press("ArrowRight");
    await expect(counter(page, "weights")).toHaveText("checkpoint of 784-16-16-10 (1 epoch)", {
      timeout: 15_000,
    });
    await page.locator(".model-files").screenshot({ path: "/tmp/saved/timeline.png" });
    expect(errors).toEqual([]);
  });

  test("the metrics download as CSV with a header row; the heatmaps and cost curve as PNG", async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole("button", { name: "Step", exact: true }).click();
    const csvButton = page.getByRole("button", { name: "Download metrics CSV" });
    await expect(csvButton).toBeEnabled({ timeout: 15_000 });
    const [csv] = await Promise.all([page.waitForEvent("download"), csvButton.click()]);
    expect(csv.suggestedFilename()).toBe("metrics.csv");
    const lines = (await readFile(await csv.path(), "utf8")).trim().split("\n");
    expect(lines[0]).toBe("examplesSeen,trainCost,testCost,testAccuracy");
    expect(lines.length).toBeGreaterThan(1);

    for (const [name, file] of [
      ["Save heatmaps as PNG", "heatmaps.png"],
      ["Save cost curve as PNG", "cost-curve.png"],
    ] as const) {
      const [png] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name }).click(),
      ]);
      expect(png.suggestedFilename()).toMatch(/\.png$/);
      await png.saveAs(`/tmp/saved/${file}`);
      const bytes = await readFile(await png.path());
      expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
    }
  });
});
