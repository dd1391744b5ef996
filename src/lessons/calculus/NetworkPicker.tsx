// The network 784-16-16-10 as a compact diagram to choose a parameter from: a connection is its weight, a neuron
// its bias; the 784 inputs are summarised by the image (click a pixel for a first-layer weight). The diagram takes
// the arrow keys when focused, and a picker of kind, layer, row and column is the accessible fallback.
import { memo, useMemo, type KeyboardEvent, type MouseEvent } from "react";
import type { ParamRef } from "../../engine/experiments.ts";
import { depth, type Network, type NetworkSpec, type Trace } from "../../engine/network.ts";
import { maxAbs } from "../../render/heatmap.ts";
import { activationFill, weightColor } from "../../render/theme.ts";
import { argmaxAbs, paramTex, paramWords, rowCol } from "../backprop/nudges.ts";
import { TexMath } from "../TexMath.tsx";
import { NumberPicker } from "../views/NumberPicker.tsx";
import { paramAt } from "./chain.ts";

const W = 400;
const H = 330;
const TOP = 20;
const THUMB = 70;
const INPUT_X = 4;
const COLUMN_X = [0, 140, 240, 340];

/** Where neuron i of a layer of n sits: columns spaced over W, rows centred, at most 20 px apart. */
function layout(sizes: readonly number[]) {
  const L = sizes.length - 1;
  const x = (l: number) => COLUMN_X[l] ?? 140 + ((W - 60 - 140) * (l - 1)) / Math.max(1, L - 1);
  const pitch = (n: number) => Math.min(28, (H - 2 * TOP) / Math.max(1, n - 1));
  const y = (l: number, i: number) => {
    const n = sizes[l]!;
    return H / 2 + (i - (n - 1) / 2) * pitch(n);
  };
  return { x, y, L };
}

/** The drawn connections of layers 2 … L, memoised: they change only with the network. */
const Edges = memo(function Edges({
  net,
  onPick,
}: {
  net: Network<Float32Array>;
  onPick: (p: ParamRef) => void;
}) {
  const { sizes } = net.spec;
  const { x, y, L } = layout(sizes);
  const lines = [];
  for (let l = 2; l <= L; l++) {
    const nIn = sizes[l - 1]!;
    const wl = net.w[l]!;
    const scale = maxAbs(wl);
    for (let j = 0; j < sizes[l]!; j++)
      for (let k = 0; k < nIn; k++) {
        const i = j * nIn + k;
        const pick = () => onPick({ kind: "w", layer: l, index: i });
        lines.push(
          <g key={`${l}-${i}`} className="edge" onClick={pick}>
            <line
              x1={x(l - 1)}
              y1={y(l - 1, k)}
              x2={x(l)}
              y2={y(l, j)}
              stroke={weightColor(wl[i]!, scale)}
              strokeWidth={1}
            />
            <line className="hit" x1={x(l - 1)} y1={y(l - 1, k)} x2={x(l)} y2={y(l, j)} />
          </g>,
        );
      }
  }
  return <g className="edges">{lines}</g>;
});

/** The input image's thumbnail: its side in pixels, a pixel's size and the thumbnail's top. */
function thumbGeometry(sizes: readonly number[]) {
  const side = Math.round(Math.sqrt(sizes[0]!));
  return { side, cell: THUMB / side, thumbY: H / 2 - THUMB / 2 };
}

export function NetworkPicker({
  net,
  trace,
  value,
  onChange,
  paths = null,
}: {
  net: Network<Float32Array>;
  trace: Trace<Float32Array>;
  value: ParamRef;
  onChange: (p: ParamRef) => void;
  /** Neuron k of layer `layer` whose paths to every neuron of the next layer the step is about, or null. */
  paths?: { readonly layer: number; readonly k: number } | null;
}) {
  const { spec } = net;
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const next = keyMove(spec, value, e.key);
    if (!next || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    onChange(next);
  };
  return (
    <div className="network-picker">
      <svg
        className="network-diagram"
        width={W}
        height={H}
        role="group"
        tabIndex={0}
        aria-label="Network diagram: click a connection for its weight or a neuron for its bias. Arrow keys move the selection, Page Up and Page Down change layer, B and W switch between bias and weight."
        onKeyDown={onKey}
      >
        <InputThumb net={net} trace={trace} value={value} onChange={onChange} />
        <Edges net={net} onPick={onChange} />
        {paths ? <Paths spec={spec} from={paths} /> : null}
        <Selection spec={spec} value={value} />
        <Neurons net={net} trace={trace} value={value} onChange={onChange} />
      </svg>
      <ParamPicker net={net} value={value} onChange={onChange} />
    </div>
  );
}

