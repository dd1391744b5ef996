// The first minute, as a new learner meets it: the pad works while the data loads and nothing moves under the
// pen; Play on the finished network says it starts from fresh weights and the labels follow what happened; the
// better network is one click away and reads a small digit in a corner.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { parseModel } from "../src/engine/model.ts";
import { oneHot, traceExample } from "../src/engine/network.ts";
import { PRESETS } from "../src/engine/presets.ts";
import { readDrawingParam } from "../src/store/drawingLink.ts";
import { collectPageErrors, counter, draw, openApp, pad, predictionStatus } from "./helpers.ts";

/** A 7 about a third of the pad high in its top-left corner. */
const SMALL_SEVEN = [
  [
    [0.06, 0.06],
    [0.3, 0.06],
    [0.15, 0.38],
  ],
] as const;

test("a drawing made while the training data loads is read, and the page never moves", async ({ page }) => {
  const errors = collectPageErrors(page);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.context().route("**/train-images-idx3-ubyte.gz", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto("./");
  const loading = page.getByRole("status").filter({ hasText: "Loading the 60,000 training images" });
  await expect(loading).toBeVisible({ timeout: 30_000 });
  const before = await pad(page).boundingBox();
  await draw(page, SMALL_SEVEN);
  await expect(predictionStatus(page)).toHaveText(/^Prediction: 7 \(\d+%\)$/);
  await expect(loading).toBeVisible(); // still loading: the pad did not wait for the data
  release();
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });
  await expect(loading).toBeHidden();
  expect(await pad(page).boundingBox()).toEqual(before);
  expect(errors).toEqual([]);
});

test("Play on the pretrained network starts from fresh weights and says so; the labels follow", async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  await expect(counter(page, "weights")).toHaveText("pretrained, 30 epochs");
  await expect(page.getByLabel("Preset")).toHaveValue("3b1b");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Training starts from fresh random weights" }),
  ).toHaveText(/seed 1\b.*The checkpoint slider brings it back\./);
  await expect(counter(page, "weights")).toHaveText(
    /^trained from random weights \(seed 1\), [\d.]+ epochs?$/,
  );
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("slider", { name: "Checkpoint" })).toHaveAttribute(
    "aria-valuetext",
    /not a checkpoint/,
  );
  expect(errors).toEqual([]);
});

test("the better network is one click away, and reads a small 7 in a corner", async ({ page }) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  const chooser = page.getByRole("group", { name: "Network that reads your drawing" });
  await expect(chooser.getByRole("button", { pressed: true })).toHaveText(/The videos' network/);
  await chooser.getByRole("button", { name: /A better network/ }).click();
  await expect(counter(page, "weights")).toHaveText("the better network, pretrained 30 epochs");
  await expect(chooser.getByRole("button", { pressed: true })).toHaveText(/A better network 784-100-10/);
  await expect(page.getByLabel("Preset")).toHaveValue("best");
  await expect(page).toHaveURL(/[?&]preset=best\b/);
  await draw(page, SMALL_SEVEN);
  await expect(predictionStatus(page)).toHaveText(/^Prediction: 7 \(\d+%\)$/);
  expect(PRESETS.best.spec.sizes).toEqual([784, 100, 10]);
  expect(errors).toEqual([]);
});

for (const [width, height] of [
  [390, 844],
  [1024, 768],
] as const) {
  test(`at ${width} × ${height} the answer sits by the pad, and nothing overflows`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    await draw(page, SMALL_SEVEN);
    const answer = page.locator(".pad-answer");
    await expect(answer).toHaveAttribute("data-digit", "7");
    const padBox = (await pad(page).boundingBox())!;
    const answerBox = (await answer.boundingBox())!;
    // Beside the pad, or just under it: both on one screen.
    expect(answerBox.y).toBeLessThan(padBox.y + padBox.height + 40);
    expect(answerBox.y + answerBox.height - padBox.y).toBeLessThan(height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await page.screenshot({ path: `test-results/first-minute-${width}.png` });
  });
}

test("at 1400 × 1000 the output panel is beside the pad and the pinned answer is not shown", async ({
  page,
}) => {
  await openApp(page);
  await draw(page, SMALL_SEVEN);
  await expect(predictionStatus(page)).toHaveText(/^Prediction: 7 /);
  await expect(page.locator(".pad-answer")).toBeHidden();
});

