// Step "the input layer": the image as side × side activations, each readable by pointing at it.
import { formatCount } from "../../render/format.ts";
import { Count, Num } from "../views/Num.tsx";
import { activationColor, PixelGrid } from "../views/PixelGrid.tsx";
import { pixelName, type NeuronFocus } from "./focus.ts";

export function InputLayer({
  focus,
  hovered,
  onHover,
}: {
  focus: NeuronFocus;
  hovered: number | null;
  onHover: (k: number | null) => void;
}) {
  const { a0, side } = focus;
  let ink = 0;
  for (let k = 0; k < a0.length; k++) if (a0[k]! > 0) ink++;
  return (
    <div className="input-layer">
      <PixelGrid
        values={a0}
        side={side}
        cell={11}
        color={activationColor}
        label={`The input image as ${side} × ${side} activations`}
        hovered={hovered}
        onHover={onHover}
      />
      <div className="side-notes">
        <p className="readout" aria-live="polite">
          {hovered === null ? (
            <span className="hint">Point at a pixel to read its activation.</span>
          ) : (
            <>
              Input neuron <span className="num">{hovered}</span> ({pixelName(hovered, side)}):{" "}
              <span className="sym">
                a<sup>(0)</sup>
                <sub>{hovered}</sub>
              </span>{" "}
              = <Num term="a0" value={a0[hovered]!} />
            </>
          )}
        </p>
        <p>
          <span className="num">{formatCount(a0.length)}</span> input neurons;{" "}
          <Count term="ink-count" value={ink} /> of them hold ink (activation above 0), the rest are 0.
        </p>
        <div className="activation-scale" aria-hidden="true">
          <span>0</span>
          <span className="scale-gradient" />
          <span>1</span>
        </div>
      </div>
    </div>
  );
}
