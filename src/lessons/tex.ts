// TeX that is safe to typeset: a branded string built only from our own constant source text and numbers
// formatted by format.ts. <TexMath> accepts nothing else, so no user text can reach KaTeX's HTML.
import { formatTexNumber } from "../render/format.ts";

declare const texBrand: unique symbol;
/** TeX source made by `tex`, `texNumber` or `texValue`. */
export type Tex = string & { readonly [texBrand]: true };

/**
 * TeX from a template literal of our own source, taken raw (so `\frac` needs no doubled backslash). Each
 * `${…}` must be a number (written with 3 decimals) or other Tex.
 */
export function tex(strings: TemplateStringsArray, ...parts: readonly (number | Tex)[]): Tex {
  let out = strings.raw[0] ?? "";
  parts.forEach((part, i) => {
    out += typeof part === "number" ? formatTexNumber(part) : part;
    out += strings.raw[i + 1] ?? "";
  });
  return out as Tex;
}

/** A number as Tex with `digits` decimals (scientific notation for tiny values when `precise`). */
export function texNumber(x: number, digits = 3, precise = false): Tex {
  return formatTexNumber(x, digits, precise) as Tex;
}

const TERM = /^[a-z][a-z0-9-]*$/;

/**
 * An engine number as Tex that carries the test hooks every shown engine number has: KaTeX writes it as an
 * element with data-term="<term>" and data-value="<String(x)>" (full precision).
 */
export function texValue(term: string, x: number, digits = 3, precise = false): Tex {
  if (!TERM.test(term)) throw new Error(`"${term}" is not a valid term name`);
  return `\\htmlData{term=${term}, value=${String(x)}}{${formatTexNumber(x, digits, precise)}}` as Tex;
}
