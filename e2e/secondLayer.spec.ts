// "Loops and lines?" in real Chromium on the shipped model and the real test set: every second-layer neuron gets
// its pattern, its ascent image and its six most exciting test images — the engine's own, recomputed here in
// Node — then the conclusion quotes the run's numbers; the layout holds at three sizes.
import { expect, test, type Page } from "@playwright/test";
import { correctCount, lesionNetwork, NO_LESION } from "../src/engine/lesions.ts";
import { neuronProfiles } from "../src/engine/secondLayer.ts";
import { collectPageErrors } from "./helpers.ts";
import { expectGoodLayout, VIEWPORTS } from "./layout.ts";
import { shippedNet as net, test10k } from "./shipped.ts";

/** Waits for every neuron's ascent and the conclusion. */
async function finished(page: Page): Promise<void> {
  await expect(page.locator(".second-progress")).toHaveText("All 16 neurons measured.", { timeout: 120_000 });
  await expect(page.locator(".second-conclusion")).toBeVisible();
}

test("every second-layer neuron is measured with the engine's numbers, and the conclusion follows", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto("./?experiment=second-layer");
  await expect(page.getByRole("heading", { name: "Loops and lines?" })).toBeVisible();
  await finished(page);
  const cards = page.locator(".second-neuron");
  await expect(cards).toHaveCount(16);
  const profiles = neuronProfiles(net, test10k, 2, 6);
  const intact = correctCount(net, test10k);
  for (const j of [0, 7, 15]) {
    const card = cards.nth(j);
    const shown = await card
      .locator(".top-images li")
      .evaluateAll((lis) => lis.map((li) => Number(li.getAttribute("data-image"))));
    expect(shown).toEqual(profiles[j]!.top.map((t) => t.index));
    // Silencing the neuron costs what the engine says.
    const silenced = correctCount(
      lesionNetwork(net, { ...NO_LESION, silenced: [{ layer: 2, neuron: j }] }),
      test10k,
    );
    await expect(card.locator("[data-drop]")).toHaveAttribute("data-drop", String(intact - silenced));
    // The ascent made the neuron more active than any of the test images do, or nearly.
    const ascent = Number(await card.locator("figcaption[data-activation]").getAttribute("data-activation"));
    expect(ascent).toBeGreaterThan(0.5 * profiles[j]!.top[0]!.a);
  }
  const conclusion = (await page.locator(".second-conclusion").textContent())!;
  expect(conclusion).toContain(`gets ${intact.toLocaleString("en-US")} of 10,000 test images right`);
  const stats = await cards.evaluateAll((els) =>
    els.map((el) => ({
      j: el.getAttribute("data-neuron"),
      loop: el.getAttribute("data-loop"),
      selectivity: Number(el.querySelector("[data-selectivity]")!.getAttribute("data-selectivity")).toFixed(
        3,
      ),
      drop: el.querySelector("[data-drop]")!.getAttribute("data-drop"),
      ascent: Number(
        el.querySelector("figcaption[data-activation]")!.getAttribute("data-activation"),
      ).toFixed(3),
      topLabels: [...el.querySelectorAll(".top-images li")]
        .map((li) => li.getAttribute("data-loop"))
        .join(""),
    })),
  );
  console.log(JSON.stringify(stats));
  console.log(conclusion);
  await page.screenshot({ path: "test-results/screens/second-layer-full.png", fullPage: true });
  expect(errors).toEqual([]);
});

for (const viewport of VIEWPORTS)
  test(`the second-layer page's layout holds on a ${viewport.name}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await page.goto("./?experiment=second-layer");
    await finished(page);
    await expectGoodLayout(page, `second-layer ${viewport.name}`);
  });
