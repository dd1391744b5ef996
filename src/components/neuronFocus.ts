// Keyboard navigation between the network diagram's neurons and the words that describe one (a, b, z), for
// NetworkView's panel and its screen-reader announcement.
import { MNIST_CLASSES } from "../engine/mnist.ts";
import { imageSide } from "../render/heatmap.ts";
import type { NetworkFrame } from "../render/network.ts";
import { inLayout, type NetworkLayout, type NeuronRef } from "../render/networkLayout.ts";
import { formatValue } from "../render/theme.ts";

/** The neuron of layer l nearest in height to (x, y): smallest |Δy|, then smallest |Δx|. */
function nearestIn(layout: NetworkLayout, l: number, x: number, y: number): NeuronRef {
  const L = layout.layers[l]!;
  let best = 0;
  let bestDy = Infinity;
  let bestDx = Infinity;
  for (let j = 0; j < L.size; j++) {
    const dy = Math.abs(L.y[j]! - y);
    const dx = Math.abs(L.x[j]! - x);
    if (dy < bestDy - 0.5 || (dy <= bestDy + 0.5 && dx < bestDx)) {
      best = j;
      bestDy = dy;
      bestDx = dx;
    }
  }
  return { layer: l, index: best };
}

/**
 * Where a key moves the focus from `from`: Up/Down to the previous/next neuron of the layer (in the input
 * image: the pixel above/below), Left/Right to the neuron of the neighbouring layer nearest in height (in the
 * image: the pixel beside, leaving it on the right), Home/End to the layer's first/last. From no focus any of
 * these keys focuses the first hidden neuron. Null for keys that don't move.
 */
export function moveFocus(layout: NetworkLayout, from: NeuronRef | null, key: string): NeuronRef | null {
  const { layers } = layout;
  const moves = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End"];
  if (!moves.includes(key) || layers.length === 0) return null;
  if (!from || !inLayout(layout, from)) return { layer: Math.min(1, layers.length - 1), index: 0 };
  const L = layers[from.layer]!;
  const { layer: l, index: j } = from;
  const at = (index: number): NeuronRef => ({ layer: l, index });
  const x = L.x[j]!;
  const y = L.y[j]!;
  if (key === "Home") return at(0);
  if (key === "End") return at(L.size - 1);
  if (L.kind === "grid") {
    const side = L.cols;
    const col = j % side;
    switch (key) {
      case "ArrowUp":
        return at(j - side >= 0 ? j - side : j);
      case "ArrowDown":
        return at(j + side < L.size ? j + side : j);
      case "ArrowLeft":
        return at(col > 0 ? j - 1 : j);
      default:
        if (col < side - 1 && j + 1 < L.size) return at(j + 1);
        return l + 1 < layers.length ? nearestIn(layout, l + 1, x, y) : at(j);
    }
  }
  switch (key) {
    case "ArrowUp":
      return at(Math.max(0, j - 1));
    case "ArrowDown":
      return at(Math.min(L.size - 1, j + 1));
    case "ArrowLeft":
      return l > 0 ? nearestIn(layout, l - 1, x, y) : at(j);
    default:
      return l + 1 < layers.length ? nearestIn(layout, l + 1, x, y) : at(j);
  }
}

/** A neuron's name and numbers, as shown beside it and announced. */
export interface NeuronDescription {
  /** "Input pixel 406 (row 14, column 14)", "Hidden layer 1, neuron 5", "Output neuron 7 (digit 7)". */
  readonly title: string;
  /** "a = 0.832  b = −1.204  z = 1.603" (the input has only a); "—" for a number the frame lacks. */
  readonly values: string;
}

/** Describes neuron `ref` of a network with layer sizes `sizes` from the frame's probe (a, z) and biases (b). */
export function describeNeuron(
  sizes: readonly number[],
  frame: NetworkFrame | null,
  ref: NeuronRef,
): NeuronDescription {
  const { layer: l, index: j } = ref;
  const last = sizes.length - 1;
  const side = imageSide(sizes[0] ?? 0);
  const title =
    l === 0
      ? `Input pixel ${j} (row ${Math.floor(j / side)}, column ${j % side})`
      : l === last
        ? `Output neuron ${j}${sizes[l] === MNIST_CLASSES ? ` (digit ${j})` : ""}`
        : `Hidden layer ${l}, neuron ${j}`;
  const value = (array: Float32Array | undefined) =>
    array && array.length === sizes[l] ? formatValue(array[j]!) : "—";
  const a = `a = ${value(frame?.probe?.a[l])}`;
  if (l === 0) return { title, values: a };
  return {
    title,
    values: `${a}  b = ${value(frame?.weights.b[l])}  z = ${value(frame?.probe?.z[l])}`,
  };
}
