// Step "adding up the wishes": every output's wish for one hidden neuron of layer L−1, the ten wishes
// −w⁽ᴸ⁾ⱼₖ δ⁽ᴸ⁾ⱼ with the correct digit's expanded, and their sum — minus the trace's ∂C₀/∂a⁽ᴸ⁻¹⁾ₖ. A wish is
// coloured by its sign (blue: brighter, red: dimmer), the line to its output the same.
import { sigmoidPrime } from "../../engine/activations.ts";
import { depth, type Network, type Trace } from "../../engine/network.ts";
import { maxAbs } from "../../render/heatmap.ts";
import { activationFill, THEME } from "../../render/theme.ts";
import { tex, texNumber, texValue } from "../tex.ts";
import { TexMath } from "../TexMath.tsx";
import { Num } from "../views/Num.tsx";
import { DivergingBars } from "./DivergingBars.tsx";
import { backTerms, layerSup, paren } from "./nudges.ts";

/** Rows of the bars (CSS .diverging-bars li: 22 px), so the diagram's hidden neurons line up with them. */
const PITCH = 22;
const TOP = PITCH / 2;
const HX = 14;
const OX = 170;

export function SumWishes({
  net,
  trace,
  k,
  onChoose,
}: {
  net: Network<Float32Array>;
  trace: Trace<Float32Array>;
  k: number;
  onChoose: (k: number) => void;
}) {
  const L = depth(net.spec);
  const dCda = trace.dCda[L - 1]!;
  return (
    <div className="sum-wishes">
      <section aria-label="Wished nudges of the last hidden layer" className="sum-left">
        <h3>All wishes added: −∂C₀/∂a⁽ᴸ⁻¹⁾</h3>
        <div className="sum-aligned">
          <DivergingBars
            values={Float64Array.from(dCda, (g) => -g)}
            term="hidden-nudge"
            label="Wished nudge of each neuron of layer L−1; choose one"
            chosen={k}
            onChoose={onChoose}
            digits={4}
          />
          <SumDiagram net={net} trace={trace} k={k} />
        </div>
      </section>
      <SumTerms net={net} trace={trace} k={k} />
    </div>
  );
}

/** Hidden neuron k and the outputs, each line one output's wish for it (blue: brighter, red: dimmer). */
function SumDiagram({
  net,
  trace,
  k,
}: {
  net: Network<Float32Array>;
  trace: Trace<Float32Array>;
  k: number;
}) {
  const L = depth(net.spec);
  const nH = net.spec.sizes[L - 1]!;
  const nOut = net.spec.sizes[L]!;
  const terms = backTerms(net, trace, L, k);
  const label = trace.y.indexOf(1);
  const scale = maxAbs(terms.map((t) => t.term));
  const H = nH * PITCH;
  const hy = (i: number) => TOP + i * PITCH;
  const oy = (j: number) => TOP + ((nH - nOut) * PITCH) / 2 + j * PITCH;
  return (
    <svg
      className="sum-diagram"
      width={OX + 40}
      height={H}
      role="img"
      aria-label={`The ${nOut} outputs' wishes for hidden neuron ${k}`}
    >
      {terms.map(({ j, term }) => {
        const rel = scale > 0 ? Math.abs(term) / scale : 0;
        return (
          <line
            key={j}
            x1={HX + 9}
            y1={hy(k)}
            x2={OX - 11}
            y2={oy(j)}
            stroke={-term >= 0 ? THEME.positive : THEME.negative}
            strokeOpacity={0.15 + 0.85 * rel}
            strokeWidth={0.8 + 5 * rel}
          />
        );
      })}
      {Array.from(trace.a[L - 1]!, (a, i) => (
        <circle
          key={i}
          cx={HX}
          cy={hy(i)}
          r={i === k ? 8 : 6}
          fill={activationFill(a)}
          className={i === k ? "neuron chosen" : "neuron"}
        />
      ))}
      {Array.from(trace.a[L]!, (a, j) => (
        <g key={j}>
          <circle
            cx={OX}
            cy={oy(j)}
            r={10}
            fill={activationFill(a)}
            className={j === label ? "neuron chosen" : "neuron"}
          />
          <text className="index" x={OX + 16} y={oy(j) + 4}>
            {j}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The wishes −wⱼₖ δⱼ for aₖ, one per output, their sum −∂C₀/∂aₖ, and the correct digit's wish expanded. */
function SumTerms({ net, trace, k }: { net: Network<Float32Array>; trace: Trace<Float32Array>; k: number }) {
  const L = depth(net.spec);
  const terms = backTerms(net, trace, L, k);
  const total = trace.dCda[L - 1]![k]!;
  const label = trace.y.indexOf(1);
  const expanded = terms[label >= 0 ? label : 0]!;
  const jTex = texNumber(expanded.j, 0);
  const kTex = texNumber(k, 0);
  const sup = layerSup(L, L);
  return (
    <section className="sum-terms" aria-label={`The wishes of the outputs for hidden neuron ${k}`}>
      <table className="lever-table">
        <caption>Hidden neuron {k}: one wish per output j (blue: brighter, red: dimmer)</caption>
        <thead>
          <tr>
            <th scope="col">j</th>
            <th scope="col">w⁽ᴸ⁾ⱼₖ</th>
            <th scope="col">δ⁽ᴸ⁾ⱼ</th>
            <th scope="col">wish −wⱼₖ δⱼ</th>
          </tr>
        </thead>
        <tbody>
          {terms.map(({ j, w, delta, term }) => (
            <tr key={j} className={j === label ? "wanted" : undefined}>
              <th scope="row">{j}</th>
              <td>
                <Num term={`back-w-${j}`} value={w} signed />
              </td>
              <td>
                <Num term={`back-delta-${j}`} value={delta} digits={4} precise signed />
              </td>
              <td>
                <Num term={`back-wish-${j}`} value={-term} digits={4} precise signed />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              sum: −∂C₀/∂a⁽ᴸ⁻¹⁾<sub>{k}</sub>
            </th>
            <td>
              <Num term="hidden-wish" value={-total} digits={4} precise signed />
            </td>
          </tr>
        </tfoot>
      </table>
      <TexMath
        display
        tex={tex`-w^{(${sup})}_{${jTex},${kTex}}\,\delta^{(${sup})}_{${jTex}} = -${paren(texValue("expanded-w", expanded.w), expanded.w)} \times \underbrace{${texValue("expanded-sigma-prime", sigmoidPrime(trace.z[L]![expanded.j]!))} \times ${paren(texValue("expanded-cost-slope", trace.dCda[L]![expanded.j]!), trace.dCda[L]![expanded.j]!)}}_{\sigma'(z^{(${sup})}_{${jTex}})\,\cdot\, 2(a^{(${sup})}_{${jTex}} - y_{${jTex}})} = ${texValue("expanded-wish", -expanded.term, 4, true)}`}
      />
      <p className="hint">
        The sum is minus the engine&apos;s ∂C₀/∂a<sup>(L−1)</sup>
        <sub>{k}</sub> = <Num term="dcda" value={total} digits={4} precise signed /> from its backward pass.
      </p>
    </section>
  );
}
