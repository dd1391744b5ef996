// The clock a view throttles its work by: the time, animation frames and timeouts. Views take it as a parameter
// (the browser's by default) so that tests drive time by hand instead of depending on the machine's speed. And a
// pacer, for work done at most every so often.

/** Time and deferred calls. Each scheduling function returns a function that cancels the call. */
export interface ViewClock {
  /** Milliseconds on a monotonic clock. */
  readonly now: () => number;
  /** Runs `fn` before the next repaint (an animation frame). */
  readonly frame: (fn: () => void) => () => void;
  /** Runs `fn` after `ms` milliseconds. */
  readonly after: (ms: number, fn: () => void) => () => void;
}

/**
 * The browser's clock: performance.now, requestAnimationFrame (a 16 ms timeout where there is none) and
 * setTimeout, looked up at each call so that a page's or a test's replacements are used.
 */
export const browserClock: ViewClock = {
  now: () => performance.now(),
  frame(fn) {
    if (typeof requestAnimationFrame !== "function") return browserClock.after(16, fn);
    const id = requestAnimationFrame(() => fn());
    return () => cancelAnimationFrame(id);
  },
  after(ms, fn) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

/** Work paced to at most once every `intervalMs`, and at once after `touch()` (something it shows changed). */
export interface Pacer {
  /** Marks the work due at the next `due()`. */
  touch(): void;
  /** Whether to do the work at time `now`; if so, it counts as done then. */
  due(now: number): boolean;
}

export function pacer(intervalMs: number): Pacer {
  let dirty = true;
  let last = -Infinity;
  return {
    touch() {
      dirty = true;
    },
    due(now) {
      if (!dirty && now - last < intervalMs) return false;
      dirty = false;
      last = now;
      return true;
    },
  };
}
