// Step "one neuron's weighted sum": the input, the neuron's weights and their products as three pictures,
// and the largest terms wⱼₖaₖ of its sum listed with their values.
import { useMemo } from "react";
import { maxAbs } from "../../render/heatmap.ts";
import { weightColor } from "../../render/theme.ts";
import { formatCount } from "../../render/format.ts";
import { Num } from "../views/Num.tsx";
import { activationColor, PixelGrid } from "../views/PixelGrid.tsx";
import { pixelName, type NeuronFocus } from "./focus.ts";
import { contributions } from "./parts.ts";

/** Terms listed. */
const TOP = 8;

export function WeightedSum({
  focus,
  hovered,
  onHover,
}: {
  focus: NeuronFocus;
  hovered: number | null;
  onHover: (k: number | null) => void;
}) {
  const { w, a0, side, j, z, b } = focus;
  const terms = useMemo(() => contributions(w, a0), [w, a0]);
  const products = useMemo(() => Float64Array.from(w, (wk, k) => wk * a0[k]!), [w, a0]);
  const wColor = useMemo(() => {
    const scale = maxAbs(w);
    return (v: number) => weightColor(v, scale);
  }, [w]);
  const pColor = useMemo(() => {
    const scale = maxAbs(products);
    return (v: number) => weightColor(v, scale);
  }, [products]);
  const marked = useMemo(() => terms.slice(0, TOP).map((t) => t.k), [terms]);
  const grid = (values: ArrayLike<number>, color: (v: number) => string, label: string, caption: string) => (
    <figure>
      <PixelGrid
        values={values}
        side={side}
        cell={6}
        color={color}
        label={label}
        hovered={hovered}
        onHover={onHover}
        marked={marked}
      />
      <figcaption>{caption}</figcaption>
    </figure>
  );
  return (
    <div className="weighted-sum">
      <div className="grids">
        {grid(a0, activationColor, "Input activations", "inputs a⁽⁰⁾")}
        <span className="op">×</span>
        {grid(w, wColor, `Weights of neuron ${j}`, `weights of neuron ${j}`)}
        <span className="op">=</span>
        {grid(products, pColor, `Products w·a of neuron ${j}`, "products w·a")}
      </div>
      <p className="readout" aria-live="polite">
        {hovered === null ? (
          <span className="hint">Point at any of the pictures to read one pixel&apos;s term.</span>
        ) : (
          <>
            Pixel <span className="num">{hovered}</span> ({pixelName(hovered, side)}):{" "}
            <Num term="hover-w" value={w[hovered]!} signed /> × <Num term="hover-a" value={a0[hovered]!} /> ={" "}
            <Num term="hover-product" value={products[hovered]!} signed />
          </>
        )}
      </p>
      <TermsTable terms={terms} j={j} sum={z - b} />
    </div>
  );
}

/** The largest terms wⱼₖaₖ, the rest summed, and the weighted sum `sum` (the engine's z − b). */
function TermsTable({ terms, j, sum }: { terms: ReturnType<typeof contributions>; j: number; sum: number }) {
  const top = terms.slice(0, TOP);
  const rest = terms.slice(TOP);
  const restSum = rest.reduce((s, t) => s + t.product, 0);
  return (
    <table className="terms-table">
      <caption>The largest terms of neuron {j}&apos;s sum (outlined in yellow in the pictures)</caption>
      <thead>
        <tr>
          <th scope="col">pixel k</th>
          <th scope="col">
            w<sub>{j},k</sub>
          </th>
          <th scope="col">
            a<sub>k</sub>
          </th>
          <th scope="col">
            w<sub>{j},k</sub> a<sub>k</sub>
          </th>
        </tr>
      </thead>
      <tbody>
        {top.map((t, i) => (
          <tr key={t.k}>
            <td className="num">{t.k}</td>
            <td>
              <Num term={`top-w-${i}`} value={t.w} signed />
            </td>
            <td>
              <Num term={`top-a-${i}`} value={t.a} />
            </td>
            <td>
              <Num term={`contribution-${i}`} value={t.product} signed />
            </td>
          </tr>
        ))}
        {rest.length > 0 ? (
          <tr className="rest">
            <td colSpan={3}>+ the other {formatCount(rest.length)} inked pixels</td>
            <td>
              <Num term="contribution-rest" value={restSum} signed />
            </td>
          </tr>
        ) : null}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            weighted sum Σ<sub>k</sub> w<sub>{j},k</sub> a<sub>k</sub>
          </th>
          <td>
            <Num term="weighted-sum" value={sum} signed />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
