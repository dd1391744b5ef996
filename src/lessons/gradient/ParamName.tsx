// A parameter's name in the lesson's notation, w⁽ˡ⁾ⱼ,ₖ or b⁽ˡ⁾ⱼ (j the neuron it feeds, k the one it comes from),
// and a bar showing a signed nudge against the largest.
import type { NetworkSpec } from "../../engine/network.ts";
import { position, type Component } from "./nudges.ts";

export function ParamName({
  spec,
  param,
}: {
  spec: Pick<NetworkSpec, "sizes">;
  param: Pick<Component, "kind" | "layer" | "index">;
}) {
  const { j, k } = position(spec, param);
  return (
    <span className="param-name">
      <i>{param.kind}</i>
      <span className="scripts">
        <sup>({param.layer})</sup>
        <sub>{k === null ? j : `${j},${k}`}</sub>
      </span>
    </span>
  );
}

/** A bar from the middle, right (blue) for a positive nudge and left (red) for a negative one, its length the
 * nudge's share of `max`. */
export function NudgeBar({ nudge, max }: { nudge: number; max: number }) {
  const share = max > 0 ? Math.min(1, Math.abs(nudge) / max) : 0;
  return (
    <span className="nudge-bar" aria-hidden="true">
      <span
        className={nudge >= 0 ? "fill pos" : "fill neg"}
        style={
          nudge >= 0 ? { left: "50%", width: `${50 * share}%` } : { right: "50%", width: `${50 * share}%` }
        }
      />
    </span>
  );
}
