// How fast things go, as the session reports them: download progress passed on at a bounded rate, and training
// examples per second over the last second.

/** Least time between two download progress events. */
const PROGRESS_MS = 50;

/** Passes on download progress at most once per PROGRESS_MS, except at the start and end of a phase. */
export function downloadProgress(
  now: () => number,
  post: (event: { phase: "test" | "train"; loaded: number; total: number }) => void,
): (phase: "test" | "train", loaded: number, total: number) => void {
  let last = { phase: "", t: Number.NEGATIVE_INFINITY };
  return (phase, loaded, total) => {
    const t = now();
    const edge = loaded === 0 || loaded === total || phase !== last.phase;
    if (!edge && t - last.t < PROGRESS_MS) return;
    last = { phase, t };
    post({ phase, loaded, total });
  };
}

/** Examples per second over the last second of training. */
export class ExampleRate {
  private points: { t: number; seen: number }[] = [];
  constructor(private readonly now: () => number) {}
  clear(): void {
    this.points = [];
  }
  start(seen: number): void {
    if (this.points.length === 0) this.points = [{ t: this.now(), seen }];
  }
  add(t: number, seen: number): void {
    this.points.push({ t, seen });
    while (this.points.length > 2 && this.points[1]!.t <= t - 1000) this.points.shift();
  }
  perSecond(): number {
    const first = this.points[0];
    const last = this.points.at(-1);
    const dt = first && last ? last.t - first.t : 0;
    return first && last && dt > 0 ? ((last.seen - first.seen) * 1000) / dt : 0;
  }
}
