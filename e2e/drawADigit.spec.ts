// "Ask it to draw a 5" in real Chromium on the shipped model: the run ends on its own, the output shown rises
// above 0.9 and is the number the page reports; the digit is a URL parameter, a bad one gets a notice; and the
// page's layout holds at a desktop, a laptop and a phone (screenshots in test-results/screens/).
import { expect, test, type Page } from "@playwright/test";
import { collectPageErrors } from "./helpers.ts";
import { expectGoodLayout, VIEWPORTS } from "./layout.ts";

/** Waits for the run to end; returns the output the page reports, and the one it shows. */
async function finishedRun(page: Page, digit: number): Promise<{ reported: number; shown: number }> {
  const run = page.locator(".ascent");
  await expect(run).toHaveAttribute("data-digit", String(digit));
  await expect(run).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  const reported = Number(await run.getAttribute("data-output"));
  const shown = Number(await page.getByRole("status", { name: `Output ${digit}` }).textContent());
  return { reported, shown };
}

test.describe("draw a digit", () => {
  test("the network is pushed past 0.9 for a 5, and the number shown is the page's own", async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("./?experiment=draw-a-digit&seed=3");
    const { reported, shown } = await finishedRun(page, 5);
    expect(reported).toBeGreaterThan(0.9);
    expect(shown).toBe(Number(reported.toFixed(4)));
    await expect(page.locator(".conclusion")).toContainText(`output 5 reads ${reported.toFixed(4)}`);
    await expect(
      page.getByRole("img", { name: "The average of the training images labelled 5" }),
    ).toBeVisible({
      timeout: 60_000,
    });

    // Another digit is a URL parameter; the same seed gives the same run.
    await page.getByRole("button", { name: "Label 8" }).click();
    await expect(page).toHaveURL(/digit=8/);
    const eight = await finishedRun(page, 8);
    expect(eight.shown).toBeGreaterThan(0.9);
    await page.goto("./?experiment=draw-a-digit&seed=3&digit=8");
    expect((await finishedRun(page, 8)).reported).toBe(eight.reported);

    // A bad digit: a notice, and 5.
    await page.goto("./?experiment=draw-a-digit&digit=12");
    await expect(page.getByRole("alert")).toHaveText("The digit “12” is not one of 0 to 9; using 5.");
    await expect(page.getByRole("button", { name: "Label 5" })).toHaveAttribute("aria-pressed", "true");
    expect(errors).toEqual([]);
  });

  test("it starts from the learner's drawing, once there is one", async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("./?experiment=draw-a-digit&start=drawing&digit=3");
    await expect(page.locator(".ascent")).toHaveAttribute("data-status", "waiting", { timeout: 60_000 });
    await expect(
      page.getByText("The run starts from your drawing once there is ink on the pad."),
    ).toBeVisible();
    await page.getByRole("button", { name: "A small 7 in a corner" }).click();
    const { reported, shown } = await finishedRun(page, 3);
    expect(shown).toBe(Number(reported.toFixed(4)));
    await expect(page.locator(".conclusion")).toContainText(`output 3 reads ${reported.toFixed(4)}`);
    await expectGoodLayout(page, "draw-a-digit from a drawing");
    expect(errors).toEqual([]);
  });

  for (const viewport of VIEWPORTS)
    test(`the layout holds on a ${viewport.name}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto("./?experiment=draw-a-digit");
      await finishedRun(page, 5);
      await expect(
        page.getByRole("img", { name: "The average of the training images labelled 5" }),
      ).toBeVisible({
        timeout: 60_000,
      });
      await expectGoodLayout(page, `draw-a-digit ${viewport.name}`);
    });
});
