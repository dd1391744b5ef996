// "Different starts, equally good valleys" in real Chromium on real MNIST: the page's default runs (six networks
// from seeds derived from the page's, in parallel workers) end close in accuracy; the experiments worker matches
// run 2's neurons to run 1's and measures the cost between them; the conclusion quotes the numbers shown; the same
// URL and seed give the same numbers again; the layout holds at three sizes. The waits are for the runs.
import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_STARTS, startSeed } from "../src/engine/starts.ts";
import { collectPageErrors, TRAINING_SPEC, TRAINING_WAIT } from "./helpers.ts";
import { expectGoodLayout, VIEWPORTS } from "./layout.ts";

test.describe.configure({ timeout: TRAINING_SPEC });

interface Shown {
  seeds: number[];
  accuracies: number[];
  costs: number[];
  matches: { before: number; after: number }[];
  worst: Record<string, number>;
}

/** Trains the networks, waits for the comparison, and reads the tables and the charts' legends. */
async function trainAndCompare(page: Page, count: number): Promise<Shown> {
  const section = page.locator(".many-starts");
  await page.getByRole("button", { name: /^(Train \d networks|Train again)$/ }).click();
  await expect(section).toHaveAttribute("data-status", "training");
  await expect(section).toHaveAttribute("data-status", "ready", { timeout: TRAINING_WAIT });
  const rows = section.locator(".starts-table tbody tr");
  await expect(rows).toHaveCount(count);
  const cells = (selector: string, attribute: string) =>
    section.locator(selector).evaluateAll((els, a) => els.map((el) => Number(el.getAttribute(a))), attribute);
  const matchRows = section.locator(".match-table tbody tr[data-layer]");
  const worst: Record<string, number> = {};
  for (const li of await section.locator(".slice-chart li[data-series]").all()) {
    const chart = await li.evaluate((el) => el.closest(".slice-chart")!.getAttribute("data-pick"));
    worst[`${chart} ${await li.getAttribute("data-series")}`] = Number(await li.getAttribute("data-worst"));
  }
  return {
    seeds: await rows
      .locator("td:nth-child(2)")
      .evaluateAll((tds) => tds.map((td) => Number(td.textContent))),
    accuracies: await cells(".starts-table td[data-accuracy]", "data-accuracy"),
    costs: await cells(".starts-table td[data-cost]", "data-cost"),
    matches: await matchRows.evaluateAll((trs) =>
      trs.map((tr) => ({
        before: Number(tr.getAttribute("data-before")),
        after: Number(tr.getAttribute("data-after")),
      })),
    ),
    worst,
  };
}

test("six networks from seed 1 end close, differ even matched, and the slice is drawn before and after", async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto("./?experiment=many-starts&seed=1");
  await expect(page.getByRole("heading", { name: "Different starts, equally good valleys" })).toBeVisible();
  const shown = await trainAndCompare(page, DEFAULT_STARTS);
  expect(shown.seeds).toEqual(Array.from({ length: DEFAULT_STARTS }, (_, i) => startSeed(1, i)));
  // Every run learned (the videos' network gets about nine digits in ten right after a few passes) …
  for (const a of shown.accuracies) expect(a).toBeGreaterThan(0.85);
  // … and the spread line says how far apart they ended.
  const spread = Math.max(...shown.accuracies) - Math.min(...shown.accuracies);
  await expect(page.locator(".starts-spread")).toContainText(`${(spread * 100).toFixed(1)} point`);
  // One row of 16 heatmaps per run, and A, B and B aligned.
  await expect(page.locator('.heatmap-row[data-row="run"] canvas')).toHaveCount(DEFAULT_STARTS);
  for (const row of ["a", "b", "aligned"])
    await expect(page.locator(`.heatmap-row[data-row="${row}"]`)).toHaveCount(1);
  // Matching pairs neurons better than their trained order, but the networks stay different.
  expect(shown.matches).toHaveLength(2);
  for (const m of shown.matches) {
    expect(m.after).toBeGreaterThan(m.before);
    expect(m.after).toBeLessThan(0.95);
  }
  // Both series of both charts, ends included: the dashed one and the aligned one meet at the trained networks.
  await expect(page.locator(".slice-chart .curve path")).toHaveCount(4);
  await expect(page.locator(".slice-chart .slice-end-dot")).toHaveCount(4);
  const conclusion = page.locator(".run-conclusion");
  await expect(conclusion).toContainText(`a spread of ${(spread * 100).toFixed(1)} point`);
  await expect(conclusion).toContainText(`${shown.matches[0]!.after.toFixed(2)} in hidden layer 1`);
  console.log(`many-starts seed 1: ${JSON.stringify(shown)}`);
  console.log(await conclusion.textContent());
  await page.screenshot({ path: "test-results/screens/many-starts-full.png", fullPage: true });
  expect(errors).toEqual([]);
});

test("the same URL and seed give the same runs, matches and slice", async ({ page }) => {
  const errors = collectPageErrors(page);
  const url = "./?experiment=many-starts&seed=4&starts=4&runLimit=3000&runEpochs=1";
  await page.goto(url);
  const first = await trainAndCompare(page, 4);
  expect(first.seeds).toEqual([32, 33, 34, 35]);
  await page.goto(url);
  expect(await trainAndCompare(page, 4)).toEqual(first);
  expect(errors).toEqual([]);
});

test("picking another pair compares those two, and a bad count is a notice", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("./?experiment=many-starts&seed=2&starts=12&runLimit=2000&runEpochs=1");
  await expect(page.getByRole("alert")).toContainText("“12” is not a whole number from 4 to 8; training 6");
  await trainAndCompare(page, 6);
  await page.getByLabel("Network B", { exact: true }).selectOption({ label: "run 5" });
  await expect(page.locator(".many-starts")).toHaveAttribute("data-status", "ready", {
    timeout: TRAINING_WAIT,
  });
  await expect(page.locator(".slice-chart h3").first()).toHaveText("Cost between run 1 and run 5");
  await expect(page.locator('.heatmap-row[data-row="aligned"] figcaption')).toContainText("run 5");
});

for (const viewport of VIEWPORTS)
  test(`the many-starts page's layout holds on a ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    // A small run (four networks, one pass over 1,000 images): the page is laid out as for the default one.
    await page.goto("./?experiment=many-starts&seed=1&starts=4&runLimit=1000&runEpochs=1");
    await trainAndCompare(page, 4);
    await expectGoodLayout(page, `many-starts ${viewport.name}`);
  });
