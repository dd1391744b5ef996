// A parameter's chain rule with the trace's numbers: ∂C₀/∂p = ∂z/∂p · ∂a/∂z · ∂C₀/∂a, each factor's value, the
// engine's own ∂C₀/∂p, and the factors multiplied here to show they give it.
import type { ParamRef } from "../../engine/experiments.ts";
import { depth, type Network, type Trace } from "../../engine/network.ts";
import { layerSup, paramTex, paren, rowCol } from "../backprop/nudges.ts";
import { formatPrecise } from "../../render/format.ts";
import { tex, texNumber, texValue } from "../tex.ts";
import { TexMath } from "../TexMath.tsx";
import { Num } from "../views/Num.tsx";
import { chainOf } from "./chain.ts";

export function ChainFactors({
  net,
  trace,
  p,
  prefix = "",
}: {
  net: Network;
  trace: Trace;
  p: ParamRef;
  /** Prefix of the data-terms, when a view shows two chains. */
  prefix?: string;
}) {
  const L = depth(net.spec);
  const l = p.layer;
  const { j, k } = rowCol(net.spec, p);
  const c = chainOf(net, trace, p);
  const name = paramTex(net.spec, p);
  const sup = layerSup(l, L);
  const supPrev = layerSup(l - 1, L);
  const jT = texNumber(j, 0);
  const kT = texNumber(k, 0);
  const t = (term: string) => `${prefix}${term}`;
  const zj = tex`z^{(${sup})}_{${jT}}`;
  const aj = tex`a^{(${sup})}_{${jT}}`;
  const first = p.kind === "w" ? tex`a^{(${supPrev})}_{${kT}}` : tex`1`;
  const last = l === L ? tex`2\big(${aj} - y_{${jT}}\big)` : tex`\frac{\partial C_0}{\partial ${aj}}`;
  const fa = p.kind === "w" ? texValue(t("factor-a"), c.dzdp, 4) : texValue(t("factor-a"), 1, 0);
  const fs = texValue(t("factor-sigma-prime"), c.dadz, 4, true);
  const fc = paren(texValue(t("factor-dcda"), c.dCda, 4, true), c.dCda);
  const difference = c.gradient - c.multiplied;
  return (
    <div className="chain-factors" data-param-kind={p.kind} data-layer={l}>
      <TexMath
        display
        tex={tex`\frac{\partial C_0}{\partial ${name}} = \underbrace{\frac{\partial ${zj}}{\partial ${name}}}_{${first}} \cdot \underbrace{\frac{\partial ${aj}}{\partial ${zj}}}_{\sigma'(${zj})} \cdot \underbrace{\frac{\partial C_0}{\partial ${aj}}}_{${last}}`}
      />
      <TexMath
        display
        tex={tex`= ${fa} \times ${fs} \times ${fc} = ${texValue(t("gradient"), c.gradient, 6, true)}`}
      />
      <ul className="factor-notes">
        <li>
          {p.kind === "w" ? (
            <>
              a<sup>({supText(l - 1, L)})</sup>
              <sub>{k}</sub>: the activation this weight multiplies
              {l === 1 ? ` (pixel ${k} of the image)` : ""}.
            </>
          ) : (
            <>1: a bias adds to z unscaled.</>
          )}
        </li>
        <li>
          σ′(z) with z = <Num term={t("z")} value={c.z} digits={4} signed />: how steep σ is there.
        </li>
        <li>
          {c.y !== null ? (
            <>
              2(a − y) with a = <Num term={t("a")} value={c.a} digits={4} /> and y ={" "}
              <Num term={t("y")} value={c.y} digits={0} />: how the cost responds to this output.
            </>
          ) : (
            <>
              ∂C₀/∂a of neuron {j} of layer {l}: the sum over the next layer, from the engine&apos;s backward
              pass.
            </>
          )}
        </li>
      </ul>
      <p className="check-line">
        The three factors multiplied here give{" "}
        <Num term={t("factors-multiplied")} value={c.multiplied} digits={6} precise />
        {difference === 0
          ? ", exactly the engine's own derivative from its backward pass, the last number of the line above."
          : `; the engine's own derivative from its backward pass, the last number of the line above, differs from it by ${formatPrecise(Math.abs(difference), 3)}: float32 rounding in the engine.`}
      </p>
    </div>
  );
}

/** "L", "L−1", … or "0" in plain text. */
export function supText(l: number, L: number): string {
  return l === 0 ? "0" : l === L ? "L" : `L−${L - l}`;
}
