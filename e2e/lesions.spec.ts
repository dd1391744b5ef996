// "Break it" in real Chromium on the shipped model and the real test set: the accuracies shown are the engine's
// (recomputed here in Node), silencing the top-ranked neuron costs what its row says, noise follows the seed,
// Reset undoes everything, a bad parameter gets a notice, and the layout holds at three sizes.
import { expect, test, type Page } from "@playwright/test";
import { correctCount, lesionNetwork, NO_LESION } from "../src/engine/lesions.ts";
import { collectPageErrors } from "./helpers.ts";
import { expectGoodLayout, VIEWPORTS } from "./layout.ts";
import { shippedNet as net, test10k } from "./shipped.ts";

/** The damaged network's right answers on all 10,000, once the page has them. */
async function damagedCorrect(page: Page): Promise<number> {
  const table = page.locator(".lesion-accuracy");
  await expect(table).toHaveAttribute("data-status", "full", { timeout: 60_000 });
  const cell = table.locator('tr[data-network="damaged"] td').nth(1);
  return Number(await cell.getAttribute("data-correct"));
}

test("the accuracy shown is the engine's, before and after damage, and Reset restores it", async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("./?experiment=lesions");
  const intact = correctCount(net, test10k);
  expect(await damagedCorrect(page)).toBe(intact);
  await expect(page.locator('tr[data-network="intact"] td').nth(1)).toHaveAttribute(
    "data-correct",
    String(intact),
  );

  // Silencing the neuron ranked first costs what its row says, which is what the engine says.
  const first = page.locator(".lesion-ranking tbody tr").first();
  await expect(first).toBeVisible({ timeout: 60_000 });
  const [layer, neuron] = (await first.getAttribute("data-neuron"))!.split(".").map(Number);
  const rowCorrect = Number(await first.getAttribute("data-correct"));
  await first.getByRole("button").click();
  await expect(page).toHaveURL(new RegExp(`silence=${layer}\\.${neuron}`));
  const silenced = await damagedCorrect(page);
  expect(silenced).toBe(rowCorrect);
  expect(silenced).toBe(
    correctCount(
      lesionNetwork(net, { ...NO_LESION, silenced: [{ layer: layer!, neuron: neuron! }] }),
      test10k,
    ),
  );
  expect(silenced).toBeLessThan(intact);

  await page.getByRole("button", { name: "Reset: undo all damage" }).click();
  await expect(page).toHaveURL(/\?experiment=lesions$/);
  expect(await damagedCorrect(page)).toBe(intact);

  // Noise comes from the seed; zeroing a layer's weights is in the URL too.
  await page.goto("./?experiment=lesions&seed=2&noise=0.3&noweights=3");
  const lesion = { ...NO_LESION, seed: 2, noise: 0.3, zeroWeights: [3] };
  expect(await damagedCorrect(page)).toBe(correctCount(lesionNetwork(net, lesion), test10k));
  await expect(page.getByRole("checkbox", { name: "the output layer" }).last()).toBeChecked();
  await page.getByRole("button", { name: "Next seed" }).click();
  await expect(page).toHaveURL(/seed=3/);
  expect(await damagedCorrect(page)).toBe(correctCount(lesionNetwork(net, { ...lesion, seed: 3 }), test10k));

  await page.goto("./?experiment=lesions&nobias=7");
  await expect(page.getByRole("alert")).toHaveText(
    "The layers “7” for nobias are not a list of numbers from 1 to 3; ignoring them.",
  );
  expect(errors).toEqual([]);
});

for (const viewport of VIEWPORTS)
  test(`the lesions page's layout holds on a ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("./?experiment=lesions&silence=1.5&noise=0.2");
    await damagedCorrect(page);
    await expect(page.locator(".lesion-ranking tbody tr")).toHaveCount(10, { timeout: 60_000 });
    await page.getByRole("button", { name: "A small 7 in a corner" }).click();
    await expect(page.locator('[data-term="damaged"]')).toHaveAttribute("data-digit", /^\d$/);
    await expectGoodLayout(page, `lesions ${viewport.name}`);
  });
