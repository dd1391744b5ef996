// Shared steps for the e2e specs: open the app and wait until it is ready, draw on the pad with the mouse,
// and read the live numbers (prediction, counters, cost-curve readout) the way a user sees them.
import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";

/** A point on the pad as fractions of its side: (0, 0) top left, (1, 1) bottom right. */
export type PadPoint = readonly [x: number, y: number];

/** Strokes of clear, big digits (each stroke one pen-down … pen-up), in pad fractions. */
export const DIGIT_STROKES: Record<"seven" | "one" | "zero", readonly (readonly PadPoint[])[]> = {
  seven: [
    [
      [0.25, 0.2],
      [0.75, 0.2],
      [0.45, 0.85],
    ],
  ],
  one: [
    [
      [0.5, 0.12],
      [0.5, 0.88],
    ],
  ],
  zero: [ellipse(0.5, 0.5, 0.24, 0.36, 36)],
};

/** A closed ellipse centred at (cx, cy) with radii rx, ry, starting at the top, as n + 1 points. */
function ellipse(cx: number, cy: number, rx: number, ry: number, n: number): PadPoint[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    return [cx + rx * Math.sin(t), cy - ry * Math.cos(t)] as const;
  });
}

/**
 * Bounds for waits on training. Training speed differs tenfold between machines and under load, so a spec waits
 * for the state it needs however long training takes to get there, and fails only on a hang: one wait after
 * TRAINING_WAIT, a whole spec that trains after TRAINING_SPEC (set with test.setTimeout).
 */
export const TRAINING_WAIT = 5 * 60_000;
export const TRAINING_SPEC = 15 * 60_000;

/** Errors thrown in the page (uncaught exceptions): a spec asserts this stays empty. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

/**
 * Opens the app and waits until the worker is ready: the pretrained weights are loaded (the counters name
 * their source), Play is enabled, and the test set is loaded (the test-image input is enabled).
 */
export async function openApp(page: Page): Promise<void> {
  await page.goto("./");
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });
  await expect(counter(page, "weights")).not.toHaveText(/^(loading…)?$/, { timeout: 30_000 });
  await expect(testImageInput(page)).toBeEnabled({ timeout: 60_000 });
}

/** The drawing pad of the page, or of a frame in it. */
export function pad(page: Page | FrameLocator): Locator {
  return page.getByRole("img", { name: "Drawing pad" });
}

/**
 * Draws strokes with the mouse (down, moves in small steps, up), each point in pad fractions, on the page's pad or
 * on the pad of one of its frames (`within`).
 */
export async function draw(
  page: Page,
  strokes: readonly (readonly PadPoint[])[],
  within: Page | FrameLocator = page,
): Promise<void> {
  const canvas = pad(within);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error("the drawing pad is not visible");
  const at = ([x, y]: PadPoint) => [box.x + x * box.width, box.y + y * box.height] as const;
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    await page.mouse.move(...at(first));
    await page.mouse.down();
    let last = at(first);
    for (const p of rest) {
      const next = at(p);
      // About one pointer event per 10 px, like a real hand's mouse.
      const steps = Math.max(1, Math.ceil(Math.hypot(next[0] - last[0], next[1] - last[1]) / 10));
      await page.mouse.move(...next, { steps });
      last = next;
    }
    await page.mouse.up();
  }
}

/** The output panel's polite live region: "Prediction: 7 (93%)", empty when there is no input. */
export function predictionStatus(page: Page): Locator {
  return page.getByRole("region", { name: "Output layer" }).getByRole("status");
}

