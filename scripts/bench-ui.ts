// `npm run bench:ui`: drives the built app in the system Chromium and prints one JSON line: frame intervals
// (p50/p95) and long tasks (> 50 ms) on the main thread over 10 s of full-speed training, the worker's
// training speed meanwhile (and its ratio to `npm run bench`'s single-threaded Node figure), and the latency
// from a pen stroke on the pad to the prediction appearing, idle and while training. First, two fresh loads of
// the page: the cumulative layout shift from navigation until a second after the data is in (no input), and the
// time from navigation to the first prediction of a stroke drawn as soon as the pad is on screen; a third, where
// Reset + Play trains until the cost curve shows 95 % accuracy on all 10,000 test images, with the bytes received
// before each (lib/benchStart.ts), for the default preset and for `best`; how long after a linked pad frame's answer its
// output frame's arrives; and the frames while a lesson's backward pass plays.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { chromium, type Browser, type Page } from "@playwright/test";
import { toSparse, Trainer } from "../src/engine/fast.ts";
import { createNetwork, type Network } from "../src/engine/network.ts";
import { PRESETS } from "../src/engine/presets.ts";
import { loadMnist } from "./lib/mnist.ts";
import {
  countingProxy,
  dataReady,
  firstPrediction,
  freshPage,
  resetPlayTo95,
  type To95,
} from "./lib/benchStart.ts";

const PORT = 4183;
/** The preview server's own port: the page loads through a proxy on PORT that counts the bytes (benchStart.ts). */
const SERVER_PORT = PORT + 2;
/** How long Reset + Play may train before the 95 % measure gives up. */
const TO_95_LIMIT_MS = 20_000;
const URL_ = `http://127.0.0.1:${PORT}/`;
const SECONDS = 10;

