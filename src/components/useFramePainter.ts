// Hooks for canvas views: paint the training client's frames on animation frames (never through React state),
// and follow an element's width with a ResizeObserver.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { browserClock, type ViewClock } from "../render/clock.ts";
import type { Frame } from "../worker/training/client.ts";
import { useClient } from "./context.tsx";

/**
 * Calls `paint(latestFrame)` on the next animation frame after each training frame and after each call of the
 * returned `invalidate()` (at most once per animation frame), and when the screen's pixel ratio changes.
 * `paint` may change every render: the latest one is used. Frames come from `clock` (the browser's by default).
 */
export function useFramePainter(
  paint: (frame: Frame | null) => void,
  clock: ViewClock = browserClock,
): () => void {
  const client = useClient();
  const paintRef = useRef(paint);
  const scheduleRef = useRef<(() => void) | null>(null);
  useLayoutEffect(() => {
    paintRef.current = paint;
  });
  useEffect(() => {
    let cancel: (() => void) | null = null; // the paint waiting for the next frame, if any
    const run = () => {
      cancel = null;
      paintRef.current(client.frame);
    };
    const schedule = () => {
      cancel ??= clock.frame(run);
    };
    scheduleRef.current = schedule;
    const off = client.onFrame(schedule);
    // A window moved to a screen of another pixel ratio fires no resize: watch the ratio itself.
    let media: MediaQueryList | null = null;
    const watchRatio = () => {
      media?.removeEventListener("change", onRatio);
      if (typeof matchMedia !== "function") return;
      media = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
      media.addEventListener("change", onRatio);
    };
    const onRatio = () => {
      watchRatio();
      schedule();
    };
    watchRatio();
    schedule();
    return () => {
      off();
      media?.removeEventListener("change", onRatio);
      scheduleRef.current = null;
      cancel?.();
    };
  }, [client, clock]);
  return useCallback(() => scheduleRef.current?.(), []);
}

/**
 * The content width of `ref`'s element (one without padding or border) in whole CSS px, measured before the
 * first paint and followed with a ResizeObserver (React state: it changes rarely, and an unchanged width renders
 * nothing). `fallback` where the element has no width, as in jsdom.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measured = Math.floor(el.clientWidth);
    if (measured > 0) setWidth(measured);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
