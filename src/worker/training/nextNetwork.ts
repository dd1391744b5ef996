// The network a session was last asked to switch to (a reset or a model file), checked at once and built before the
// next slice: of a flood of resets and loads, only the last valid one is built (building places the 60,000 training
// images for a new Trainer, far too slow to do a thousand times), while the worker goes on answering.

import { accepts, HYPER_RULES, problemWith } from "../../engine/hyper.ts";
import type { NetworkSpec } from "../../engine/network.ts";
import type { ModelOrigin } from "../models.ts";
import { freshNetwork, networkFromText, sourceName, specProblem, type Built } from "./networks.ts";

/** A network asked for and checked: a fresh one to draw, or a model file's, already read. */
type Next =
  | { readonly kind: "fresh"; readonly spec: NetworkSpec; readonly seed: number }
  | { readonly kind: "file"; readonly built: Built & { ok: true }; readonly request: number };

/** The network to switch to, built when taken. */
export interface Taken {
  readonly built: Built;
  /** The loadModel request it answers, else null. */
  readonly request: number | null;
  /** The seed a fresh network was drawn from, else null. */
  readonly seed: number | null;
}

export class NextNetwork {
  private next: Next | null = null;

  /** Whether a network waits to be built. */
  get waiting(): boolean {
    return this.next !== null;
  }

  /** Asks for an untrained network of `spec` from `seed`: the sentence saying why it cannot be, or null (it waits). */
  reset(spec: NetworkSpec, seed: number): string | null {
    const problem = accepts(HYPER_RULES.seed, seed)
      ? specProblem(spec)
      : `Cannot reset: ${problemWith("seed", seed)}.`;
    if (problem === null) this.next = { kind: "fresh", spec, seed };
    return problem;
  }

  /** Asks for a model file's network, read now: the sentence saying why it is unusable, or null (it waits). */
  load(text: string, origin: ModelOrigin, request: number): string | null {
    const built = networkFromText(text, origin, sourceName(origin));
    if (!built.ok) return built.message;
    this.next = { kind: "file", built, request };
    return null;
  }

  /** The network last asked for, built now; null when none waits. */
  take(): Taken | null {
    const next = this.next;
    this.next = null;
    if (!next) return null;
    if (next.kind === "file") return { built: next.built, request: next.request, seed: null };
    return { built: freshNetwork(next.spec, next.seed), request: null, seed: next.seed };
  }
}
