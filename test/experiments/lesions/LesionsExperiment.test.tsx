// @vitest-environment jsdom
// "Break it" on injected data (a seeded 784-16-16-10 network and a dozen images, computed in-process): the
// accuracies shown are the engine's, a click silences a neuron through the URL, the ranking lists ten neurons, and
// Reset undoes the damage.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  correctCount,
  labelledImages,
  lesionNetwork,
  NO_LESION,
  type Lesion,
} from "../../../src/engine/lesions.ts";
import { createNetwork } from "../../../src/engine/network.ts";
import { PRESETS } from "../../../src/engine/presets.ts";
import { Experiments } from "../../../src/experiments/ExperimentsApp.tsx";
import { localSource } from "../../../src/experiments/source.ts";
import { fakeServices, fakeTestSet } from "../fixtures.ts";
import { renderWith } from "../withServices.tsx";

const net = createNetwork(PRESETS["3b1b"].spec, 2);
const test = fakeTestSet();

function open(search: string) {
  window.history.replaceState(null, "", `/${search}`);
  renderWith(<Experiments />, fakeServices({ source: localSource(() => net, test) }));
}

/** The damaged network's right answers on the whole (fake) test set, once shown. */
async function damagedCorrect(): Promise<number> {
  await waitFor(() =>
    expect(document.querySelector(".lesion-accuracy")?.getAttribute("data-status")).toBe("full"),
  );
  return Number(document.querySelectorAll('tr[data-network="damaged"] td')[1]!.getAttribute("data-correct"));
}

const expected = (lesion: Lesion) => correctCount(lesionNetwork(net, lesion), labelledImages(test));

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("LesionsExperiment", () => {
  it("shows the engine's accuracy, silences a clicked neuron through the URL, and Reset restores", async () => {
    open("?experiment=lesions&seed=3&noise=1.5");
    expect(await damagedCorrect()).toBe(expected({ ...NO_LESION, seed: 3, noise: 1.5 }));
    fireEvent.click(screen.getByRole("button", { name: "Reset: undo all damage" }));
    expect(window.location.search).toBe("?experiment=lesions&seed=3");

    fireEvent.click(screen.getByRole("button", { name: "Neuron 1 of hidden layer 2" }));
    expect(window.location.search).toBe("?experiment=lesions&seed=3&silence=2.1");
    expect(
      screen.getByRole("button", { name: "Neuron 1 of hidden layer 2" }).getAttribute("aria-pressed"),
    ).toBe("true");
    const silenced = { ...NO_LESION, seed: 3, silenced: [{ layer: 2, neuron: 1 }] };
    await waitFor(async () => expect(await damagedCorrect()).toBe(expected(silenced)));

    fireEvent.click(screen.getAllByRole("checkbox", { name: "hidden layer 1" })[1]!); // the weights into it
    expect(new URLSearchParams(window.location.search).get("noweights")).toBe("1");
    await waitFor(async () =>
      expect(await damagedCorrect()).toBe(expected({ ...silenced, zeroWeights: [1] })),
    );
    await waitFor(() => expect(document.querySelectorAll(".lesion-ranking tbody tr")).toHaveLength(10));
  });
});