/** The value (dd) of a counter by its name (dt): "epoch", "examples", "speed", "weights". */
export function counter(page: Page, name: string): Locator {
  return page
    .locator(".counters > div")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${name}$`) }) })
    .locator("dd");
}

/** The examples counter as a number. */
export async function examplesSeen(page: Page): Promise<number> {
  const text = (await counter(page, "examples").textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
}

/** Waits until the examples counter exceeds `than`, and returns it. */
export async function examplesAbove(page: Page, than: number, timeout = TRAINING_WAIT): Promise<number> {
  await expect.poll(() => examplesSeen(page), { timeout }).toBeGreaterThan(than);
  return examplesSeen(page);
}

export function testImageInput(page: Page): Locator {
  return page.getByRole("spinbutton", { name: "Test image" });
}

export function learningRate(page: Page): Locator {
  return page.getByRole("slider", { name: "Learning rate" });
}

/** η as the slider announces it (aria-valuetext "η = 1.5"). */
export async function eta(page: Page): Promise<number> {
  const text = (await learningRate(page).getAttribute("aria-valuetext")) ?? "";
  const match = /η = ([\d.e+-]+)/.exec(text);
  if (!match) throw new Error(`unexpected learning-rate text: ${text}`);
  return Number(match[1]);
}

/** The cost curve's readout under the plot. */
export function costReadout(page: Page): Locator {
  return page.getByRole("region", { name: "Cost curve" }).locator(".readout");
}

/** A test-set evaluation as the cost curve's readout states it. */
export interface Evaluation {
  readonly examples: number;
  readonly testCost: number;
  readonly accuracy: number;
}

/** The latest test evaluation: "After N examples: test cost C, accuracy A%" parsed, or null before one. */
export async function evaluation(page: Page): Promise<Evaluation | null> {
  const text = (await costReadout(page).textContent()) ?? "";
  const match = /After ([\d,]+) examples: test cost ([\d.e+-]+), accuracy ([\d.]+)%/.exec(text);
  if (!match) return null;
  return {
    examples: Number(match[1]!.replace(/,/g, "")),
    testCost: Number(match[2]),
    accuracy: Number(match[3]),
  };
}

/**
 * Waits until the readout shows a test evaluation that `accept`s (by default any), and returns it. Evaluations
 * come every ~2 s of training time, so how many examples apart they are depends on the machine's speed.
 */
export async function waitForEvaluation(
  page: Page,
  accept: (e: Evaluation) => boolean = () => true,
  timeout = TRAINING_WAIT,
): Promise<Evaluation> {
  let found: Evaluation | null = null;
  await expect
    .poll(
      async () => {
        const e = await evaluation(page);
        if (e && accept(e)) found = e;
        return found !== null;
      },
      { timeout, intervals: [250, 500] },
    )
    .toBe(true);
  return found!;
}

/** Play/Pause: one button whose name follows the state. */
export function playButton(page: Page): Locator {
  return page.getByRole("group", { name: "Training" }).getByRole("button", { name: /^(Play|Pause)$/ });
}

/** Resets to an untrained network and waits until its fresh counters show. */
export async function resetNetwork(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(counter(page, "weights")).toContainText("untrained");
  await expect(counter(page, "examples")).toHaveText("0");
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeEnabled();
}

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused({ timeout: 1 });
}

/**
 * Sets up 784-100-100-100-10 with ReLU hidden layers, a softmax output, cross-entropy cost and η = 10, presses
 * Play and waits for the divergence alert. Why this configuration: with the videos' 784-16-16-10 network,
 * ReLU hidden layers at η = 10 die (every neuron stuck at 0) long before anything overflows, and sigmoid
 * networks saturate; three hidden layers of 100 ReLU neurons overflow to NaN within ~60 examples (seeds 1–6).
 */
export async function trainUntilDiverged(page: Page): Promise<void> {
  // The set-up goes through the URL, so every run starts from the same untrained network (seed 1, no decay).
  await page.goto(
    "./?hidden=100,100,100&activation=relu,relu,relu&output=softmax&cost=crossEntropy&lr=10&decay=0&seed=1&model=none",
  );
  await expect(playButton(page)).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByRole("application", { name: /^Network/ })).toHaveAttribute(
    "aria-label",
    "Network: 784-100-100-100-10",
  );
  await expect(counter(page, "weights")).toContainText("untrained");
  const slider = learningRate(page);
  await expect(slider).toHaveAttribute("aria-valuetext", "η = 10");
  await playButton(page).click();
  await expect(page.getByRole("alert")).toContainText("diverged", { timeout: TRAINING_WAIT });
}
