// The scene "Backpropagation calculus" in real Chromium: for a last-layer weight chosen with the picker, the three
// factors and the product shown are the engine's (recomputed here in Node from the same model file and MNIST
// image), they multiply to the product, and the finite-difference estimate agrees; the diagram takes the arrow
// keys without moving the step; every step renders without errors (screenshots to $LESSON_SHOTS when set).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sigmoidPrime } from "../src/engine/activations.ts";
import { parseModel } from "../src/engine/model.ts";
import { convertNetwork, oneHot, traceExample } from "../src/engine/network.ts";
import { costOf } from "../src/engine/gradcheck.ts";
import { loadMnist } from "../scripts/lib/mnist.ts";
import { collectPageErrors } from "./helpers.ts";

/** The checkpoint both backpropagation scenes use, and the image they open on (the test set's first 2). */
const MODEL = "3b1b-epoch-5.json";
const IMAGE = 1;

function engine() {
  const { net } = parseModel(readFileSync(new URL(`../public/models/${MODEL}`, import.meta.url), "utf8"));
  const { test } = loadMnist();
  const x = Array.from(test.pixels.subarray(IMAGE * 784, (IMAGE + 1) * 784), (p) => p / 255);
  const y = oneHot(test.labels[IMAGE]!, 10);
  return { net, x, y, label: test.labels[IMAGE]!, trace: traceExample(net, x, y) };
}

async function value(scope: Locator | Page, term: string): Promise<number> {
  const el = scope.locator(`[data-term="${term}"]`);
  await expect(el).toHaveCount(1);
  return Number(await el.getAttribute("data-value"));
}

function goToStep(page: Page, title: RegExp) {
  return page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: title }).click();
}

test.describe("backprop-calculus", () => {
  test("a last-layer weight's three factors and product are the engine's, and a finite difference agrees", async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    const { net, x, y, label, trace } = engine();
    expect(label).toBe(2);
    // Output 2 (the label), from the hidden neuron with the second-largest |∂C₀/∂w| (not the one shown first).
    const j = 2;
    const row = Array.from(trace.dw[3]!.subarray(j * 16, (j + 1) * 16), Math.abs);
    const k = row.indexOf([...row].sort((a, b) => b - a)[1]!);

    await page.goto("./?scene=backprop-calculus&step=2");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("The chain rule, factor by factor");
    await expect(page.locator('[data-term="gradient"]')).toHaveCount(1, { timeout: 60_000 });
    await expect(page.getByRole("spinbutton", { name: /Test image/ })).toHaveValue(String(IMAGE));
    await page.getByRole("combobox", { name: "Kind" }).selectOption("w");
    await page.getByRole("combobox", { name: "Layer" }).selectOption("3");
    await page.getByRole("spinbutton", { name: /Row j/ }).fill(String(j));
    await page.getByRole("spinbutton", { name: /Column k/ }).fill(String(k));
    await expect(page.locator(".selected-param")).toContainText(
      `neuron ${k} of layer 2 to neuron ${j} of layer 3`,
    );

    const a = await value(page, "factor-a");
    const s = await value(page, "factor-sigma-prime");
    const c = await value(page, "factor-dcda");
    const product = await value(page, "gradient");
    const near = (shown: number, expected: number) => expect(Math.abs(shown - expected)).toBeLessThan(1e-6);
    near(a, trace.a[2]![k]!);
    near(s, sigmoidPrime(trace.z[3]![j]!));
    near(c, trace.dCda[3]![j]!);
    near(c, 2 * (trace.a[3]![j]! - 1));
    near(product, trace.dw[3]![j * 16 + k]!);
    near(a * s * c, product);

    await goToStep(page, /Checking with a small nudge/);
    const estimate = await value(page, "fd-estimate");
    const analytic = await value(page, "fd-analytic");
    expect(await value(page, "fd-h")).toBe(1e-5);
    near(analytic, trace.dw[3]![j * 16 + k]!);
    expect(Math.abs(estimate - analytic) / Math.abs(analytic)).toBeLessThan(1e-4);
    // The same central difference in Node, on a float64 copy.
    const net64 = convertNetwork(net, "float64");
    const i = j * 16 + k;
    const w = net64.w[3]!;
    const keep = w[i]!;
    w[i] = keep + 1e-5;
    const plus = costOf(net64, x, y);
    w[i] = keep - 1e-5;
    const minus = costOf(net64, x, y);
    near(estimate, (plus - minus) / 2e-5);
    expect(errors).toEqual([]);
  });

  test("the diagram selects with a click and the arrow keys, and the step stays put", async ({ page }) => {
    const { trace } = engine();
    await page.goto("./?scene=backprop-calculus&step=2");
    await expect(page.locator('[data-term="gradient"]')).toHaveCount(1, { timeout: 60_000 });
    const diagram = page.getByRole("group", { name: /Network diagram/ });
    await page
      .locator(".network-diagram circle.neuron")
      .nth(16 + 16 + 7)
      .click();
    await expect(page.locator(".selected-param")).toContainText("bias of neuron 7 of layer 3");
    expect(await value(page, "gradient")).toBeCloseTo(trace.db[3]![7]!, 6);
    await diagram.focus();
    await page.keyboard.press("ArrowUp");
    await expect(page.locator(".selected-param")).toContainText("bias of neuron 6 of layer 3");
    await page.keyboard.press("w");
    await page.keyboard.press("ArrowRight");
    await expect(page.locator(".selected-param")).toContainText(
      "weight from neuron 1 of layer 2 to neuron 6 of layer 3",
    );
    expect(await value(page, "gradient")).toBeCloseTo(trace.dw[3]![6 * 16 + 1]!, 6);
    expect(new URL(page.url()).searchParams.get("step")).toBe("2");
  });

  test("every step renders the engine's numbers without errors", async ({ page }) => {
    const errors = collectPageErrors(page);
    const dir = process.env.LESSON_SHOTS;
    if (dir) mkdirSync(dir, { recursive: true });
    await page.setViewportSize({ width: 1400, height: 1000 });
    // Reduced motion: steps change without the fade-in, so each screenshot shows the step as it settles.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto("./?scene=backprop-calculus");
    await expect(page.locator(".lesson")).toHaveAttribute("data-motion", "reduce");
    const title = page.getByRole("heading", { level: 2 });
    for (let step = 1; step <= 7; step++) {
      await expect(page.locator(".lesson-live [data-term]").first()).toBeVisible({ timeout: 60_000 });
      if (step === 5) await page.getByRole("button", { name: /Largest weight of layer 1/ }).click();
      if (dir) await page.screenshot({ path: join(dir, `backprop-calculus-${step}.png`), fullPage: true });
      if (step < 7) {
        const before = await title.textContent();
        await page.getByRole("button", { name: "Next", exact: true }).click();
        await expect(title).not.toHaveText(before ?? "");
      }
    }
    expect(errors).toEqual([]);
  });
});
