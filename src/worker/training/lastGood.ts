// The one rule for "last good weights", kept in the worker: a new, loaded or restored network is good at once; a
// stop by command or at a step's end keeps the weights as they are (unless a collapse is suspected); while training,
// the network a test evaluation found healthy (collapse.ts: still learning, no dead layer, no saturated outputs)
// becomes good once training has run past it for LAST_GOOD_MS with every cost and parameter finite (a copy taken just
// before a blow-up may already be huge). A divergence or a collapse drops the copy not yet vouched for.

import { modelToJson } from "../../engine/model.ts";
import { cloneNetwork, type Network } from "../../engine/network.ts";

/** Least time training must run past a healthy copy before it counts as good. */
export const LAST_GOOD_MS = 1000;

export class LastGood {
  /** The weights a restore returns to; null before the first network. */
  private good: Network<Float32Array> | null = null;
  /** The latest copy a test evaluation found healthy, promoted once training has run past it. */
  private candidate: Network<Float32Array> | null = null;
  private candidateAt = Number.NEGATIVE_INFINITY;

  constructor(
    /** Told each time the good weights change (the session posts them). */
    private readonly onChange: (net: Network<Float32Array>) => void,
  ) {}

  get current(): Network<Float32Array> | null {
    return this.good;
  }

  /** The good weights as a model file's text (what saved work keeps), or null before the first network. */
  text(): string | null {
    return this.good && modelToJson(this.good);
  }

  /** `net` is good now (new, loaded, restored, or stopped with finite weights). */
  mark(net: Network<Float32Array>): void {
    this.set(cloneNetwork(net));
    this.candidate = null;
  }

  /** A test evaluation at time `t` found `net` healthy: it becomes good if training runs past it safely. */
  healthy(net: Network<Float32Array>, t: number): void {
    this.candidate = cloneNetwork(net);
    this.candidateAt = t;
  }

  /** During training, every cost and parameter finite at time `t`: the candidate is good once LAST_GOOD_MS passed. */
  roll(t: number): void {
    if (!this.candidate || t - this.candidateAt < LAST_GOOD_MS) return;
    this.set(this.candidate);
    this.candidate = null;
  }

  /** Training diverged or collapsed: the copy not yet vouched for may be part of it. */
  dropCandidate(): void {
    this.candidate = null;
  }

  private set(net: Network<Float32Array>): void {
    this.good = net;
    this.onChange(net);
  }
}

/** "a weight into layer 2 became NaN", or null when every parameter is finite. */
export function firstNonFinite(net: Network<Float32Array>): string | null {
  for (let l = 1; l < net.w.length; l++)
    for (const [what, values] of [
      ["a weight", net.w[l]!],
      ["a bias", net.b[l]!],
    ] as const) {
      let sum = 0; // finite iff every value is: float32 values cannot overflow a float64 sum
      for (let i = 0; i < values.length; i++) sum += values[i]!;
      if (Number.isFinite(sum)) continue;
      const bad = values.find((v) => !Number.isFinite(v))!;
      return `${what} in layer ${l} became ${Number.isNaN(bad) ? "NaN" : "infinite"}`;
    }
  return null;
}
