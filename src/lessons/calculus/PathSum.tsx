// Step "one activation, ten paths": ∂C₀/∂a⁽ᵐ⁾ₖ as the sum over the next layer of wⱼₖ σ′(zⱼ) ∂C₀/∂aⱼ — one term per
// path, every factor from the trace, each term the engine's w·δ — and their sum, the trace's dCda.
import { depth, type Network, type Trace } from "../../engine/network.ts";
import { backTerms, layerSup } from "../backprop/nudges.ts";
import { tex, texNumber, texValue } from "../tex.ts";
import { TexMath } from "../TexMath.tsx";
import { Num } from "../views/Num.tsx";
import { deltaFactors } from "./chain.ts";
import { supText } from "./ChainFactors.tsx";

export function PathSum({ net, trace, m, k }: { net: Network; trace: Trace; m: number; k: number }) {
  const L = depth(net.spec);
  const next = m + 1;
  const terms = backTerms(net, trace, next, k);
  const factors = deltaFactors(net, trace, next);
  const total = trace.dCda[m]![k]!;
  const label = trace.y.indexOf(1);
  const sup = layerSup(m, L);
  const supNext = layerSup(next, L);
  const kT = texNumber(k, 0);
  const slope = next === L ? "2(aⱼ − yⱼ)" : `∂C₀/∂aⱼ`;
  const slopeTex =
    next === L
      ? tex`2\big(a^{(${supNext})}_j - y_j\big)`
      : tex`\frac{\partial C_0}{\partial a^{(${supNext})}_j}`;
  return (
    <div className="path-sum">
      <TexMath
        display
        tex={tex`\begin{aligned} \frac{\partial C_0}{\partial a^{(${sup})}_{${kT}}} &= \sum_{j=0}^{${texNumber(terms.length - 1, 0)}} w^{(${supNext})}_{j${kT}}\, \sigma'\big(z^{(${supNext})}_j\big)\, ${slopeTex} \\ &= ${texValue("path-sum", total, 5, true)} \end{aligned}`}
      />
      <table className="lever-table path-table">
        <caption>
          Neuron {k} of layer {m} ({supText(m, L)}) reaches the cost through each of the {terms.length}{" "}
          neurons of layer {next}
        </caption>
        <thead>
          <tr>
            <th scope="col">j</th>
            <th scope="col">wⱼₖ</th>
            <th scope="col">σ′(zⱼ)</th>
            <th scope="col">{slope}</th>
            <th scope="col">term wⱼₖ δⱼ</th>
          </tr>
        </thead>
        <tbody>
          {terms.map(({ j, w, term }) => {
            const f = factors[j]!;
            return (
              <tr key={j} className={next === L && j === label ? "wanted" : undefined}>
                <th scope="row">{j}</th>
                <td>
                  <Num term={`path-w-${j}`} value={w} signed />
                </td>
                <td>
                  <Num term={`path-sigma-prime-${j}`} value={f.dadz} digits={4} precise />
                </td>
                <td>
                  <Num term={`path-dcda-${j}`} value={f.dCda} digits={4} precise signed />
                </td>
                <td>
                  <Num term={`path-term-${j}`} value={term} digits={5} precise signed />
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              sum, as the engine stored it: ∂C₀/∂a<sup>({supText(m, L)})</sup>
              <sub>{k}</sub>
            </th>
            <td>
              <Num term="path-total" value={total} digits={5} precise signed />
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="hint">
        Each term is w times that neuron&apos;s δ = σ′(z) · ∂C₀/∂a, as the engine stored it; every path uses
        the same three-factor pattern as a single weight, with the weight w in place of the activation.
      </p>
    </div>
  );
}
