// The chain rule as a nudge travelling along the path: Δw → Δz → Δa → ΔC, each link appearing in turn (at once
// under reduced motion) with its number — every factor the engine's (chainOf), the nudge Δw a small 0.001.
import type { ParamRef } from "../../engine/experiments.ts";
import type { Network, Trace } from "../../engine/network.ts";
import { Num } from "../views/Num.tsx";
import { chainOf } from "./chain.ts";

/** The nudge given to the parameter. */
export const CHAIN_NUDGE = 0.001;

/** Δz, Δa and ΔC for a nudge h of parameter p, to first order: each the one before times its factor. */
export function chainNudges(net: Network, trace: Trace, p: ParamRef, h = CHAIN_NUDGE) {
  const c = chainOf(net, trace, p);
  const dz = c.dzdp * h;
  const da = c.dadz * dz;
  const dc = c.dCda * da;
  return { dw: h, dz, da, dc, factors: [c.dzdp, c.dadz, c.dCda] as const };
}

export function ChainNudge({ net, trace, p }: { net: Network; trace: Trace; p: ParamRef }) {
  const n = chainNudges(net, trace, p);
  const what = p.kind === "w" ? "w" : "b";
  const links = [
    {
      term: "nudge-dz",
      name: "Δz",
      factor: n.factors[0],
      factorName: p.kind === "w" ? "a⁽ᴸ⁻¹⁾" : "1",
      value: n.dz,
    },
    { term: "nudge-da", name: "Δa", factor: n.factors[1], factorName: "σ′(z)", value: n.da },
    { term: "nudge-dc", name: "ΔC₀", factor: n.factors[2], factorName: "∂C₀/∂a", value: n.dc },
  ];
  return (
    <ol className="chain-nudge" aria-label={`A nudge of ${what} travelling to the cost`}>
      <li style={{ animationDelay: "0ms" }}>
        <span className="link-name">Δ{what}</span> = <Num term="nudge-dw" value={n.dw} digits={3} signed />
      </li>
      {links.map((link, i) => (
        <li key={link.term} style={{ animationDelay: `${(i + 1) * 600}ms` }}>
          <span className="arrow" aria-hidden="true">
            → ×{link.factorName}
          </span>{" "}
          <span className="link-name">{link.name}</span> ={" "}
          <Num term={link.term} value={link.value} digits={6} signed />
        </li>
      ))}
    </ol>
  );
}
