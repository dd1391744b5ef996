// The cost of one example as the list of its terms (aⱼ − yⱼ)², each with its value, summed into C₀ —
// every number from the engine's trace (trace.costTerms, trace.cost).
import type { Trace } from "../../engine/network.ts";
import { Num } from "../views/Num.tsx";

export function CostTerms({ trace, emphasise = false }: { trace: Trace<Float32Array>; emphasise?: boolean }) {
  const aL = trace.a.at(-1)!;
  const { y, costTerms, cost } = trace;
  return (
    <div className={emphasise ? "cost-terms emphasise" : "cost-terms"}>
      <ol className="terms" aria-label="The squared differences, digits 0 to 9">
        {Array.from(costTerms, (term, j) => (
          <li key={j} className={y[j] === 1 ? "term wanted" : "term"}>
            <span className="digit">{j}</span>
            <span className="expr">
              (<Num term={`output-${j}`} value={aL[j]!} digits={4} /> −{" "}
              <Num term={`target-${j}`} value={y[j]!} digits={0} className="target-value" />
              )²
            </span>
            <span className="eq">=</span>
            <Num term={`cost-term-${j}`} value={term} digits={4} precise />
            <span className="term-bar" aria-hidden="true">
              <span style={{ width: `${100 * Math.min(1, term)}%` }} />
            </span>
          </li>
        ))}
      </ol>
      <p className="cost-total">
        <span className="sym">
          C<sub>0</sub> = Σ<sub>j</sub> (a<sub>j</sub> − y<sub>j</sub>)² =
        </span>{" "}
        <Num term="cost" value={cost} digits={4} precise />
      </p>
      {emphasise ? (
        <div className="cost-scale" aria-hidden="true">
          <span className="track">
            <span
              className="marker"
              style={{ left: `${(100 * Math.min(cost, costTerms.length)) / costTerms.length}%` }}
            />
          </span>
          <span className="ends">
            <span>0: every output on target</span>
            <span>{costTerms.length}: every output as wrong as it can be</span>
          </span>
        </div>
      ) : null}
    </div>
  );
}
