// `npm run fuzz`: the seeded fuzz and fault suite against the built app in Chromium (scripts/lib/fuzz/run.ts).
// Prints one JSON summary and exits 1 if there was any page error, injection, hang or missing message.
// Options: --seed N (1), --urls N (300), --models N (100), --messages N (200).
import { chromium } from "@playwright/test";
import { runFuzz } from "./lib/fuzz/run.ts";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number ≥ 0`);
  return v;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const summary = await runFuzz(browser, {
    seed: option("seed", 1),
    urls: option("urls", 300),
    models: option("models", 100),
    messages: option("messages", 200),
  });
  console.log(JSON.stringify(summary, null, 2));
  const bad = summary.pageErrors + summary.injections + summary.hangs + summary.missingMessages;
  process.exitCode = bad > 0 ? 1 : 0;
} finally {
  await browser.close();
}
