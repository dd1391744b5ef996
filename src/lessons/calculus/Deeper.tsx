// Step "deeper layers": δ of every layer from the output back to the chosen parameter's layer, each from the one
// after it, and the chosen parameter's chain with ∂C₀/∂a the backward sum.
import type { ParamRef } from "../../engine/experiments.ts";
import { depth, type Network, type Trace } from "../../engine/network.ts";
import { DivergingBars } from "../backprop/DivergingBars.tsx";
import { backTerms, layerSup, paren, rowCol, topAbs } from "../backprop/nudges.ts";
import { tex, texNumber, texValue } from "../tex.ts";
import { TexMath } from "../TexMath.tsx";
import { ChainFactors, supText } from "./ChainFactors.tsx";
import { deltaFactors, largestWeight } from "./chain.ts";

export function Deeper({
  net,
  trace,
  p,
  onPick,
}: {
  net: Network;
  trace: Trace;
  p: ParamRef;
  onPick: (p: ParamRef) => void;
}) {
  const L = depth(net.spec);
  const { j } = rowCol(net.spec, p);
  const layers = Array.from({ length: L - p.layer + 1 }, (_, i) => L - i);
  return (
    <div className="deeper">
      <div className="deeper-pick">
        {p.layer === L ? <p>The selected parameter is in the last layer. Pick one further back:</p> : null}
        {Array.from({ length: L - 1 }, (_, i) => L - 1 - i).map((l) => (
          <button key={l} type="button" onClick={() => onPick(largestWeight(trace, l))}>
            Largest weight of layer {l} ({supText(l, L)})
          </button>
        ))}
      </div>
      <div className="delta-columns">
        {layers.map((l, i) => (
          <section key={l} className="layer-column" aria-label={`δ of layer ${l}`}>
            <h3>
              {i > 0 ? "← " : ""}δ<sup>({supText(l, L)})</sup>
            </h3>
            <p className="hint">
              {l === L ? (
                "σ′(z) · 2(a − y)"
              ) : (
                <>
                  σ′(z) · (W<sup>({supText(l + 1, L)})</sup>)<sup>T</sup> δ<sup>({supText(l + 1, L)})</sup>
                </>
              )}
            </p>
            <DivergingBars
              values={trace.delta[l]!}
              term={`delta${l}`}
              label={`δ of each neuron of layer ${l}`}
              {...(l === p.layer ? { chosen: j } : {})}
              digits={4}
            />
          </section>
        ))}
      </div>
      {p.layer < L ? <DeltaFromNext net={net} trace={trace} l={p.layer} j={j} /> : null}
      <ChainFactors net={net} trace={trace} p={p} />
    </div>
  );
}

/** How many of the backward sum's terms are written out. */
const TERMS_SHOWN = 3;

/** δ⁽ˡ⁾ⱼ = σ′(z⁽ˡ⁾ⱼ) · Σᵢ w⁽ˡ⁺¹⁾ᵢⱼ δ⁽ˡ⁺¹⁾ᵢ with the largest terms written out, every number from the trace. */
function DeltaFromNext({ net, trace, l, j }: { net: Network; trace: Trace; l: number; j: number }) {
  const L = depth(net.spec);
  const terms = backTerms(net, trace, l + 1, j);
  const shown = topAbs(
    terms.map((t) => t.term),
    TERMS_SHOWN,
  ).map((i) => terms[i]!);
  const f = deltaFactors(net, trace, l)[j]!;
  const sup = layerSup(l, L);
  const supNext = layerSup(l + 1, L);
  const jT = texNumber(j, 0);
  let written = tex``;
  shown.forEach((t, n) => {
    const value = texValue(`deep-term-${t.j}`, t.term, 4, true);
    written = n === 0 ? value : t.term < 0 ? tex`${written} ${value}` : tex`${written} + ${value}`;
  });
  const rest = terms.length - shown.length;
  return (
    <div className="delta-from-next">
      <TexMath
        display
        tex={tex`\delta^{(${sup})}_{${jT}} = \sigma'\big(z^{(${sup})}_{${jT}}\big) \sum_i w^{(${supNext})}_{i${jT}}\, \delta^{(${supNext})}_i = ${texValue("deep-sigma-prime", f.dadz, 4, true)} \times ${paren(texValue("deep-sum", f.dCda, 4, true), f.dCda)} = ${texValue("deep-delta", f.delta, 5, true)}`}
      />
      <TexMath
        display
        tex={tex`\sum_i w^{(${supNext})}_{i${jT}}\, \delta^{(${supNext})}_i = ${written} ${rest > 0 ? tex`+ \cdots` : tex``} = ${texValue("deep-sum-total", f.dCda, 4, true)}`}
      />
      <p className="hint">
        The {TERMS_SHOWN} largest of the {terms.length} terms w·δ, one per neuron of layer {l + 1}; the total
        is the engine&apos;s ∂C₀/∂a of neuron {j} of layer {l}.
      </p>
    </div>
  );
}
