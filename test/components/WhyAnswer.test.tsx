// @vitest-environment jsdom
// "Why this answer?": closed by default; open, it paints the worker's saliency for the answer's digit and says
// which digit it explains, following each new probe.
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { whySentence, WhyAnswer } from "../../src/components/WhyAnswer.tsx";
import { fakeCanvas, setup } from "./inputHarness.tsx";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const probe = (digit: number) => ({
  probeId: 1,
  z: [],
  a: [
    new Float32Array(784).fill(0.5),
    Float32Array.from({ length: 10 }, (_, j) => (j === digit ? 0.9 : 0.01)),
  ],
  why: { digit, saliency: Float32Array.from({ length: 784 }, (_, i) => (i % 2 ? 0.2 : -0.1)) },
});

describe("<WhyAnswer />", () => {
  it("opens on demand and explains the digit of the latest probe", () => {
    const canvasOf = fakeCanvas();
    const app = setup({ phase: "ready" });
    app.render(<WhyAnswer />);
    const toggle = screen.getByRole("button", { name: "Why this answer?" });
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    expect(screen.queryByRole("img")).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    const map = screen.getByRole("img", { name: /pushed the answer up \(blue\) or down \(red\)/ });
    expect(map.closest("figure")?.textContent).toMatch(/^Draw a digit or pick a test image/);
    app.emit({ type: "probed", probe: probe(7) });
    expect(map.dataset.digit).toBe("7");
    // Pixel 1 pushed up (blue over red), pixel 0 pushed down (red over blue).
    const { data } = canvasOf(map as HTMLCanvasElement).put!;
    expect(data[4 + 2]).toBeGreaterThan(data[4]!);
    expect(data[0]).toBeGreaterThan(data[2]!);
    expect(map.closest("figure")?.textContent).toBe(whySentence(7));
    app.emit({ type: "probed", probe: probe(3) });
    expect(map.closest("figure")?.textContent).toMatch(/^Blue pixels pushed the answer 3 up/);
    app.emit({ type: "probed", probe: null });
    expect(map.closest("figure")?.textContent).toMatch(/^Draw a digit/);
  });
});
