// The experiments in real Chromium on the shipped model and the real test set: the noise histogram counts its
// 1,000 images, the first-layer gallery shows 16 heatmaps with 5 images each, the confusion matrix's diagonal
// gives the accuracy shown (the model's recorded one) and its cells open their images, and switching off the
// centring moves a drawn digit. (screens.spec.ts checks the layout of the index and of "failures".)
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { parseModel } from "../src/engine/model.ts";
import { collectPageErrors, draw, DIGIT_STROKES, type PadPoint } from "./helpers.ts";

/** The accuracy the shipped model recorded on the test set when it was trained. */
function recordedAccuracy(): number {
  const text = readFileSync(new URL("../public/models/3b1b-epoch-30.json", import.meta.url), "utf8");
  return parseModel(text).meta["testAccuracy"] as number;
}

/** Sum of the data-count attributes of the elements matching `selector`. */
function sumCounts(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .evaluateAll((els) => els.reduce((s, el) => s + Number(el.getAttribute("data-count")), 0));
}

test.describe("experiments", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("the index links to every experiment, and an unknown one gets a plain-text notice", async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await page.goto("./?experiment=%3Cb%3Ebogus%3C%2Fb%3E");
    await expect(page.getByRole("alert")).toHaveText(
      "There is no experiment called “<b>bogus</b>”. These are the experiments there are:",
    );
    await expect(page.locator(".experiments b")).toHaveCount(0);
    await page.getByRole("link", { name: "Where it fails" }).click();
    await expect(page).toHaveURL(/\?experiment=failures$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where it fails");
    await page.goto("./?experiments");
    await expect(page.getByRole("link", { name: "Preprocessing as a lesson" })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("noise: the histogram counts 1,000 noise images against the 10,000 test digits", async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto("./?experiment=noise&seed=3");
    const histogram = page.getByRole("img", { name: /^Histogram of the network's confidence/ });
    await expect(histogram).toBeVisible({ timeout: 60_000 });
    await expect(histogram).toHaveAttribute("data-counts", "10000,1000");
    expect(await sumCounts(page, '[data-series="noise images"] rect')).toBe(1000);
    expect(await sumCounts(page, '[data-series="test digits"] rect')).toBe(10000);
    await expect(page.locator("[data-probe]")).toHaveCount(8);
    const blank = page.locator('[data-probe="blank"]');
    await expect(blank).toHaveAttribute("data-digit", /^\d$/);
    const counts = await sumCounts(page, ".digit-counts li");
    expect(counts).toBe(1000);

    // The same seed gives the same numbers; the next seed other noise.
    const first = await page.locator('[data-probe="noise-0"]').getAttribute("data-confidence");
    await page.getByRole("button", { name: "Next seed" }).click();
    await expect(page).toHaveURL(/seed=4/);
    await expect(page.locator('[data-probe="noise-0"]')).not.toHaveAttribute("data-confidence", first!);
    await page.goto("./?experiment=noise&seed=3");
    await expect(page.locator('[data-probe="noise-0"]')).toHaveAttribute("data-confidence", first!);

    // An invalid seed: a notice, and seed 1.
    await page.goto("./?experiment=noise&seed=x1");
    await expect(page.getByRole("alert")).toHaveText(/The seed “x1” is not a whole number/);
    await expect(page.getByRole("spinbutton", { name: "Seed" })).toHaveValue("1");
    expect(errors).toEqual([]);
  });

  test("first layer: 16 heatmaps, each with its 5 most excited test images", async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto("./?experiment=first-layer");
    const neurons = page.locator("[data-neuron]");
    await expect(neurons).toHaveCount(16, { timeout: 60_000 });
    for (let j = 0; j < 16; j++) {
      const neuron = neurons.nth(j);
      await expect(neuron.getByRole("img", { name: `Weights into first-layer neuron ${j}` })).toBeVisible();
      await expect(neuron.locator("[data-image]")).toHaveCount(5);
      // Ranked by z, largest first.
      const z = await neuron
        .locator("[data-image]")
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-z"))));
      expect(z).toEqual([...z].sort((a, b) => b - a));
    }
    expect(errors).toEqual([]);
  });

  test("failures: the diagonal gives the accuracy shown, and a cell shows its images", async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto("./?experiment=failures");
    const table = page.getByRole("table");
    await expect(table).toBeVisible({ timeout: 60_000 });
    const cells = table.getByRole("button");
    await expect(cells).toHaveCount(100);
    expect(await sumCounts(page, ".confusion .cell")).toBe(10000);
    const diagonal = await sumCounts(page, ".confusion .cell.diagonal");
    const accuracy = diagonal / 10000;
    expect(accuracy).toBe(recordedAccuracy());
    await expect(page.locator('[data-term="accuracy"]')).toHaveText(`${(100 * accuracy).toFixed(1)}\u202f%`);
    await expect(page.locator('[data-term="correct"]')).toHaveText(diagonal.toLocaleString("en-US"));

    // A cell of mistakes: every image is shown.
    const cell = page.locator('.confusion .cell[data-label="4"][data-predicted="9"]');
    const n = Number(await cell.getAttribute("data-count"));
    expect(n).toBeGreaterThan(0);
    await cell.click();
    const gallery = page.getByRole("region", { name: new RegExp(`^True 4, answered 9: ${n} image`) });
    await expect(gallery.locator("[data-image]")).toHaveCount(Math.min(n, 60));
    await expect(gallery.locator(".wrong")).toHaveCount(Math.min(n, 60));

    // With the keyboard: a diagonal cell holds more than a page, so 60 are shown with the count.
    await cell.focus();
    await page.keyboard.press("ArrowRight"); // 4 → 9 is the last column: stays
    await page.keyboard.press("ArrowLeft");
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowLeft");
    await expect(page.locator('.confusion .cell[data-label="4"][data-predicted="4"]')).toBeFocused();
    await page.keyboard.press("Enter");
    const right = Number(
      await page.locator('.confusion .cell[data-label="4"][data-predicted="4"]').getAttribute("data-count"),
    );
    const diag = page.getByRole("region", { name: /^True 4, answered 4/ });
    await expect(diag.locator("[data-image]")).toHaveCount(60);
    await expect(diag.getByRole("status")).toHaveText(
      `Showing 60 of ${right.toLocaleString("en-US")}, the network’s most confident answers first.`,
    );
    await diag.getByRole("button", { name: "Show 60 more" }).click();
    await expect(diag.locator("[data-image]")).toHaveCount(120);
    expect(errors).toEqual([]);
  });

  test("preprocessing: a drawn digit goes through each stage, and centring off moves it", async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await page.goto("./?experiment=preprocessing");
    // A seven in the pad's top-left quarter.
    const corner: PadPoint[][] = DIGIT_STROKES.seven.map((s) =>
      s.map(([x, y]) => [x * 0.5, y * 0.5] as const),
    );
    await draw(page, corner);
    const input = page.locator('[data-stage="centre"] [data-offset]');
    await expect(input).toBeVisible({ timeout: 30_000 });
    const chosen = page.locator('[data-term="chosen"]');
    await expect(chosen).toHaveAttribute("data-digit", "7", { timeout: 30_000 });
    const centred = await input.getAttribute("data-offset");
    const pixels = () => input.locator("canvas").evaluate((c: HTMLCanvasElement) => c.toDataURL());
    const before = await pixels();
    const [ox, oy] = centred!.split(",").map(Number);
    // Centring moves the small corner digit right and down, towards the middle.
    expect(ox).toBeGreaterThan(0);
    expect(oy).toBeGreaterThan(0);

    await page.getByRole("checkbox", { name: "Centre the centre of mass" }).uncheck();
    await expect(page.locator('[data-stage="centre"]')).toContainText("No centring");
    await expect(input).not.toHaveAttribute("data-offset", centred!);
    expect(await pixels()).not.toBe(before);
    // The earlier stages are untouched; the answer with all three steps is shown beside.
    await expect(page.locator('[data-stage="scale"]')).toContainText("Scaled into 20 × 20");
    await expect(page.locator('[data-term="all"]')).toHaveAttribute("data-digit", "7");
    await page.getByRole("checkbox", { name: "Scale into 20 × 20" }).uncheck();
    await expect(page.locator('[data-stage="scale"]')).toContainText("No scaling: its size on the pad");

    await page.getByRole("button", { name: "Clear" }).click();
    await expect(input).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});
