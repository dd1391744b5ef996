// Step "back to the first hidden layer": every layer's wished nudges −∂C₀/∂a⁽ˡ⁾ side by side, from the output
// back to layer 1, and one first-layer neuron's wished weight changes −a⁽⁰⁾ₖ δ⁽¹⁾ⱼ drawn as a 28 × 28 picture.
import { useMemo } from "react";
import { depth, type Network, type Trace } from "../../engine/network.ts";
import { maxAbs } from "../../render/heatmap.ts";
import { weightColor } from "../../render/theme.ts";
import { Num } from "../views/Num.tsx";
import { activationColor, PixelGrid } from "../views/PixelGrid.tsx";
import { DivergingBars } from "./DivergingBars.tsx";

const ignore = () => {};

/** "L", "L−1", "L−2" … in plain text. */
function supText(l: number, L: number): string {
  return l === L ? "L" : `L−${L - l}`;
}

export function Backwards({
  net,
  trace,
  j1,
  onChoose,
  side,
}: {
  net: Network<Float32Array>;
  trace: Trace<Float32Array>;
  /** The chosen neuron of layer 1. */
  j1: number;
  onChoose: (j: number) => void;
  side: number;
}) {
  const L = depth(net.spec);
  const nIn = net.spec.sizes[0]!;
  const layers = Array.from({ length: L }, (_, i) => i + 1);
  const weightNudges = useMemo(
    () => Float64Array.from(trace.dw[1]!.subarray(j1 * nIn, (j1 + 1) * nIn), (g) => -g),
    [trace, j1, nIn],
  );
  const color = useMemo(() => {
    const scale = maxAbs(weightNudges);
    return (v: number) => weightColor(v, scale);
  }, [weightNudges]);
  return (
    <div className="backwards">
      <div className="layer-columns">
        {layers.map((l) => (
          <LayerColumn key={l} l={l} L={L} trace={trace} {...(l === 1 ? { j1, onChoose } : {})} />
        ))}
        <p className="flow hint" aria-hidden="true">
          ← computed in this direction
        </p>
      </div>
      <div className="first-layer">
        <figure>
          <PixelGrid
            values={trace.a[0]!}
            side={side}
            cell={5}
            color={activationColor}
            label="The input image"
            hovered={null}
            onHover={ignore}
          />
          <figcaption>the pixels a⁽⁰⁾</figcaption>
        </figure>
        <figure>
          <PixelGrid
            values={weightNudges}
            side={side}
            cell={5}
            color={color}
            label={`Wished changes of the ${nIn} weights into neuron ${j1} of layer 1`}
            hovered={null}
            onHover={ignore}
          />
          <figcaption>−∂C₀/∂w into layer-1 neuron {j1}</figcaption>
        </figure>
        <p>
          Neuron {j1} of layer 1 has δ ={" "}
          <Num term="delta1" value={trace.delta[1]![j1]!} digits={4} precise signed />. Each of its weights is
          wished to change by −a⁽⁰⁾ₖ times that: the inked pixels light up in one colour, and the blank ones,
          with activation 0, ask for nothing. Choose another neuron in the layer 1 column.
        </p>
      </div>
    </div>
  );
}

/** Layer l's wished activation nudges −∂C₀/∂a as bars; with `j1` and `onChoose` (layer 1) one can be chosen. */
function LayerColumn({
  l,
  L,
  trace,
  j1,
  onChoose,
}: {
  l: number;
  L: number;
  trace: Trace<Float32Array>;
  j1?: number;
  onChoose?: (j: number) => void;
}) {
  return (
    <section aria-label={`Wished nudges of layer ${l}`} className="layer-column">
      <h3>
        layer {supText(l, L)}
        {l === L ? " (output)" : l === 1 ? " (first hidden)" : ""}
      </h3>
      <p className="hint">
        −∂C₀/∂a<sup>({supText(l, L)})</sup>
      </p>
      <DivergingBars
        values={Float64Array.from(trace.dCda[l]!, (g) => -g)}
        term={`nudge-a${l}`}
        label={`Wished nudge of each neuron of layer ${l}`}
        {...(j1 !== undefined && onChoose ? { chosen: j1, onChoose } : {})}
        digits={4}
      />
    </section>
  );
}
