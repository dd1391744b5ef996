// The one rule for "last good weights", kept in the worker: a new, loaded or restored network is good at once; a
// stop by command or at a step's end keeps the weights as they are; while training, a copy becomes good only after
// training has run past it for LAST_GOOD_MS with every cost and parameter finite (a copy taken just before a
// blow-up may already be huge), and a divergence drops the copy it has not yet vouched for.

import { cloneNetwork, type Network } from "../../engine/network.ts";

/** Least time training must run past a copy before it counts as good. */
export const LAST_GOOD_MS = 1000;

export class LastGood {
  /** The weights a restore returns to; null before the first network. */
  private good: Network<Float32Array> | null = null;
  /** The latest copy, promoted when the next one is taken. */
  private candidate: Network<Float32Array> | null = null;
  private candidateAt = Number.NEGATIVE_INFINITY;

  constructor(
    /** Told each time the good weights change (the session posts them). */
    private readonly onChange: (net: Network<Float32Array>) => void,
  ) {}

  get current(): Network<Float32Array> | null {
    return this.good;
  }

  /** `net` is good now (new, loaded, restored, or stopped with finite weights). */
  mark(net: Network<Float32Array>, t: number): void {
    this.set(cloneNetwork(net));
    this.candidate = null;
    this.candidateAt = t;
  }

  /** During training: the previous copy has proved good if LAST_GOOD_MS have passed; take a new one. */
  roll(net: Network<Float32Array>, t: number): void {
    if (t - this.candidateAt < LAST_GOOD_MS) return;
    if (this.candidate) this.set(this.candidate);
    this.candidate = cloneNetwork(net);
    this.candidateAt = t;
  }

  /** Training diverged: the copy not yet vouched for may be part of the blow-up. */
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
