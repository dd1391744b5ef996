// The preprocessing experiment's ready-made drawings in real Chromium on the shipped model: the table shows, for
// each, the answer the engine gives in Node for the same strokes and steps; each is read as its digit with every
// step and as another without a step it shows; the page's layout holds at three sizes.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { readDrawing } from "../src/engine/drawing.ts";
import { parseModel } from "../src/engine/model.ts";
import { ALL_STEPS } from "../src/engine/preprocess.ts";
import { DRAWINGS, drawingStrokes } from "../src/render/drawings.ts";
import { PAD_SIDE } from "../src/render/pad.ts";
import { collectPageErrors } from "./helpers.ts";
import { expectGoodLayout, VIEWPORTS } from "./layout.ts";

const net = parseModel(
  readFileSync(new URL("../public/models/3b1b-epoch-30.json", import.meta.url), "utf8"),
).net;

test("the ready-made drawings change answer when the step they show is skipped", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("./?experiment=preprocessing");
  const table = page.getByRole("table", { name: "What this network reads each ready-made drawing as" });
  await expect(table).toBeVisible({ timeout: 60_000 });
  for (const d of DRAWINGS) {
    const row = table.locator(`tr[data-drawing="${d.name}"]`);
    const strokes = drawingStrokes(d.strokes, PAD_SIDE);
    await expect(row.locator('[data-column="all"]')).toHaveAttribute("data-digit", String(d.digit));
    expect(readDrawing(net, strokes, PAD_SIDE)!.digit).toBe(d.digit);
    for (const step of d.shows) {
      const digit = readDrawing(net, strokes, PAD_SIDE, { ...ALL_STEPS, [step]: false })!.digit;
      expect(digit).not.toBe(d.digit);
      await expect(row.locator(`[data-column="no-${step}"]`)).toHaveAttribute("data-digit", String(digit));
      await expect(row.locator(`[data-column="no-${step}"]`)).toHaveClass(/changed/);
    }
  }
  expect(errors).toEqual([]);
});

for (const viewport of VIEWPORTS)
  test(`the preprocessing page's layout holds on a ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("./?experiment=preprocessing");
    await expect(page.getByRole("table")).toBeVisible({ timeout: 60_000 });
    await page.getByRole("button", { name: "A small 7 in a corner" }).click();
    await expect(page.locator('[data-term="chosen"]')).toHaveAttribute("data-digit", "7");
    await expectGoodLayout(page, `preprocessing ${viewport.name}`);
  });
