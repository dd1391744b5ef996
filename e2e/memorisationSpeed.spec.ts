// "Real labels are learned first" in real Chromium on real MNIST: the full run of the page (5,000 digits, up to
// 100 epochs, two workers) fills the milestone table and ends in a conclusion quoting its numbers; the same URL
// and seed give the same numbers again; the layout holds at three sizes. The waits are for the runs to finish,
// however long this machine takes.
import { expect, test, type Page } from "@playwright/test";
import { collectPageErrors, TRAINING_SPEC, TRAINING_WAIT } from "./helpers.ts";
import { expectGoodLayout, VIEWPORTS } from "./layout.ts";

test.describe.configure({ timeout: TRAINING_SPEC });

/** Starts the runs and waits until both are done; the milestone table's epochs and test accuracies. */
async function runBoth(page: Page): Promise<string[][]> {
  await page.getByRole("button", { name: /^(Start training|Train again)$/ }).click();
  const rows = page.locator(".milestone-table tbody tr");
  await expect(rows).toHaveCount(2);
  for (const i of [0, 1])
    await expect(rows.nth(i)).toHaveAttribute("data-status", "done", { timeout: TRAINING_WAIT });
  await expect(page.locator(".run-conclusion")).toBeVisible();
  return rows.evaluateAll((trs) =>
    trs.map((tr) =>
      [...tr.querySelectorAll("td")].map(
        (td) => td.getAttribute("data-epochs") ?? td.getAttribute("data-accuracy") ?? "",
      ),
    ),
  );
}

test("the full run times both label sets and concludes from the numbers it shows", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto("./?experiment=memorisation-speed");
  await expect(page.getByRole("heading", { name: "Real labels are learned first" })).toBeVisible();
  const [truth, shuffled] = await runBoth(page);
  const epochs = (row: string[]) => row.slice(0, 3).map((v) => (v === "" ? null : Number(v)));
  // The true labels reach every milestone within the cap, and each before the shuffled labels do (if they do).
  const t = epochs(truth!);
  const s = epochs(shuffled!);
  expect(t.every((e) => e !== null && e >= 1)).toBe(true);
  t.forEach((e, i) => {
    if (s[i] !== null) expect(e!).toBeLessThan(s[i]!);
  });
  const conclusion = (await page.locator(".run-conclusion").textContent())!;
  expect(conclusion).toContain(`99 % after ${t[2]} epoch`);
  if (s[2] !== null) expect(conclusion).toContain(`99 % after ${s[2]} epochs`);
  else expect(conclusion).toContain("The shuffled-label run never reached");
  expect(conclusion).toContain("Real labels were learned first");
  // The test accuracies the conclusion quotes are the table's.
  for (const row of [truth!, shuffled!])
    expect(conclusion).toContain(`${(Number(row[3]) * 100).toFixed(1)} %`);
  console.log(`memorisation-speed seed 1: true ${truth!.join(" | ")}; shuffled ${shuffled!.join(" | ")}`);
  console.log(conclusion);
  await page.screenshot({ path: "test-results/screens/memorisation-speed-full.png", fullPage: true });
  expect(errors).toEqual([]);
});

test("the same URL and seed give the same numbers", async ({ page }) => {
  const errors = collectPageErrors(page);
  const url = "./?experiment=memorisation-speed&seed=5&runLimit=1000&runEpochs=25";
  await page.goto(url);
  const first = await runBoth(page);
  await page.goto(url);
  expect(await runBoth(page)).toEqual(first);
  expect(first[0]![0]).not.toBe("");
  expect(errors).toEqual([]);
});

for (const viewport of VIEWPORTS)
  test(`the memorisation-speed page's layout holds on a ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("./?experiment=memorisation-speed&runLimit=1000&runEpochs=15");
    await runBoth(page);
    await expectGoodLayout(page, `memorisation-speed ${viewport.name}`);
  });
