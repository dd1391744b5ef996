// The app shell loads in real Chromium and shows its title.
import { expect, test } from "@playwright/test";

test("the page opens with its heading", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How a neural network learns");
  expect(errors).toEqual([]);
});
