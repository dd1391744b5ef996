// The run experiments in real Chromium with real MNIST, made small through the URL (runLimit, runEpochs) so each
// test takes seconds: a two-run learning-rate sweep draws two curves with points, and the shuffled-labels pair
// draws both runs' training and test curves. The waits are for points on the curves, however long this
// machine takes to train them.
import { expect, test } from "@playwright/test";
import { collectPageErrors, TRAINING_SPEC } from "./helpers.ts";

/**
 * A run of 3,000 images trains in seconds anywhere; a minute without three points is a stall, not a slow machine.
 * (The "stall" once seen in about one full run in three was this test's own race: a sweep of 30 epochs could
 * finish before the test pressed Stop, and the click then waited for a button that never came back. The sweep
 * now runs 1,000 epochs, far longer than the test, and every action has a time limit.)
 */
const STALL = 60_000;

test.describe("run experiments", () => {
  test.use({ viewport: { width: 1280, height: 1000 }, actionTimeout: 30_000, navigationTimeout: 60_000 });
  test.setTimeout(TRAINING_SPEC);

  test("side by side: a two-run learning-rate sweep draws two curves that fill with points", async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await page.goto("./?experiment=side-by-side&runLimit=3000&runEpochs=1000");
    await page.getByRole("button", { name: "Learning-rate sweep" }).click();
    const values = page.getByLabel("Values");
    await expect(values).toHaveValue("0.01, 0.1, 1, 3, 10");
    await values.fill("0.1, 3");
    await page.getByRole("button", { name: "Start runs" }).click();
    await expect(page.getByRole("button", { name: "Stop" })).toBeVisible();
    const accuracy = page.locator(".run-chart").filter({ hasText: "Test accuracy" });
    await expect(accuracy.locator(".curve")).toHaveCount(2);
    for (const run of ["0", "1"])
      await expect
        .poll(
          async () => Number(await accuracy.locator(`.curve[data-run="${run}"]`).getAttribute("data-points")),
          { timeout: STALL },
        )
        .toBeGreaterThanOrEqual(3);
    await expect(page.locator(".runs-table tbody tr")).toHaveCount(2);
    await expect(page.locator(".run-speed").first()).toHaveText(/^\d[\d,]*$/);
    await expect(page.locator(".runs-table tbody tr").nth(1).locator("td").nth(4)).toHaveText(/%$/);
    await page.getByRole("button", { name: "Stop" }).click();
    await expect(page.getByRole("button", { name: "Start runs" })).toBeEnabled();
    expect(errors).toEqual([]);
  });

  test("shuffled labels: both runs draw training and test accuracy curves", async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto("./?experiment=shuffled-labels&runLimit=1000&runEpochs=4");
    await page.getByRole("button", { name: "Start training" }).click();
    const charts = page.locator(".run-chart");
    await expect(charts).toHaveCount(2);
    await expect(charts.locator(".curve")).toHaveCount(4);
    await expect
      .poll(
        async () =>
          Math.min(
            ...(await charts
              .locator(".curve")
              .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-points"))))),
          ),
        { timeout: STALL },
      )
      .toBeGreaterThanOrEqual(3);
    const rows = page.locator(".runs-table tbody tr");
    await expect(rows.nth(0).locator("th")).toHaveText("true labels");
    await expect(rows.nth(1).locator("th")).toHaveText("shuffled labels");
    // Keyboard: the chart's readout moves with the arrow keys.
    await charts.first().locator("svg").focus();
    await page.keyboard.press("Home");
    await expect(charts.first().locator(".hint")).toHaveText("At 0 examples.");
    expect(errors).toEqual([]);
  });
});