/** The input image as a thumbnail (a click on a pixel picks its weight into layer 1) and its edges to layer 1. */
function InputThumb({
  net,
  trace,
  value,
  onChange,
}: {
  net: Network<Float32Array>;
  trace: Trace<Float32Array>;
  value: ParamRef;
  onChange: (p: ParamRef) => void;
}) {
  const { spec } = net;
  const { sizes } = spec;
  const { x, y } = layout(sizes);
  const { side, cell, thumbY } = thumbGeometry(sizes);
  const { j, k } = rowCol(spec, value);
  const pixels = useMemo(() => {
    const a0 = trace.a[0]!;
    const out = [];
    for (let i = 0; i < a0.length; i++)
      if (a0[i]! > 0)
        out.push(
          <rect
            key={i}
            x={INPUT_X + (i % side) * cell}
            y={thumbY + Math.floor(i / side) * cell}
            width={cell}
            height={cell}
            fill={activationFill(a0[i]!)}
          />,
        );
    return out;
  }, [trace, side, cell, thumbY]);

  const pixelAt = (px: number, py: number): number | null => {
    const c = Math.floor((px - INPUT_X) / cell);
    const r = Math.floor((py - thumbY) / cell);
    return c >= 0 && c < side && r >= 0 && r < side ? r * side + c : null;
  };
  const pickPixel = (e: MouseEvent<SVGRectElement>) => {
    const svg = e.currentTarget.ownerSVGElement;
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    const kk = pixelAt(e.clientX - box.left, e.clientY - box.top);
    if (kk === null) return;
    const jj = value.layer === 1 ? j : argmaxAbs(trace.delta[1]!);
    onChange(paramAt(spec, "w", 1, jj, kk));
  };
  return (
    <>
      <rect x={INPUT_X} y={thumbY} width={THUMB} height={THUMB} className="thumb-back" />
      <g className="thumb">{pixels}</g>
      <rect x={INPUT_X} y={thumbY} width={THUMB} height={THUMB} className="thumb-hit" onClick={pickPixel}>
        <title>784 input neurons: click a pixel for its weight into layer 1</title>
      </rect>
      {Array.from({ length: sizes[1]! }, (_, i) => (
        <line
          key={i}
          className="input-edge"
          x1={INPUT_X + THUMB}
          y1={H / 2}
          x2={x(1)}
          y2={y(1, i)}
          onClick={() =>
            onChange(
              paramAt(spec, "w", 1, i, value.layer === 1 && value.kind === "w" ? k : argmaxAbs(trace.a[0]!)),
            )
          }
        />
      ))}
    </>
  );
}

/** The connections from one neuron to every neuron of the next layer: the paths a sum over them adds up. */
function Paths({ spec, from }: { spec: NetworkSpec; from: { readonly layer: number; readonly k: number } }) {
  const { x, y } = layout(spec.sizes);
  const next = from.layer + 1;
  return (
    <g className="paths">
      {Array.from({ length: spec.sizes[next] ?? 0 }, (_, j) => (
        <line
          key={j}
          className="path"
          x1={x(from.layer)}
          y1={y(from.layer, from.k)}
          x2={x(next)}
          y2={y(next, j)}
        />
      ))}
    </g>
  );
}

/** The selected weight's connection, drawn over everything (nothing for a bias: its neuron is marked). */
function Selection({ spec, value }: { spec: NetworkSpec; value: ParamRef }) {
  if (value.kind !== "w") return null;
  const { x, y } = layout(spec.sizes);
  const { side, cell, thumbY } = thumbGeometry(spec.sizes);
  const { j, k } = rowCol(spec, value);
  return value.layer === 1 ? (
    <line
      className="selected"
      x1={INPUT_X + (k % side) * cell + cell / 2}
      y1={thumbY + Math.floor(k / side) * cell + cell / 2}
      x2={x(1)}
      y2={y(1, j)}
    />
  ) : (
    <line
      className="selected"
      x1={x(value.layer - 1)}
      y1={y(value.layer - 1, k)}
      x2={x(value.layer)}
      y2={y(value.layer, j)}
    />
  );
}

/** The parameter a key moves the selection to: arrows along the row or column, Page Up/Down across layers, B and W
 * between bias and weight; null for any other key. */
