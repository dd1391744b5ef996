// Step "averaging over a batch": what each image of a mini-batch asks of the chosen parameter, −∂C₀/∂p (blue:
// raise it, red: lower it; the engine's traceBatch, on this thread: eight traces, no training), and their mean,
// minus the batch gradient's entry.
import { useMemo } from "react";
import type { ParamRef } from "../../engine/experiments.ts";
import { oneHot, traceBatch, type Network } from "../../engine/network.ts";
import type { LessonExample } from "../example.ts";
import { Digit } from "../backprop/Digit.tsx";
import { gradientAt, paramTex } from "../backprop/nudges.ts";
import { maxAbs } from "../../render/heatmap.ts";
import { tex, texNumber, texValue } from "../tex.ts";
import { TexMath } from "../TexMath.tsx";
import { verdict } from "./chain.ts";
import { Num } from "../views/Num.tsx";

/** A bar from the middle of its track, right and blue for v > 0, left and red for v < 0, |v|/scale of a half. */
function SignedBar({ value: v, scale }: { value: number; scale: number }) {
  return (
    <span className="track" aria-hidden="true">
      <span
        className={v >= 0 ? "fill pos" : "fill neg"}
        style={{
          width: `${scale > 0 ? (50 * Math.abs(v)) / scale : 0}%`,
          [v >= 0 ? "left" : "right"]: "50%",
        }}
      />
    </span>
  );
}

export function BatchAverage({
  net,
  batch,
  p,
}: {
  net: Network<Float32Array>;
  batch: readonly LessonExample[];
  p: ParamRef;
}) {
  const bt = useMemo(() => {
    const nOut = net.spec.sizes.at(-1)!;
    return traceBatch(
      net,
      batch.map((e) => ({ x: e.x, y: oneHot(e.label, nOut) })),
    );
  }, [net, batch]);
  const values = bt.examples.map((t) => gradientAt(t, p));
  const mean = gradientAt(bt.mean, p);
  const scale = maxAbs([...values, mean]);
  /** What an example asks of the parameter: minus its derivative (+0 so a zero reads "0.00000", not "−0"). */
  const wish = (v: number) => -v + 0;
  const bar = (v: number) => <SignedBar value={v} scale={scale} />;
  return (
    <div className="batch-average">
      <table className="lever-table batch-table">
        <caption>What each example of the mini-batch asks of the parameter</caption>
        <thead>
          <tr>
            <th scope="col">image</th>
            <th scope="col">wish −∂C₀/∂p</th>
            <th scope="col">
              <span className="visually-hidden">size</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {batch.map((e, i) => (
            <tr key={e.key} data-example={e.id}>
              <th scope="row">
                <Digit example={e} cell={1} />
                <span className="hint">
                  {e.short}, a {e.label}
                </span>
              </th>
              <td>
                <Num term={`batch-wish-${i}`} value={wish(values[i]!)} digits={5} precise signed />
              </td>
              <td className="bar-cell">{bar(wish(values[i]!))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">mean</th>
            <td>
              <Num term="batch-wish-mean" value={wish(mean)} digits={5} precise signed />
            </td>
            <td className="bar-cell">{bar(wish(mean))}</td>
          </tr>
        </tfoot>
      </table>
      <TexMath
        display
        tex={tex`\frac{\partial C}{\partial ${paramTex(net.spec, p)}} = \frac{1}{${texNumber(batch.length, 0)}} \sum_{i} \frac{\partial C_0^{(i)}}{\partial ${paramTex(net.spec, p)}} = ${texValue("batch-mean-tex", mean, 5, true)}`}
      />
      <p className="hint">{verdict(values)}</p>
      <p className="hint">
        The mean derivative, the entry of the mini-batch gradient:{" "}
        <Num term="batch-mean" value={mean} digits={5} precise signed />.
      </p>
    </div>
  );
}
