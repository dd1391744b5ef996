// Number formatting for the lessons, experiments and views: every engine number shown on their pages, and every
// number put into TeX, goes through these functions (so TeX never receives text we did not write).
import { formatValue } from "./theme.ts";

/** Superscript digits for "×10⁻⁶". */
const SUPERSCRIPT: Record<string, string> = {
  "-": "\u207b",
  "0": "\u2070",
  "1": "\u00b9",
  "2": "\u00b2",
  "3": "\u00b3",
  "4": "\u2074",
  "5": "\u2075",
  "6": "\u2076",
  "7": "\u2077",
  "8": "\u2078",
  "9": "\u2079",
};

/** η as the scrubber, the schedule and the cost curve show it: at most 3 significant figures, no trailing zeros. */
export function formatLr(eta: number): string {
  return String(Number(eta.toPrecision(3)));
}

/** A value with `digits` decimals and a true minus sign (−0.421); "—" when not finite. */
export function formatFixed(x: number, digits = 3): string {
  return formatValue(x, digits);
}

/** Mantissa (2 significant digits) and exponent of a number too small for `digits` decimals, or null. */
function tiny(x: number, digits: number): { mantissa: string; exponent: string } | null {
  if (!Number.isFinite(x) || x === 0 || Math.abs(x) >= 0.5 * 10 ** -digits) return null;
  const [mantissa = "0", exponent = "0"] = x.toExponential(1).split("e");
  return { mantissa, exponent: String(Number(exponent)) };
}

/** Mantissa × 10 to the exponent as text: "4.1×10⁻⁶", with a true minus sign. */
function scientific({ mantissa, exponent }: { mantissa: string; exponent: string }): string {
  const exp = Array.from(exponent, (c) => SUPERSCRIPT[c] ?? c).join("");
  return `${mantissa.replace("-", "\u2212")}\u00d710${exp}`;
}

/**
 * Like formatFixed, but a non-zero number that would round to 0.000 is written in scientific notation,
 * "4.1×10⁻⁶", so a tiny cost never reads as exactly zero.
 */
export function formatPrecise(x: number, digits = 3): string {
  const t = tiny(x, digits);
  return t ? scientific(t) : formatFixed(x, digits);
}

/**
 * Like formatFixed, but a number of 10,000 or more in magnitude is written in scientific notation, "1.7×10¹⁶", so
 * a diverged network's weights stay short enough to read and to fit beside each other.
 */
export function formatCompact(x: number, digits = 3): string {
  if (!Number.isFinite(x) || Math.abs(x) < 1e4) return formatFixed(x, digits);
  const [mantissa = "0", exponent = "0"] = x.toExponential(1).split("e");
  return scientific({ mantissa, exponent: String(Number(exponent)) });
}

/** A whole number with thousands separators: 13,002. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** A share as a percentage with one decimal: 96.3 %. */
export function formatPercent(share: number): string {
  return `${(100 * share).toFixed(1)}\u202f%`;
}

/**
 * A number as TeX source: "-0.421", "4.1\times10^{-6}" (for precise, as formatPrecise). Only digits, a sign, a
 * point and our own commands ever come out, whatever the input.
 */
export function formatTexNumber(x: number, digits = 3, precise = false): string {
  if (!Number.isFinite(x)) return "\\text{n/a}";
  const t = precise ? tiny(x, digits) : null;
  if (t) return `${t.mantissa}\\times10^{${t.exponent}}`;
  return formatFixed(x, digits).replace("\u2212", "-");
}
