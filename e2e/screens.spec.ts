// The layout at a wide desktop, a small laptop and a phone, in the app's main states and on its other pages: the
// page never scrolls sideways, no text or control is cut off, no text is under 11 px, and every canvas that
// should show something is painted. Each check also leaves a screenshot in test-results/screens/ for a human.
import { expect, type Page, test } from "@playwright/test";
import {
  collectPageErrors,
  DIGIT_STROKES,
  draw,
  openApp,
  playButton,
  predictionStatus,
  resetNetwork,
  trainUntilDiverged,
  TRAINING_SPEC,
  waitForEvaluation,
} from "./helpers.ts";
import { expectGoodLayout, VIEWPORTS } from "./layout.ts";

/** Canvases that stay blank until something is drawn, or a test image is chosen. */
const PAD = ['canvas[aria-label="Drawing pad"]', 'canvas[aria-label^="What the network sees"]'];
const NO_TEST_IMAGE = 'canvas[aria-label="No test image chosen"]';

/** What to look at: how to get there from a new tab, and the canvases that may still be blank there. */
const SCREENS: readonly {
  readonly name: string;
  readonly reach: (page: Page) => Promise<void>;
  readonly blank: readonly string[];
}[] = [
  { name: "the app opened", reach: openApp, blank: [...PAD, NO_TEST_IMAGE] },
  {
    name: "the app with a drawn digit",
    async reach(page) {
      await openApp(page);
      await draw(page, DIGIT_STROKES.seven);
      await expect(predictionStatus(page)).toHaveText(/^Prediction: 7/);
    },
    blank: [NO_TEST_IMAGE],
  },
  {
    name: "the app with an enlarged heatmap",
    async reach(page) {
      await openApp(page);
      const heatmaps = page.getByRole("application", { name: /^Weights into layer 1/ });
      await heatmaps.scrollIntoViewIfNeeded();
      const box = (await heatmaps.boundingBox())!;
      // The first heatmap sits in the top-left corner of the 4 × 4 grid.
      await heatmaps.click({ position: { x: box.width / 8, y: box.height / 8 } });
      await expect(page.getByRole("figure", { name: /^Neuron \d+, enlarged$/ })).toBeVisible();
    },
    blank: [...PAD, NO_TEST_IMAGE],
  },
  {
    name: "the app with a selected neuron",
    async reach(page) {
      await openApp(page);
      await draw(page, DIGIT_STROKES.seven);
      await expect(predictionStatus(page)).toHaveText(/^Prediction: 7/);
      const network = page.getByRole("application", { name: /^Network/ });
      await network.focus();
      for (const key of ["ArrowDown", "ArrowDown", "ArrowDown", "ArrowRight"]) await page.keyboard.press(key);
      await expect(network.locator("xpath=..").getByRole("status")).toHaveText(/^Hidden layer 2, neuron/);
    },
    blank: [NO_TEST_IMAGE],
  },
  {
    name: "the app training",
    async reach(page) {
      await openApp(page);
      await resetNetwork(page);
      await draw(page, DIGIT_STROKES.seven);
      await playButton(page).click();
      await expect(playButton(page)).toHaveText("Pause");
      await waitForEvaluation(page, (e) => e.examples > 0);
    },
    blank: [NO_TEST_IMAGE],
  },
  {
    name: "the app diverged",
    async reach(page) {
      await trainUntilDiverged(page);
      await draw(page, DIGIT_STROKES.seven);
      await expect(page.getByRole("list", { name: /Output activations/ })).toContainText(/NaN|–/);
    },
    blank: [NO_TEST_IMAGE],
  },
  {
    name: "the app with a malformed link's notice",
    async reach(page) {
      await page.goto("./?lr=abc&hidden=0,9999&model=7");
      await expect(page.getByRole("button", { name: "Step", exact: true })).toBeEnabled({ timeout: 60_000 });
      const notice = page.getByRole("alert");
      for (const problem of [
        "lr=“abc” is not a number",
        "hidden=“0,9999” is not a list",
        "model=“7” is not a",
      ])
        await expect(notice).toContainText(problem);
    },
    blank: [...PAD, NO_TEST_IMAGE],
  },
  {
    name: "a lesson scene",
    async reach(page) {
      await page.goto("./?scene=cost&step=3");
      const cost = page.locator('[data-network="untrained"] [data-term="cost"]');
      await expect(cost).toBeVisible({ timeout: 60_000 });
    },
    blank: [],
  },
  {
    name: "the experiments",
    async reach(page) {
      await page.goto("./?experiments");
      await expect(page.getByRole("link", { name: "Where it fails" })).toBeVisible();
    },
    blank: [],
  },
  {
    name: "an experiment's confusion matrix",
    async reach(page) {
      await page.goto("./?experiment=failures");
      await expect(page.getByRole("table").getByRole("button")).toHaveCount(100, { timeout: 60_000 });
    },
    blank: [],
  },
  {
    name: "the teachers' page",
    async reach(page) {
      await page.goto("./?teachers");
      await expect(page.getByRole("region", { name: "Lesson scenes" }).locator("article")).toHaveCount(6);
    },
    blank: [],
  },
];

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width} × ${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    for (const { name, reach, blank } of SCREENS)
      test(`${name}: nothing overflows or is cut off, text ≥ 11 px, canvases painted`, async ({ page }) => {
        test.setTimeout(TRAINING_SPEC);
        const errors = collectPageErrors(page);
        await reach(page);
        await expectGoodLayout(page, `${viewport.name} ${name}`, { blankAllowed: blank });
        expect(errors).toEqual([]);
      });
  });
}
