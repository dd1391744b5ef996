// @vitest-environment jsdom
// Opening a model file sends its text to the worker for validation; checkpoints are fetched and sent too.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkpointAt, ModelFiles, timelinePosition } from "../../src/components/ModelFiles.tsx";
import { setup } from "./inputHarness.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("<ModelFiles />", () => {
  it("sends an opened file's text to the worker as a model to load", async () => {
    const h = setup({ phase: "ready" });
    h.render(<ModelFiles />);
    const file = new File(['{"format":"mnist-mlp"}'], "mine.json", { type: "application/json" });
    fireEvent.change(screen.getByLabelText("Model file"), { target: { files: [file] } });
    await waitFor(() =>
      expect(h.sent()).toContainEqual({
        op: "loadModel",
        text: '{"format":"mnist-mlp"}',
        label: "mine.json",
      }),
    );
  });

  it("fetches the checkpoint the timeline is scrubbed to and sends it; a failed fetch becomes a notice", async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith("3b1b-epoch-5.json") ? new Response("{model}") : new Response("", { status: 404 }),
    );
    vi.stubGlobal("fetch", fetch);
    const h = setup({ phase: "ready" });
    h.render(<ModelFiles />);
    const slider = screen.getByRole("slider", { name: "Checkpoint" });
    fireEvent.change(slider, { target: { value: "2" } });
    await waitFor(() =>
      expect(h.sent()).toContainEqual({ op: "loadModel", text: "{model}", label: "checkpoint of" }),
    );
    fireEvent.change(slider, { target: { value: "3" } });
    await waitFor(() =>
      expect(h.store.getState().notice?.message).toMatch(
        /after 30 epochs could not be loaded: the server answered 404/,
      ),
    );
  });
});

describe("the checkpoint timeline", () => {
  it("timelinePosition(source) places a checkpoint's source at its position, other networks nowhere", () => {
    expect(timelinePosition("pretrained 784-16-16-10 (30 epochs)")).toBe(3);
    expect(timelinePosition("checkpoint of 784-16-16-10 (0 epochs)")).toBe(0);
    expect(timelinePosition("checkpoint of 784-16-16-10 (1 epoch)")).toBe(1);
    expect(timelinePosition("restored from your last visit 784-16-16-10")).toBeNull();
    expect(timelinePosition("untrained, seed 3")).toBeNull();
  });
  it("checkpointAt(position) maps 0…3 to 0, 1, 5, 30 epochs, clamped", () => {
    expect([0, 1, 2, 3].map(checkpointAt)).toEqual([0, 1, 5, 30]);
    expect(checkpointAt(-1)).toBe(0);
    expect(checkpointAt(9)).toBe(30);
  });
});
