// The η schedule as a learner meets it: a link can turn it off, the checkbox turns it back on (and the link
// forgets schedule=0), the pass counts on from the checkpoint the network came from, and once training reaches
// pass 16 the η in force drops to 1.5 × 0.3 while the scrubber keeps the learner's 1.5. Waits are on the page's
// own text, never on time.
import { expect, test } from "@playwright/test";
import { collectPageErrors, counter, TRAINING_SPEC, TRAINING_WAIT } from "./helpers.ts";

test("the η schedule: off from a link, on from its checkbox, and η × 0.3 from pass 16", async ({ page }) => {
  test.setTimeout(TRAINING_SPEC);
  const errors = collectPageErrors(page);
  await page.goto("./?model=5&schedule=0");
  await expect(counter(page, "weights")).toHaveText("pretrained, 5 epochs", { timeout: 60_000 });
  const box = page.getByRole("checkbox", { name: "Lower η ×0.3 after passes 15, 22 and 27" });
  const inForce = page.getByTestId("eta-in-force");
  await expect(box).not.toBeChecked();
  await expect(inForce).toHaveText("η stays 1.5 on every pass");

  await box.click(); // checked once the worker echoes the setting
  await expect(box).toBeChecked();
  await expect(inForce).toHaveText("pass 6: η in force = 1.5");
  await expect.poll(() => new URL(page.url()).searchParams.has("schedule")).toBe(false);

  // Eleven passes, one Step epoch at a time: 6 … 15 at η 1.5, then 16 at 1.5 × 0.3 (trained: the curve has it).
  const stepEpoch = page.getByRole("button", { name: "Step epoch" });
  for (let pass = 7; pass <= 17; pass++) {
    await expect(stepEpoch).toBeEnabled({ timeout: TRAINING_WAIT });
    await stepEpoch.click();
    await expect(inForce).toHaveText(`pass ${pass}: η in force = ${pass < 16 ? 1.5 : 0.45}`, {
      timeout: TRAINING_WAIT,
    });
  }
  const slider = page.getByRole("slider", { name: "Learning rate" });
  await expect(slider).toHaveAttribute("aria-valuetext", "η = 1.5");
  // The cost curve marks where η changed (where pass 16 began), with the new η.
  await expect(page.locator("section.cost-curve .rate-changes text")).toHaveText(["η 0.45"]);
  expect(errors).toEqual([]);
});
