// Drawing on the pad with the mouse: the pretrained network names the digit in the polite live region;
// Clear empties it; a test image from MNIST shows its true label and the network's prediction.
import { expect, test } from "@playwright/test";
import {
  collectPageErrors,
  DIGIT_STROKES,
  draw,
  openApp,
  predictionStatus,
  testImageInput,
} from "./helpers.ts";

const PREDICTION = /^Prediction: (\d) \((\d+)%\)$/;

test.describe("drawing a digit", () => {
  for (const [name, digit] of [
    ["seven", 7],
    ["one", 1],
    ["zero", 0],
  ] as const) {
    test(`a drawn ${name} is predicted as ${digit}`, async ({ page }) => {
      const errors = collectPageErrors(page);
      await openApp(page);
      const status = predictionStatus(page);
      await expect(status).toHaveAttribute("aria-live", "polite");
      await expect(status).toHaveText("");

      await draw(page, DIGIT_STROKES[name]);
      await expect(status).toHaveText(new RegExp(`^Prediction: ${digit} \\(\\d+%\\)$`), { timeout: 15_000 });

      await page.getByRole("button", { name: "Clear" }).click();
      await expect(status).toHaveText("");
      expect(errors).toEqual([]);
    });
  }

  test("test image 0 is a 7, and the network says so", async ({ page }) => {
    const errors = collectPageErrors(page);
    await openApp(page);
    const input = testImageInput(page);
    // Another image first: the untouched field already shows 0, so filling in 0 would change nothing (see
    // the expected failure in keyboard.spec.ts).
    await input.fill("1");
    await expect(page.getByText("True label: 2")).toBeVisible({ timeout: 15_000 });
    await input.fill("0");
    await expect(page.getByText("True label: 7")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("img", { name: "Test image 0" })).toBeVisible();
    await expect(predictionStatus(page)).toHaveText(/^Prediction: 7 \(\d+%\)$/);
    const [, , percent] = PREDICTION.exec((await predictionStatus(page).textContent()) ?? "") ?? [];
    expect(Number(percent)).toBeGreaterThan(50);
    expect(errors).toEqual([]);
  });
});
