// Ten output activations as bars, digits 0–9, with the value of each; optionally the desired output y as a
// mark on each bar. Rendered from props (these are a trace's numbers, not per-frame data).
import { Num } from "./Num.tsx";

export interface ActivationBarsProps {
  /** Output activations a[L]. */
  readonly a: ArrayLike<number>;
  /** Desired outputs y, shown as marks and a column of values. */
  readonly y?: ArrayLike<number>;
  /** The network's answer (argmax a), highlighted. */
  readonly answer: number;
  readonly label: string;
}

export function ActivationBars({ a, y, answer, label }: ActivationBarsProps) {
  return (
    <ol className="bars" aria-label={label}>
      {Array.from({ length: a.length }, (_, j) => {
        const v = a[j]!;
        const target = y?.[j];
        return (
          <li key={j} className={j === answer ? "bar answer" : "bar"}>
            <span className="digit">{j}</span>
            <span className="track">
              <span className="fill" style={{ width: `${100 * Math.min(1, Math.max(0, v))}%` }} />
              {target === undefined ? null : (
                <span
                  className={target > 0 ? "target" : "target off"}
                  style={{ left: `${100 * Math.min(1, Math.max(0, target))}%` }}
                />
              )}
            </span>
            <Num term={`output-${j}`} value={v} digits={2} />
            {target === undefined ? null : (
              <span className="target-value">
                y = <Num term={`target-${j}`} value={target} digits={0} />
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
