// "My digits" in real Chromium on the shipped model: draw two digits, label and add them, reload, and they are
// still there (IndexedDB) with the accuracy and the confusion matrix; "Delete all", confirmed, empties it.
// Leaves screenshots in /tmp/mine/.
import { expect, test, type Page } from "@playwright/test";
import { collectPageErrors, draw, DIGIT_STROKES } from "./helpers.ts";

const SHOTS = "/tmp/mine";

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
    await page.screenshot({ path: `${SHOTS}/my-digits.png`, fullPage: true });

    await page.getByRole("button", { name: "Delete all" }).click();
    await page.getByRole("button", { name: "Yes, delete them all" }).click();
    await expect(page.getByText(/No digits yet/)).toBeVisible();
    await page.reload();
    await expect(page.getByText(/No digits yet/)).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}/my-digits-empty.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
