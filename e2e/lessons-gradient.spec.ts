// The scene "Rolling downhill" in real Chromium, against the engine run in Node on the same model file and the same
// 32 test images: the slope and a nudge shown are the engine's to 1e-6, the steps move with the arrow keys, and
// scrubbing the learning rate changes the verdict to the one the engine's descent path gives.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { descend } from "../src/engine/experiments.ts";
import { parseModel } from "../src/engine/model.ts";
import { oneHot, traceBatch } from "../src/engine/network.ts";
import {
  chooseWeights,
  rateFromSlider,
  readDescent,
  sliderFromRate,
} from "../src/lessons/gradient/descent.ts";
import { GRADIENT_SETTINGS } from "../src/lessons/gradient/steps.ts";
import { loadMnist } from "../scripts/lib/mnist.ts";
import { collectPageErrors } from "./helpers.ts";

/** The scene's experiment redone in Node: the epoch-1 network and test images 0–31, as the lab builds them. */
function engine() {
  const { net } = parseModel(
    readFileSync(new URL("../public/models/3b1b-epoch-1.json", import.meta.url), "utf8"),
  );
  const { test } = loadMnist();
  const batch = Array.from({ length: 32 }, (_, i) => {
    const x = new Float32Array(784);
    for (let k = 0; k < 784; k++) x[k] = test.pixels[i * 784 + k]! / 255;
    return { x, y: oneHot(test.labels[i]!, 10) };
  });
  const bt = traceBatch(net, batch);
  const [a] = chooseWeights(bt.mean);
  const verdict = (eta: number) =>
    readDescent(descend(net, batch, [a], eta, GRADIENT_SETTINGS.descentSteps)).verdict;
  return { bt, a, verdict };
}

async function value(scope: Page | Locator, term: string): Promise<number> {
  const el = scope.locator(`[data-term="${term}"]`);
  await expect(el).toHaveCount(1, { timeout: 60_000 });
  return Number(await el.getAttribute("data-value"));
}

/** Sets a range input as a drag would: the value, then an input event. */
async function setRange(slider: Locator, v: number): Promise<void> {
  await slider.evaluate((el, to) => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, String(to));
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, v);
}

test.describe("gradient-descent scene", () => {
  test("shows the engine's slope and nudges, and the verdict follows η", async ({ page }) => {
    test.setTimeout(120_000);
    const errors = collectPageErrors(page);
    const { bt, a, verdict } = engine();
    const title = page.getByRole("heading", { level: 2 });

    await page.goto("./?scene=gradient-descent");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rolling downhill");
    await expect(title).toHaveText("One weight, one curve");
    const slope = await value(page, "slope-now");
    expect(Math.abs(slope - bt.mean.dw[a.layer]![a.index]!)).toBeLessThan(1e-6);
    expect(Math.abs((await value(page, "batch-cost")) - bt.cost)).toBeLessThan(1e-6);

    // To the nudges with the arrow keys.
    for (const heading of [
      "A ball stepping downhill",
      "Too timid, too bold",
      "Two weights: a landscape",
      "A nudge for every parameter",
    ]) {
      await page.locator("body").press("ArrowRight");
      await expect(title).toHaveText(heading);
    }
    expect(new URL(page.url()).searchParams.get("step")).toBe("5");
    const nudge = page.locator('.nudge-row [data-term^="nudge-w-"]').first();
    await expect(nudge).toBeVisible({ timeout: 60_000 });
    const [, , l, i] = (await nudge.getAttribute("data-term"))!.split("-");
    const shown = Number(await nudge.getAttribute("data-value"));
    expect(Math.abs(shown - -bt.mean.dw[Number(l)]![Number(i)]!)).toBeLessThan(1e-6);
    const largest = await value(page, "largest-nudge");
    let max = 0;
    for (const g of [...bt.mean.dw, ...bt.mean.db]) for (const v of g) max = Math.max(max, Math.abs(v));
    expect(Math.abs(largest - max)).toBeLessThan(1e-6);

    // Back to the learning rate, and scrub it.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(title).toHaveText("Too timid, too bold");
    const slider = page.getByRole("slider", { name: "Learning rate" });
    const box = page.locator(".verdict-box");
    await expect(box).toHaveAttribute("data-verdict", verdict(GRADIENT_SETTINGS.defaultRate), {
      timeout: 60_000,
    });

    await slider.focus();
    await page.keyboard.press("Home");
    await expect(page.locator('[data-term="learning-rate"]')).toHaveAttribute("data-value", "1");
    await expect(box).toHaveAttribute("data-verdict", verdict(1), { timeout: 30_000 });
    await expect(box).not.toHaveAttribute("aria-busy", "true");
    const slow = await box.getAttribute("data-verdict");

    await page.keyboard.press("End");
    await expect(page.locator('[data-term="learning-rate"]')).toHaveAttribute("data-value", "5000");
    await expect(box).toHaveAttribute("data-verdict", verdict(5000), { timeout: 30_000 });
    expect(await box.getAttribute("data-verdict")).not.toBe(slow);
    await expect(box.locator(".verdict-name")).toHaveText(/^(Crawling|Converging|Overshooting|Diverging)/);

    const eta = rateFromSlider(sliderFromRate(450));
    await setRange(slider, sliderFromRate(450));
    await expect(page.locator('[data-term="learning-rate"]')).toHaveAttribute("data-value", String(eta));
    await expect(box).toHaveAttribute("data-verdict", verdict(eta), { timeout: 30_000 });
    expect(errors).toEqual([]);
  });
});
