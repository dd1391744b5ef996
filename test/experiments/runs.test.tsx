// @vitest-environment jsdom
// The run experiments with an injected fake runs client: Start asks for the right runs, streamed points become
// curves and table rows, Stop stops every run; the runs client speaks the worker protocol; small helpers.
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createNetwork } from "../../src/engine/network.ts";
import type { RunPoint, RunSpec } from "../../src/engine/runs.ts";
import { formatExamples, readoutStops, valueAt } from "../../src/experiments/runs/RunChart.tsx";
import { parseRunSizeParams } from "../../src/experiments/runs/params.ts";
import { ShuffledLabelsExperiment } from "../../src/experiments/runs/ShuffledLabelsExperiment.tsx";
import { SideBySideExperiment } from "../../src/experiments/runs/SideBySideExperiment.tsx";
import type { WorkerLike } from "../../src/worker/workerLike.ts";
import { createRunsClient } from "../../src/worker/runs/client.ts";
import type { RunsRequest } from "../../src/worker/runs/protocol.ts";
import { fakeRunsClient, fakeServices } from "./fixtures.ts";
import { renderWith } from "./withServices.tsx";

/** A fake runs client, and the services that provide it to the experiment. */
function fakeClient() {
  const client = fakeRunsClient();
  return { client, services: fakeServices({ runs: client }) };
}

function point(examples: number, testAccuracy: number, trainAccuracy = 0.5): RunPoint {
  return {
    examples,
    epoch: examples / 1000,
    trainCost: 1 / (1 + examples),
    trainAccuracy,
    testCost: 0.5,
    testAccuracy,
    examplesPerSecond: examples === 0 ? 0 : 12_345,
  };
}

/** A tiny trained network, as a worker's done message carries it. */
const net = createNetwork(
  { sizes: [784, 3, 10], hidden: ["relu"], output: "softmax", cost: "crossEntropy" },
  1,
);

afterEach(cleanup);

describe("SideBySideExperiment", () => {
  it("starts one run per learning rate from one seed, and overlays their streamed points", () => {
    const { client, services } = fakeClient();
    const { container } = renderWith(<SideBySideExperiment />, services);
    fireEvent.change(screen.getByLabelText("Values"), { target: { value: "0.1, 3" } });
    fireEvent.click(screen.getByRole("button", { name: "Start runs" }));
    expect(client.started.map((r) => r.run.train.learningRate)).toEqual([0.1, 3]);
    expect(new Set(client.started.map((r) => r.run.seed))).toEqual(new Set([1]));
    expect(client.started.map((r) => r.dataUrl)).toEqual([
      "http://experiments.test/data/mnist",
      "http://experiments.test/data/mnist",
    ]);
    act(() => {
      for (const [i, r] of client.started.entries()) {
        r.listener.onPoint(point(0, 0.1));
        r.listener.onPoint(point(1000, 0.5 + i / 10));
      }
    });
    const curves = container.querySelectorAll('.run-chart:nth-child(2) .curve[data-points="2"]');
    expect(curves).toHaveLength(2);
    const table = screen.getByRole("table");
    expect(within(table).getAllByText("12,345")).toHaveLength(2);
    const testAccuracy = (row: HTMLElement) => row.querySelectorAll("td")[4]!.textContent;
    expect(within(table).getAllByRole("row").slice(1).map(testAccuracy)).toEqual(["50.0 %", "60.0 %"]);
    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(client.started.every((r) => r.stopped)).toBe(true);
    expect(screen.getByRole("button", { name: "Start runs" })).toHaveProperty("disabled", false);
    expect(
      within(table)
        .getAllByRole("row")
        .slice(1)
        .map((row) => row.dataset["status"]),
    ).toEqual(["stopped", "stopped"]);
  });

  it("refuses values it cannot run, saying why", () => {
    renderWith(<SideBySideExperiment />);
    fireEvent.change(screen.getByLabelText("Values"), { target: { value: "0.1" } });
    expect(screen.getByRole("alert").textContent).toBe("Give 2 to 6 values separated by commas.");
    expect(screen.getByRole("button", { name: "Start runs" })).toHaveProperty("disabled", true);
  });

  it("picking a setting offers its default values; the seed reaches the runs", () => {
    const { client, services } = fakeClient();
    renderWith(<SideBySideExperiment />, services);
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "activation" } });
    expect(screen.getByLabelText("Values")).toHaveProperty("value", "sigmoid, relu, tanh");
    fireEvent.change(screen.getByRole("textbox", { name: /Seed/ }), { target: { value: "42" } });
    fireEvent.click(screen.getByRole("button", { name: "Start runs" }));
    expect(client.started.map((r) => [r.run.spec.hidden[0], r.run.seed])).toEqual([
      ["sigmoid", 42],
      ["relu", 42],
      ["tanh", 42],
    ]);
  });
});

