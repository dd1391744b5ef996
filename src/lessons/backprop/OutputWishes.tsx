// Step "what one example asks for": the ten outputs with their targets, an arrow from each activation towards
// its target, and the push the calculus asks for, −∂C₀/∂a⁽ᴸ⁾ⱼ = −2(aⱼ − yⱼ), from the engine's trace.
import { argmax, type Trace } from "../../engine/network.ts";
import { Num } from "../views/Num.tsx";
import { outputWishes } from "./nudges.ts";

export function OutputWishes({ trace }: { trace: Trace }) {
  const wishes = outputWishes(trace);
  const answer = argmax(trace.a.at(-1)!);
  const pct = (v: number) => `${100 * Math.min(1, Math.max(0, v))}%`;
  return (
    <div className="output-wishes">
      <ol className="wish-list" aria-label="Output activations and their wished nudges, digits 0 to 9">
        <li className="wish head" aria-hidden="true">
          <span />
          <span className="hint">activation and target</span>
          <span className="hint">a</span>
          <span className="hint">wished nudge</span>
        </li>
        {wishes.map(({ j, a, y, nudge }) => (
          <li key={j} className={`wish${y === 1 ? " wanted" : ""}${j === answer ? " answer" : ""}`}>
            <span className="digit">{j}</span>
            <span className="track">
              <span className="fill" style={{ width: pct(a) }} />
              <span className="target" style={{ left: pct(y) }} />
              <span
                className={nudge >= 0 ? "arrow up" : "arrow down"}
                style={{ left: pct(Math.min(a, y)), width: pct(Math.abs(y - a)) }}
              />
            </span>
            <Num term={`output-${j}`} value={a} digits={3} />
            <span className={nudge >= 0 ? "nudge up" : "nudge down"}>
              <span aria-hidden="true">{nudge >= 0 ? "↑" : "↓"}</span>{" "}
              <Num term={`output-nudge-${j}`} value={nudge} digits={3} precise signed />
            </span>
          </li>
        ))}
      </ol>
      <p className="hint">
        Yellow marks are the targets y. Each arrow runs from the activation to its target; the wished nudge is
        twice its length, with the sign saying which way. The cost of this example is C<sub>0</sub> ={" "}
        <Num term="cost" value={trace.cost} digits={4} precise />.
      </p>
    </div>
  );
}
