// Step "a whole layer as one matrix product": an excerpt of a⁽¹⁾ = σ(W a⁽⁰⁾ + b) with the network's real
// numbers — rows 0–3 and the chosen neuron's row of W, a few columns around its strongest inked pixel.
import { useMemo, type ReactNode } from "react";
import { formatCount } from "../../render/format.ts";
import { Num } from "../views/Num.tsx";
import { pixelName, type NeuronFocus } from "./focus.ts";
import { contributions, excerptCols, excerptRows, type Excerpt } from "./parts.ts";

/** A column vector or matrix in square brackets; `cols` entries per row. */
function Bracketed({ cols, children, label }: { cols: number; children: ReactNode; label: string }) {
  return (
    <div className="bracketed" role="group" aria-label={label}>
      <div className="cells" style={{ gridTemplateColumns: `repeat(${cols}, auto)` }}>
        {children}
      </div>
    </div>
  );
}

/** One column of entries (null: a vertical ellipsis), the chosen index highlighted. */
function Column({
  entries,
  chosen,
  cell,
}: {
  entries: Excerpt;
  chosen: number | null;
  cell: (i: number) => ReactNode;
}) {
  return entries.map((i, r) =>
    i === null ? (
      <span key={`gap-${r}`} className="cell gap">
        ⋮
      </span>
    ) : (
      <span key={i} className={i === chosen ? "cell chosen" : "cell"}>
        {cell(i)}
      </span>
    ),
  );
}

/** Where columns `ks` (consecutive pixels) lie in the image: "row 14, columns 16 to 19". */
function pixelSpan(ks: readonly number[], side: number): string {
  const first = ks[0] ?? 0;
  const last = ks.at(-1) ?? first;
  const row = Math.floor(first / side);
  return row === Math.floor(last / side)
    ? `image row ${row}, columns ${first % side} to ${last % side}`
    : `${pixelName(first, side)} to ${pixelName(last, side)}`;
}

export function MatrixForm({ focus }: { focus: NeuronFocus }) {
  const { net, trace, j, nIn, a0, side } = focus;
  const n1 = net.spec.sizes[1]!;
  const w1 = net.w[1]!;
  const b1 = net.b[1]!;
  const a1 = trace.a[1]!;
  const z1 = trace.z[1]!;
  // Centre the columns on the chosen neuron's largest term (an inked pixel), or the image's middle.
  const centre = useMemo(() => contributions(focus.w, a0)[0]?.k ?? Math.floor(nIn / 2), [focus.w, a0, nIn]);
  const rows = excerptRows(n1, j);
  const cols = excerptCols(nIn, centre);
  const shownCols = cols.filter((k): k is number => k !== null);

  const wCells = rows.flatMap((r, ri) =>
    cols.map((k, ci) => {
      const key = `${ri}-${ci}`;
      if (r === null)
        return (
          <span key={key} className="cell gap">
            {k === null ? "⋱" : "⋮"}
          </span>
        );
      if (k === null)
        return (
          <span key={key} className={r === j ? "cell gap chosen" : "cell gap"}>
            ⋯
          </span>
        );
      return (
        <span key={key} className={r === j ? "cell chosen" : "cell"}>
          <Num term={`w-${r}-${k}`} value={w1[r * nIn + k]!} signed />
        </span>
      );
    }),
  );

  return (
    <div className="matrix-form">
      <div className="equation" aria-label="a⁽¹⁾ = σ(W a⁽⁰⁾ + b), an excerpt with real numbers">
        <div className="row-labels" aria-hidden="true">
          {rows.map((r, i) => (
            <span key={i} className={r === j ? "cell chosen" : "cell"}>
              {r === null ? "" : `${r}`}
            </span>
          ))}
        </div>
        <span className="sym fn">σ</span>
        <span className="sym big">(</span>
        <Bracketed cols={cols.length} label={`W: rows ${rows.filter((r) => r !== null).join(", ")}`}>
          {wCells}
        </Bracketed>
        <Bracketed cols={1} label="a⁽⁰⁾">
          <Column entries={cols} chosen={null} cell={(k) => <Num term={`a0-${k}`} value={a0[k]!} />} />
        </Bracketed>
        <span className="sym">+</span>
        <Bracketed cols={1} label="b">
          <Column entries={rows} chosen={j} cell={(r) => <Num term={`b-${r}`} value={b1[r]!} signed />} />
        </Bracketed>
        <span className="sym big">)</span>
        <span className="sym">=</span>
        <Bracketed cols={1} label="a⁽¹⁾">
          <Column entries={rows} chosen={j} cell={(r) => <Num term={`a1-${r}`} value={a1[r]!} />} />
        </Bracketed>
      </div>
      <p className="matrix-caption">
        W has {n1} rows, one per hidden neuron, and {formatCount(nIn)} columns, one per pixel. Shown: rows 0
        to {Math.min(3, n1 - 1)}
        {j > 3 ? ` and ${j}` : ""} and columns {shownCols[0]} to {shownCols.at(-1)} (
        {pixelSpan(shownCols, side)}).
      </p>
      <p>
        Row {j} of W a⁽⁰⁾ + b is neuron {j}&apos;s z = <Num term="z" value={z1[j]!} signed />, and σ of it is
        its activation a = <Num term="a" value={a1[j]!} />.
      </p>
    </div>
  );
}
