// The teachers' page (?teachers): every scene, experiment and view with a live preview and snippets to copy.
import { expect, test } from "@playwright/test";
import { EXPERIMENT_IDS } from "../src/experiments/url.ts";
import { collectPageErrors } from "./helpers.ts";

const SCENES = ["neuron", "cost", "gradient-descent", "backprop-intuition", "backprop-calculus", "sgd"];
const VIEWS = [
  "all",
  "network",
  "heatmaps",
  "curve",
  "pad",
  "output",
  "controls",
  "pad+output",
  "pad+network+output",
];

test("the teachers' page lists every scene and view, copies a snippet, and loads a preview", async ({
  page,
  context,
}) => {
  const errors = collectPageErrors(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("./?teachers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/For teachers/);

  const scenes = page.getByRole("region", { name: "Lesson scenes" });
  await expect(scenes.locator("article")).toHaveCount(6);
  for (const id of SCENES)
    await expect(scenes.locator("pre code", { hasText: `scene=${id}&amp;embed=1` })).toHaveCount(1);
  const views = page.getByRole("region", { name: "Explorable views" });
  await expect(views.locator("article")).toHaveCount(VIEWS.length);
  for (const v of VIEWS)
    await expect(views.locator("pre code", { hasText: `?embed=1&amp;view=${v}" ` })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Experiments" }).locator("article")).toHaveCount(
    EXPERIMENT_IDS.length,
  );
  // Previews are still cards until asked for: no live explorable (and no worker) starts with the page.
  await expect(page.locator("iframe")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Start the live preview: / })).toHaveCount(
    6 + EXPERIMENT_IDS.length + VIEWS.length,
  );

  // Copy puts the iframe snippet, exactly as shown, on the clipboard.
  const first = scenes.locator("article").first();
  await first.getByRole("button", { name: "Copy iframe" }).click();
  await expect(first.getByRole("status").first()).toHaveText("Copied");
  const shown = await first.locator("pre code").first().textContent();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);
  expect(copied).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:4173\/\?scene=neuron&amp;embed=1" /);

  // A view's preview starts on request and loads the live explorable in its frame.
  const network = views.getByRole("article", { name: "Network", exact: true });
  await network.scrollIntoViewIfNeeded();
  await expect(network.getByRole("button", { name: "Copy web component" })).toBeVisible();
  await network.getByRole("button", { name: "Start the live preview: Network" }).click();
  await expect(page.locator("iframe")).toHaveCount(1);
  const frame = page.frameLocator('iframe[title="Preview: Network"]');
  await expect(frame.getByRole("region", { name: "Network" })).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});
