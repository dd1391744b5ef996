// Training from scratch: Reset, Play, and watch the counters climb and the test accuracy pass 80 % while the
// test cost falls below the untrained network's; Pause stops the counters.
import { expect, test } from "@playwright/test";
import {
  collectPageErrors,
  counter,
  examplesAbove,
  examplesSeen,
  openApp,
  playButton,
  resetNetwork,
  waitForEvaluation,
} from "./helpers.ts";

test("Reset then Play trains the network to above 80 % test accuracy; Pause stops it", async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await openApp(page);
  await resetNetwork(page);

  // The untrained network's own evaluation: chance-level accuracy.
  const first = await waitForEvaluation(page, (e) => e.examples === 0 && e.accuracy < 50);
  expect(first.testCost).toBeGreaterThan(0);

  await playButton(page).click();
  await expect(playButton(page)).toHaveText("Pause");
  const a = await examplesAbove(page, 0);
  await examplesAbove(page, a);
  await expect(counter(page, "speed")).toHaveText(/^[\d,]+\/s$/);

  const trained = await waitForEvaluation(page, (e) => e.examples > 0 && e.accuracy > 80, 90_000);
  expect(trained.testCost).toBeLessThan(first.testCost);

  await playButton(page).click();
  await expect(playButton(page)).toHaveText("Play");
  // A frame may be in flight when Pause is pressed: wait for the counter to settle, then check it stays put.
  let settled = -1;
  await expect
    .poll(
      async () => {
        const before = settled;
        settled = await examplesSeen(page);
        return settled === before;
      },
      { intervals: [500] },
    )
    .toBe(true);
  await page.waitForTimeout(1500);
  expect(await examplesSeen(page)).toBe(settled);
  await expect(page.getByRole("button", { name: "Step", exact: true })).toBeEnabled();
  expect(errors).toEqual([]);
});
