// Whether the reader asked for reduced motion: then every step animation becomes a jump.
import { useSyncExternalStore } from "react";

const QUERY = "(prefers-reduced-motion: reduce)";

function query(): MediaQueryList | null {
  return typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? window.matchMedia(QUERY)
    : null;
}

function subscribe(onChange: () => void): () => void {
  const list = query();
  list?.addEventListener("change", onChange);
  return () => list?.removeEventListener("change", onChange);
}

/** True when `prefers-reduced-motion: reduce` matches (false where matchMedia is missing). */
export function prefersReducedMotion(): boolean {
  return query()?.matches ?? false;
}

/** prefersReducedMotion(), following changes of the setting. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}
