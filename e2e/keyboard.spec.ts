// Keyboard only: draw on the pad, clear it, pick a test image, explore the network view's neurons, play and
// pause, step, reset and scrub η — every control reached with Tab and worked with the keys a user would use.
import { expect, test } from "@playwright/test";
import {
  collectPageErrors,
  counter,
  eta,
  examplesAbove,
  examplesSeen,
  learningRate,
  openApp,
  pad,
  playButton,
  predictionStatus,
  tabTo,
  testImageInput,
} from "./helpers.ts";

test.describe("keyboard only", () => {
  test("draw with the pen keys, Clear, and pick a test image by typing", async ({ page }) => {
    const errors = collectPageErrors(page);
    await openApp(page);
    await tabTo(page, pad(page));
    // The pen starts in the middle; lift it up, put it down, and draw a vertical stroke: a 1.
    for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Space");
    for (let i = 0; i < 14; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Space");
    await expect(predictionStatus(page)).toHaveText(/^Prediction: 1 \(\d+%\)$/);

    const clear = page.getByRole("button", { name: "Clear" });
    await tabTo(page, clear);
    await page.keyboard.press("Enter");
    await expect(predictionStatus(page)).toHaveText("");

    await tabTo(page, testImageInput(page));
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("4");
    await expect(page.getByText("True label: 4")).toBeVisible();
    await expect(predictionStatus(page)).toHaveText(/^Prediction: \d \(\d+%\)$/);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("0");
    await expect(page.getByText("True label: 7")).toBeVisible();
    await expect(predictionStatus(page)).toHaveText(/^Prediction: 7 \(\d+%\)$/);
    expect(errors).toEqual([]);
  });

  test("typing 0 into the untouched Test image field picks test image 0", async ({ page }) => {
    await openApp(page);
    await tabTo(page, testImageInput(page));
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("0");
    await expect(page.getByText("True label: 7")).toBeVisible();
  });

  test("the network view: arrow keys select neurons and announce a, b and z", async ({ page }) => {
    const errors = collectPageErrors(page);
    await openApp(page);
    await tabTo(page, testImageInput(page));
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("4");
    await expect(page.getByText("True label: 4")).toBeVisible();

    const network = page.getByRole("application", { name: /^Network/ });
    await tabTo(page, network);
    const announced = network.locator("xpath=..").getByRole("status");
    await expect(announced).toHaveText("");
    const NUMBER = "−?[\\d.]+(e[+−-]?\\d+)?";
    const values = `a = ${NUMBER}, b = ${NUMBER}, z = ${NUMBER}$`;

    await page.keyboard.press("ArrowDown");
    await expect(announced).toHaveText(new RegExp(`^Hidden layer 1, neuron 0: ${values}`));
    await page.keyboard.press("ArrowDown");
    await expect(announced).toHaveText(new RegExp(`^Hidden layer 1, neuron 1: ${values}`));
    await page.keyboard.press("ArrowRight");
    await expect(announced).toHaveText(new RegExp(`^Hidden layer 2, neuron \\d+: ${values}`));
    await page.keyboard.press("ArrowRight");
    await expect(announced).toHaveText(new RegExp(`^Output neuron \\d \\(digit \\d\\): ${values}`));
    await page.keyboard.press("End");
    await expect(announced).toHaveText(new RegExp(`^Output neuron 9 \\(digit 9\\): ${values}`));
    await page.keyboard.press("Escape");
    await expect(announced).toHaveText("");
    await expect(network).toBeFocused();
    expect(errors).toEqual([]);
  });

  test("Play and Pause, Step, Reset and the learning rate, by Tab and keys", async ({ page }) => {
    const errors = collectPageErrors(page);
    await openApp(page);

    await tabTo(page, playButton(page));
    await page.keyboard.press("Space");
    await expect(playButton(page)).toHaveText("Pause");
    await expect(playButton(page)).toBeFocused();
    await examplesAbove(page, 0);
    await page.keyboard.press("Enter");
    await expect(playButton(page)).toHaveText("Play");

    const step = page.getByRole("button", { name: "Step", exact: true });
    await expect(step).toBeEnabled();
    const before = await examplesSeen(page);
    await tabTo(page, step);
    await page.keyboard.press("Enter");
    await examplesAbove(page, before);

    await tabTo(page, page.getByRole("button", { name: "Reset", exact: true }));
    await page.keyboard.press("Enter");
    await expect(counter(page, "weights")).toContainText("untrained");
    await expect(counter(page, "examples")).toHaveText("0");

    const slider = learningRate(page);
    await tabTo(page, slider);
    expect(await eta(page)).toBe(1.5);
    await page.keyboard.press("ArrowLeft");
    await expect(slider).not.toHaveAttribute("aria-valuetext", "η = 1.5");
    expect(await eta(page)).toBeLessThan(1.5);
    await page.keyboard.press("Home");
    await expect(slider).toHaveAttribute("aria-valuetext", "η = 0.001");
    await page.keyboard.press("End");
    await expect(slider).toHaveAttribute("aria-valuetext", "η = 10");

    // Back to Play with Shift+Tab: the order runs the other way too.
    await tabTo(page, playButton(page), { back: true });
    await page.keyboard.press("Space");
    await expect(playButton(page)).toHaveText("Pause");
    await page.keyboard.press("Space");
    await expect(playButton(page)).toHaveText("Play");
    expect(errors).toEqual([]);
  });
});
