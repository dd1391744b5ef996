// URL settings and embedding: a malformed link shows a notice and the app works; hide= removes controls; a
// seed reproduces a run; a host page on another origin drives an embed by postMessage, and others can't.
import { createServer, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { collectPageErrors, counter, eta, TRAINING_SPEC, TRAINING_WAIT } from "./helpers.ts";
import { expectGoodLayout } from "./layout.ts";

const APP = "http://127.0.0.1:4173/";

/** A host page: an iframe of `src` (from its query) and a log of the messages it receives, in window.received. */
const HOST_PAGE = `<!doctype html><meta charset="utf-8"><title>Host</title>
<style>body{margin:0} iframe{width:900px;height:600px;border:1px solid #888}</style>
<iframe id="embed" title="Explorable"></iframe>
<script>
  window.received = [];
  addEventListener("message", (e) => { if (e.data && e.data.type === "nn-explorable") window.received.push({ origin: e.origin, ...e.data }); });
  document.getElementById("embed").src = new URLSearchParams(location.search).get("src");
  window.send = (command) => document.getElementById("embed").contentWindow.postMessage({ type: "nn-explorable", version: 1, ...command }, "*");
</script>`;

function serveHost(port: number): Promise<Server> {
  const server = createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(HOST_PAGE);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

async function waitReady(page: Page) {
  await expect(page.getByRole("button", { name: "Step", exact: true })).toBeEnabled({ timeout: 60_000 });
}

/** The ten output activations for the input, as the output bars show them (settled: two reads alike). */
async function outputs(page: Page): Promise<string> {
  const values = page.getByRole("region", { name: "Output layer" }).locator("[data-part=value]");
  const read = async () => (await values.allTextContents()).join(" ");
  let last = "";
  await expect
    .poll(async () => {
      const [a, now] = [last, await read()];
      last = now;
      return now === a && !now.includes("–");
    })
    .toBe(true);
  return last;
}

/** Steps `n` mini-batches and returns the outputs for the test image shown: a fingerprint of the weights. */
async function outputsAfterSteps(page: Page, n: number): Promise<string> {
  for (let i = 0; i < n; i++) {
    const before = Number((await counter(page, "examples").textContent())?.replace(/\D/g, ""));
    await page.getByRole("button", { name: "Step", exact: true }).click();
    await expect
      .poll(async () => Number((await counter(page, "examples").textContent())?.replace(/\D/g, "")))
      .toBeGreaterThan(before);
  }
  return outputs(page);
}

test("a malformed link shows what was ignored, and the app still works", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto("./?lr=abc&hidden=0,9999&view=<b>x</b>");
  const notice = page.getByRole("alert");
  await expect(notice).toContainText("lr=“abc” is not a number between 0.001 and 10; using 1.5");
  await expect(notice).toContainText("hidden=“0,9999” is not a list of at most 4 layer sizes");
  await expect(notice).toContainText("view=“<b>x</b>” is not one of");
  await expect(notice.locator("b")).toHaveCount(0);
  await waitReady(page);
  expect(await eta(page)).toBe(1.5);
  await expect(counter(page, "weights")).toHaveText("pretrained, 30 epochs");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  expect(errors).toEqual([]);
});

test("valid settings reach the controls and are written back to the address", async ({ page }) => {
  await page.goto("./?lr=0.5&batch=32&model=none&seed=3");
  await waitReady(page);
  expect(await eta(page)).toBe(0.5);
  await expect(page.getByRole("combobox", { name: "Mini-batch size" })).toHaveValue("32");
  await expect(counter(page, "weights")).toHaveText("untrained, seed 3");
  await page.getByRole("slider", { name: "Learning rate" }).press("End");
  await expect.poll(() => new URL(page.url()).searchParams.get("lr")).toBe("10");
  expect(new URL(page.url()).searchParams.get("batch")).toBe("32");
});

test("?hide=play,reset removes those buttons", async ({ page }) => {
  await page.goto("./?hide=play,reset");
  await waitReady(page);
  const training = page.getByRole("group", { name: "Training" });
  await expect(training.getByRole("button", { name: "Play" })).toHaveCount(0);
  await expect(training.getByRole("button", { name: "Reset", exact: true })).toHaveCount(0);
  await expect(training.getByRole("button", { name: "Step", exact: true })).toBeVisible();
});

test("?seed=5&model=none reproduces the same network after the same steps, before and after Reset", async ({
  page,
  browser,
}) => {
  // Each visit in a browser of its own, as each student's is: in one browser, saved work would restore the
  // first visit's network on the second.
  const run = async (p: Page, url: string) => {
    await p.goto(url);
    await waitReady(p);
    await expect(counter(p, "weights")).toContainText("untrained");
    const first = await outputsAfterSteps(p, 3);
    await p.getByRole("button", { name: "Reset", exact: true }).click();
    await expect(counter(p, "examples")).toHaveText("0");
    const afterReset = await outputsAfterSteps(p, 3);
    return { first, afterReset, link: p.url() };
  };
  const url = `${APP}?seed=5&model=none&image=0`;
  const a = await run(page, url);
  const other = await browser.newContext();
  const b = await run(await other.newPage(), url);
  expect(a.first).toMatch(/^(\d\.\d+ ){9}\d\.\d+$/);
  expect(b).toEqual(a);
  expect(a.afterReset).not.toBe(a.first);
  // The link after Reset names the new seed: opening it in a fresh browser gives that network again.
  expect(new URL(a.link).searchParams.get("seed")).not.toBe("5");
  const fresh = await browser.newContext();
  const third = await fresh.newPage();
  await third.goto(a.link);
  await waitReady(third);
  expect(await outputsAfterSteps(third, 3)).toBe(a.afterReset);
  await other.close();
  await fresh.close();
});

test.describe("embedded in a page of another origin", () => {
  let allowed: Server;
  let other: Server;
  test.beforeAll(async () => {
    allowed = await serveHost(4199);
    other = await serveHost(4198);
  });
  test.afterAll(async () => {
    await new Promise((r) => allowed.close(r));
    await new Promise((r) => other.close(r));
  });

  test("the allowed host drives the embed by postMessage and hears its events", async ({ page }) => {
    // It plays a whole epoch (60,000 examples), however long this machine takes.
    test.setTimeout(TRAINING_SPEC);
    const src = `${APP}?embed=1&origins=http://127.0.0.1:4199&image=0&batch=100`;
    await page.goto(`http://127.0.0.1:4199/?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator("#embed");
    await expect(frame.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });
    const received = () =>
      page.evaluate(() => (window as unknown as { received: { event: string }[] }).received);
    await expect.poll(async () => (await received()).map((m) => m.event)).toContain("ready");
    await page.evaluate(() => (window as unknown as { send(c: object): void }).send({ command: "play" }));
    await expect(frame.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
    await expect
      .poll(async () => (await received()).map((m) => m.event), { timeout: TRAINING_WAIT })
      .toEqual(expect.arrayContaining(["prediction", "epochEnded"]));
    const all = await received();
    expect(all.every((m) => (m as unknown as { origin: string }).origin === "http://127.0.0.1:4173")).toBe(
      true,
    );
    const epoch = all.find((m) => m.event === "epochEnded");
    expect(epoch).toMatchObject({ type: "nn-explorable", version: 1, epoch: 1 });
    await page.evaluate(() => (window as unknown as { send(c: object): void }).send({ command: "pause" }));
    await expect(frame.getByRole("button", { name: "Play", exact: true })).toBeVisible();
  });

  test("a lesson scene in the host's iframe goes to the step it is sent and reports each step", async ({
    page,
  }) => {
    const src = `${APP}?scene=cost&step=1&embed=1&origins=http://127.0.0.1:4199`;
    await page.goto(`http://127.0.0.1:4199/?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator("#embed");
    await expect(frame.getByRole("button", { name: "Next" })).toBeVisible({ timeout: 60_000 });
    await expect(frame.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
    const received = () =>
      page.evaluate(() => (window as unknown as { received: { event: string; step?: number }[] }).received);
    await expect
      .poll(async () => (await received()).some((m) => m.event === "stepChanged" && m.step === 1))
      .toBe(true);
    await page.evaluate(() =>
      (window as unknown as { send(c: object): void }).send({ command: "goToStep", step: 3 }),
    );
    await expect(frame.getByText("Step 3 of 6").first()).toBeVisible();
    await expect
      .poll(async () => (await received()).filter((m) => m.event === "stepChanged").at(-1))
      .toMatchObject({ type: "nn-explorable", version: 1, scene: "cost", step: 3, steps: 6 });
    await frame.getByRole("button", { name: "Next" }).click();
    await expect
      .poll(async () => (await received()).filter((m) => m.event === "stepChanged").at(-1))
      .toMatchObject({ step: 4 });
  });

  test("a host that isn't on the allowlist is ignored", async ({ page }) => {
    const warnings: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "warning") warnings.push(m.text());
    });
    const src = `${APP}?embed=1&origins=http://127.0.0.1:4199`;
    await page.goto(`http://127.0.0.1:4198/?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator("#embed");
    await expect(frame.getByRole("button", { name: "Play", exact: true })).toBeEnabled({ timeout: 60_000 });
    await page.evaluate(() => (window as unknown as { send(c: object): void }).send({ command: "play" }));
    await page.evaluate(() => (window as unknown as { send(c: object): void }).send({ command: "play" }));
    await expect.poll(() => warnings.filter((w) => w.includes("nn-explorable"))).toHaveLength(1);
    expect(warnings.find((w) => w.includes("nn-explorable"))).toContain("origin http://127.0.0.1:4198");
    await expect(frame.getByRole("button", { name: "Play", exact: true })).toBeVisible();
    // It hears nothing but the content's height (the one event any host may have, to size the frame).
    const heard = await page.evaluate(
      () => (window as unknown as { received: { event: string }[] }).received,
    );
    expect(heard.filter((m) => m.event !== "resize")).toEqual([]);
  });

  test("one view fills its frame: the network alone, painted, nothing cut off", async ({ page }) => {
    const src = `${APP}?embed=1&view=network&image=7&origins=http://127.0.0.1:4199`;
    await page.goto(`http://127.0.0.1:4199/?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator("#embed");
    const network = frame.getByRole("region", { name: "Network" });
    await expect(network).toBeVisible({ timeout: 60_000 });
    await expect(frame.locator("h1")).toHaveCount(0);
    await expect(frame.getByRole("region")).toHaveCount(1);
    // The view fills the frame but for a margin.
    const frameSize = await network.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    const box = (await network.boundingBox())!;
    expect(box.width).toBeGreaterThan(0.9 * frameSize.width);
    expect(box.height).toBeGreaterThan(0.9 * frameSize.height);
    // Its canvas is painted; nothing scrolls sideways or is cut off, no text is under 11 px.
    await expectGoodLayout(
      page.frames().find((f) => f.url().startsWith(APP))!,
      "embed network",
    );
  });
});
