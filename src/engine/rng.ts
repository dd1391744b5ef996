// Seeded randomness for the engine: every random choice (initial weights, shuffles) comes from here,
// so the same seed gives bit-identical runs. Never Math.random in the engine.

/** A seeded generator: `next()` is uniform in [0, 1), `gaussian()` is standard normal. */
export interface Rng {
  next(): number;
  gaussian(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/**
 * mulberry32 for uniforms (32-bit state, passes BigCrush's practical uses for this scale) and
 * Box–Muller for Gaussians. Deterministic for a given 32-bit seed on every JavaScript engine,
 * since it uses only integer ops, Math.log, Math.sqrt and Math.cos.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  let spare: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    gaussian() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    int(n) {
      return Math.floor(next() * n);
    },
  };
}

/** Fisher–Yates shuffle of `order` in place, driven by `rng`. */
export function shuffleInPlace(order: Uint32Array | number[], rng: Rng): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}
