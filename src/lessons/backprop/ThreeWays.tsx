// Steps "first/second/third lever": the last hidden layer's neurons and one output neuron with their real
// connections, drawn for one of the three ways to change the output — its bias, its weights (in proportion to
// the activations they carry) or the previous activations (in proportion to the weights) — beside the numbers.
import type { ReactNode } from "react";
import { sigmoidPrime } from "../../engine/activations.ts";
import { depth, type Network, type Trace } from "../../engine/network.ts";
import { maxAbs } from "../../render/heatmap.ts";
import { activationFill, THEME } from "../../render/theme.ts";
import { tex, texNumber, texValue } from "../tex.ts";
import { TexMath } from "../TexMath.tsx";
import { Num } from "../views/Num.tsx";
import { activationWishes, layerSup, paren, topAbs } from "./nudges.ts";

export type Lever = "bias" | "weights" | "activations";

const W = 400;
const PITCH = 24;
const TOP = 28;
const HX = 52;
const OX = 290;
const ROWS_SHOWN = 6;

/** y of hidden neuron k. */
const hiddenY = (k: number) => TOP + k * PITCH;

/** A small up or down triangle centred at (x, y). */
function triangle(x: number, y: number, up: boolean, size: number): string {
  const h = size;
  const w = size * 0.9;
  return up
    ? `M${x - w},${y + h / 2} L${x + w},${y + h / 2} L${x},${y - h / 2} Z`
    : `M${x - w},${y - h / 2} L${x + w},${y - h / 2} L${x},${y + h / 2} Z`;
}

const signColor = (v: number) => (v >= 0 ? THEME.positive : THEME.negative);

/** The output neuron's row of the last layer: weights, their gradients, the activations they carry. */
function outputRow(net: Network<Float32Array>, trace: Trace<Float32Array>, j: number) {
  const L = depth(net.spec);
  const n = net.spec.sizes[L - 1]!;
  return {
    L,
    n,
    aPrev: trace.a[L - 1]!,
    wRow: net.w[L]!.subarray(j * n, (j + 1) * n),
    dwRow: trace.dw[L]!.subarray(j * n, (j + 1) * n),
    wishes: activationWishes(net, trace, L, j),
  };
}

export function ThreeWays({
  net,
  trace,
  j,
  lever,
}: {
  net: Network<Float32Array>;
  trace: Trace<Float32Array>;
  j: number;
  lever: Lever;
}) {
  const { n, aPrev, wRow, dwRow, wishes } = outputRow(net, trace, j);
  const up = -trace.delta[depth(net.spec)]![j]! >= 0;
  return (
    <div className="three-ways" data-lever={lever}>
      <LeverDiagram net={net} trace={trace} j={j} lever={lever} />
      <div className="lever-numbers">
        {lever === "bias" ? <BiasLever net={net} trace={trace} j={j} /> : null}
        {lever === "weights" ? (
          <LeverTable
            caption={`Wished changes of the ${n} weights into output ${j}: largest first`}
            heads={["k", "a⁽ᴸ⁻¹⁾ₖ", "wⱼₖ now", "−∂C₀/∂wⱼₖ"]}
            rows={topAbs(dwRow, ROWS_SHOWN).map((k) => [
              k,
              <Num key="a" term={`a-prev-${k}`} value={aPrev[k]!} />,
              <Num key="w" term={`w-${k}`} value={wRow[k]!} signed />,
              <Num key="g" term={`weight-nudge-${k}`} value={-dwRow[k]!} digits={4} precise signed />,
            ])}
            note={`Every one of these nudges is a⁽ᴸ⁻¹⁾ₖ times the same −δ, so they share its sign (${up ? "up" : "down"}) and their sizes follow the brightness of the hidden neurons.`}
          />
        ) : null}
        {lever === "activations" ? (
          <LeverTable
            caption={`What output ${j} alone wishes for each hidden activation: largest first`}
            heads={["k", "w⁽ᴸ⁾ⱼₖ", "−wⱼₖ δⱼ"]}
            rows={topAbs(wishes, ROWS_SHOWN).map((k) => [
              k,
              <Num key="w" term={`w-${k}`} value={wRow[k]!} signed />,
              <Num key="g" term={`activation-wish-${k}`} value={wishes[k]!} digits={4} precise signed />,
            ])}
            note="The triangles beside the hidden neurons show these wishes: up for neurons behind positive weights, down for those behind negative ones (when the output wants to rise)."
          />
        ) : null}
      </div>
    </div>
  );
}

/**
 * The last hidden layer and output neuron j, each connection drawn by the lever's strength: its share w·a of z
 * (bias), the weight's wished change (weights) or the activation's wished change (activations).
 */