function startServer(): ChildProcess {
  return spawn(
    process.execPath,
    [
      "node_modules/vite/bin/vite.js",
      "preview",
      "--host",
      "127.0.0.1",
      "--port",
      String(SERVER_PORT),
      "--strictPort",
    ],
    { stdio: "ignore" },
  );
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL_)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not start on port ${PORT}`);
}

const quantile = (v: number[], q: number) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const round = (x: number, d = 2) => Number(x.toFixed(d));

/** Examples seen, as the counters show it. */
async function examplesSeen(page: Page): Promise<number> {
  const text = await page.locator(".counters div", { hasText: "examples" }).locator("dd").innerText();
  return Number(text.replace(/[^0-9]/g, ""));
}

/** One stroke on the pad after Clear; returns ms from the first pointer event to the prediction text. */
async function strokeLatency(page: Page, k: number): Promise<number> {
  await page.getByRole("button", { name: "Clear" }).click();
  await page.waitForFunction(
    () => !document.querySelector('section[aria-label="Output layer"] [aria-live="polite"]')?.textContent,
  );
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number | null; __t1: number | null };
    w.__t0 = null;
    w.__t1 = null;
    const pad = document.querySelector('canvas[aria-label="Drawing pad"]')!;
    pad.addEventListener("pointerdown", (e) => (w.__t0 ??= e.timeStamp), { once: true, capture: true });
    const live = document.querySelector('section[aria-label="Output layer"] [aria-live="polite"]')!;
    const obs = new MutationObserver(() => {
      if (live.textContent?.startsWith("Prediction:") && w.__t1 === null) {
        w.__t1 = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(live, { childList: true, characterData: true, subtree: true });
  });
  const box = (await page
    .getByRole("img", { name: "Drawing pad" })
    .or(page.locator('canvas[aria-label="Drawing pad"]'))
    .first()
    .boundingBox())!;
  const x = box.x + box.width * (0.4 + 0.02 * (k % 5));
  await page.mouse.move(x, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(x + box.width * 0.05, box.y + box.height * 0.8, { steps: 1 });
  await page.mouse.up();
  await page.waitForFunction(() => (window as unknown as { __t1: number | null }).__t1 !== null, null, {
    timeout: 5000,
  });
  return page.evaluate(() => {
    const w = window as unknown as { __t0: number; __t1: number };
    return w.__t1 - w.__t0;
  });
}

/** Cumulative layout shift (shifts without recent input) from navigation to a second after the data is in. */
async function loadShift(browser: Browser): Promise<{ cls: number; shifts: number; readyMs: number }> {
  const page = await freshPage(browser);
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number; __shifts: number };
    w.__cls = 0;
    w.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) {
          w.__cls += e.value;
          w.__shifts++;
        }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(URL_);
  await dataReady(page);
  const readyMs = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1000);
  const result = await page.evaluate(() => {
    const w = window as unknown as { __cls: number; __shifts: number };
    return { cls: w.__cls, shifts: w.__shifts };
  });
  await page.context().close();
  return { ...result, readyMs };
}

/**
 * Linked frames: a pad iframe and an output iframe with one `group` on a host page of another origin. For each of
 * 10 strokes (a 7 and a 1 in turn), the ms between the host hearing the pad frame's `prediction` and the output
 * frame's (the output frame learns the answer through the group's channel).
 */
async function linkedLag(browser: Browser): Promise<number[]> {
  const hostPort = PORT + 1;
  const src = (view: string) =>
    `${URL_}?embed=1&view=${view}&group=bench&origins=${encodeURIComponent(`http://127.0.0.1:${hostPort}`)}`;
  const html = `<!doctype html><title>host</title>
    <iframe id="pad" src="${src("pad")}" width="420" height="600"></iframe>
    <iframe id="output" src="${src("output")}" width="420" height="600"></iframe>
    <script>window.heard = []; addEventListener("message", (e) => {
      if (e.data?.event !== "prediction") return;
      const from = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === e.source)?.id;
      window.heard.push({ from, digit: e.data.digit, t: performance.now() });
    });</script>`;
  const host = createServer((_, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((done) => host.listen(hostPort, "127.0.0.1", done));
  const page = await freshPage(browser);
  await page.goto(`http://127.0.0.1:${hostPort}/`);
  const pad = page.frameLocator("#pad");
  const canvas = pad.locator('canvas[aria-label="Drawing pad"]');
  await canvas.waitFor({ timeout: 60_000 });
  await pad.getByRole("button", { name: "Clear" }).waitFor();
  const heard = () =>
    page.evaluate(() => (window as unknown as { heard: { from: string; t: number }[] }).heard);
  const lags: number[] = [];
  for (let k = 0; k < 10; k++) {
    await pad.getByRole("button", { name: "Clear" }).click();
    const before = (await heard()).length;
    const box = (await canvas.boundingBox())!;
    const at = (x: number, y: number) => [box.x + x * box.width, box.y + y * box.height] as const;
    const strokes =
      k % 2 === 0
        ? [
            [0.25, 0.2],
            [0.75, 0.2],
            [0.45, 0.85],
          ]
        : [
            [0.5, 0.15],
            [0.5, 0.85],
          ];
    await page.mouse.move(...at(strokes[0]![0]!, strokes[0]![1]!));
    await page.mouse.down();
    for (const [x, y] of strokes.slice(1)) await page.mouse.move(...at(x!, y!), { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction(
      (n) => {
        const after = (window as unknown as { heard: { from: string }[] }).heard.slice(n);
        return after.some((h) => h.from === "pad") && after.some((h) => h.from === "output");
      },
      before,
      { timeout: 10_000 },
    );
    await page.waitForTimeout(300); // the last answers of the stroke
    const after = (await heard()).slice(before);
    const last = (from: string) => after.filter((h) => h.from === from).at(-1)!.t;
    lags.push(last("output") - last("pad"));
  }
  await page.context().close();
  host.close();
  return lags;
}

/** Node's single-threaded speed for the same network and settings, as `npm run bench` measures it. */
/** Starts recording the main thread's frame intervals and long tasks (afresh). */
async function recordFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[]; __run: boolean };
    w.__frames = [];
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({
      type: "longtask",
    });
    let last = performance.now();
    w.__run = true;
    const loop = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__run) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

/** Stops recording; the intervals (the first, from before recording began, left out) and long tasks. */
function stopFrames(page: Page): Promise<{ frames: number[]; longTasks: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[]; __run: boolean };
    w.__run = false;
    return { frames: w.__frames.slice(1), longTasks: w.__long };
  });
}

/**
 * The lessons' motion: the backward pass of "Back to the first hidden layer" played 3 times (Replay), with the
 * frame intervals and long tasks on the main thread while it plays (it ends when the glance says progress 1).
 */
