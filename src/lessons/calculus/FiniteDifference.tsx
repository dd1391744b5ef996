// Step "checking with a small nudge": (C₀(p + h) − C₀(p − h)) / 2h on a float64 copy of the network (the engine's
// costOf), beside backpropagation's ∂C₀/∂p from the trace, with their relative difference, for a chosen h and for
// a range of h.
import { useMemo } from "react";
import type { ParamRef } from "../../engine/experiments.ts";
import type { Network, Trace } from "../../engine/network.ts";
import { gradientAt, paramTex } from "../backprop/nudges.ts";
import { tex, texValue } from "../tex.ts";
import { TexMath } from "../TexMath.tsx";
import { Num } from "../views/Num.tsx";
import { finiteDifference, float64Copy, powerOfTen, relativeDifference, STEP_SIZES } from "./chain.ts";

export function FiniteDifference({
  net,
  trace,
  p,
  hIndex,
  onH,
}: {
  net: Network<Float32Array>;
  trace: Trace;
  p: ParamRef;
  hIndex: number;
  onH: (i: number) => void;
}) {
  const net64 = useMemo(() => float64Copy(net), [net]);
  const x = trace.a[0]!;
  const analytic = gradientAt(trace, p);
  const rows = useMemo(
    () =>
      STEP_SIZES.map((h) => {
        const fd = finiteDifference(net64, x, trace.y, p, h);
        return { ...fd, difference: relativeDifference(analytic, fd.estimate) };
      }),
    [net64, x, trace.y, p, analytic],
  );
  const chosen = rows[hIndex]!;
  const name = paramTex(net.spec, p);
  return (
    <div className="finite-difference">
      <label className="picker">
        <span>Step h</span>
        <select value={hIndex} onChange={(e) => onH(Number(e.currentTarget.value))}>
          {STEP_SIZES.map((h, i) => (
            <option key={i} value={i}>
              {powerOfTen(h)}
            </option>
          ))}
        </select>
      </label>
      <TexMath
        display
        tex={tex`\begin{aligned} & \frac{C_0(${name} + h) - C_0(${name} - h)}{2h} \\ &= \frac{${texValue("fd-cost-plus", chosen.plus, 9)} - ${texValue("fd-cost-minus", chosen.minus, 9)}}{2 \times ${texValue("fd-h", chosen.h, 2, true)}} \\ &= ${texValue("fd-estimate", chosen.estimate, 7, true)} \end{aligned}`}
      />
      <TexMath
        display
        tex={tex`\text{backpropagation: } \frac{\partial C_0}{\partial ${name}} = ${texValue("fd-analytic", analytic, 7, true)}`}
      />
      <p className="fd-verdict">
        Relative difference |backprop − estimate| / √(backprop² + estimate²) ={" "}
        <Num term="fd-relative-difference" value={chosen.difference} digits={2} precise />
      </p>
      <StepsTable rows={rows} hIndex={hIndex} />
      <p className="hint">
        Large steps measure the slope of a chord rather than the tangent; tiny ones subtract two costs that
        agree in almost every digit, so rounding dominates. The engine&apos;s derivative is computed in
        float32, which limits the agreement to about six or seven digits at best.
      </p>
    </div>
  );
}

/** The estimate and its relative difference for every step size h, the chosen one marked. */
function StepsTable({
  rows,
  hIndex,
}: {
  rows: readonly { h: number; estimate: number; difference: number }[];
  hIndex: number;
}) {
  return (
    <table className="lever-table fd-table">
      <caption>The estimate for each step size h</caption>
      <thead>
        <tr>
          <th scope="col">h</th>
          <th scope="col">estimate</th>
          <th scope="col">relative difference</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className={i === hIndex ? "chosen" : undefined}>
            <th scope="row">{powerOfTen(r.h)}</th>
            <td>
              <Num term={`fd-row-estimate-${i}`} value={r.estimate} digits={7} precise signed />
            </td>
            <td>
              <Num term={`fd-row-difference-${i}`} value={r.difference} digits={2} precise />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
