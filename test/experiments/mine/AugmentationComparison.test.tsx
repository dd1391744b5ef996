// @vitest-environment jsdom
// "Does augmentation help?" with an injected fake runs client: it waits for five digits, starts a plain and an
// augmented run from one seed, shows their progress, and scores each finished network on the learner's digits.
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { LIGHT_AUGMENT } from "../../../src/engine/augment.ts";
import { createNetwork } from "../../../src/engine/network.ts";
import type { RunPoint } from "../../../src/engine/runs.ts";
import {
  AugmentationComparison,
  describeResults,
} from "../../../src/experiments/mine/AugmentationComparison.tsx";
import { scoreDigits } from "../../../src/experiments/mine/score.ts";
import type { MyDigit } from "../../../src/experiments/mine/storage.ts";
import { fakeRunsClient, fakeServices } from "../fixtures.ts";
import { renderWith } from "../withServices.tsx";

/** A fake runs client, and the services that provide it to the comparison. */
function fakeClient() {
  const client = fakeRunsClient();
  return { client, services: fakeServices({ runs: client }) };
}

function point(examples: number, testAccuracy: number): RunPoint {
  return {
    examples,
    epoch: examples / 1000,
    trainCost: 0.3,
    trainAccuracy: Number.NaN,
    testCost: 0.4,
    testAccuracy,
    examplesPerSecond: examples === 0 ? 0 : 4_321,
  };
}

const digits: MyDigit[] = Array.from({ length: 6 }, (_, i) => ({
  id: String(i),
  pixels: Array.from({ length: 784 }, (_, k) => ((k * (i + 3)) % 17) / 16),
  label: i % 10,
  time: i,
}));

const spec = { sizes: [784, 8, 10], hidden: ["relu"], output: "softmax", cost: "crossEntropy" } as const;

afterEach(cleanup);

describe("AugmentationComparison", () => {
  it("is disabled with a hint below five digits", () => {
    renderWith(<AugmentationComparison digits={digits.slice(0, 4)} />);
    expect(screen.getByRole("button", { name: "Compare" })).toHaveProperty("disabled", true);
    expect(screen.getByText(/Add at least 5 of your digits first/).textContent).toBe(
      "Add at least 5 of your digits first (you have 4).",
    );
  });

  it("trains a plain and an augmented run from one seed, then scores both networks on my digits", () => {
    const { client, services } = fakeClient();
    renderWith(<AugmentationComparison digits={digits} size={{ trainLimit: 1000, epochs: 2 }} />, services);
    fireEvent.click(screen.getByRole("button", { name: "Compare" }));
    const [plain, augmented] = client.started;
    expect([plain!.run.augment, augmented!.run.augment]).toEqual([null, LIGHT_AUGMENT]);
    expect(plain!.run.seed).toBe(augmented!.run.seed);
    expect([plain!.run.trainLimit, plain!.run.epochs]).toEqual([1000, 2]);

    act(() => {
      plain!.listener.onPoint(point(1000, 0.9));
      augmented!.listener.onPoint(point(1000, 0.88));
    });
    expect(within(screen.getByRole("table")).getAllByText("4,321")).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Stop" })).toHaveProperty("disabled", false);

    const nets = [createNetwork(spec, 2), createNetwork(spec, 3)] as const;
    act(() => {
      plain!.listener.onDone(nets[0]);
      augmented!.listener.onDone(nets[1]);
    });
    const results = screen.getAllByRole("table")[1]!;
    const rows = within(results).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    for (const [i, row] of rows.entries()) {
      const { correct } = scoreDigits(nets[i]!, digits);
      expect(row.getAttribute("data-correct")).toBe(String(correct));
      expect(row.querySelectorAll("td")[0]!.textContent).toBe(`${correct} of 6`);
    }
    expect(rows.map((row) => row.querySelectorAll("td")[2]!.textContent)).toEqual([
      expect.stringMatching(/^90\.0\s%$/),
      expect.stringMatching(/^88\.0\s%$/),
    ]);
    expect(document.querySelector(".my-augment-summary")!.textContent).toMatch(
      /On MNIST’s test digits the augmented network scored 88\.0\s% against 90\.0\s%, 2\.0 points lower\.$/,
    );
    expect(screen.getByRole("button", { name: "Compare again" })).toHaveProperty("disabled", false);
  });

  it("Stop stops both runs", () => {
    const { client, services } = fakeClient();
    renderWith(<AugmentationComparison digits={digits} />, services);
    fireEvent.click(screen.getByRole("button", { name: "Compare" }));
    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(client.started.map((r) => r.stopped)).toEqual([true, true]);
  });
});

describe("describeResults", () => {
  const base = { label: "", total: 10, testAccuracy: 0.9 };
  it("says which did better on my digits, and by how much on MNIST's", () => {
    expect(describeResults({ ...base, correct: 6 }, { ...base, correct: 8, testAccuracy: 0.89 })).toBe(
      "The network trained on augmented images got 8 of your 10 digits right, the other 6: on your handwriting, augmentation helped this time. On MNIST’s test digits the augmented network scored 89.0\u202f% against 90.0\u202f%, 1.0 points lower.",
    );
  });
  it("says when they tie", () => {
    expect(describeResults({ ...base, correct: 7 }, { ...base, correct: 7 })).toMatch(
      /^Both networks got 7 of your 10 digits right.*both scored 90\.0\u202f%\.$/,
    );
  });
});
