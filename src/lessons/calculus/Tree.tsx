// Step "where one weight acts": the path from the chosen parameter to the cost — the inputs of z, then z, a and
// C₀ — with each quantity's value from the trace.
import type { ReactNode } from "react";
import type { ParamRef } from "../../engine/experiments.ts";
import { depth, type Network, type Trace } from "../../engine/network.ts";
import { rowCol } from "../backprop/nudges.ts";
import { Num } from "../views/Num.tsx";
import { supText } from "./ChainFactors.tsx";

function Node({
  name,
  children,
  active = false,
  path = false,
}: {
  name: ReactNode;
  children: ReactNode;
  /** The chosen parameter. */
  active?: boolean;
  /** On the path from the parameter to the cost. */
  path?: boolean;
}) {
  return (
    <div className={`tree-node${active ? " active" : ""}${path ? " path" : ""}`}>
      <span className="sym">{name}</span>
      <span>{children}</span>
    </div>
  );
}

/** A quantity's name: `base`, then ⁽sup⁾ and a subscript when given ("w⁽ᴸ⁾ⱼₖ"). */
function Sym({ base, sup, sub }: { base: string; sup?: string; sub?: ReactNode }) {
  return (
    <>
      {base}
      {sup === undefined ? null : <sup>({sup})</sup>}
      {sub === undefined ? null : <sub>{sub}</sub>}
    </>
  );
}

function Arrow({ children = "↓" }: { children?: string }) {
  return (
    <span className="tree-arrow" aria-hidden="true">
      {children}
    </span>
  );
}

export function Tree({ net, trace, p }: { net: Network; trace: Trace; p: ParamRef }) {
  const L = depth(net.spec);
  const l = p.layer;
  const { j, k } = rowCol(net.spec, p);
  const nIn = net.spec.sizes[l - 1]!;
  const kk = Math.max(0, k);
  const s = supText(l, L);
  const sp = supText(l - 1, L);
  const a = (
    <Node path name={<Sym base="a" sup={s} sub={j} />}>
      <Num term="tree-a" value={trace.a[l]![j]!} digits={4} />
    </Node>
  );
  return (
    <div className="tree" aria-label="How the parameter reaches the cost">
      <div className="tree-inputs">
        <Node
          active={p.kind === "w"}
          name={
            <Sym
              base="w"
              sup={s}
              sub={
                <>
                  {j},{kk}
                </>
              }
            />
          }
        >
          <Num term="tree-w" value={net.w[l]![j * nIn + kk]!} digits={4} signed />
        </Node>
        <Node name={<Sym base="a" sup={sp} sub={kk} />}>
          <Num term="tree-a-prev" value={trace.a[l - 1]![kk]!} digits={4} />
        </Node>
        <Node active={p.kind === "b"} name={<Sym base="b" sup={s} sub={j} />}>
          <Num term="tree-b" value={net.b[l]![j]!} digits={4} signed />
        </Node>
      </div>
      <Arrow />
      <Node path name={<Sym base="z" sup={s} sub={j} />}>
        <Num term="tree-z" value={trace.z[l]![j]!} digits={4} signed />
      </Node>
      <Arrow>↓ σ</Arrow>
      {l === L ? (
        <>
          <div className="tree-inputs">
            {a}
            <Node name={<Sym base="y" sub={j} />}>
              <Num term="tree-y" value={trace.y[j]!} digits={0} />
            </Node>
          </div>
          <Arrow />
        </>
      ) : (
        <>
          {a}
          <Arrow />
          <div className="tree-node muted">
            <span>
              every neuron of layer {l + 1}
              {l + 1 < L ? ", then the outputs" : " (the outputs)"}
            </span>
          </div>
          <Arrow />
        </>
      )}
      <Node path name={<Sym base="C" sub={0} />}>
        <Num term="tree-cost" value={trace.cost} digits={4} precise />
      </Node>
    </div>
  );
}
