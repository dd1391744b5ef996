// What the fuzz suite feeds the app: markup that would run or show if it were ever inserted as HTML, and text
// that breaks careless parsers (empty, huge, non-finite, control and right-to-left characters, prototype keys).
import type { Rng } from "../../../src/engine/rng.ts";

/** Set on window by any payload that runs; elements carrying data-fuzz exist only if markup was inserted. */
export const INJECTED_FLAG = "__fuzzInjected";

export const MARKUP = [
  `<img src=x onerror="window.${INJECTED_FLAG}=1">`,
  "<b data-fuzz>bold</b>",
  `"><svg data-fuzz onload="window.${INJECTED_FLAG}=1">`,
  `javascript:window.${INJECTED_FLAG}=1`,
  `</script><script>window.${INJECTED_FLAG}=1</script>`,
  `<a data-fuzz href="javascript:window.${INJECTED_FLAG}=1">x</a>`,
] as const;

export const ODD_TEXT = [
  "",
  " ",
  "abc",
  "-1",
  "0",
  "1e400",
  "NaN",
  "Infinity",
  "1,2,3,4,5",
  "\u202Eevil\u202C",
  "\u0000\u0007\u001b",
  "😀",
  "%",
  "3b1b ",
  "__proto__",
  "constructor",
  "null",
  "x".repeat(8000),
  "9".repeat(400),
] as const;

/** One item of a list, by the generator. */
export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[rng.int(list.length)]!;
}

/** A hostile or odd text: markup a third of the time, else an odd text. */
export function hostileText(rng: Rng): string {
  return rng.next() < 1 / 3 ? pick(rng, MARKUP) : pick(rng, ODD_TEXT);
}

/** In the page: whether any payload ran, any markup was inserted, or any object prototype was polluted. */
export function injectedInPage(flag: string): boolean {
  const w = window as unknown as Record<string, unknown>;
  const proto = Object.prototype as unknown as Record<string, unknown>;
  return Boolean(w[flag]) || document.querySelector("[data-fuzz]") !== null || "polluted" in proto;
}
