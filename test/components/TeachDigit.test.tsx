// @vitest-environment jsdom
// Teach it your digit: shown under an answer to a drawing; a digit sends one teach step, the worker's answer shows
// the drawing's cost before and after, and Undo asks for the step back.
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { TeachDigit } from "../../src/components/TeachDigit.tsx";
import { readDrawingParam } from "../../src/store/drawingLink.ts";
import { setup } from "./inputHarness.tsx";

afterEach(cleanup);

const answer = {
  kind: "prediction",
  prediction: { digit: 1, confidence: 0.6, top: [{ digit: 1, confidence: 0.6 }] },
} as const;

describe("<TeachDigit />", () => {
  it("is not shown without an answer to a drawing", () => {
    const app = setup({ phase: "ready" });
    app.render(<TeachDigit />);
    expect(screen.queryByRole("group", { name: "Teach it your digit" })).toBeNull();
  });

  it("teaches the digit picked, shows the cost before and after, and undoes", () => {
    const app = setup({ phase: "ready", answer });
    app.render(<TeachDigit />);
    const group = screen.getByRole("group", { name: "Teach it your digit" });
    expect(group.textContent).toContain("η = 1.5");
    fireEvent.click(screen.getByRole("button", { name: "3" }));
    expect(app.sent().at(-1)).toEqual({ op: "teach", label: 3 });
    const x = Float32Array.from({ length: 784 }, (_, k) => (k % 29) / 28);
    app.emit({ type: "taught", step: { x, label: 3, costBefore: 0.912, costAfter: 0.3456 } });
    expect(screen.getByRole("status").textContent).toBe(
      "Taught as a 3: the cost of your drawing went from 0.912 to 0.346. Undo",
    );
    // Links open both backpropagation lessons on the drawing the worker learned from, labelled as taught.
    for (const [name, scene] of [
      ["Backpropagation, intuitively", "backprop-intuition"],
      ["Backpropagation calculus", "backprop-calculus"],
    ] as const) {
      const link = screen.getByRole("link", { name });
      expect(link.getAttribute("target")).toBe("_blank");
      const href = link.getAttribute("href")!;
      expect(new URLSearchParams(href).get("scene")).toBe(scene);
      const read = readDrawingParam(href);
      if (read.kind !== "drawing") throw new Error(`the link carries no drawing: ${href}`);
      expect(read.drawing.label).toBe(3);
      read.drawing.x.forEach((v, k) => expect(Math.abs(v - x[k]!)).toBeLessThanOrEqual(0.5 / 255 + 1e-7));
    }
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(app.sent().at(-1)).toEqual({ op: "undoTeach" });
    app.emit({ type: "taught", step: null });
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.queryByRole("link")).toBeNull();
  });
});
