// One build, deployed under a course's subpath of a static host, embedded by a lesson page on another origin:
// every snippet of the teachers' page — each scene's, experiment's and view's iframe, and each view's
// <nn-explorable> element — renders there and responds.
import { expect, test, type FrameLocator, type Locator, type Page } from "@playwright/test";
import { EXPERIMENT_IDS } from "../src/experiments/url.ts";
import { SCENE_DEFS } from "../src/lessons/sceneDefs.ts";
import { collectPageErrors } from "./helpers.ts";
import { crossOriginHosts } from "./hosts.ts";

const hosts = crossOriginHosts(4198, 4199, "/courses/nn/");
const COURSE = hosts.app;
const LESSON = `${hosts.origin}/lesson.html`;

interface Snippet {
  readonly section: string;
  readonly title: string;
  readonly kind: string;
  readonly text: string;
}

/** Every snippet the teachers' page shows, as served from the course's subpath. */
async function snippets(page: Page): Promise<Snippet[]> {
  await page.goto(`${COURSE}?teachers`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/For teachers/);
  return page.locator("section.teachers-section article").evaluateAll((articles) =>
    articles.flatMap((a) =>
      Array.from(a.querySelectorAll(".snippet"), (s) => ({
        section: a.closest("section")?.getAttribute("aria-label") ?? "",
        title: a.getAttribute("aria-label") ?? "",
        kind: s.querySelector(".snippet-head span")?.textContent ?? "",
        text: s.querySelector("pre code")?.textContent ?? "",
      })),
    ),
  );
}

/** A lesson page on the host's origin holding one snippet. */
function lesson(snippet: Snippet): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${snippet.title}</title></head>
<body style="background:#0e1116;color:#eee;margin:16px"><h1>A lesson</h1>${snippet.text}</body></html>`;
}

/** Within an embedded explorable view (iframe or element): it renders, and it answers a learner. */
async function viewResponds(root: FrameLocator | Locator, view: string): Promise<void> {
  if (view.includes("+")) {
    // A combination shows each of its views, and the pad drives the rest.
    for (const part of view.split("+").filter((v) => v !== "pad")) await viewResponds(root, part);
    return viewResponds(root, "pad");
  }
  const region: Record<string, string> = {
    all: "Network",
    network: "Network",
    heatmaps: "Weights of the first hidden layer",
    pad: "Input",
    output: "Output",
  };
  if (view === "curve")
    await expect(root.getByRole("radio", { name: "log" })).toBeVisible({ timeout: 60_000 });
  else if (view === "controls")
    await expect(root.getByRole("button", { name: "Play", exact: true })).toBeVisible({ timeout: 60_000 });
  else
    await expect(root.getByRole("region", { name: region[view] ?? view, exact: true })).toBeVisible({
      timeout: 60_000,
    });
  // It answers: the learner picks a test image (pad), plays (controls, all), or switches the scale (curve).
  if (view === "pad") {
    await root.getByRole("button", { name: "Next" }).click({ timeout: 60_000 });
    await expect(root.getByText(/^True label: \d$/)).toBeVisible({ timeout: 60_000 });
  } else if (view === "all" || view === "controls") {
    const play = root.getByRole("button", { name: "Play", exact: true });
    await expect(play).toBeEnabled({ timeout: 60_000 });
    await play.click();
    await expect(root.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  } else if (view === "curve") {
    await root.getByRole("radio", { name: "log" }).check();
    await expect(root.getByRole("radio", { name: "log" })).toBeChecked();
  } else if (view === "output") {
    await expect(root.getByText(/^confidence = /)).toBeVisible();
  } else if (view === "network") {
    await expect(root.getByRole("application", { name: /^Network: 784-16-16-10/ })).toBeVisible();
  }
}

/**
 * The iframe on the host page has grown to its content (the snippet's host script applied the embed's `resize`
 * event), so nothing scrolls inside the frame, either way; then a screenshot of it for a person to look at.
 */
async function fitsItsFrame(page: Page, name: string): Promise<void> {
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  await expect
    .poll(
      () =>
        frame.evaluate(() => {
          const root = document.scrollingElement!;
          const boxes = [root, ...document.querySelectorAll<HTMLElement>(".app.embed")];
          return boxes.every(
            (b) => b.scrollHeight <= b.clientHeight + 1 && b.scrollWidth <= b.clientWidth + 1,
          );
        }),
      { timeout: 30_000 },
    )
    .toBe(true);
  await page.locator("iframe").screenshot({ path: `test-results/snippets/${name}.png` });
}

test("every snippet of the teachers' page works on another origin's page, from a subpath build", async ({
  page,
}) => {
  test.setTimeout(15 * 60_000);
  const errors = collectPageErrors(page);
  const all = await snippets(page);
  expect(all.filter((s) => s.kind === "iframe")).toHaveLength(SCENE_DEFS.length + EXPERIMENT_IDS.length + 9);
  expect(all.filter((s) => s.kind === "web component")).toHaveLength(9);
  for (const s of all) expect(s.text).toContain(COURSE); // the address the page was served from

  await page.setViewportSize({ width: 1400, height: 1000 });
  for (const snippet of all) {
    await test.step(`${snippet.section}: ${snippet.title} (${snippet.kind})`, async () => {
      hosts.page("/lesson.html", lesson(snippet));
      await page.goto(LESSON);
      if (snippet.kind === "web component") {
        const view = /view="([\w+]+)"/.exec(snippet.text)![1]!;
        const element = page.locator("nn-explorable");
        await viewResponds(element, view);
        return;
      }
      const frame = page.frameLocator("iframe");
      if (snippet.section === "Lesson scenes") {
        await expect(frame.getByRole("button", { name: "Next" })).toBeVisible({ timeout: 60_000 });
        const heading = frame.locator("h2").first();
        const before = await heading.textContent();
        await frame.getByRole("button", { name: "Next" }).click();
        await expect(heading).not.toHaveText(before ?? "");
      } else if (snippet.section === "Experiments") {
        await expect(frame.getByRole("heading", { level: 1 })).toHaveText(snippet.title, { timeout: 60_000 });
        await expect(frame.getByRole("navigation", { name: "Experiments" })).toHaveCount(0); // embed=1
      } else {
        const view = /view=([\w+]+)/.exec(snippet.text)![1]!;
        await viewResponds(frame, view);
      }
      await fitsItsFrame(page, `${snippet.section}-${snippet.title}`.replace(/\W+/g, "-").toLowerCase());
    });
  }
  expect(errors).toEqual([]);
});
