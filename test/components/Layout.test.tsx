// @vitest-environment jsdom
// An embed whose every panel `hide=` removes says so in one line instead of showing an empty frame.
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Embedded } from "../../src/components/Layout.tsx";
import { setup } from "./inputHarness.tsx";

afterEach(cleanup);

describe("<Embedded />", () => {
  it("says which hide= empties the view=network embed", () => {
    setup({ hide: ["network", "play"] }).render(<Embedded view="network" />);
    expect(screen.getByRole("alert").textContent).toBe(
      "This embed shows nothing: view=network is hidden by hide=network.",
    );
    expect(screen.queryByRole("region", { name: "Network" })).toBeNull();
  });

  it("names every hidden panel of a combination, and stays quiet while one still shows", () => {
    setup({ hide: ["pad", "picker", "output"] }).render(<Embedded view="pad+output" />);
    expect(screen.getByRole("alert").textContent).toBe(
      "This embed shows nothing: view=pad+output is hidden by hide=pad,picker,output.",
    );
    cleanup();
    setup({ hide: ["pad", "output"] }).render(<Embedded view="pad+output" />);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("region", { name: "Input" }).textContent).toContain("Test image");
  });
});
