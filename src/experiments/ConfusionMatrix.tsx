// The confusion matrix as a table of buttons: rows the true digit, columns the network's answer, each cell's
// colour by its count (blue on the diagonal, red off it, on a log scale). One tab stop: the arrow keys move
// between cells, Enter or Space (or a click) selects one.
import { useRef, useState, type KeyboardEvent } from "react";
import { MNIST_CLASSES } from "../engine/mnist.ts";
import { formatCount, formatPercent } from "../render/format.ts";
import { PALETTE, withAlpha } from "../render/theme.ts";

/** A cell: images labelled `label` that the network called `predicted`. */
export interface Cell {
  readonly label: number;
  readonly predicted: number;
}

/** A count's colour strength, 0…1: log(1 + count) / log(1 + max). */
function strength(count: number, max: number): number {
  return max > 0 ? Math.log1p(count) / Math.log1p(max) : 0;
}

/** The largest count on the diagonal (right answers) and off it (mistakes). */
function largestCounts(matrix: ArrayLike<number>, classes: number): { maxRight: number; maxWrong: number } {
  let maxRight = 0;
  let maxWrong = 0;
  for (let t = 0; t < classes; t++)
    for (let p = 0; p < classes; p++) {
      const n = matrix[t * classes + p]!;
      if (t === p) maxRight = Math.max(maxRight, n);
      else maxWrong = Math.max(maxWrong, n);
    }
  return { maxRight, maxWrong };
}

/** The cell the arrow keys, Home or End move the focus to from `focus`; null for any other key. */
function keyTarget(key: string, focus: Cell, classes: number): Cell | null {
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const move = moves[key];
  if (move)
    return {
      label: Math.min(classes - 1, Math.max(0, focus.label + move[0])),
      predicted: Math.min(classes - 1, Math.max(0, focus.predicted + move[1])),
    };
  if (key === "Home") return { label: focus.label, predicted: 0 };
  if (key === "End") return { label: focus.label, predicted: classes - 1 };
  return null;
}

/** A cell's background at colour strength s: the "right" verdict on the diagonal, "wrong" off it. */
function cellColor(diagonal: boolean, s: number): string {
  return diagonal ? withAlpha(PALETTE.good, 0.15 + 0.6 * s) : withAlpha(PALETTE.bad, 0.12 + 0.75 * s);
}

function Head({ digits }: { digits: readonly number[] }) {
  return (
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
  );
}

export function ConfusionMatrix({
  matrix,
  classes = MNIST_CLASSES,
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
  const { maxRight, maxWrong } = largestCounts(matrix, classes);

  const onKeyDown = (e: KeyboardEvent) => {
    const next = keyTarget(e.key, focus, classes);
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
      <Head digits={digits} />
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
                    style={n > 0 ? { background: cellColor(diagonal, s) } : undefined}
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
