// A ViewClock driven by hand: time moves only when the test says, frames run on `flush()`, timeouts when
// `advance()` passes them. No test that uses it depends on the machine's speed.
import { act } from "@testing-library/react";
import type { ViewClock } from "../../src/render/clock.ts";

export interface FakeClock extends ViewClock {
  /** Moves time on by `ms`, running the timeouts that fall due (inside act). */
  advance(ms: number): void;
  /** Runs the animation-frame callbacks queued so far (inside act). */
  flush(): void;
  /** How many frame callbacks and timeouts are waiting. */
  pending(): { frames: number; timeouts: number };
}

export function fakeClock(start = 1000): FakeClock {
  let time = start;
  let frames = new Set<() => void>();
  const timeouts = new Set<{ due: number; fn: () => void }>();
  return {
    now: () => time,
    frame(fn) {
      const entry = () => fn();
      frames.add(entry);
      return () => void frames.delete(entry);
    },
    after(ms, fn) {
      const entry = { due: time + ms, fn };
      timeouts.add(entry);
      return () => void timeouts.delete(entry);
    },
    advance(ms) {
      act(() => {
        time += ms;
        const due = [...timeouts].filter((t) => t.due <= time).sort((a, b) => a.due - b.due);
        for (const t of due) {
          timeouts.delete(t);
          t.fn();
        }
      });
    },
    flush() {
      act(() => {
        const due = frames;
        frames = new Set();
        for (const fn of due) fn();
      });
    },
    pending: () => ({ frames: frames.size, timeouts: timeouts.size }),
  };
}
