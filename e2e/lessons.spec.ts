// The lessons in real Chromium: the cost scene's ten terms are the engine's (recomputed here in Node from the
// same model file and MNIST image) and add up to the cost shown; steps move with Next/Back and the arrow keys
// and the URL follows; the neuron scene counts 13,002 parameters.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { parseModel } from "../src/engine/model.ts";
import { oneHot, traceExample } from "../src/engine/network.ts";
import { loadMnist } from "../scripts/lib/mnist.ts";
import { collectPageErrors } from "./helpers.ts";

/** The image the scenes open with (src/lessons/testImage.ts DEFAULT_IMAGE). */
const IMAGE = 32;

/** The engine's trace of test image IMAGE through a shipped model, computed in Node. */
function engineTrace(modelFile: string) {
  const { net } = parseModel(readFileSync(new URL(`../public/models/${modelFile}`, import.meta.url), "utf8"));
  const { test } = loadMnist();
  const x = Array.from(test.pixels.subarray(IMAGE * 784, (IMAGE + 1) * 784), (p) => p / 255);
  return traceExample(net, x, oneHot(test.labels[IMAGE]!, 10));
}

/** The full-precision value of the element showing `term` inside `scope`. */
async function value(scope: Locator, term: string): Promise<number> {
  const el = scope.locator(`[data-term="${term}"]`);
  await expect(el).toHaveCount(1);
  return Number(await el.getAttribute("data-value"));
}

function stepOf(page: Page): string | null {
  return new URL(page.url()).searchParams.get("step");
}

test.describe("lessons", () => {
  test("the cost scene's ten terms are the engine's and add up to the cost shown", async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto("./?scene=cost&step=3");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Ten squared differences");
    const untrained = page.locator('[data-network="untrained"]');
    await expect(untrained.locator('[data-term="cost"]')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("spinbutton", { name: /Test image/ })).toHaveValue(String(IMAGE));

    const trace = engineTrace("3b1b-epoch-0.json");
    const terms: number[] = [];
    for (let j = 0; j < 10; j++) terms.push(await value(untrained, `cost-term-${j}`));
    const cost = await value(untrained, "cost");
    expect(Math.abs(terms.reduce((s, t) => s + t, 0) - cost)).toBeLessThan(1e-6);
    terms.forEach((t, j) => expect(Math.abs(t - trace.costTerms[j]!)).toBeLessThan(1e-6));
    expect(Math.abs(cost - trace.cost)).toBeLessThan(1e-6);
    // The rounded text is the value shown.
    await expect(untrained.locator('[data-term="cost"]')).toHaveText(trace.cost.toFixed(4));
    expect(errors).toEqual([]);
  });

  test("Next, Back and the arrow keys move through the steps and the URL follows", async ({ page }) => {
    await page.goto("./?scene=cost&step=3");
    const title = page.getByRole("heading", { level: 2 });
    await expect(title).toHaveText("Ten squared differences");
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(title).toHaveText("One number: this example's cost");
    expect(stepOf(page)).toBe("4");
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await expect(title).toHaveText("What we wanted it to say");
    expect(stepOf(page)).toBe("2");
    await page.locator("body").press("ArrowRight");
    await expect(title).toHaveText("Ten squared differences");
    expect(stepOf(page)).toBe("3");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(title).toHaveText("A network that knows nothing");
    expect(stepOf(page)).toBe("1");
    // A reload keeps the step.
    await page.keyboard.press("ArrowRight");
    await page.reload();
    await expect(title).toHaveText("What we wanted it to say");
  });

  test("the neuron scene counts the network's 13,002 parameters", async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto("./?scene=neuron");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What a neuron holds");
    await page
      .getByRole("navigation", { name: "Steps" })
      .getByRole("button", { name: /Counting the parameters/ })
      .click();
    const count = page.locator('[data-term="parameter-count"]');
    await expect(count).toHaveText("13,002", { timeout: 60_000 });
    await expect(count).toHaveAttribute("data-value", "13002");
    expect(stepOf(page)).toBe("7");
    expect(errors).toEqual([]);
  });

  test("an unknown scene and an invalid step get a notice", async ({ page }) => {
    await page.goto("./?scene=backprop");
    await expect(page.getByRole("alert")).toHaveText(/There is no scene called “backprop”/);
    await expect(page.getByRole("link", { name: "What a neuron holds" })).toBeVisible();
    await page.goto("./?scene=neuron&step=99");
    await expect(page.getByRole("alert")).toHaveText(/There is no step “99” in this scene/);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("The input layer");
  });
});
