// @vitest-environment jsdom
// The memorisation-speed page with a fake runs client: Start asks for the timed true/shuffled pair from the seed,
// streamed points fill the milestone table, and the conclusion appears only once neither run is training.
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createNetwork } from "../../../src/engine/network.ts";
import { MemorisationSpeedExperiment } from "../../../src/experiments/runs/MemorisationSpeedExperiment.tsx";
import { fakeRunsClient, fakeServices } from "../fixtures.ts";
import { renderWith } from "../withServices.tsx";
import { pointAt as at } from "./points.ts";

const net = createNetwork(
  { sizes: [784, 3, 10], hidden: ["relu"], output: "softmax", cost: "crossEntropy" },
  1,
);

afterEach(cleanup);

describe("MemorisationSpeedExperiment", () => {
  it("times both runs to 50, 90 and 99 % and concludes from their numbers once both are done", () => {
    const client = fakeRunsClient();
    const { container } = renderWith(
      <MemorisationSpeedExperiment seed={7} />,
      fakeServices({ runs: client }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Start training" }));
    const runs = client.started.map((r) => r.run);
    expect(runs.map((r) => [r.labelSeed, r.seed, r.trainLimit, r.trainEval, r.testEval, r.epochs])).toEqual([
      [null, 7, 5000, 5000, 10000, 100],
      [7, 7, 5000, 5000, 10000, 100],
    ]);
    const [truth, shuffled] = client.started;
    act(() => {
      for (const [e, a] of [
        [0, 0.1],
        [1, 0.9],
        [2, 0.99],
      ] as const)
        truth!.listener.onPoint(at(e, a, 0.95));
      for (const [e, a] of [
        [0, 0.1],
        [1, 0.3],
        [2, 0.6],
      ] as const)
        shuffled!.listener.onPoint(at(e, a, 0.11));
      truth!.listener.onDone(net);
    });
    const cells = () =>
      Array.from(container.querySelectorAll(".milestone-table tbody tr"), (tr) =>
        Array.from(tr.querySelectorAll("td"), (td) => td.textContent),
      );
    expect(cells()).toEqual([
      ["1", "1", "2", "95.0 %"],
      ["2", "–", "–", "11.0 %"],
    ]);
    // One run still training: no conclusion yet.
    expect(container.querySelector(".run-conclusion")).toBeNull();
    act(() => shuffled!.listener.onDone(net));
    expect(cells()[1]).toEqual(["2", "> 2", "> 2", "11.0 %"]);
    const conclusion = container.querySelector(".run-conclusion")!.textContent;
    expect(conclusion).toContain("to reach 50 % the shuffled labels took 2.0 times as many epochs");
    expect(conclusion).toContain("The shuffled-label run never reached 90 % or 99 % within its 2 epochs");
  });
});
