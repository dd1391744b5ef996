// Every step of every scene, on a wide screen and on a phone: nothing sticks out sideways or is cut off (content
// too wide scrolls inside its own box), no page error, Next focuses the new step's heading, and the browser's Back
// returns to the step before.
import { expect, test, type Page } from "@playwright/test";
import { SCENE_DEFS } from "../src/lessons/sceneDefs.ts";
import { hexToRgb, PALETTE } from "../src/render/theme.ts";
import { collectPageErrors } from "./helpers.ts";

/** Elements whose right edge passes the viewport's, outside any box that scrolls sideways (with their classes). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const x = getComputedStyle(e).overflowX;
        if (x === "auto" || x === "scroll") return true;
      }
      return false;
    };
    /** The nearest box that hides what sticks out of it sideways. */
    const clippedBy = (el: Element | null): Element | null => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const x = getComputedStyle(e).overflowX;
        if (x === "hidden" || x === "clip") return e;
      }
      return null;
    };
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page is ${document.documentElement.scrollWidth} px wide`);
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (scrolls(el.parentElement)) continue;
      const clip = clippedBy(el.parentElement);
      if (clip && r.right > clip.getBoundingClientRect().right + 1) {
        out.push(`${el.tagName.toLowerCase()}.${String(el.className).replace(/\s+/g, ".")} is cut off`);
        continue;
      }
      if (r.right <= width + 1) continue;
      out.push(
        `${el.tagName.toLowerCase()}.${String(el.className).replace(/\s+/g, ".")} ends at ${Math.round(r.right)}`,
      );
    }
    return out.slice(0, 5);
  });
}

const UNSIGNED_SCENES = new Set(["cost", "sgd"]);
const rgb = (hex: string) => `rgb(${hexToRgb(hex).join(", ")})`;

/**
 * Engine numbers on the page (data-term, data-value) whose colour breaks the language: shown in the positive
 * colour but not > 0, or in the negative colour but not < 0. Also counts the numbers checked in either colour.
 */
function signClashes(page: Page): Promise<{ clashes: string[]; coloured: number }> {
  return page.evaluate(
    ({ positive, negative }) => {
      const clashes: string[] = [];
      let coloured = 0;
      for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-term][data-value]"))) {
        if (el.getClientRects().length === 0) continue;
        const colour = getComputedStyle(el).color;
        const v = Number(el.dataset.value);
        if (colour === positive || colour === negative) coloured++;
        if ((colour === positive && !(v > 0)) || (colour === negative && !(v < 0)))
          clashes.push(`${el.dataset.term}=${el.dataset.value} in ${colour === positive ? "blue" : "red"}`);
      }
      return { clashes: clashes.slice(0, 5), coloured };
    },
    { positive: rgb(PALETTE.positive), negative: rgb(PALETTE.negative) },
  );
}

for (const [width, height] of [
  [1400, 1000],
  [390, 844],
] as const)
  for (const scene of SCENE_DEFS)
    test(`${scene.id} at ${width} × ${height}: every step fits, Next focuses its heading, Back returns`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const errors = collectPageErrors(page);
      await page.setViewportSize({ width, height });
      await page.goto(`./?scene=${scene.id}`);
      const heading = page.getByRole("heading", { level: 2 });
      let coloured = 0;
      for (let i = 0; i < scene.steps.length; i++) {
        await expect(heading).toHaveText(scene.steps[i]!.title);
        await expect(page.locator(".lesson-live .lesson-loading")).toHaveCount(0, { timeout: 60_000 });
        await page.waitForTimeout(300); // the live view's first paint
        expect(await overflowing(page), `step ${i + 1}`).toEqual([]);
        const signs = await signClashes(page);
        expect(signs.clashes, `step ${i + 1}: numbers coloured against their sign`).toEqual([]);
        coloured += signs.coloured;
        if (i + 1 < scene.steps.length) {
          await page.getByRole("button", { name: "Next" }).click();
          await expect(heading).toBeFocused();
        }
      }
      // Every scene with signed numbers shows some in the language's colours (so the check above checked some);
      // the cost scene's numbers (activations, costs) and the SGD scene's (costs) are never negative.
      if (!UNSIGNED_SCENES.has(scene.id)) expect(coloured).toBeGreaterThan(0);
      await page.goBack();
      await expect(heading).toHaveText(scene.steps.at(-2)!.title);
      expect(new URL(page.url()).searchParams.get("step")).toBe(String(scene.steps.length - 1));
      expect(errors).toEqual([]);
    });
