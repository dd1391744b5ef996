// The confusion matrix as a table of buttons: rows the true digit, columns the network's answer, each cell's
// colour by its count (blue on the diagonal, red off it, on a log scale). One tab stop: the arrow keys move
// between cells, Enter or Space (or a click) selects one.
import { useRef, useState, type KeyboardEvent } from "react";
import { formatCount, formatPercent } from "../lessons/format.ts";

/** A cell: images labelled `label` that the network called `predicted`. */
export interface Cell {
  readonly label: number;
  readonly predicted: number;
}

/** A count's colour strength, 0…1: log(1 + count) / log(1 + max). */
function strength(count: number, max: number): number {
  return max > 0 ? Math.log1p(count) / Math.log1p(max) : 0;
}

export function ConfusionMatrix({
  matrix,
  classes = 10,
  perClass,
  selected,
  onSelect,
}: {
  /** matrix[t·classes + p]: images labelled t called p. */
  matrix: ArrayLike<number>;
  classes?: number;
  /** Per true digit: share answered correctly. */
  perClass: readonly number[];
  selected: Cell | null;
  onSelect: (cell: Cell) => void;
}) {
  const [focus, setFocus] = useState<Cell>(selected ?? { label: 0, predicted: 0 });
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const digits = Array.from({ length: classes }, (_, d) => d);
  let maxRight = 0;
  let maxWrong = 0;
  for (const t of digits)
    for (const p of digits) {
      const n = matrix[t * classes + p]!;
      if (t === p) maxRight = Math.max(maxRight, n);
      else maxWrong = Math.max(maxWrong, n);
    }

  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[e.key];
    let next: Cell | null = null;
    if (move)
      next = {
        label: Math.min(classes - 1, Math.max(0, focus.label + move[0])),
        predicted: Math.min(classes - 1, Math.max(0, focus.predicted + move[1])),
      };
    else if (e.key === "Home") next = { label: focus.label, predicted: 0 };
    else if (e.key === "End") next = { label: focus.label, predicted: classes - 1 };
    if (!next) return;
    e.preventDefault();
    setFocus(next);
    buttons.current.get(next.label * classes + next.predicted)?.focus();
  };

  return (
    <table className="confusion" onKeyDown={onKeyDown}>
      <caption>
        Rows: the true digit. Columns: the network’s answer. Arrow keys move, Enter shows a cell’s images.
      </caption>
      <thead>
        <tr>
          <th scope="col" className="corner">
            <span className="hint">true ↓ answer →</span>
          </th>
          {digits.map((p) => (
            <th key={p} scope="col" className="num">
              {p}
            </th>
          ))}
          <th scope="col" className="accuracy-head">
            right
          </th>
        </tr>
      </thead>
      <tbody>
        {digits.map((t) => (
          <tr key={t}>
            <th scope="row" className="num">
              {t}
            </th>
            {digits.map((p) => {
              const n = matrix[t * classes + p]!;
              const diagonal = t === p;
              const s = strength(n, diagonal ? maxRight : maxWrong);
              const isSelected = selected?.label === t && selected.predicted === p;
              const isFocus = focus.label === t && focus.predicted === p;
              return (
                <td key={p}>
                  <button
                    type="button"
                    ref={(el) => {
                      if (el) buttons.current.set(t * classes + p, el);
                      else buttons.current.delete(t * classes + p);
                    }}
                    className={`cell num${diagonal ? " diagonal" : ""}${n === 0 ? " zero" : ""}`}
                    style={
                      n > 0
                        ? {
                            background: diagonal
                              ? `rgba(88, 196, 221, ${(0.15 + 0.6 * s).toFixed(3)})`
                              : `rgba(252, 98, 85, ${(0.12 + 0.75 * s).toFixed(3)})`,
                          }
                        : undefined
                    }
                    tabIndex={isFocus ? 0 : -1}
                    aria-pressed={isSelected}
                    aria-label={`True ${t}, answered ${p}: ${formatCount(n)} image${n === 1 ? "" : "s"}`}
                    data-label={t}
                    data-predicted={p}
                    data-count={n}
                    onFocus={() => setFocus({ label: t, predicted: p })}
                    onClick={() => onSelect({ label: t, predicted: p })}
                  >
                    {formatCount(n)}
                  </button>
                </td>
              );
            })}
            <td className="accuracy num" data-digit={t} data-accuracy={perClass[t]}>
              {formatPercent(perClass[t]!)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
