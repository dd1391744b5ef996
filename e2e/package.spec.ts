// The npm package for lesson sites built with npm: `npm run pack` makes it from the build, the example lesson site
// (examples/lesson-site) installs the tarball like any dependency and builds with Vite, and its page renders the
// React component, which trains and tells the page its predictions — data and models from a deployed app.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { collectPageErrors } from "./helpers.ts";
import { serveStatic, type StaticHost } from "../scripts/lib/staticServer.ts";

const ROOT = resolve(import.meta.dirname, "..");
const APP_PORT = 4202;
const SITE_PORT = 4203;

let app: StaticHost;
let site: StaticHost;
test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  execFileSync("npx", ["tsx", "scripts/pack.ts"], { cwd: ROOT, stdio: "ignore" });
  // A copy of the example, so its install and build leave the checkout alone; the tarball it names is this one.
  const dir = mkdtempSync(join(tmpdir(), "lesson-site-"));
  cpSync(join(ROOT, "examples", "lesson-site"), dir, { recursive: true });
  const tarball = join(ROOT, "dist", "nn-explorable-0.1.0.tgz");
  const npm = (...args: string[]) => execFileSync("npm", args, { cwd: dir, stdio: "ignore" });
  npm("pkg", "set", `dependencies.nn-explorable=file:${tarball}`);
  npm("install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts");
  execFileSync(
    "node",
    [join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: dir,
      stdio: "ignore",
    },
  );
  app = await serveStatic(APP_PORT, { "/nn/": join(ROOT, "dist") + "/" });
  site = await serveStatic(SITE_PORT, { "/": join(dir, "dist") + "/" });
});
test.afterAll(async () => {
  await app?.close();
  await site?.close();
});

test("the packed package's example lesson page renders the React component, which trains and predicts", async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await page.goto(
    `http://127.0.0.1:${SITE_PORT}/?app=${encodeURIComponent(`http://127.0.0.1:${APP_PORT}/nn/`)}`,
  );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How a network reads a digit");
  const explorable = page.locator("nn-explorable");
  await expect(explorable.getByRole("slider", { name: "Learning rate" })).toHaveAttribute(
    "aria-valuetext",
    "η = 0.5",
    {
      timeout: 60_000,
    },
  );
  // A test image: the element's prediction reaches the page through the component's onPrediction.
  await explorable.getByRole("button", { name: "Next" }).click({ timeout: 60_000 });
  await expect(page.locator("main > p[role=status]")).toHaveText(/^The network says \d$/);
  // Play: it trains.
  const play = explorable.getByRole("button", { name: "Play", exact: true });
  await expect(play).toBeEnabled({ timeout: 60_000 });
  await play.click();
  await expect
    .poll(
      async () => {
        const text =
          (await explorable
            .locator(".counters > div")
            .filter({ hasText: "examples" })
            .locator("dd")
            .textContent()) ?? "";
        return Number(text.replace(/[^\d]/g, ""));
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
