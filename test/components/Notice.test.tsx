// @vitest-environment jsdom
// A notice shows each quoted user value in its own <bdi>, as text: markup in a URL value stays characters.
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Notice } from "../../src/components/Notice.tsx";
import { parseUrlSettings } from "../../src/store/urlState.ts";
import { setup } from "./inputHarness.tsx";

afterEach(cleanup);

describe("<Notice />", () => {
  it("isolates each quoted value in a <bdi> and never inserts it as HTML", () => {
    const { problems } = parseUrlSettings(`?view=${encodeURIComponent("<b>x</b>\u202E")}&lr=abc`);
    setup({
      notice: {
        kind: "url",
        message: "Some settings in the link were ignored:",
        action: null,
        details: problems,
      },
    }).render(<Notice />);
    const items = screen.getAllByRole("listitem");
    expect(items.map((li) => li.querySelector("bdi")?.textContent)).toEqual(["abc", "<b>x</b>"]);
    expect(items[1]!.textContent).toMatch(/^view=“<b>x<\/b>” is not one of /);
    expect(screen.getByRole("alert").querySelector("b")).toBeNull();
  });
});
