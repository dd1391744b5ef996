// Full-page screenshots of the app's main states, saved to test-results/screens/ for a human to look at:
// a drawn digit, training in progress, the divergence notice, an enlarged heatmap, a selected neuron.
import { expect, type Page, test } from "@playwright/test";
import {
  DIGIT_STROKES,
  draw,
  openApp,
  playButton,
  predictionStatus,
  resetNetwork,
  trainUntilDiverged,
  waitForEvaluation,
} from "./helpers.ts";

const DIR = "test-results/screens";

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage: true });
}

test.describe("screenshots", () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test.setTimeout(120_000);

  test("a drawn digit", async ({ page }) => {
    await openApp(page);
    await draw(page, DIGIT_STROKES.seven);
    await expect(predictionStatus(page)).toHaveText(/^Prediction: 7/);
    await shoot(page, "1-drawn-digit");
  });

  test("training in progress", async ({ page }) => {
    await openApp(page);
    await resetNetwork(page);
    await draw(page, DIGIT_STROKES.seven);
    await playButton(page).click();
    await waitForEvaluation(page, (e) => e.examples > 0 && e.accuracy > 50);
    await expect(playButton(page)).toHaveText("Pause");
    await shoot(page, "2-training");
  });

  test("the divergence notice", async ({ page }) => {
    await openApp(page);
    await draw(page, DIGIT_STROKES.seven);
    await trainUntilDiverged(page);
    await shoot(page, "3-diverged");
  });

  test("an enlarged heatmap", async ({ page }) => {
    await openApp(page);
    const heatmaps = page.getByRole("application", { name: /^Weights into layer 1/ });
    await heatmaps.scrollIntoViewIfNeeded();
    const box = await heatmaps.boundingBox();
    if (!box) throw new Error("the heatmaps are not visible");
    // The first heatmap sits in the top-left corner of the 4 × 4 grid.
    await heatmaps.click({ position: { x: box.width / 8, y: box.height / 8 } });
    await expect(page.getByRole("figure", { name: /^Neuron \d+, enlarged$/ })).toBeVisible();
    await shoot(page, "4-enlarged-heatmap");
  });

  test("a selected neuron in the network view", async ({ page }) => {
    await openApp(page);
    await draw(page, DIGIT_STROKES.seven);
    await expect(predictionStatus(page)).toHaveText(/^Prediction: 7/);
    const network = page.getByRole("application", { name: /^Network/ });
    await network.focus();
    for (const key of ["ArrowDown", "ArrowDown", "ArrowDown", "ArrowRight"]) await page.keyboard.press(key);
    await expect(network.locator("xpath=..").getByRole("status")).toHaveText(/^Hidden layer 2, neuron/);
    await shoot(page, "5-selected-neuron");
  });
});