describe("ShuffledLabelsExperiment", () => {
  it("starts a true-label and a shuffled-label run and shows both runs' curves", () => {
    const { client, services } = fakeClient();
    const { container } = renderWith(
      <ShuffledLabelsExperiment size={{ trainLimit: 1000, epochs: 2 }} />,
      services,
    );
    fireEvent.click(screen.getByRole("button", { name: "Start training" }));
    expect(client.started.map((r) => r.run.labelSeed)).toEqual([null, 1]);
    expect(client.started[0]!.run.trainLimit).toBe(1000);
    act(() => {
      client.started[0]!.listener.onPoint(point(1000, 0.9, 0.95));
      client.started[1]!.listener.onPoint(point(1000, 0.1, 0.8));
      client.started[1]!.listener.onDone(net);
    });
    expect(container.querySelectorAll('.curve[data-points="1"]')).toHaveLength(4);
    const rows = screen.getAllByRole("row");
    expect(rows[2]!.getAttribute("data-status")).toBe("done");
    // The shuffled run's training accuracy, then its test accuracy.
    expect(Array.from(rows[2]!.querySelectorAll("td"), (td) => td.textContent).slice(3, 5)).toEqual([
      "80.0 %",
      "10.0 %",
    ]);
  });

  it("shows a run's error in its row", () => {
    const { client, services } = fakeClient();
    renderWith(<ShuffledLabelsExperiment />, services);
    fireEvent.click(screen.getByRole("button", { name: "Start training" }));
    act(() => client.started[0]!.listener.onError("Could not download the data manifest."));
    const row = screen.getAllByRole("row")[1]!;
    expect(row.dataset["status"]).toBe("failed");
    expect(row.querySelector("td")!.textContent).toBe("Could not download the data manifest.");
  });
});

describe("createRunsClient", () => {
  it("posts start, passes points and done to the listener, and terminates the worker", () => {
    const posted: RunsRequest[] = [];
    const worker: WorkerLike = {
      postMessage: (m) => posted.push(m as RunsRequest),
      terminate: vi.fn(),
      onmessage: null,
      onerror: null,
    };
    const listener = { onStatus: vi.fn(), onPoint: vi.fn(), onDone: vi.fn(), onError: vi.fn() };
    const client = createRunsClient(() => worker);
    const run = { label: "x" } as RunSpec;
    client.start(run, "http://x/data/mnist", listener);
    expect(posted).toEqual([{ type: "start", run, dataUrl: "http://x/data/mnist" }]);
    worker.onmessage!({ data: { type: "point", point: point(0, 0.1) } } as MessageEvent);
    worker.onmessage!({ data: { type: "done", net } } as MessageEvent);
    worker.onmessage!({ data: { type: "point", point: point(1, 0.1) } } as MessageEvent);
    expect(listener.onPoint).toHaveBeenCalledTimes(1);
    expect(listener.onDone).toHaveBeenCalledTimes(1);
    expect(listener.onDone).toHaveBeenCalledWith(net);
    expect(worker.terminate).toHaveBeenCalled();
  });
  it("stop() tells the worker and ends it", () => {
    const posted: RunsRequest[] = [];
    const worker: WorkerLike = {
      postMessage: (m) => posted.push(m as RunsRequest),
      terminate: vi.fn(),
      onmessage: null,
      onerror: null,
    };
    const noop = () => {};
    createRunsClient(() => worker)
      .start({ label: "x" } as RunSpec, "u", { onStatus: noop, onPoint: noop, onDone: noop, onError: noop })
      .stop();
    expect(posted.at(-1)).toEqual({ type: "stop" });
    expect(worker.terminate).toHaveBeenCalled();
  });
});

describe("helpers", () => {
  it("formatExamples(n) shortens counts", () => {
    expect([formatExamples(500), formatExamples(12_000), formatExamples(1_500_000)]).toEqual([
      "500",
      "12k",
      "1.5M",
    ]);
  });
  it("readoutStops and valueAt read curves at shared x values", () => {
    const a = {
      key: "a",
      label: "a",
      color: "",
      points: [
        { x: 0, y: 1 },
        { x: 10, y: 2 },
      ],
    };
    const b = { key: "b", label: "b", color: "", points: [{ x: 5, y: 3 }] };
    expect(readoutStops([a, b])).toEqual([0, 5, 10]);
    expect([valueAt(a, 5), valueAt(b, 0), valueAt(b, 10)]).toEqual([1, null, 3]);
  });
  it("parseRunSizeParams reads runLimit and runEpochs, ignoring bad values", () => {
    expect(parseRunSizeParams("?runLimit=1000&runEpochs=2")).toEqual({ trainLimit: 1000, epochs: 2 });
    expect(parseRunSizeParams("?runLimit=0&runEpochs=x")).toEqual({});
  });
});
