// Step "one column of nudges per example": the lab's traces of a mini-batch as a table — one column per test
// image (its thumbnail at the head), one row per parameter with a large average wish, cells −∂C₀/∂p of that
// example, and the average column.
import { useMemo } from "react";
import type { ParamRef } from "../../engine/experiments.ts";
import { parameterCount, type BatchTrace, type NetworkSpec } from "../../engine/network.ts";
import { maxAbs } from "../../render/heatmap.ts";
import { weightColor } from "../../render/theme.ts";
import { formatCount } from "../../render/format.ts";
import type { LessonExample } from "../example.ts";
import { TexMath } from "../TexMath.tsx";
import { Num } from "../views/Num.tsx";
import { Digit } from "./Digit.tsx";
import { gradientAt, largestNudges, paramKey, paramTex, paramWords } from "./nudges.ts";

export function NudgeTable({
  spec,
  batch,
  bt,
}: {
  spec: NetworkSpec;
  batch: readonly LessonExample[];
  bt: BatchTrace;
}) {
  const rows = useMemo(() => largestNudges(spec, bt.mean), [spec, bt]);
  const more = parameterCount(spec) - rows.length;
  return (
    <div className="nudge-table-wrap">
      <table className="nudge-table">
        <caption>
          Wished nudges −∂C₀/∂p, one column per example of the mini-batch; rows: the parameters with the
          largest average in each layer
        </caption>
        <thead>
          <tr>
            <th scope="col">parameter</th>
            {batch.map((e) => (
              <th key={e.key} scope="col" data-example={e.id} className="example-head">
                <Digit example={e} cell={1.5} />
                <span className="hint">
                  {e.short}: a {e.label}
                </span>
              </th>
            ))}
            <th scope="col" className="mean">
              average
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <NudgeRow key={paramKey(spec, p)} spec={spec} bt={bt} p={p} />
          ))}
          <tr className="more">
            <th scope="row">⋮</th>
            <td colSpan={batch.length + 1}>
              and {formatCount(more)} more rows, one for every other weight and bias
            </td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">
              cost C<sub>0</sub>
            </th>
            {bt.examples.map((t, i) => (
              <td key={i}>
                <Num term={`example-cost-${i}`} value={t.cost} digits={3} />
              </td>
            ))}
            <td className="mean">
              <Num term="batch-cost" value={bt.cost} digits={3} />
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="hint">
        Blue cells ask for an increase, red for a decrease; the stronger the colour, the larger the wish
        within its row. A 0.000 is a wish too small to show in three decimals (often exactly 0: a first-layer
        weight from a pixel this image leaves blank).
      </p>
    </div>
  );
}

/** One parameter's wished nudge for each image of the batch and their average, coloured within the row. */
function NudgeRow({ spec, bt, p }: { spec: NetworkSpec; bt: BatchTrace; p: ParamRef }) {
  const key = paramKey(spec, p);
  const nudges = bt.examples.map((t) => -gradientAt(t, p));
  const mean = -gradientAt(bt.mean, p);
  const scale = 1.5 * maxAbs([...nudges, mean]);
  return (
    <tr data-kind={p.kind} data-layer={p.layer} data-index={p.index}>
      <th scope="row" title={paramWords(spec, p)}>
        <TexMath tex={paramTex(spec, p)} />
      </th>
      {nudges.map((v, i) => (
        <td key={i} style={{ background: weightColor(v, scale) }}>
          <Num term={`nudge-${key}-${i}`} value={v} digits={3} />
        </td>
      ))}
      <td className="mean" style={{ background: weightColor(mean, scale) }}>
        <Num term={`nudge-${key}-mean`} value={mean} digits={3} />
      </td>
    </tr>
  );
}
