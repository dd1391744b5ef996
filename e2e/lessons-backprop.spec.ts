// The scene "Backpropagation, intuitively" in real Chromium: the output wishes and a cell of the nudge table (the
// lab worker's traces of a mini-batch) are the engine's per-example values, recomputed here in Node from the same
// model file and MNIST images; the SGD step lowers the batch's cost as the engine says; every step renders
// without errors (screenshots to $LESSON_SHOTS when set).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sgdStep } from "../src/engine/experiments.ts";
import { parseModel } from "../src/engine/model.ts";
import { oneHot, traceBatch, traceExample } from "../src/engine/network.ts";
import { loadMnist } from "../scripts/lib/mnist.ts";
import { collectPageErrors } from "./helpers.ts";

const MODEL = "3b1b-epoch-5.json";
/** The image the scene opens on: the test set's first 2. The mini-batch is it and the 7 after it. */
const IMAGE = 1;
const BATCH = [1, 2, 3, 4, 5, 6, 7, 8];

function engine() {
  const { net } = parseModel(readFileSync(new URL(`../public/models/${MODEL}`, import.meta.url), "utf8"));
  const { test } = loadMnist();
  const example = (i: number) => ({
    x: Array.from(test.pixels.subarray(i * 784, (i + 1) * 784), (p) => p / 255),
    y: oneHot(test.labels[i]!, 10),
  });
  return { net, example, labels: test.labels };
}

async function value(scope: Locator | Page, term: string): Promise<number> {
  const el = scope.locator(`[data-term="${term}"]`);
  await expect(el).toHaveCount(1);
  return Number(await el.getAttribute("data-value"));
}

const near = (shown: number, expected: number, tolerance = 1e-6) =>
  expect(Math.abs(shown - expected)).toBeLessThan(tolerance);

test.describe("backprop-intuition", () => {
  test("the output layer's wished nudges are −2(a − y) from the engine's trace", async ({ page }) => {
    const errors = collectPageErrors(page);
    const { net, example, labels } = engine();
    expect(labels[IMAGE]).toBe(2);
    const { x, y } = example(IMAGE);
    const trace = traceExample(net, x, y);
    await page.goto("./?scene=backprop-intuition");
    await expect(page.locator('[data-term="output-nudge-2"]')).toHaveCount(1, { timeout: 60_000 });
    for (let j = 0; j < 10; j++) near(await value(page, `output-nudge-${j}`), -trace.dCda[3]![j]!);
    expect(await value(page, "output-nudge-2")).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test("a cell of the nudge table is the engine's −∂C₀/∂p for that image, and the average its batch mean", async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    const { net, example } = engine();
    await page.goto("./?scene=backprop-intuition&step=7");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("One column of nudges per example");
    const table = page.locator(".nudge-table");
    await expect(table).toBeVisible({ timeout: 60_000 });
    const heads = table.locator("th[data-example]");
    await expect(heads).toHaveCount(8);
    const columns = await heads.evaluateAll((ths) =>
      ths.map((th) => Number(th.getAttribute("data-example"))),
    );
    expect(columns).toEqual(BATCH);

    const bt = traceBatch(
      net,
      BATCH.map((i) => example(i)),
    );
    const rows = table.locator("tbody tr[data-kind]");
    await expect(rows).toHaveCount(12);
    for (const [r, column] of [
      [0, 0],
      [5, 3],
      [9, 7],
    ] as const) {
      const row = rows.nth(r);
      const kind = (await row.getAttribute("data-kind")) as "w" | "b";
      const layer = Number(await row.getAttribute("data-layer"));
      const index = Number(await row.getAttribute("data-index"));
      const cell = row.locator("td").nth(column).locator("[data-term]");
      const shown = Number(await cell.getAttribute("data-value"));
      // The engine's gradient of that example alone, traced in Node.
      const { x, y } = example(BATCH[column]!);
      const own = traceExample(net, x, y);
      near(shown, -(kind === "w" ? own.dw : own.db)[layer]![index]!);
      const mean = Number(await row.locator("td.mean [data-term]").getAttribute("data-value"));
      near(mean, -(kind === "w" ? bt.mean.dw : bt.mean.db)[layer]![index]!);
    }
    near(await value(page, "batch-cost"), bt.cost);
    expect(errors).toEqual([]);
  });

  test("the SGD step with η = 1.5 lowers the batch's cost as the engine does", async ({ page }) => {
    const { net, example } = engine();
    await page.goto("./?scene=backprop-intuition&step=8");
    await expect(page.locator('[data-term="batch-cost-after"]')).toHaveCount(1, { timeout: 60_000 });
    const expected = sgdStep(
      net,
      BATCH.map((i) => example(i)),
      1.5,
    );
    near(await value(page, "batch-cost-before"), expected.before);
    near(await value(page, "batch-cost-after"), expected.after);
    expect(expected.after).toBeLessThan(expected.before);
  });

  test("every step renders the engine's numbers without errors", async ({ page }) => {
    const errors = collectPageErrors(page);
    const dir = process.env.LESSON_SHOTS;
    if (dir) mkdirSync(dir, { recursive: true });
    await page.setViewportSize({ width: 1400, height: 1000 });
    // Reduced motion: steps change without the fade-in, so each screenshot shows the step as it settles.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto("./?scene=backprop-intuition");
    await expect(page.locator(".lesson")).toHaveAttribute("data-motion", "reduce");
    const title = page.getByRole("heading", { level: 2 });
    for (let step = 1; step <= 8; step++) {
      await expect(page.locator(".lesson-live [data-term]").first()).toBeVisible({ timeout: 60_000 });
      if (step === 8) await expect(page.locator('[data-term="batch-cost-after"]')).toBeVisible();
      if (dir) await page.screenshot({ path: join(dir, `backprop-intuition-${step}.png`), fullPage: true });
      if (step < 8) {
        const before = await title.textContent();
        await page.keyboard.press("ArrowRight");
        await expect(title).not.toHaveText(before ?? "");
      }
    }
    expect(errors).toEqual([]);
  });
});
