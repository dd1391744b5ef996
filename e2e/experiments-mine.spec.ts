// "My digits" in real Chromium on the shipped model: draw two digits, label and add them, reload, and they are
// still there (IndexedDB) with the accuracy and the confusion matrix; "Delete all", confirmed, empties it. With five
// digits, "Does augmentation help?" trains a plain and an augmented run on real MNIST (made small through the URL)
// and scores both, however long this machine takes to train them.
import { expect, test, type Page } from "@playwright/test";
import { collectPageErrors, draw, DIGIT_STROKES, TRAINING_SPEC, TRAINING_WAIT } from "./helpers.ts";

async function addDigit(page: Page, strokes: (typeof DIGIT_STROKES)["seven"], label: number): Promise<void> {
  await draw(page, strokes);
  await page.getByRole("button", { name: `Label ${label}` }).click();
  await expect(page.getByText(/It would say/)).toBeVisible({ timeout: 60_000 });
  const add = page.getByRole("button", { name: "Add to my digits" });
  await expect(add).toBeEnabled();
  await add.click();
}

test.describe("my digits", () => {
  test.use({ viewport: { width: 1280, height: 1000 } });

  test("two drawn digits survive a reload with the accuracy shown; Delete all empties the set", async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await page.goto("./?experiment=my-digits");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My digits");
    await expect(page.getByText(/No digits yet/)).toBeVisible();

    await addDigit(page, DIGIT_STROKES.seven, 7);
    const gallery = page.getByRole("list", { name: "Your digits" });
    await expect(gallery.getByRole("listitem")).toHaveCount(1, { timeout: 60_000 });
    await addDigit(page, DIGIT_STROKES.one, 1);
    await expect(gallery.getByRole("listitem")).toHaveCount(2);

    await page.reload();
    await expect(gallery.getByRole("listitem")).toHaveCount(2, { timeout: 60_000 });
    await expect(gallery.getByRole("listitem").nth(0)).toHaveAttribute("data-label", "7");
    await expect(gallery.getByRole("listitem").nth(1)).toHaveAttribute("data-label", "1");
    const score = page.locator(".my-digits .score");
    await expect(score).toHaveAttribute("data-total", "2");
    await expect(score).toContainText(/of 2 of your digits right: \d+\.\d\u202f%/);
    // The trained network reads clear, big digits right.
    await expect(score).toHaveAttribute("data-correct", "2");
    await expect(page.locator('.confusion [data-label="7"][data-predicted="7"]')).toHaveAttribute(
      "data-count",
      "1",
    );

    await page.getByRole("button", { name: "Delete all" }).click();
    await page.getByRole("button", { name: "Yes, delete them all" }).click();
    await expect(page.getByText(/No digits yet/)).toBeVisible();
    await page.reload();
    await expect(page.getByText(/No digits yet/)).toBeVisible({ timeout: 30_000 });
    expect(errors).toEqual([]);
  });

  test("with five digits, the augmentation comparison trains two runs and scores both on them", async ({
    page,
  }) => {
    test.setTimeout(TRAINING_SPEC);
    const errors = collectPageErrors(page);
    await page.goto("./?experiment=my-digits&runLimit=1000&runEpochs=2");
    await expect(page.getByText(/No digits yet/)).toBeVisible({ timeout: 30_000 });
    const compare = page.getByRole("button", { name: "Compare", exact: true });
    await expect(compare).toBeDisabled();
    await expect(page.getByText(/Add at least 5 of your digits first \(you have 0\)/)).toBeVisible();

    const gallery = page.getByRole("list", { name: "Your digits" });
    const five = [
      [DIGIT_STROKES.seven, 7],
      [DIGIT_STROKES.one, 1],
      [DIGIT_STROKES.zero, 0],
      [DIGIT_STROKES.seven, 7],
      [DIGIT_STROKES.one, 1],
    ] as const;
    for (const [i, [strokes, label]] of five.entries()) {
      await addDigit(page, strokes, label);
      await expect(gallery.getByRole("listitem")).toHaveCount(i + 1, { timeout: 60_000 });
    }
    await expect(compare).toBeEnabled();
    await compare.click();
    await expect(page.getByRole("button", { name: "Stop" })).toBeVisible();
    const section = page.locator(".my-augment");
    await expect(section.locator(".runs-table").first().locator("tbody tr")).toHaveCount(2);

    const results = section.locator(".my-augment-results tbody tr");
    await expect(results).toHaveCount(2, { timeout: TRAINING_WAIT });
    for (const row of [results.nth(0), results.nth(1)]) {
      await expect(row).toHaveAttribute("data-total", "5");
      await expect(row.locator("td").nth(1)).toHaveText(/^\d+\.\d\u202f%$/);
      await expect(row.locator("td").nth(2)).toHaveText(/^\d+\.\d\u202f%$/);
    }
    await expect(results.nth(0).locator("th")).toHaveText("plain images");
    await expect(results.nth(1).locator("th")).toHaveText("augmented images");
    await expect(section.locator(".run-speed").first()).toHaveText(/^\d[\d,]*$/);
    await expect(section.locator(".my-augment-summary")).toContainText("On MNIST’s test digits");
    await expect(page.getByRole("button", { name: "Compare again" })).toBeEnabled();

    // Leave the browser's collection empty for the other test.
    await page.getByRole("button", { name: "Delete all" }).click();
    await page.getByRole("button", { name: "Yes, delete them all" }).click();
    await expect(page.getByText(/No digits yet/)).toBeVisible();
    expect(errors).toEqual([]);
  });
});
