// A short, seeded run of the fuzz and fault suite (`npm run fuzz` runs the long one): random addresses over every
// route, malformed model files, hostile postMessages and every injected fault, with no page error, no injection,
// no hang and a message for everything refused.
import { expect, test } from "@playwright/test";
import { runFuzz } from "../scripts/lib/fuzz/run.ts";

test("a short fuzz run: 0 page errors, 0 injections, 0 hangs, a message for every refusal and fault", async ({
  browser,
}) => {
  test.setTimeout(10 * 60_000);
  const summary = await runFuzz(browser, { seed: 2, urls: 40, models: 12, messages: 40, port: 4185 });
  expect(summary.failures).toEqual([]);
  expect(summary.cases.total).toBe(40 + 12 + 40 + 8);
});
