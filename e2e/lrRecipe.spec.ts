// "Halve until it learns" in real Chromium: from η = 10 the rates halve, one run after another, until one pass
// starts to learn; every rate before it stalled at no more than twice chance, the one it settles on is above,
// the chart has a curve per rate, the same seed gives the same runs, and the layout holds at three sizes.
import { expect, test, type Page } from "@playwright/test";
import { CONVERGING_ACCURACY, RECIPE, recipeRates } from "../src/engine/recipe.ts";
import { collectPageErrors } from "./helpers.ts";
import { expectGoodLayout, VIEWPORTS } from "./layout.ts";

/** Runs the recipe and reads its table: each rate and the test accuracy after its pass. */
async function runRecipe(page: Page): Promise<{ rate: number; accuracy: number; verdict: string }[]> {
  await page.getByRole("button", { name: /^Run the recipe/ }).click();
  const section = page.locator(".recipe");
  await expect(section).toHaveAttribute("data-status", "running");
  await expect(section).toHaveAttribute("data-status", "settled", { timeout: 120_000 });
  const rows = section.locator(".recipe-table tbody tr");
  return rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      rate: Number(tr.getAttribute("data-rate")),
      accuracy: Number(tr.querySelector("[data-accuracy]")?.getAttribute("data-accuracy")),
      verdict: tr.querySelector(".verdict")?.textContent ?? "",
    })),
  );
}

test("the rates halve from 10 until one pass learns, and the recipe settles there", async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto("./?experiment=lr-recipe&seed=1");
  const rows = await runRecipe(page);
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.map((r) => r.rate)).toEqual(recipeRates().slice(0, rows.length));
  expect(rows[0]!.rate).toBe(RECIPE.start);
  for (const r of rows.slice(0, -1)) {
    expect(r.verdict).toBe("stalls");
    expect(r.accuracy).toBeLessThanOrEqual(CONVERGING_ACCURACY);
  }
  const last = rows.at(-1)!;
  expect(last.verdict).toBe("learns");
  expect(last.accuracy).toBeGreaterThan(CONVERGING_ACCURACY);
  await expect(page.locator(".recipe")).toHaveAttribute("data-settled-rate", String(last.rate));
  await expect(page.locator(".recipe .conclusion")).toContainText(
    `η = ${last.rate} is the first rate at which it learns`,
  );
  await expect(page.locator(".recipe ul.legend > li")).toHaveCount(rows.length);

  // The same seed, the same runs.
  expect(await runRecipe(page)).toEqual(rows);
  expect(errors).toEqual([]);
});

for (const viewport of VIEWPORTS)
  test(`the recipe's page fits at ${viewport.name}`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(viewport);
    await page.goto("./?experiment=lr-recipe&seed=1&runLimit=1000");
    await page.getByRole("button", { name: /^Run the recipe/ }).click();
    await expect(page.locator(".recipe")).not.toHaveAttribute("data-status", "running", { timeout: 120_000 });
    await expectGoodLayout(page, `lr-recipe ${viewport.name}`);
  });
