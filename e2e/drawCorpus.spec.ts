// The pad and `npm run bench:draw` agree: digits from the bench's stroke corpus, drawn with the real mouse on the
// built app, reach the network as the same 28 × 28 image the script makes of them and are read as the same digit,
// small ones in corners included.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { drawingToMnist, type Strokes } from "../src/engine/drawing.ts";
import { argmax, forward } from "../src/engine/network.ts";
import { PAD_SIDE } from "../src/render/pad.ts";
import { checkpointFile, DEFAULT_MODEL, readModel } from "../src/worker/models.ts";
import { drawnDigits } from "../scripts/lib/digitStrokes.ts";
import { collectPageErrors, openApp, pad, predictionStatus } from "./helpers.ts";

const { net } = readModel(readFileSync(`public/models/${checkpointFile(DEFAULT_MODEL)}`, "utf8"));

/** Two drawings of each digit: the smallest in a corner, and one other size, slow and fast strokes. */
const SUBSET = (() => {
  const corpus = drawnDigits(PAD_SIDE);
  return Array.from({ length: 10 }, (_, digit) => {
    const mine = corpus.filter((d) => d.digit === digit);
    const small = mine.find((d) => d.size === 0.25 && !d.name.includes("centre"))!;
    const other = mine.find(
      (d) => d.size >= 0.6 && d.name.endsWith(small.name.endsWith("fast") ? "slow" : "fast"),
    )!;
    return [small, other];
  }).flat();
})();

/** Draws the strokes (pad units) with the mouse, one move per recorded point, wherever the pad is shown. */
async function drawStrokes(page: Page, strokes: Strokes): Promise<void> {
  const box = (await pad(page).boundingBox())!;
  const at = (p: { x: number; y: number }) =>
    [box.x + (p.x * box.width) / PAD_SIDE, box.y + (p.y * box.height) / PAD_SIDE] as const;
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(...at(first!));
    await page.mouse.down();
    for (const p of rest) await page.mouse.move(...at(p), { steps: 1 });
    await page.mouse.up();
  }
}

/** The "what the network sees" canvas as 784 values in 0…1. */
async function seenImage(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[aria-label^="What the network sees"]')!;
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, 28, 28);
    return Array.from({ length: 784 }, (_, i) => data[4 * i]! / 255);
  });
}

test("digits from the drawing benchmark, drawn with the mouse, read as the script reads them", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  await openApp(page);
  const status = predictionStatus(page);
  for (const drawing of SUBSET) {
    const { strokes } = drawing;
    const expected = drawingToMnist(strokes)!;
    const read = argmax(forward(net, expected));
    await drawStrokes(page, strokes);
    // The pad's last send (at most one per frame) carries the whole drawing: the image the script made.
    await expect
      .poll(
        async () => {
          const seen = await seenImage(page);
          return Math.max(...seen.map((v, i) => Math.abs(v - expected[i]!)));
        },
        { message: drawing.name },
      )
      .toBeLessThan(0.01);
    await expect(status, drawing.name).toHaveText(new RegExp(`^Prediction: ${read} \\(\\d+%\\)$`));
    expect(read, drawing.name).toBe(drawing.digit);
    await page.getByRole("button", { name: "Clear" }).click();
    await expect(status).toHaveText("");
  }
  expect(errors).toEqual([]);
});
