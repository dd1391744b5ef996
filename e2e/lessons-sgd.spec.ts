// The scene "Stochastic gradient descent" in real Chromium: the lab worker trains the untrained network three ways
// while the page shows progress and stays usable, then the chart draws three cost paths, by examples seen and by
// seconds, with a hover readout. The waits are for the runs' states, however long this machine takes to train.
import { expect, test } from "@playwright/test";
import { collectPageErrors, TRAINING_SPEC, TRAINING_WAIT } from "./helpers.ts";

test.describe("sgd scene", () => {
  test("trains full batch, single example and mini-batch and draws their three paths", async ({ page }) => {
    test.setTimeout(TRAINING_SPEC);
    const errors = collectPageErrors(page);
    await page.goto("./?scene=sgd");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stochastic gradient descent");
    await expect(page.getByText(/Training run \d of 3/)).toBeVisible({ timeout: TRAINING_WAIT });
    // The page answers while the lab trains: the steps move.
    const title = page.getByRole("heading", { level: 2 });
    await page.locator("body").press("ArrowRight");
    await expect(title).toHaveText("One example at a time");
    await page.keyboard.press("ArrowRight");
    await expect(title).toHaveText("Mini-batches");

    await expect(page.getByText(/Training run \d of 3/)).toHaveCount(0, { timeout: TRAINING_WAIT });
    const paths = page.locator(".cost-paths [data-run]");
    await expect(paths).toHaveCount(3);
    expect(await paths.evaluateAll((gs) => gs.map((g) => g.getAttribute("data-run")))).toEqual([
      "full",
      "single",
      "mini",
    ]);
    const final = async (id: string) =>
      Number(await page.locator(`[data-term="final-cost-${id}"]`).getAttribute("data-value"));
    const costs = { full: await final("full"), single: await final("single"), mini: await final("mini") };
    for (const c of Object.values(costs)) expect(Number.isFinite(c)).toBe(true);
    // The picture the scene teaches: per example, the mini-batch gets far lower than the full batch.
    expect(costs.mini).toBeLessThan(costs.full);

    // Hover reads each run's nearest measurement.
    const chart = page.getByRole("img", { name: /Cost on the held-out images against examples seen/ });
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    for (const id of ["full", "single", "mini"])
      await expect(page.locator(`[data-term="hover-cost-${id}"]`)).toHaveCount(1);

    // By the clock.
    await page.getByRole("radio", { name: "seconds of training" }).check();
    await expect(page.locator(".cost-paths")).toHaveAttribute("data-axis", "seconds");
    await expect(page.getByRole("img", { name: /against seconds of training/ })).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator("body").press("ArrowRight");
    await page.locator("body").press("ArrowRight");
    await expect(title).toHaveText("A quick stumble beats a slow march");
    await expect(page.locator(".run-table tbody tr")).toHaveCount(3);
    expect(errors).toEqual([]);
  });
});
