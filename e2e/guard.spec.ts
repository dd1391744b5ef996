// Pages where the app cannot start say why in one line instead of a blank frame: an unknown or deep address on a
// static host (its 404.html) or on a server that answers every path with the app (vite preview), an iframe
// sandboxed without allow-same-origin, and an embed whose only view `hide=` removes.
import { expect, test } from "@playwright/test";
import { collectPageErrors } from "./helpers.ts";
import { crossOriginHosts } from "./hosts.ts";

const hosts = crossOriginHosts(4196, 4197, "/courses/nn/");
const COURSE = hosts.app;

test("a deep unknown address on a static host says so and links to the app's folder", async ({ page }) => {
  const response = await page.goto(`${COURSE}scene/cost`);
  expect(response?.status()).toBe(404);
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText(
    "There is no page at “/courses/nn/scene/cost”. Go to How a neural network learns (/courses/nn/)",
  );
  await alert.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How a neural network learns");
  expect(new URL(page.url()).pathname).toBe("/courses/nn/");
});

test("an unknown address whose files load shows the app's own not found, with links to its pages", async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await page.goto(`${COURSE}lessons`);
  await expect(page.getByRole("alert")).toHaveText("There is no page at “/courses/nn/lessons”.");
  await page.getByRole("link", { name: "Lessons: the videos' chapters, step by step" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/one step at a time/);
  expect(page.url()).toBe(`${COURSE}?lessons`);
  expect(errors).toEqual([]);
});

test("a server that answers every path with the page: /scene/cost is not found either", async ({ page }) => {
  await page.goto("/scene/cost");
  await expect(page.getByRole("alert")).toHaveText(
    "There is no page at “/scene/cost”. Go to How a neural network learns (/)",
  );
});

test("an iframe sandboxed without allow-same-origin, and a view hide= removes, each say so in a line", async ({
  page,
}) => {
  hosts.page(
    "/lesson.html",
    `<!doctype html><title>lesson</title>
     <iframe id="sandboxed" sandbox="allow-scripts" src="${COURSE}?embed=1&view=pad" width="500" height="300"></iframe>
     <iframe id="hidden" src="${COURSE}?embed=1&view=network&hide=network" width="500" height="300"></iframe>`,
  );
  await page.goto(`${hosts.origin}/lesson.html`);
  await expect(page.frameLocator("#sandboxed").getByRole("alert")).toHaveText(
    'This view cannot run in an iframe sandboxed without allow-same-origin: it needs its own origin for its worker and saved work. Give the iframe sandbox="allow-scripts allow-same-origin".',
  );
  await expect(page.frameLocator("#hidden").getByRole("alert")).toHaveText(
    "This embed shows nothing: view=network is hidden by hide=network.",
  );
});