function LeverDiagram({
  net,
  trace,
  j,
  lever,
}: {
  net: Network<Float32Array>;
  trace: Trace<Float32Array>;
  j: number;
  lever: Lever;
}) {
  const { L, n, aPrev, wRow, dwRow, wishes } = outputRow(net, trace, j);
  const a = trace.a[L]![j]!;
  const delta = trace.delta[L]![j]!;
  const db = trace.db[L]![j]!;
  const up = -delta >= 0;
  const contributions = Float64Array.from(wRow, (w, k) => w * aPrev[k]!);
  const strength =
    lever === "bias" ? contributions : lever === "weights" ? Float64Array.from(dwRow, (g) => -g) : wishes;
  const scale = maxAbs(strength);
  const H = TOP * 2 + (n - 1) * PITCH;
  const oy = TOP + ((n - 1) * PITCH) / 2;
  return (
    <svg
      className="lever-diagram"
      width={W}
      height={H}
      role="img"
      aria-label={`The ${n} neurons of the last hidden layer and output neuron ${j}, with their connections`}
    >
      {Array.from(wRow, (w, k) => {
        const rel = scale > 0 ? Math.abs(strength[k]!) / scale : 0;
        const colour = lever === "weights" ? signColor(strength[k]!) : signColor(w);
        return (
          <line
            key={k}
            className="edge"
            x1={HX + 10}
            y1={hiddenY(k)}
            x2={OX - 26}
            y2={oy}
            stroke={colour}
            strokeOpacity={0.12 + 0.88 * rel}
            strokeWidth={lever === "bias" ? 1.2 : 0.8 + 5 * rel}
          />
        );
      })}
      {Array.from(aPrev, (ak, k) => {
        const cy = hiddenY(k);
        const wish = wishes[k]!;
        const rel = scale > 0 ? Math.abs(wish) / scale : 0;
        return (
          <g key={k}>
            <text className="index" x={HX - 36} y={cy + 4} textAnchor="end">
              {k}
            </text>
            <circle cx={HX} cy={cy} r={9} fill={activationFill(ak)} className="neuron" />
            {lever === "activations" && rel > 0.02 ? (
              <path
                d={triangle(HX - 20, cy, wish >= 0, 5 + 7 * rel)}
                fill={signColor(wish)}
                fillOpacity={0.35 + 0.65 * rel}
              />
            ) : null}
          </g>
        );
      })}
      <OutputNeuron j={j} a={a} up={up} oy={oy} lever={lever} db={db} />
      <text className="caption" x={HX} y={H - 4} textAnchor="middle">
        layer L−1
      </text>
    </svg>
  );
}

/** Output neuron j at height oy: its activation, the way it wants to go, and its bias (with the bias's wish). */
function OutputNeuron({
  j,
  a,
  up,
  oy,
  lever,
  db,
}: {
  j: number;
  a: number;
  up: boolean;
  oy: number;
  lever: Lever;
  db: number;
}) {
  return (
    <>
      <circle cx={OX} cy={oy} r={26} fill={activationFill(a)} className="neuron chosen" />
      <text
        className="output-digit"
        x={OX}
        y={oy + 6}
        textAnchor="middle"
        fill={a > 0.55 ? THEME.off : THEME.on}
      >
        {j}
      </text>
      <path d={triangle(OX, oy - 46, up, 16)} fill={signColor(up ? 1 : -1)} />
      <text className="caption" x={OX} y={oy + 48} textAnchor="middle">
        output {j} wants to go {up ? "up" : "down"}
      </text>
      <g className={lever === "bias" ? "bias-box active" : "bias-box"}>
        <line x1={OX + 26} y1={oy} x2={OX + 62} y2={oy} />
        <rect x={OX + 62} y={oy - 14} width={36} height={28} rx={5} />
        <text x={OX + 80} y={oy + 5} textAnchor="middle">
          b
        </text>
        {lever === "bias" ? (
          <path d={triangle(OX + 80, oy - 28, -db >= 0, 12)} fill={signColor(-db)} />
        ) : null}
      </g>
    </>
  );
}

/** The bias lever's numbers: z with its bias, δ = σ′(z)·2(a − y), and the bias's wished nudge. */
function BiasLever({ net, trace, j }: { net: Network<Float32Array>; trace: Trace<Float32Array>; j: number }) {
  const L = depth(net.spec);
  const z = trace.z[L]![j]!;
  const a = trace.a[L]![j]!;
  const y = trace.y[j]!;
  const delta = trace.delta[L]![j]!;
  const costSlope = trace.dCda[L]![j]!;
  const b = net.b[L]![j]!;
  const db = trace.db[L]![j]!;
  const sup = layerSup(L, L);
  const supPrev = layerSup(L - 1, L);
  const jTex = texNumber(j, 0);
  return (
    <>
      <TexMath
        display
        tex={tex`z^{(${sup})}_{${jTex}} = \sum_k w_{${jTex},k}\, a^{(${supPrev})}_k + ${paren(texValue("bias", b), b)} = ${texValue("z", z)}`}
      />
      <TexMath
        display
        tex={tex`\delta^{(${sup})}_{${jTex}} = \underbrace{${texValue("sigma-prime", sigmoidPrime(z))}}_{\sigma'(z)} \times \underbrace{${paren(texValue("cost-slope", costSlope), costSlope)}}_{2(a - y)} = ${texValue("delta", delta, 4, true)}`}
      />
      <TexMath
        display
        tex={tex`-\frac{\partial C_0}{\partial b^{(${sup})}_{${jTex}}} = ${texValue("bias-nudge", -db, 4, true)}`}
      />
      <p className="hint">
        a = <Num term="a" value={a} /> against the target y = <Num term="y" value={y} digits={0} />. The lines
        show each connection&apos;s share w·a of z: blue adds, red takes away.
      </p>
    </>
  );
}

function LeverTable({
  caption,
  heads,
  rows,
  note,
}: {
  caption: string;
  heads: readonly string[];
  rows: readonly (readonly ReactNode[])[];
  note: string;
}) {
  return (
    <>
      <table className="lever-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {heads.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={i}>{c}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{note}</p>
    </>
  );
}
