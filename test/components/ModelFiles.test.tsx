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
        origin: { kind: "file", name: "mine.json", epochs: null },
        request: 1,
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
      expect(h.sent()).toContainEqual({
        op: "loadModel",
        text: "{model}",
        origin: { kind: "pretrained", checkpoint: 5 },
        request: 1,
      }),
    );
    fireEvent.change(slider, { target: { value: "3" } });
    await waitFor(() =>
      expect(h.store.getState().notice?.message).toMatch(
        /^The checkpoint models\/3b1b-epoch-30\.json could not be loaded: the server answered 404\.$/,
      ),
    );
  });
});

describe("the checkpoint timeline", () => {
  it("timelinePosition(origin) places a pretrained checkpoint at its position, other networks nowhere", () => {
    expect(timelinePosition({ kind: "pretrained", checkpoint: 30 })).toBe(3);
    expect(timelinePosition({ kind: "pretrained", checkpoint: 0 })).toBe(0);
    expect(timelinePosition({ kind: "pretrained", checkpoint: 1 })).toBe(1);
    const trained = { kind: "trained", from: { kind: "pretrained", checkpoint: 1 }, epochs: 2 } as const;
    expect(timelinePosition(trained)).toBeNull();
    expect(timelinePosition({ kind: "file", name: "3b1b-epoch-30.json", epochs: 30 })).toBeNull();
    expect(timelinePosition({ kind: "untrained", seed: 3 })).toBeNull();
    expect(timelinePosition(null)).toBeNull();
  });

  it("a checkpoint reply that arrives after a later request is dropped: the last request wins", async () => {
    const replies: ((r: Response) => void)[] = [];
    vi.stubGlobal("fetch", () => new Promise<Response>((resolve) => replies.push(resolve)));
    const h = setup({ phase: "ready" });
    const first = h.store.getState().loadCheckpoint(0);
    const second = h.store.getState().loadCheckpoint(30);
    replies[1]!(new Response("{thirty}"));
    await second;
    replies[0]!(new Response("{zero}"));
    await first;
    const loads = h.sent().filter((c) => (c as { op: string }).op === "loadModel");
    expect(loads).toEqual([
      { op: "loadModel", text: "{thirty}", origin: { kind: "pretrained", checkpoint: 30 }, request: 2 },
    ]);
  });
  it("checkpointAt(position) maps 0…3 to 0, 1, 5, 30 epochs, clamped", () => {
    expect([0, 1, 2, 3].map(checkpointAt)).toEqual([0, 1, 5, 30]);
    expect(checkpointAt(-1)).toBe(0);
    expect(checkpointAt(9)).toBe(30);
  });
});
