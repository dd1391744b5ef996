// @vitest-environment jsdom
// The many-starts page with a fake runs client and the in-process source: the button asks for the runs of the
// page's seed; finished runs keep their networks, which the source compares (run 2 is run 1 with its neurons
// shuffled, so the matching must find it out), and the page shows the match, the slice and its conclusion.
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createNetwork } from "../../../src/engine/network.ts";
import { permuteHidden } from "../../../src/engine/permute.ts";
import { PRESETS } from "../../../src/engine/presets.ts";
import type { RunPoint } from "../../../src/engine/runs.ts";
import { ManyStartsExperiment } from "../../../src/experiments/starts/ManyStartsExperiment.tsx";
import { fakeRunsClient, fakeServices } from "../fixtures.ts";
import { renderWith } from "../withServices.tsx";

afterEach(cleanup);

const point = (epoch: number, testAccuracy: number): RunPoint => ({
  examples: epoch * 60_000,
  epoch,
  trainCost: 0.2,
  trainAccuracy: Number.NaN,
  testCost: 0.12,
  testAccuracy,
  examplesPerSecond: 1000,
});

describe("ManyStartsExperiment", () => {
  it("trains the seed's runs, keeps their networks and compares run 1 with run 2", async () => {
    const client = fakeRunsClient();
    const { container } = renderWith(
      <ManyStartsExperiment seed={2} onSeed={() => {}} count={4} />,
      fakeServices({ runs: client }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Train 4 networks" }));
    expect(client.started.map((r) => [r.run.label, r.run.seed])).toEqual([
      ["run 1", 16],
      ["run 2", 17],
      ["run 3", 18],
      ["run 4", 19],
    ]);
    expect(client.started.every((r) => r.run.spec === PRESETS["3b1b"].spec)).toBe(true);
    const section = container.querySelector(".many-starts")!;
    expect(section.getAttribute("data-status")).toBe("training");

    const a = createNetwork(PRESETS["3b1b"].spec, 16);
    const shift = Array.from({ length: 16 }, (_, j) => (j + 3) % 16);
    const nets = [a, permuteHidden(a, 1, shift), createNetwork(PRESETS["3b1b"].spec, 18), a];
    act(() => {
      client.started.forEach((r, i) => {
        r.listener.onPoint(point(1, [0.91, 0.92, 0.935, 0.9][i]!));
        r.listener.onDone(nets[i]!);
      });
    });
    expect(container.querySelector(".starts-spread")!.textContent).toBe(
      "Spread of test accuracy: 3.5 points (best 93.5 %, worst 90.0 %).",
    );
    expect(container.querySelectorAll('.heatmap-row[data-row="run"]')).toHaveLength(4);
    await waitFor(() => expect(section.getAttribute("data-status")).toBe("ready"));

    // Run 2 is run 1 reordered: matched, every pair is the same neuron, and the weights coincide.
    const rows = Array.from(container.querySelectorAll(".match-table tr[data-layer]"));
    expect(rows.map((tr) => Number(tr.getAttribute("data-after")))).toEqual([
      expect.closeTo(1, 6),
      expect.closeTo(1, 6),
    ]);
    expect(container.querySelector("[data-distance-after]")!.getAttribute("data-distance-after")).toBe("0");
    expect(container.querySelectorAll(".slice-chart")).toHaveLength(2);
    const conclusion = container.querySelector(".run-conclusion")!.textContent!;
    expect(conclusion).toContain("a spread of 3.5 points");
    expect(conclusion).toContain("So run 2 is close to a reordering of run 1");
    expect(conclusion).toContain("A and the reordered B lie in one valley");

    // Another pair: run 1 and run 3, two different networks.
    fireEvent.change(screen.getByLabelText("Network B"), { target: { value: "2" } });
    await waitFor(() =>
      expect(container.querySelector(".slice-chart h3")!.textContent).toBe("Cost between run 1 and run 3"),
    );
    await waitFor(() => expect(section.getAttribute("data-status")).toBe("ready"));
    expect(container.querySelector(".run-conclusion")!.textContent).toContain(
      "not just a reordering of run 1",
    );
  });

  it("stops every run, and compares nothing when a run did not finish", () => {
    const client = fakeRunsClient();
    const { container } = renderWith(
      <ManyStartsExperiment seed={1} onSeed={() => {}} count={5} />,
      fakeServices({ runs: client }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Train 5 networks" }));
    act(() => client.started[0]!.listener.onDone(createNetwork(PRESETS["3b1b"].spec, 8)));
    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(client.started.slice(1).every((r) => r.stopped)).toBe(true);
    expect(container.querySelector(".many-starts")!.getAttribute("data-status")).toBe("stopped");
    expect(container.querySelector(".starts-compare")).toBeNull();
    expect(container.querySelectorAll('.heatmap-row[data-row="run"]')).toHaveLength(1);
  });
});