test("at 2 mini-batches a second, Play trains one batch at a time and shows each batch's images", async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  await page.getByLabel("Speed").selectOption({ label: "2 mini-batches a second" });
  await page.getByRole("button", { name: "Play", exact: true }).click();
  const strip = page.getByRole("img", { name: /^This mini-batch of 10: images labelled/ });
  await expect(strip).toBeVisible();
  const first = await strip.getAttribute("data-labels");
  expect(first?.split(", ")).toHaveLength(10);
  await expect(strip).not.toHaveAttribute("data-labels", first!); // the next batch
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  // One batch of 10 at a time: the examples counter moves in tens.
  await expect
    .poll(async () => Number((await counter(page, "examples").textContent())?.replace(/,/g, "")) % 10)
    .toBe(0);
  await page.screenshot({ path: "test-results/paced-1400.png" });
  await page.getByLabel("Speed").selectOption({ label: "Full speed" });
  await expect(page.locator(".batch-strip")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("Why this answer? tints the drawing by how each pixel pushed the prediction", async ({ page }) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  await draw(page, SMALL_SEVEN);
  await expect(predictionStatus(page)).toHaveText(/^Prediction: 7 /);
  await page.getByRole("button", { name: "Why this answer?" }).click();
  const map = page.getByRole("img", { name: /pushed the answer up \(blue\) or down \(red\)/ });
  await expect(map).toHaveAttribute("data-digit", "7");
  await expect(map.locator("xpath=..")).toContainText("Blue pixels pushed the answer 7 up");
  // Both colours are there: pixels that argued for the 7 and pixels that argued against it.
  const tints = await map.evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, 28, 28);
    let blue = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 2]! > data[i]! + 40) blue++;
      if (data[i]! > data[i + 2]! + 40) red++;
    }
    return { blue, red };
  });
  expect(tints.blue).toBeGreaterThan(5);
  expect(tints.red).toBeGreaterThan(0);
  await page.locator(".output-panel").screenshot({ path: "test-results/why-answer.png" });
  expect(errors).toEqual([]);
});

test("the keyboard follows the reading order: pad, answer, network, then the controls; Play is two keys away", async ({
  page,
}) => {
  await openApp(page);
  const order: string[] = [];
  for (let i = 0; i < 40 && !order.includes("Play"); i++) {
    await page.keyboard.press("Tab");
    order.push(
      await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        return e.getAttribute("aria-label") ?? e.textContent?.trim() ?? "";
      }),
    );
  }
  const at = (name: string | RegExp) =>
    order.findIndex((n) => (typeof name === "string" ? n === name : name.test(n)));
  expect(order.slice(0, 2)).toEqual(["Skip to the drawing pad", "Skip to the training controls"]);
  expect(at("Drawing pad")).toBeLessThan(at("Why this answer?"));
  expect(at("Why this answer?")).toBeLessThan(at(/^Network: /));
  expect(at(/^Network: /)).toBeLessThan(at("Play"));
  // The skip link: Tab, Tab, Enter, Tab lands on Play.
  await page.goto("./");
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveText("Skip to the training controls");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveText("Play");
});

test("Teach it your digit: one step on the drawing, its cost before and after, and Undo", async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await openApp(page);
  await draw(page, SMALL_SEVEN);
  await expect(predictionStatus(page)).toHaveText(/^Prediction: 7 /);
  const teach = page.getByRole("group", { name: "Teach it your digit" });
  await teach.getByRole("button", { name: "1", exact: true }).click();
  const result = teach.getByRole("status");
  await expect(result).toHaveText(
    /^Taught as a 1: the cost of your drawing went from (\d\.\d+) to (\d\.\d+)\./,
  );
  const [, before, after] = /from (\d\.\d+) to (\d\.\d+)/.exec((await result.textContent()) ?? "")!;
  expect(Number(after)).toBeLessThan(Number(before));
  await expect(counter(page, "weights")).toHaveText("pretrained, 30 epochs + taught 1 drawing");

  // The link opens the backpropagation lesson on this drawing, labelled 1, in a new tab; its numbers are the
  // engine's for the drawing the link carries, on the lesson's network.
  const [lesson] = await Promise.all([
    page.context().waitForEvent("page"),
    teach.getByRole("link", { name: "Backpropagation, intuitively" }).click(),
  ]);
  const lessonErrors = collectPageErrors(lesson);
  const carried = readDrawingParam(new URL(lesson.url()).search);
  if (carried.kind !== "drawing") throw new Error(`the lesson link carries no drawing: ${lesson.url()}`);
  expect(carried.drawing.label).toBe(1);
  await expect(lesson.locator(".example-digit figcaption")).toHaveText("your drawing, a 1");
  await expect(lesson.getByRole("button", { name: "Your drawing" })).toHaveAttribute("aria-pressed", "true");
  const { net } = parseModel(
    readFileSync(new URL("../public/models/3b1b-epoch-5.json", import.meta.url), "utf8"),
  );
  const cost = lesson.locator('[data-term="cost"]');
  await expect(cost).toHaveCount(1, { timeout: 30_000 });
  const expected = traceExample(net, Array.from(carried.drawing.x), oneHot(1, 10)).cost;
  expect(Math.abs(Number(await cost.getAttribute("data-value")) - expected)).toBeLessThan(1e-6);
  await lesson.close();
  expect(lessonErrors).toEqual([]);

  await result.getByRole("button", { name: "Undo" }).click();
  await expect(result).toHaveCount(0);
  await expect(counter(page, "weights")).toHaveText("pretrained, 30 epochs");
  await expect(predictionStatus(page)).toHaveText(/^Prediction: 7 /);
  expect(errors).toEqual([]);
});