async function lessonMotion(browser: Browser): Promise<{ frames: number[]; longTasks: number[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript({ content: "window.__name = (f) => f;" });
  await page.goto(`${URL_}?scene=backprop-intuition&step=6`);
  const replay = page.getByRole("button", { name: "Replay the backward pass" });
  await replay.waitFor({ timeout: 60_000 });
  const done = () =>
    page.waitForFunction(
      () => document.querySelector(".network-glance canvas")?.getAttribute("data-progress") === "1",
    );
  await done();
  const frames: number[] = [];
  const longTasks: number[] = [];
  for (let k = 0; k < 3; k++) {
    await recordFrames(page);
    await replay.click();
    await page.waitForFunction(
      () => document.querySelector(".network-glance canvas")?.getAttribute("data-progress") !== "1",
    );
    await done();
    const run = await stopFrames(page);
    frames.push(...run.frames);
    longTasks.push(...run.longTasks);
  }
  await page.close();
  return { frames, longTasks };
}

function nodeSpeed(): number {
  const { train } = loadMnist();
  const data = toSparse({ count: train.count, size: 784, pixels: train.pixels, labels: train.labels });
  const p = PRESETS["3b1b"];
  const warm = new Trainer(createNetwork(p.spec, 9) as Network<Float32Array>, data, p.train, 9);
  for (let i = 0; i < 300; i++) warm.step();
  const t = new Trainer(createNetwork(p.spec, 1) as Network<Float32Array>, data, p.train, 1);
  const t0 = performance.now();
  t.epoch();
  return data.count / ((performance.now() - t0) / 1000);
}

/** The JSON figures of a Reset + Play to 95 % run (ms and bytes null when 95 % was not shown within the limit). */
function to95Figures(prefix: string, r: To95): Record<string, number | null> {
  return {
    [`${prefix}reset_play_to_95_ms`]: r.ms === null ? null : round(r.ms, 0),
    [`${prefix}reset_play_best_accuracy`]: round(r.best, 4),
    [`${prefix}bytes_before_95`]: r.bytes,
  };
}

const server = startServer();
const bytes = await countingProxy(PORT, SERVER_PORT);
try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const shift = await loadShift(browser);
  const first = await firstPrediction(browser, URL_, bytes);
  const to95 = await resetPlayTo95(browser, URL_, bytes, TO_95_LIMIT_MS);
  const to95Best = await resetPlayTo95(browser, `${URL_}?preset=best`, bytes, TO_95_LIMIT_MS);
  const lags = await linkedLag(browser);
  const motion = await lessonMotion(browser);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // tsx compiles the callbacks below with esbuild's keep-names helper, which the page must define.
  await page.addInitScript({ content: "window.__name = (f) => f;" });
  await page.goto(URL_);
  const play = page.getByRole("button", { name: "Play" });
  await play.waitFor();
  await dataReady(page);

  const idle: number[] = [];
  for (let k = 0; k < 10; k++) idle.push(await strokeLatency(page, k));

  await recordFrames(page);
  await play.click();
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __long: number[] };
    w.__frames = [];
    w.__long = [];
  });
  const e0 = await examplesSeen(page);
  const t0 = Date.now();
  await page.waitForTimeout(SECONDS * 1000);
  const e1 = await examplesSeen(page);
  const t1 = Date.now();
  const { frames, longTasks } = await stopFrames(page);
  const training: number[] = [];
  for (let k = 0; k < 10; k++) training.push(await strokeLatency(page, k));
  await page.getByRole("button", { name: "Pause" }).click();
  await browser.close();

  const workerSpeed = (e1 - e0) / ((t1 - t0) / 1000);
  const node = nodeSpeed();
  console.log(
    JSON.stringify({
      network: `784-16-16-10 sigmoid, the default preset's settings: ${JSON.stringify(PRESETS["3b1b"].train)}`,
      seconds: SECONDS,
      frames: frames.length,
      frame_ms_p50: round(quantile(frames, 0.5)),
      frame_ms_p95: round(quantile(frames, 0.95)),
      frame_ms_max: round(Math.max(...frames)),
      long_tasks: longTasks.length,
      long_task_ms: longTasks.map((d) => round(d, 0)),
      worker_examples_per_s: Math.round(workerSpeed),
      node_bench_examples_per_s: Math.round(node),
      worker_vs_node: round(workerSpeed / node),
      draw_to_prediction_ms_idle_p50: round(quantile(idle, 0.5), 1),
      draw_to_prediction_ms_idle_max: round(Math.max(...idle), 1),
      draw_to_prediction_ms_training_p50: round(quantile(training, 0.5), 1),
      draw_to_prediction_ms_training_max: round(Math.max(...training), 1),
      load_cumulative_layout_shift: round(shift.cls, 4),
      load_layout_shifts: shift.shifts,
      load_data_ready_ms: round(shift.readyMs, 0),
      navigation_to_first_prediction_ms: round(first.ms, 0),
      first_prediction_parts_ms: {
        navigation_to_pad: round(first.padMs, 0),
        stroke: round(first.strokeMs, 0),
        pen_up_to_prediction: round(first.answerMs, 0),
      },
      bytes_before_first_prediction: first.bytes,
      ...to95Figures("", to95),
      ...to95Figures("best_preset_", to95Best),
      linked_output_after_pad_ms_p50: round(quantile(lags, 0.5), 1),
      linked_output_after_pad_ms_max: round(Math.max(...lags.map(Math.abs)), 1),
      lesson_motion_frames: motion.frames.length,
      lesson_motion_frame_ms_p50: round(quantile(motion.frames, 0.5)),
      lesson_motion_frame_ms_p95: round(quantile(motion.frames, 0.95)),
      lesson_motion_long_tasks: motion.longTasks.length,
    }),
  );
} finally {
  server.kill();
  await bytes.close();
}
