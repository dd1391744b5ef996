// @vitest-environment jsdom
// "Ask it to draw a 5" on injected data (a small network, computed in-process): the run ends by itself, the
// number shown is the engine's own for that many steps, the conclusion says it, and the settings go to the URL.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { noiseImages } from "../../../src/engine/analysis.ts";
import { ascend, startAscent } from "../../../src/engine/inputAscent.ts";
import { MAX_STEPS } from "../../../src/experiments/draw/useAscent.ts";
import { Experiments } from "../../../src/experiments/ExperimentsApp.tsx";
import { formatValue } from "../../../src/render/theme.ts";
import { fakeServices, fakeSource } from "../fixtures.ts";
import { renderWith } from "../withServices.tsx";

function openAt(search: string) {
  const fake = fakeSource();
  window.history.replaceState(null, "", `/${search}`);
  renderWith(<Experiments />, fakeServices({ source: fake.source }));
  return fake;
}

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("DrawDigitExperiment", () => {
  it("runs the ascent to its end and shows the engine's output for the steps it took", async () => {
    const { net } = openAt("?experiment=draw-a-digit&seed=4&digit=2");
    await waitFor(() => expect(document.querySelector(".ascent")?.getAttribute("data-status")).toBe("done"), {
      timeout: 10_000,
    });
    const run = document.querySelector(".ascent")!;
    const steps = Number(run.getAttribute("data-steps"));
    expect(steps).toBeGreaterThan(0);
    const options = { digit: 2, roughness: 0 };
    const expected = ascend(
      net(30),
      startAscent(net(30), noiseImages(4, 1), options),
      options,
      MAX_STEPS,
    ).state;
    expect(expected.steps).toBe(steps);
    expect(Number(run.getAttribute("data-output"))).toBe(expected.output);
    expect(screen.getByRole("status", { name: "Output 2" }).textContent).toBe(
      formatValue(expected.output, 4),
    );
    expect(document.querySelector(".conclusion")!.textContent).toContain(
      `After ${steps} steps${expected.stalled ? " (no step raised it further)" : ""} output 2 reads ${formatValue(expected.output, 4)}`,
    );
  });

  it("writes the digit, the start and the roughness to the URL, and names bad ones in notices", async () => {
    openAt("?experiment=draw-a-digit&start=wall&roughness=11");
    expect(screen.getByRole("alert").textContent).toBe(
      "There is no start called “wall”; the starts are noise, blank, average, drawing. Using noise." +
        "The roughness “11” is not a number from 0 to 10; using 0.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Label 7" }));
    expect(new URLSearchParams(window.location.search).get("digit")).toBe("7");
    fireEvent.change(screen.getByRole("combobox", { name: "Start from" }), { target: { value: "blank" } });
    expect(new URLSearchParams(window.location.search).get("start")).toBe("blank");
    fireEvent.change(screen.getByRole("slider", { name: /Roughness penalty/ }), { target: { value: "3" } });
    expect(new URLSearchParams(window.location.search).get("roughness")).toBe("3");
    await waitFor(() => expect(document.querySelector(".ascent")?.getAttribute("data-digit")).toBe("7"));
  });
});
