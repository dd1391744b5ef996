// Steps "the bias sets a threshold" and "squishing": the weighted sum against the threshold −b on a number
// line, then z through the layer's activation function.
import { scaleLinear } from "d3";
import type { Activation } from "../../engine/activations.ts";
import { formatFixed } from "../../render/format.ts";
import { tex, texNumber, texValue, type Tex } from "../tex.ts";
import { TexMath } from "../TexMath.tsx";
import { ActivationPlot } from "../views/ActivationPlot.tsx";
import type { NeuronFocus } from "./focus.ts";

const W = 520;
const H = 120;

/** (x) as Tex, in parentheses when negative so "+ (−2.700)" reads right. */
function signedTex(term: string, x: number): Tex {
  return x < 0 ? tex`\left(${texValue(term, x)}\right)` : texValue(term, x);
}

/** The weighted sum as an arrow from 0 on a number line, the threshold −b, and z as the span between them. */
function NumberLine({ sum, threshold, above }: { sum: number; threshold: number; above: boolean }) {
  const lo = Math.min(0, sum, threshold);
  const hi = Math.max(0, sum, threshold);
  const pad = Math.max(0.5, 0.12 * (hi - lo));
  const x = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([24, W - 24]);
  const axisY = 62;
  return (
    <svg
      className="number-line"
      width={W}
      height={H}
      role="img"
      aria-label={`Number line: weighted sum ${formatFixed(sum)}, threshold ${formatFixed(threshold)}`}
    >
      <defs>
        <marker
          id="arrow-sum"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
        </marker>
      </defs>
      <line className="axis" x1={16} x2={W - 16} y1={axisY} y2={axisY} />
      {x.ticks(8).map((t) => (
        <g key={t} transform={`translate(${x(t)}, ${axisY})`}>
          <line className="tick-mark" y1={-3} y2={3} />
          <text className="tick" y={16} textAnchor="middle">
            {formatFixed(t, Number.isInteger(t) ? 0 : 1)}
          </text>
        </g>
      ))}
      <line className="threshold" x1={x(threshold)} x2={x(threshold)} y1={14} y2={axisY + 22} />
      <text className="threshold-label" x={x(threshold)} y={10} textAnchor="middle">
        threshold −b
      </text>
      <line
        className="sum-arrow"
        x1={x(0)}
        x2={x(sum)}
        y1={axisY - 14}
        y2={axisY - 14}
        markerEnd="url(#arrow-sum)"
      />
      <text className="sum-label" x={(x(0) + x(sum)) / 2} y={axisY - 20} textAnchor="middle">
        Σ w·a
      </text>
      <line
        className={above ? "z-span pos" : "z-span neg"}
        x1={x(threshold)}
        x2={x(sum)}
        y1={axisY + 30}
        y2={axisY + 30}
      />
      <text
        className={above ? "z-label pos" : "z-label neg"}
        x={(x(threshold) + x(sum)) / 2}
        y={axisY + 46}
        textAnchor="middle"
      >
        z = Σ w·a + b
      </text>
    </svg>
  );
}

export function BiasView({ focus }: { focus: NeuronFocus }) {
  const { z, b, j } = focus;
  const sum = z - b;
  const threshold = -b;
  const above = z >= 0;
  return (
    <div className="bias-view">
      <NumberLine sum={sum} threshold={threshold} above={above} />
      <TexMath
        display
        tex={tex`z^{(1)}_{${texNumber(j, 0)}} = \underbrace{${texValue("weighted-sum", sum)}}_{\sum_k w_{${texNumber(j, 0)},k} a_k} + \underbrace{${signedTex("b", b)}}_{b_{${texNumber(j, 0)}}} = ${texValue("z", z)}`}
      />
      <p>
        {above
          ? `The weighted sum clears the threshold of ${formatFixed(threshold)} by ${formatFixed(z)}, so z is positive and the neuron leans towards lit.`
          : `The weighted sum falls short of the threshold of ${formatFixed(threshold)} by ${formatFixed(-z)}, so z is negative and the neuron leans towards dark.`}
      </p>
    </div>
  );
}

/** The activation function's name in TeX. */
const TEX_NAME: Record<Activation, Tex> = {
  sigmoid: tex`\sigma`,
  relu: tex`\operatorname{ReLU}`,
  tanh: tex`\tanh`,
};

export function SquishView({ focus }: { focus: NeuronFocus }) {
  const { z, a, j, f } = focus;
  const name = TEX_NAME[f];
  return (
    <div className="squish-view">
      <ActivationPlot kind={f} z={z} width={460} height={250} />
      <TexMath
        display
        tex={tex`a^{(1)}_{${texNumber(j, 0)}} = ${name}\big(z^{(1)}_{${texNumber(j, 0)}}\big) = ${name}(${texValue("z", z)}) = ${texValue("a", a)}`}
      />
    </div>
  );
}
