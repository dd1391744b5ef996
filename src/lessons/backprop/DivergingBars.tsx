// A column of signed values as bars from a centre line (blue right for positive, red left for negative), each
// with its number; optionally each row is a button that chooses that index.
import { maxAbs } from "../../render/heatmap.ts";
import { formatPrecise } from "../../render/format.ts";
import { Num } from "../views/Num.tsx";

export interface DivergingBarsProps {
  readonly values: ArrayLike<number>;
  /** data-term of value i: `${term}-${i}`. */
  readonly term: string;
  readonly label: string;
  /** Row names (defaults to the index). */
  readonly names?: readonly string[];
  /** The highlighted row. */
  readonly chosen?: number;
  /** Makes each row a button choosing its index. */
  readonly onChoose?: (i: number) => void;
  /** Bars are drawn against this magnitude (defaults to the largest |value|). */
  readonly scale?: number;
  readonly digits?: number;
}

export function DivergingBars({
  values,
  term,
  label,
  names,
  chosen,
  onChoose,
  scale,
  digits = 3,
}: DivergingBarsProps) {
  const s = scale ?? maxAbs(values);
  return (
    <ol className="diverging-bars" aria-label={label}>
      {Array.from(values, (v, i) => {
        const share = s > 0 ? Math.min(1, Math.abs(v) / s) : 0;
        const content = (
          <>
            <span className="name">{names?.[i] ?? i}</span>
            <span className="track" aria-hidden="true">
              <span
                className={v >= 0 ? "fill pos" : "fill neg"}
                style={{ width: `${50 * share}%`, [v >= 0 ? "left" : "right"]: "50%" }}
              />
            </span>
            <Num term={`${term}-${i}`} value={v} digits={digits} precise signed />
          </>
        );
        return (
          <li key={i} className={i === chosen ? "chosen" : undefined}>
            {onChoose ? (
              <button
                type="button"
                aria-pressed={i === chosen}
                aria-label={`${names?.[i] ?? i}: ${formatPrecise(v, digits)}`}
                onClick={() => onChoose(i)}
              >
                {content}
              </button>
            ) : (
              <div className="row">{content}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
