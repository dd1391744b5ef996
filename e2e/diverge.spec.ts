// Divergence and recovery: a deep ReLU network with a softmax output and cross-entropy cost, trained at the
// largest η, blows up within a few mini-batches; the app pauses, says so in an alert and offers to restore
// the last good weights, after which the network predicts finite numbers again and trains at a lower η.
//
// (Why this configuration: see trainUntilDiverged in helpers.ts.)
import { expect, test } from "@playwright/test";
import {
  collectPageErrors,
  counter,
  DIGIT_STROKES,
  draw,
  eta,
  examplesAbove,
  learningRate,
  openApp,
  playButton,
  predictionStatus,
  trainUntilDiverged,
  TRAINING_SPEC,
  waitForEvaluation,
} from "./helpers.ts";

/** A prediction with a finite percentage, as the live region reads it. */
const FINITE_PREDICTION = /^Prediction: \d \(\d+%\)$/;

test("training at η = 10 diverges, pauses, and recovers with the last good weights", async ({ page }) => {
  test.setTimeout(TRAINING_SPEC);
  await openApp(page);
  await trainUntilDiverged(page);

  const alert = page.getByRole("alert");
  await expect(alert).toContainText("learning rate 10");
  const restore = alert.getByRole("button", { name: "Restore last good weights" });
  await expect(restore).toBeVisible();
  await expect(playButton(page)).toHaveText("Play");

  // Lower η as the notice advises (PageDown moves the slider a tenth: 10 → 0.1 in five), then restore.
  const slider = learningRate(page);
  for (let i = 0; i < 5; i++) await slider.press("PageDown");
  await expect.poll(() => eta(page)).toBe(0.1);
  await restore.click();
  await expect(page.getByRole("alert")).toHaveCount(0);

  await draw(page, DIGIT_STROKES.seven);
  await expect(predictionStatus(page)).toHaveText(FINITE_PREDICTION);

  // The restored network trains again, without diverging, at the lower η.
  const restoredAt = await waitForEvaluation(page);
  await playButton(page).click();
  await expect(playButton(page)).toHaveText("Pause");
  await examplesAbove(page, restoredAt.examples);
  await waitForEvaluation(page, (e) => e.accuracy > 80);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(predictionStatus(page)).toHaveText(FINITE_PREDICTION);
});

test("while diverged, the views throw nothing and announce no NaN", async ({ page }) => {
  test.setTimeout(TRAINING_SPEC);
  const errors = collectPageErrors(page);
  await openApp(page);
  await trainUntilDiverged(page); // loads its own set-up URL
  await draw(page, DIGIT_STROKES.seven);
  // Give the views a few frames to paint the diverged network's probe.
  await expect(page.getByRole("list", { name: /Output activations/ })).toContainText(/NaN|–/);
  await expect(predictionStatus(page)).not.toHaveText(/NaN/, { timeout: 2_000 });
  await expect(page.getByText(/weights have diverged/)).toBeVisible();
  // The counters agree with the notice's "after N examples".
  const notice = (await page.getByRole("alert").textContent()) ?? "";
  const after = /after ([\d,]+) examples/;
  expect(notice).toMatch(after);
  await expect(counter(page, "examples")).toHaveText(after.exec(notice)![1]!);
  expect(errors).toEqual([]);
});
