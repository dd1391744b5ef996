// An engine number on the page, with the hooks the tests read: data-term names it, data-value holds it in
// full precision (String(x)); the text is rounded for reading.
import { formatCount, formatFixed, formatPrecise } from "../../render/format.ts";

export interface NumProps {
  /** Stable name of the quantity: "z", "cost", "cost-term-3", … */
  readonly term: string;
  readonly value: number;
  readonly digits?: number;
  /** Scientific notation for tiny non-zero values instead of 0.000. */
  readonly precise?: boolean;
  /** Colour by sign: blue for positive, red for negative. */
  readonly signed?: boolean;
  readonly className?: string;
}

export function Num({ term, value, digits = 3, precise = false, signed = false, className }: NumProps) {
  const sign = signed && value !== 0 ? (value > 0 ? " pos" : " neg") : "";
  return (
    <span
      className={`num${sign}${className ? ` ${className}` : ""}`}
      data-term={term}
      data-value={String(value)}
    >
      {precise ? formatPrecise(value, digits) : formatFixed(value, digits)}
    </span>
  );
}

/** A whole number with thousands separators (13,002), with the same hooks as Num. */
export function Count({ term, value, className }: { term: string; value: number; className?: string }) {
  return (
    <span className={`num${className ? ` ${className}` : ""}`} data-term={term} data-value={String(value)}>
      {formatCount(value)}
    </span>
  );
}
