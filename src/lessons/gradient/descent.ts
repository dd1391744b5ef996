// Pure helpers for the gradient-descent scene: which weights to vary, the learning-rate scrubber's log scale, and
// a verdict in words on a descent path the lab computed (crawling, converging, overshooting or diverging).
import type { DescentStep, ParamRef } from "../../engine/experiments.ts";
import type { Gradient } from "../../engine/network.ts";

/**
 * The weights the curve and the landscape vary: the weight with the steepest slope ∂C/∂w of all (largest |g|),
 * and, for the second axis, the steepest weight of another layer (so the two do not feed the same neuron and the
 * landscape is a bowl rather than a narrow trough). Falls back to the second steepest weight of the same layer
 * when the network has one weight layer. Chosen from the numbers, so it suits whichever model is shipped.
 */
export function chooseWeights(mean: Pick<Gradient, "dw">): [ParamRef, ParamRef] {
  let first: ParamRef | null = null;
  let best = -1;
  mean.dw.forEach((g, layer) => {
    for (let index = 0; index < g.length; index++)
      if (Math.abs(g[index]!) > best) {
        best = Math.abs(g[index]!);
        first = { kind: "w", layer, index };
      }
  });
  if (!first) throw new RangeError("the gradient has no weights");
  const a: ParamRef = first;
  let second: ParamRef | null = null;
  let sameLayer: ParamRef | null = null;
  let bestOther = -1;
  let bestSame = -1;
  mean.dw.forEach((g, layer) => {
    for (let index = 0; index < g.length; index++) {
      const size = Math.abs(g[index]!);
      if (layer !== a.layer && size > bestOther) {
        bestOther = size;
        second = { kind: "w", layer, index };
      } else if (layer === a.layer && index !== a.index && size > bestSame) {
        bestSame = size;
        sameLayer = { kind: "w", layer, index };
      }
    }
  });
  const b = second ?? sameLayer;
  if (!b) throw new RangeError("the network needs at least two weights");
  return [a, b];
}

/** The scrubber's range of η, on a log scale: the slider's value is log₁₀ η. */
export const RATE_SCALE = { min: 1, max: 5000, stepsPerDecade: 20 } as const;

/** η for a slider value v = log₁₀ η, rounded to two significant digits (the value shown is the value used). */
export function rateFromSlider(v: number): number {
  const eta = 10 ** v;
  const clamped = Math.min(RATE_SCALE.max, Math.max(RATE_SCALE.min, eta));
  return Number(clamped.toPrecision(2));
}

/** The slider value of a learning rate. */
export function sliderFromRate(eta: number): number {
  return Math.log10(eta);
}

/** What a descent path did. */
export type Verdict = "crawl" | "converge" | "overshoot" | "diverge";

/** A verdict and the evidence for it, read off the path. */
export interface DescentReading {
  readonly verdict: Verdict;
  /** Steps taken (path points minus one). */
  readonly steps: number;
  /** Steps after which the slope pointed back the way the ball came (the ball jumped across the valley). */
  readonly reversals: number;
  /** Steps after which the cost went up. */
  readonly rises: number;
  /** The last step's length as a share of the first's (how much the steps shrank); NaN for no movement. */
  readonly shrink: number;
  /** The path left the finite numbers. */
  readonly blewUp: boolean;
}

/** A step counts as a reversal or a rise only when it is longer than this share of the longest step (noise at
 * the bottom of the valley is not an overshoot). */
const NEGLIGIBLE_STEP = 0.01;
/** Costs closer than this relative amount are equal (float rounding). */
const COST_TOLERANCE = 1e-6;
/** Converging: the steps shrank to under this share of the first one. */
export const CONVERGED_SHRINK = 0.3;
/** Overshooting: at least this many reversals (one jump past the bottom is fine). */
export const OVERSHOOT_REVERSALS = 2;

function distance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  a.forEach((v, i) => (s += (v - b[i]!) ** 2));
  return Math.sqrt(s);
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  a.forEach((v, i) => (s += v * b[i]!));
  return s;
}

/**
 * Reads a path from the lab's descend: diverging when the cost ends higher than it began or stops being finite;
 * overshooting when it rose along the way or the slope turned back at least twice (the ball keeps jumping across the
 * valley); otherwise converging when the steps shrank to under 30 % of the first (the slope flattens out near the
 * bottom), and crawling when they did not (still on the slope after every step).
 */
export function readDescent(path: readonly DescentStep[]): DescentReading {
  const steps = Math.max(0, path.length - 1);
  const first = path[0];
  const last = path.at(-1);
  const blewUp = path.some((p) => !Number.isFinite(p.cost) || p.values.some((v) => !Number.isFinite(v)));
  const lengths = path.slice(1).map((p, i) => distance(p.values, path[i]!.values));
  const longest = Math.max(0, ...lengths.filter(Number.isFinite));
  let reversals = 0;
  let rises = 0;
  for (let i = 1; i < path.length; i++) {
    if (!(lengths[i - 1]! > NEGLIGIBLE_STEP * longest)) continue;
    const before = path[i - 1]!;
    const now = path[i]!;
    if (dot(before.gradient, now.gradient) < 0) reversals++;
    if (now.cost > before.cost + COST_TOLERANCE * Math.abs(before.cost)) rises++;
  }
  const firstLength = lengths[0] ?? 0;
  const shrink = firstLength > 0 ? (lengths.at(-1) ?? 0) / firstLength : Number.NaN;
  let verdict: Verdict;
  if (!first || !last) verdict = "crawl";
  else if (blewUp || last.cost > first.cost + COST_TOLERANCE * Math.abs(first.cost)) verdict = "diverge";
  else if (rises > 0 || reversals >= OVERSHOOT_REVERSALS) verdict = "overshoot";
  else if (shrink < CONVERGED_SHRINK) verdict = "converge";
  else verdict = "crawl";
  return { verdict, steps, reversals, rises, shrink, blewUp };
}

/** The verdict as a heading word. */
export const VERDICT_NAMES: Record<Verdict, string> = {
  crawl: "Crawling",
  converge: "Converging",
  overshoot: "Overshooting",
  diverge: "Diverging",
};

/** One or two sentences on what the path did, naming its evidence. */
export function verdictSentence(r: DescentReading): string {
  const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);
  switch (r.verdict) {
    case "crawl":
      return Number.isNaN(r.shrink)
        ? "The ball does not move: the slope under it is flat."
        : `Every step goes downhill, but the steps hardly shrink: after ${r.steps} steps the ball is still on the slope, far from the bottom.`;
    case "converge":
      return "Every step goes downhill and the steps shrink as the slope flattens: the ball closes in on the bottom of the valley.";
    case "overshoot":
      return r.rises > 0
        ? `The steps are so long that the ball jumps past the bottom and lands higher up the other side: the cost went up ${times(r.rises)}.`
        : `The ball jumps back and forth across the valley: the slope turned around ${times(r.reversals)}. It still gets lower, zig-zagging.`;
    case "diverge":
      return r.blewUp
        ? "The steps grow until the numbers blow up."
        : "Each jump throws the ball further away, and the cost ends higher than where it started.";
  }
}
