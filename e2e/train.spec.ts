// Training from scratch: Reset, Play, and watch the counters climb and the test accuracy pass 80 % while the
// test cost falls below the untrained network's; Pause stops the counters. Every wait is for a state, however
// long training takes to reach it on this machine: nothing here depends on how fast training runs.
import { expect, test } from "@playwright/test";
import {
  collectPageErrors,
  counter,
  examplesAbove,
  examplesSeen,
  openApp,
  playButton,
  resetNetwork,
  TRAINING_SPEC,
  waitForEvaluation,
} from "./helpers.ts";

test("Reset then Play trains the network to above 80 % test accuracy; Pause stops it", async ({ page }) => {
  test.setTimeout(TRAINING_SPEC);
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

  const trained = await waitForEvaluation(page, (e) => e.examples > 0 && e.accuracy > 80);
  expect(trained.testCost).toBeLessThan(first.testCost);

  await playButton(page).click();
  await expect(playButton(page)).toHaveText("Play");
  // The worker's frame after the pause says it is not running (no speed): its count is the last one trained.
  await expect(counter(page, "speed")).toHaveText("—");
  const paused = await examplesSeen(page);
  // One Step trains exactly one mini-batch more, and evaluates there: any mini-batch trained after Pause would
  // show as a count past it.
  const batch = Number(await page.getByRole("combobox", { name: "Mini-batch size" }).inputValue());
  expect(batch).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Step", exact: true }).click();
  await waitForEvaluation(page, (e) => e.examples >= paused + batch);
  expect(await examplesSeen(page)).toBe(paused + batch);
  await expect(playButton(page)).toHaveText("Play");
  expect(errors).toEqual([]);
});