function keyMove(spec: NetworkSpec, value: ParamRef, key: string): ParamRef | null {
  const { j, k } = rowCol(spec, value);
  const move: Record<string, () => ParamRef> = {
    ArrowUp: () => paramAt(spec, value.kind, value.layer, j - 1, k),
    ArrowDown: () => paramAt(spec, value.kind, value.layer, j + 1, k),
    ArrowLeft: () => paramAt(spec, value.kind, value.layer, j, k - 1),
    ArrowRight: () => paramAt(spec, value.kind, value.layer, j, k + 1),
    PageUp: () => paramAt(spec, value.kind, value.layer + 1, j, k),
    PageDown: () => paramAt(spec, value.kind, value.layer - 1, j, k),
    b: () => paramAt(spec, "b", value.layer, j, k),
    w: () => paramAt(spec, "w", value.layer, j, Math.max(0, k)),
  };
  return move[key]?.() ?? null;
}

/** Every neuron of layers 1…L (a click picks its bias), the output's digits and each layer's caption. */
function Neurons({
  net,
  trace,
  value,
  onChange,
}: {
  net: Network<Float32Array>;
  trace: Trace<Float32Array>;
  value: ParamRef;
  onChange: (p: ParamRef) => void;
}) {
  const { sizes } = net.spec;
  const { x, y, L } = layout(sizes);
  const { j } = rowCol(net.spec, value);
  return (
    <>
      {sizes.slice(1).map((n, li) => {
        const l = li + 1;
        return Array.from({ length: n }, (_, i) => {
          const chosen = value.layer === l && j === i;
          return (
            <circle
              key={`${l}-${i}`}
              cx={x(l)}
              cy={y(l, i)}
              r={l === L ? 9 : 7}
              fill={activationFill(trace.a[l]![i]!)}
              className={`neuron${chosen ? (value.kind === "b" ? " chosen bias" : " chosen") : ""}`}
              onClick={() => onChange({ kind: "b", layer: l, index: i })}
            >
              <title>{`neuron ${i} of layer ${l}: click for its bias`}</title>
            </circle>
          );
        });
      })}
      {Array.from({ length: sizes[L]! }, (_, i) => (
        <text key={i} className="index" x={x(L) + 16} y={y(L, i) + 4}>
          {i}
        </text>
      ))}
      {[0, ...sizes.slice(1).map((_, i) => i + 1)].map((l) => (
        <text
          key={l}
          className="caption"
          x={l === 0 ? INPUT_X + THUMB / 2 : x(l)}
          y={H - 4}
          textAnchor="middle"
        >
          {l === 0 ? `${sizes[0]} inputs` : l === L ? "output (L)" : `layer ${l} (L−${L - l})`}
        </text>
      ))}
    </>
  );
}

/** Kind, layer, row and column as form controls: the accessible way to choose any parameter. */
function ParamPicker({
  net,
  value,
  onChange,
}: {
  net: Network<Float32Array>;
  value: ParamRef;
  onChange: (p: ParamRef) => void;
}) {
  const { spec } = net;
  const L = depth(spec);
  const { j, k } = rowCol(spec, value);
  const kk = Math.max(0, k);
  return (
    <fieldset className="param-picker">
      <legend>Parameter</legend>
      <label className="picker">
        <span>Kind</span>
        <select
          value={value.kind}
          onChange={(e) =>
            onChange(paramAt(spec, e.currentTarget.value === "b" ? "b" : "w", value.layer, j, kk))
          }
        >
          <option value="w">weight w</option>
          <option value="b">bias b</option>
        </select>
      </label>
      <label className="picker">
        <span>Layer</span>
        <select
          value={value.layer}
          onChange={(e) => onChange(paramAt(spec, value.kind, Number(e.currentTarget.value), j, kk))}
        >
          {Array.from({ length: L }, (_, i) => i + 1).map((l) => (
            <option key={l} value={l}>
              {l === L ? `${l} (output, L)` : `${l} (L−${L - l})`}
            </option>
          ))}
        </select>
      </label>
      <NumberPicker
        label="Row j"
        value={j}
        min={0}
        max={spec.sizes[value.layer]! - 1}
        onChange={(v) => onChange(paramAt(spec, value.kind, value.layer, v, kk))}
      />
      {value.kind === "w" ? (
        <NumberPicker
          label="Column k"
          value={k}
          min={0}
          max={spec.sizes[value.layer - 1]! - 1}
          onChange={(v) => onChange(paramAt(spec, "w", value.layer, j, v))}
        />
      ) : null}
      <p className="selected-param" aria-live="polite">
        <TexMath tex={paramTex(spec, value)} />: the {paramWords(spec, value)}
      </p>
    </fieldset>
  );
}
