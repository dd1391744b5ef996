// The damage to do, as controls: a button per hidden neuron to silence it, a switch per layer for its biases and
// for the weights into it, the size of the weight noise, and Reset. Each change goes out as a whole new lesion.
import type { Lesion, NeuronRef } from "../../engine/lesions.ts";
import { CHECKPOINT_SIZES, MAX_WEIGHT_NOISE } from "./params.ts";

/** Layers 1 … L by name. */
export function layerName(l: number): string {
  return l === CHECKPOINT_SIZES.length - 1 ? "the output layer" : `hidden layer ${l}`;
}

const LAYERS = Array.from({ length: CHECKPOINT_SIZES.length - 1 }, (_, i) => i + 1);
const HIDDEN = LAYERS.slice(0, -1);

/** `items` with `item` added, or removed if it was there. */
function toggled<T>(items: readonly T[], item: T, same: (a: T, b: T) => boolean): T[] {
  return items.some((x) => same(x, item)) ? items.filter((x) => !same(x, item)) : [...items, item];
}

const sameNeuron = (a: NeuronRef, b: NeuronRef) => a.layer === b.layer && a.neuron === b.neuron;

/** The lesion with neuron `n` silenced, or heard again if it was silenced. */
export function toggleNeuron(lesion: Lesion, n: NeuronRef): Lesion {
  return { ...lesion, silenced: toggled(lesion.silenced, n, sameNeuron) };
}

export function LesionControls({ lesion, onLesion }: { lesion: Lesion; onLesion: (lesion: Lesion) => void }) {
  const layerSwitch = (key: "zeroBiases" | "zeroWeights", l: number) => (
    <label key={l}>
      <input
        type="checkbox"
        checked={lesion[key].includes(l)}
        onChange={() => onLesion({ ...lesion, [key]: toggled(lesion[key], l, (a, b) => a === b).sort() })}
      />{" "}
      {layerName(l)}
    </label>
  );
  return (
    <div className="lesion-controls">
      {HIDDEN.map((l) => (
        <fieldset key={l} className="neuron-grid">
          <legend>Silence neurons of {layerName(l)}</legend>
          {Array.from({ length: CHECKPOINT_SIZES[l]! }, (_, j) => (
            <button
              key={j}
              type="button"
              className="num"
              aria-pressed={lesion.silenced.some((n) => sameNeuron(n, { layer: l, neuron: j }))}
              aria-label={`Neuron ${j} of ${layerName(l)}`}
              onClick={() => onLesion(toggleNeuron(lesion, { layer: l, neuron: j }))}
            >
              {j}
            </button>
          ))}
        </fieldset>
      ))}
      <fieldset className="layer-switches">
        <legend>Zero the biases of</legend>
        {LAYERS.map((l) => layerSwitch("zeroBiases", l))}
      </fieldset>
      <fieldset className="layer-switches">
        <legend>Zero the weights into</legend>
        {LAYERS.map((l) => layerSwitch("zeroWeights", l))}
      </fieldset>
      <label className="noise-size">
        Noise added to every weight, σ{" "}
        <input
          type="range"
          min={0}
          max={MAX_WEIGHT_NOISE}
          step={0.05}
          value={lesion.noise}
          onChange={(e) => onLesion({ ...lesion, noise: Number(e.target.value) })}
        />
        <span className="num">{lesion.noise.toFixed(2)}</span>
      </label>
    </div>
  );
}
