// Linked frames: a pad, an output and a controls iframe of the app, with the same `group`, on a lesson page of
// another origin, share one network: a digit drawn in the pad is read the same in the output frame, and Play in
// the controls frame trains the network the others show.
import { expect, test } from "@playwright/test";
import { crossOriginHosts } from "./hosts.ts";
import { collectPageErrors, DIGIT_STROKES, draw } from "./helpers.ts";

const hosts = crossOriginHosts(4194, 4195);
const APP = hosts.app;
const HOST = hosts.origin;

test("a pad, an output and a controls frame with one group share one network", async ({ page }) => {
  const errors = collectPageErrors(page);
  const src = (view: string) =>
    `${APP}?embed=1&view=${view}&group=lesson-3&origins=${encodeURIComponent(HOST)}`;
  hosts.page(
    "/lesson.html",
    `<!doctype html><title>A lesson</title>
     <iframe id="pad" src="${src("pad")}" width="420" height="560"></iframe>
     <iframe id="output" src="${src("output")}" width="420" height="560"></iframe>
     <iframe id="controls" src="${src("controls")}" width="420" height="700"></iframe>
     <script>
       window.predictions = [];
       addEventListener("message", (e) => {
         if (e.data?.event !== "prediction") return;
         const from = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === e.source)?.id;
         window.predictions.push({ from, digit: e.data.digit, confidence: e.data.confidence });
       });
     </script>`,
  );
  await page.goto(`${HOST}/lesson.html`);
  const padFrame = page.frameLocator("#pad");
  const outputFrame = page.frameLocator("#output");
  const controls = page.frameLocator("#controls");
  await expect(controls.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });

  await draw(page, DIGIT_STROKES.seven, padFrame);
  // The output frame shows the answer to the drawing made in the pad frame, the same as the pad frame's own.
  await expect(outputFrame.getByRole("region", { name: "Output layer" }).getByRole("status")).toHaveText(
    /^Prediction: 7 \(\d+%\)$/,
    { timeout: 10_000 },
  );
  const latest = () =>
    page.evaluate(() => {
      const all = (
        window as unknown as { predictions: { from: string; digit: number; confidence: number }[] }
      ).predictions;
      const last = (frame: string) => {
        const p = all.filter((q) => q.from === frame).at(-1);
        return p ? { digit: p.digit, confidence: p.confidence } : null;
      };
      return { pad: last("pad"), output: last("output") };
    });
  await expect.poll(async () => (await latest()).output?.digit).toBe(7);
  const both = await latest();
  expect(both.output).toEqual(both.pad);

  // Play in the controls frame trains the one network: its counters run, and the output frame's answer follows it.
  await controls.getByRole("button", { name: "Play", exact: true }).click();
  await expect
    .poll(
      async () => Number((await controls.locator(".counters dd").nth(1).textContent())?.replace(/,/g, "")),
      {
        timeout: 60_000,
      },
    )
    .toBeGreaterThan(1000);
  await controls.getByRole("button", { name: "Pause", exact: true }).click();
  // The same answer as a person reads it: an answer that still reads "7 (82%)" posts no new event, so the frames'
  // last events may carry confidences a fraction of a percent apart (each from the frame that changed its reading).
  const reading = (p: { digit: number; confidence: number } | null) =>
    p ? `${p.digit} (${Math.round(100 * p.confidence)}%)` : null;
  await expect
    .poll(async () => {
      const now = await latest();
      return reading(now.output) !== null && reading(now.output) === reading(now.pad);
    })
    .toBe(true);
  expect(errors).toEqual([]);
});
