// Step "the nudges that matter most": the largest components of −∇C of all 13,002, sorted, with which weight each
// is, and how many nudges get each word.
import type { NetworkSpec } from "../../engine/network.ts";
import { formatCount } from "../../render/format.ts";
import { Count, Num } from "../views/Num.tsx";
import { describe, nudgeTerm, nudgeWords, type Component, type NudgeSize } from "./nudges.ts";
import { NudgeBar, ParamName } from "./ParamName.tsx";
import { SizeLegend } from "./NudgeVector.tsx";

const WORDS: readonly NudgeSize[] = ["a lot", "somewhat", "a little", "barely", "none"];
const WORD_LABELS: Record<NudgeSize, string> = {
  "a lot": "a lot",
  somewhat: "somewhat",
  "a little": "a little",
  barely: "barely",
  none: "exactly 0",
};

export interface LargestNudgesProps {
  readonly spec: NetworkSpec;
  readonly top: readonly Component[];
  readonly counts: Record<NudgeSize, number>;
  readonly max: number;
  readonly largestName: string;
  readonly total: number;
}

export function LargestNudges({ spec, top, counts, max, largestName, total }: LargestNudgesProps) {
  return (
    <div className="largest-nudges">
      <table className="nudge-table">
        <caption>
          The {top.length} largest of the {formatCount(total)} nudges −∂C/∂p, largest first
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">parameter</th>
            <th scope="col">nudge</th>
            <th scope="col" aria-label="size">
              <span aria-hidden="true" />
            </th>
            <th scope="col">reading</th>
          </tr>
        </thead>
        <tbody>
          {top.map((c, r) => (
            <tr key={nudgeTerm(c)} data-rank={r + 1}>
              <td className="rank">{r + 1}</td>
              <th scope="row">
                <ParamName spec={spec} param={c} />
                <span className="hint param-where">{describe(spec, c)}</span>
              </th>
              <td>
                <Num term={nudgeTerm(c)} value={-c.gradient} digits={4} precise signed />
              </td>
              <td>
                <NudgeBar nudge={-c.gradient} max={max} />
              </td>
              <td className="nudge-words">{nudgeWords(c.gradient, max)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>All {formatCount(total)} nudges, by size</h3>
      <ul className="size-shares" aria-label="How many nudges get each word">
        {WORDS.map((w) => (
          <li key={w} className={`size-share size-${w.replace(" ", "-")}`}>
            <span className="share-label">{WORD_LABELS[w]}</span>
            <Count term={`count-${w.replace(" ", "-")}`} value={counts[w]} />
            <span className="share-track" aria-hidden="true">
              <span style={{ width: `${(100 * counts[w]) / Math.max(1, total)}%` }} />
            </span>
          </li>
        ))}
      </ul>
      <SizeLegend max={max} largestName={largestName} />
    </div>
  );
}
