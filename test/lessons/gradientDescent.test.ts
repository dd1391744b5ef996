// The gradient-descent scene's pure helpers: which weights to vary, the learning-rate scale, and the verdict on a
// descent path — checked on paths of a parabola, where the behaviour at each η is known exactly.
import { describe, expect, it } from "vitest";
import type { DescentStep } from "../../src/engine/experiments.ts";
import {
  chooseWeights,
  RATE_SCALE,
  rateFromSlider,
  readDescent,
  sliderFromRate,
  verdictSentence,
} from "../../src/lessons/gradient/descent.ts";

/** Gradient descent on C(w) = a·(w − 1)² from w = 5: w ← w − η·2a(w − 1), as the lab's descend reports it. */
function parabola(eta: number, a = 1, steps = 30): DescentStep[] {
  const path: DescentStep[] = [];
  let w = 5;
  for (let s = 0; s <= steps; s++) {
    const g = 2 * a * (w - 1);
    const cost = a * (w - 1) ** 2;
    path.push({ values: [w], cost, gradient: [g] });
    if (!Number.isFinite(cost)) break;
    w -= eta * g;
  }
  return path;
}

/** A 2-D bowl C = u² + 10v², whose narrow direction makes a large η zig-zag. */
function bowl(eta: number, steps = 30): DescentStep[] {
  const path: DescentStep[] = [];
  let [u, v] = [3, 1];
  for (let s = 0; s <= steps; s++) {
    const g = [2 * u, 20 * v];
    path.push({ values: [u, v], cost: u * u + 10 * v * v, gradient: g });
    u -= eta * g[0]!;
    v -= eta * g[1]!;
  }
  return path;
}

describe("readDescent", () => {
  it("crawls when the steps barely shrink (η far below 1/(2a))", () => {
    const r = readDescent(parabola(0.002));
    expect(r.verdict).toBe("crawl");
    expect(r.reversals).toBe(0);
    expect(r.rises).toBe(0);
    expect(r.shrink).toBeGreaterThan(0.3);
  });

  it("converges when every step is downhill and the steps shrink", () => {
    const r = readDescent(parabola(0.2));
    expect(r.verdict).toBe("converge");
    expect(r.shrink).toBeLessThan(0.3);
  });

  it("overshoots when the slope keeps turning around (1/(2a) < η < 1/a)", () => {
    const r = readDescent(parabola(0.8));
    expect(r.verdict).toBe("overshoot");
    expect(r.reversals).toBeGreaterThanOrEqual(2);
    expect(r.rises).toBe(0);
    expect(verdictSentence(r)).toMatch(/back and forth/);
  });

  it("jumping past the bottom once is still converging", () => {
    // One long step across, then plain descent on the other side.
    const path: DescentStep[] = [
      { values: [5], cost: 16, gradient: [8] },
      { values: [0.5], cost: 0.25, gradient: [-1] },
      { values: [0.9], cost: 0.01, gradient: [-0.2] },
      { values: [0.98], cost: 0.0004, gradient: [-0.04] },
    ];
    expect(readDescent(path).verdict).toBe("converge");
  });

  it("overshoots when the cost rises on the way but ends lower", () => {
    const path: DescentStep[] = [
      { values: [0, 0], cost: 1, gradient: [1, 0] },
      { values: [-1, 0], cost: 0.5, gradient: [-1, 0.5] },
      { values: [0, -1], cost: 0.6, gradient: [0.5, -1] },
      { values: [-0.5, 0], cost: 0.3, gradient: [0.2, 0.1] },
    ];
    const r = readDescent(path);
    expect(r.verdict).toBe("overshoot");
    expect(r.rises).toBe(1);
    expect(verdictSentence(r)).toMatch(/went up once/);
  });

  it("diverges when the cost ends higher than it started (η > 1/a)", () => {
    const r = readDescent(parabola(1.2));
    expect(r.verdict).toBe("diverge");
    expect(r.blewUp).toBe(false);
  });

  it("diverges when the numbers blow up", () => {
    const r = readDescent(parabola(1e6, 1, 60));
    expect(r.verdict).toBe("diverge");
    expect(r.blewUp).toBe(true);
    expect(verdictSentence(r)).toMatch(/blow up/);
  });

  it("reads a 2-D zig-zag across a narrow valley as overshooting", () => {
    expect(readDescent(bowl(0.08)).verdict).toBe("overshoot");
    expect(readDescent(bowl(0.02)).verdict).toBe("converge");
  });

  it("ignores the rounding noise of a ball resting at the bottom", () => {
    const path = parabola(0.5); // lands on the minimum in one step
    path.push({ values: [1 + 1e-12], cost: 1e-24, gradient: [2e-12] });
    path.push({ values: [1 - 1e-12], cost: 1e-24, gradient: [-2e-12] });
    expect(readDescent(path).verdict).toBe("converge");
  });

  it("calls a ball on flat ground crawling, and says it does not move", () => {
    const flat: DescentStep[] = [0, 1, 2].map(() => ({ values: [0], cost: 1, gradient: [0] }));
    const r = readDescent(flat);
    expect(r.verdict).toBe("crawl");
    expect(verdictSentence(r)).toMatch(/does not move/);
  });
});

describe("learning-rate scale", () => {
  it("rateFromSlider(log10 η) gives η rounded to two significant digits, within the scale", () => {
    expect(rateFromSlider(Math.log10(30))).toBe(30);
    expect(rateFromSlider(2.65)).toBe(450);
    expect(rateFromSlider(0.05)).toBe(1.1);
    expect(rateFromSlider(-1)).toBe(RATE_SCALE.min);
    expect(rateFromSlider(9)).toBe(RATE_SCALE.max);
  });

  it("sliderFromRate is its inverse", () => {
    for (const eta of [1, 3, 30, 450, 5000]) expect(rateFromSlider(sliderFromRate(eta))).toBe(eta);
  });
});

describe("chooseWeights", () => {
  const f = (xs: number[]) => Float32Array.from(xs);
  it("takes the steepest weight, then the steepest of another layer", () => {
    const dw = [f([]), f([0.1, -0.5, 0.2]), f([0.3, -0.45]), f([0.01])];
    expect(chooseWeights({ dw })).toEqual([
      { kind: "w", layer: 1, index: 1 },
      { kind: "w", layer: 2, index: 1 },
    ]);
  });

  it("falls back to the same layer when there is only one", () => {
    const dw = [f([]), f([0.1, -0.5, 0.2])];
    expect(chooseWeights({ dw })).toEqual([
      { kind: "w", layer: 1, index: 1 },
      { kind: "w", layer: 1, index: 2 },
    ]);
  });
});
