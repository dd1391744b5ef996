// @vitest-environment jsdom
// Opening a model file sends its text to the worker for validation; checkpoints are fetched and sent too.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ModelFiles } from "../../src/components/ModelFiles.tsx";
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

  it("fetches a checkpoint and sends it; a failed fetch becomes a notice", async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith("3b1b-epoch-5.json") ? new Response("{model}") : new Response("", { status: 404 }),
    );
    vi.stubGlobal("fetch", fetch);
    const h = setup({ phase: "ready" });
    h.render(<ModelFiles />);
    const select = screen.getByLabelText("Videos' network after");
    fireEvent.change(select, { target: { value: "5" } });
    await waitFor(() =>
      expect(h.sent()).toContainEqual({ op: "loadModel", text: "{model}", label: "checkpoint of" }),
    );
    fireEvent.change(select, { target: { value: "30" } });
    await waitFor(() =>
      expect(h.store.getState().notice?.message).toMatch(
        /after 30 epochs could not be loaded: the server answered 404/,
      ),
    );
  });
});
