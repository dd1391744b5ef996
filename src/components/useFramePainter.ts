// Hooks for canvas views: paint the training client's frames on animation frames (never through React state),
// and follow an element's width with a ResizeObserver.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { Frame } from "../worker/client.ts";
import { useClient } from "./context.tsx";

const raf: (cb: () => void) => number =
  typeof requestAnimationFrame === "function"
    ? (cb) => requestAnimationFrame(cb)
    : (cb) => setTimeout(cb, 16) as unknown as number;
const cancelRaf: (id: number) => void =
  typeof cancelAnimationFrame === "function" ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id);

/**
 * Calls `paint(latestFrame)` on the next animation frame after each training frame and after each call of the
 * returned `invalidate()` (at most once per animation frame), and when the screen's pixel ratio changes.
 * `paint` may change every render: the latest one is used.
 */
export function useFramePainter(paint: (frame: Frame | null) => void): () => void {
  const client = useClient();
  const paintRef = useRef(paint);
  const scheduleRef = useRef<(() => void) | null>(null);
  useLayoutEffect(() => {
    paintRef.current = paint;
  });
  useEffect(() => {
    let id = 0;
    const run = () => {
      id = 0;
      paintRef.current(client.frame);
    };
    const schedule = () => {
      if (id === 0) id = raf(run);
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
      if (id !== 0) cancelRaf(id);
    };
  }, [client]);
  return useCallback(() => scheduleRef.current?.(), []);
}

/**
 * The content width of `ref`'s element in CSS px, followed with a ResizeObserver (React state: it changes
 * rarely). `fallback` until the first measurement, and where there is no ResizeObserver (jsdom).
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
