// Step "a nudge for every parameter": −∇C for one output neuron's bias and incoming weights, each nudge with its
// sign, a bar against the largest nudge of all, and its reading in words, from the lab's traceBatch mean gradient.
import type { Gradient, NetworkSpec } from "../../engine/network.ts";
import { formatCount } from "../../render/format.ts";
import { NumberPicker } from "../views/NumberPicker.tsx";
import { Num } from "../views/Num.tsx";
import { describe, NUDGE_THRESHOLDS, nudgeTerm, nudgeWords, type Component } from "./nudges.ts";
import { NudgeBar, ParamName } from "./ParamName.tsx";

/** Output neuron j's components: its bias, then its weights from each neuron k of the layer before. */
export function neuronComponents(spec: Pick<NetworkSpec, "sizes">, mean: Gradient, j: number): Component[] {
  const L = spec.sizes.length - 1;
  const nIn = spec.sizes[L - 1]!;
  const bias: Component = { kind: "b", layer: L, index: j, gradient: mean.db[L]![j]! };
  const weights = Array.from({ length: nIn }, (_, k): Component => ({
    kind: "w",
    layer: L,
    index: j * nIn + k,
    gradient: mean.dw[L]![j * nIn + k]!,
  }));
  return [bias, ...weights];
}

const percent = (share: number) => `${Math.round(100 * share)}\u202f%`;

/** The legend of the words: each word's lower bound as a share of the largest nudge. */
export function SizeLegend({ max, largestName }: { max: number; largestName: string }) {
  return (
    <p className="hint size-legend">
      Words compare each nudge with the largest of all, <Num term="largest-nudge" value={max} digits={4} /> (
      {largestName}): <strong>a lot</strong> from {percent(NUDGE_THRESHOLDS["a lot"])} of it,{" "}
      <strong>somewhat</strong> from {percent(NUDGE_THRESHOLDS.somewhat)}, <strong>a little</strong> from{" "}
      {percent(NUDGE_THRESHOLDS["a little"])}, below that <strong>barely</strong>.
    </p>
  );
}

export interface NudgeVectorProps {
  readonly spec: NetworkSpec;
  readonly mean: Gradient;
  readonly max: number;
  readonly largestName: string;
  readonly neuron: number;
  readonly onNeuron: (j: number) => void;
  /** Parameters to mark (the weights of the curve and the landscape). */
  readonly marked: readonly Pick<Component, "kind" | "layer" | "index">[];
  readonly total: number;
}

export function NudgeVector({
  spec,
  mean,
  max,
  largestName,
  neuron,
  onNeuron,
  marked,
  total,
}: NudgeVectorProps) {
  const nOut = spec.sizes.at(-1)!;
  const rows = neuronComponents(spec, mean, neuron);
  const isMarked = (c: Component) =>
    marked.some((m) => m.kind === c.kind && m.layer === c.layer && m.index === c.index);
  return (
    <div className="nudge-vector">
      <div className="live-controls">
        <NumberPicker label="Output neuron" value={neuron} min={0} max={nOut - 1} onChange={onNeuron} />
        <span className="hint">
          {rows.length} of the {formatCount(total)} components of −∇C
        </span>
      </div>
      <div className="vector-frame" role="group" aria-label={`The nudges −∂C/∂p for output neuron ${neuron}`}>
        <div className="vector-gap" aria-hidden="true">
          ⋮
        </div>
        <ol className="nudge-rows">
          {rows.map((c) => (
            <li key={nudgeTerm(c)} className={isMarked(c) ? "nudge-row marked" : "nudge-row"}>
              <ParamName spec={spec} param={c} />
              <Num term={nudgeTerm(c)} value={-c.gradient} digits={4} precise signed />
              <NudgeBar nudge={-c.gradient} max={max} />
              <span className="nudge-words">
                {nudgeWords(c.gradient, max)}
                <span className="hint"> · {describe(spec, c)}</span>
              </span>
            </li>
          ))}
        </ol>
        <div className="vector-gap" aria-hidden="true">
          ⋮
        </div>
      </div>
      {marked.some((m) =>
        rows.some((c) => c.kind === m.kind && c.layer === m.layer && c.index === m.index),
      ) ? (
        <p className="hint">The outlined row is the weight of the curve in the first steps.</p>
      ) : null}
      <SizeLegend max={max} largestName={largestName} />
    </div>
  );
}
