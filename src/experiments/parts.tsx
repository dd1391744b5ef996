// Small views the experiments share: a greyscale image and a weight heatmap on their own canvases, a network's
// top outputs as text, the seed's control, and the loading / error states of a result.
import { useEffect, useRef, useState, type ChangeEvent, type ReactNode } from "react";
import type { Output } from "../engine/analysis.ts";
import { MNIST_PIXELS, MNIST_SIDE } from "../engine/mnist.ts";
import { paintHeatmap } from "../render/heatmap.ts";
import { paintGrayscale } from "../render/pad.ts";
import { formatValue } from "../render/theme.ts";
import type { Resource } from "./data.tsx";
import { MAX_SEED, parseSeed } from "./url.ts";

/** A w×h greyscale image (white ink on black), `values[y·width + x]` in 0…max, shown `size` CSS px wide. */
export function GrayImage({
  values,
  width = MNIST_SIDE,
  height = MNIST_SIDE,
  max = 1,
  size,
  label,
  className,
}: {
  values: ArrayLike<number>;
  width?: number;
  height?: number;
  max?: number;
  size: number;
  label: string;
  className?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext("2d");
    if (ctx) paintGrayscale(ctx, values, width, height, max);
  }, [values, width, height, max]);
  return (
    <canvas
      ref={ref}
      className={`pixels${className ? ` ${className}` : ""}`}
      width={width}
      height={height}
      role="img"
      aria-label={label}
      style={{ width: size, height: (size * height) / width }}
    />
  );
}

/** MNIST test image i (bytes 0…255) as a GrayImage. */
export function TestImage({
  pixels,
  index,
  size,
  label,
}: {
  pixels: Uint8Array;
  index: number;
  size: number;
  label: string;
}) {
  return (
    <GrayImage
      values={pixels.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS)}
      max={255}
      size={size}
      label={label}
    />
  );
}

/**
 * One neuron's 784 incoming weights as a 28×28 heatmap on the symmetric scale ±scale (blue +, red −):
 * weights[offset + k] is the weight from pixel k.
 */
export function Heatmap({
  weights,
  offset,
  scale,
  size,
  label,
}: {
  weights: Float32Array;
  offset: number;
  scale: number;
  size: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext("2d");
    if (!ctx) return;
    const image = ctx.createImageData(MNIST_SIDE, MNIST_SIDE);
    paintHeatmap(image, weights, scale, { offset, length: MNIST_PIXELS });
    ctx.putImageData(image, 0, 0);
  }, [weights, offset, scale]);
  return (
    <canvas
      ref={ref}
      className="pixels heatmap"
      width={MNIST_SIDE}
      height={MNIST_SIDE}
      role="img"
      aria-label={label}
      style={{ width: size, height: size }}
    />
  );
}

/** "7 0.93 · 9 0.05 · 4 0.01": outputs by digit and activation, the first highlighted. */
export function OutputList({ outputs }: { outputs: readonly Output[] }) {
  return (
    <span className="outputs num">
      {outputs.map(({ digit, value }, i) => (
        <span key={digit} className={i === 0 ? "top" : undefined} data-digit={digit} data-value={value}>
          {digit}&nbsp;{formatValue(value, 2)}
        </span>
      ))}
    </span>
  );
}

/** A confidence 0…1 as a whole percentage: "93 %". */
export function formatConfidence(c: number): string {
  return `${Math.round(100 * c)}\u202f%`;
}

/** `children(value)` once a result is ready; before that a status line, or the error as an alert. */
export function Loaded<T>({
  resource,
  what,
  children,
}: {
  resource: Resource<T>;
  what: string;
  children: (value: T) => ReactNode;
}) {
  if (resource.status === "ready") return children(resource.value);
  if (resource.status === "error")
    return (
      <div className="notice error" role="alert">
        <p>{resource.message}</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  return (
    <div className="loading-line" role="status">
      <progress aria-label={what} />
      <span>{what}…</span>
    </div>
  );
}

/**
 * A seed being typed: the text shown (the seed again whenever it changes from outside: Next seed, the URL),
 * whether it is a valid seed, and the input's change handler, which passes on only valid seeds.
 */
export function useSeedText(seed: number, onSeed: (seed: number) => void) {
  const [text, setText] = useState(String(seed));
  const [shown, setShown] = useState(seed);
  if (shown !== seed) {
    setShown(seed);
    setText(String(seed));
  }
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    setText(e.target.value);
    const n = parseSeed(e.target.value);
    if (n !== null) onSeed(n);
  };
  return { text, valid: parseSeed(text) !== null, onChange };
}

/** The page's seed: typed (taken once it is a valid seed) or the next one. */
export function SeedControl({ seed, onSeed }: { seed: number; onSeed: (seed: number) => void }) {
  const { text, valid, onChange } = useSeedText(seed, onSeed);
  return (
    <div className="seed-control">
      <label>
        Seed{" "}
        <input
          type="number"
          className="num"
          min={0}
          max={MAX_SEED}
          step={1}
          value={text}
          aria-invalid={!valid}
          onChange={onChange}
        />
      </label>
      <button type="button" onClick={() => onSeed(seed >= MAX_SEED ? 0 : seed + 1)}>
        Next seed
      </button>
      {valid ? null : <span className="hint">A seed is a whole number from 0 to 4,294,967,295.</span>}
    </div>
  );
}
