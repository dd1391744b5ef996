// The network's shape: the preset, the hidden layers (add, remove, neurons and activation of each), the output
// activation and the cost. A change starts an untrained network (the store's setSpec and applyPreset).
import { useId, useState } from "react";
import {
  ACTIVATIONS,
  OUTPUT_ACTIVATIONS,
  type Activation,
  type OutputActivation,
} from "../engine/activations.ts";
import { COSTS, type Cost } from "../engine/costs.ts";
import { MAX_HIDDEN_LAYERS, parameterCount, type NetworkSpec } from "../engine/network.ts";
import { PRESET_NAMES, PRESETS, type PresetName } from "../engine/presets.ts";
import { quoted } from "../engine/userText.ts";
import { LAYER_SIZE } from "../store/urlState.ts";
import { useApp, useAppStore } from "./context.tsx";
import { Sentence } from "./Sentence.tsx";
import "./shape.css";

const COST_LABEL: Record<Cost, string> = { mse: "squared error Σ(a − y)²", crossEntropy: "cross-entropy" };
const fmtInt = new Intl.NumberFormat("en-US");

/**
 * A layer's neuron count: typing changes nothing until Enter or leaving the field, then a valid size (read as the
 * URL's `hidden=` reads it) rebuilds the network and an invalid one is refused with a sentence; Escape puts the
 * current size back.
 */
function LayerSize({
  layer,
  value,
  onCommit,
}: {
  layer: number;
  value: number;
  onCommit: (v: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const messageId = useId();
  const commit = () => {
    if (draft === null) return;
    const v = LAYER_SIZE.parse(draft);
    setDraft(null);
    if (v === null)
      setProblem(`${quoted(draft)} is not ${LAYER_SIZE.expected}; layer ${layer} keeps ${value} neurons.`);
    else {
      setProblem(null);
      if (v !== value) onCommit(v);
    }
  };
  return (
    <div className="layer-size">
      <label>
        Layer {layer} neurons
        <input
          type="text"
          inputMode="numeric"
          size={4}
          value={draft ?? String(value)}
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : messageId}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
            if (e.key === "Escape") {
              setDraft(null);
              setProblem(null);
            }
          }}
        />
      </label>
      {problem !== null ? (
        <p className="field-problem" id={messageId} role="alert">
          <Sentence text={problem} />
        </p>
      ) : null}
    </div>
  );
}

/** Hidden layers: add, remove, and set neurons per layer (each change starts an untrained network). */
function LayerEditor({ spec, onChange }: { spec: NetworkSpec; onChange: (spec: NetworkSpec) => void }) {
  const hiddenSizes = spec.sizes.slice(1, -1);
  const set = (sizes: number[], hidden: Activation[]) =>
    onChange({ ...spec, sizes: [spec.sizes[0]!, ...sizes, spec.sizes.at(-1)!], hidden });
  return (
    <fieldset className="layers">
      <legend>Hidden layers</legend>
      {hiddenSizes.length === 0 && (
        <p className="hint">No hidden layer: pixels connect straight to the outputs.</p>
      )}
      {hiddenSizes.map((n, i) => (
        <div className="layer-row" key={i}>
          <LayerSize
            layer={i + 1}
            value={n}
            onCommit={(v) => {
              const sizes = [...hiddenSizes];
              sizes[i] = v;
              set(sizes, [...spec.hidden]);
            }}
          />
          <label>
            activation
            <select
              value={spec.hidden[i]}
              onChange={(e) => {
                const hidden = [...spec.hidden];
                hidden[i] = e.target.value as Activation;
                set(hiddenSizes, hidden);
              }}
            >
              {ACTIVATIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            aria-label={`Remove layer ${i + 1}`}
            onClick={() =>
              set(
                hiddenSizes.filter((_, k) => k !== i),
                spec.hidden.filter((_, k) => k !== i),
              )
            }
          >
            −
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={hiddenSizes.length >= MAX_HIDDEN_LAYERS}
        onClick={() => set([...hiddenSizes, 16], [...spec.hidden, spec.hidden.at(-1) ?? "sigmoid"])}
      >
        Add layer
      </button>
    </fieldset>
  );
}

/** The preset and the shape controls the URL's `hide=` leaves ("preset", "shape"). */
export function NetworkShape() {
  const hide = useApp((s) => s.hide);
  const spec = useApp((s) => s.spec);
  const preset = useApp((s) => s.preset);
  const store = useAppStore();
  const presetId = useId();
  const outId = useId();
  const costId = useId();
  const setSpec = (next: NetworkSpec) => store.getState().setSpec(next);
  return (
    <div className="shape">
      {!hide.includes("preset") && (
        <div className="control">
          <label htmlFor={presetId}>Preset</label>
          <select
            id={presetId}
            value={preset ?? ""}
            onChange={(e) => {
              if (e.target.value) store.getState().applyPreset(e.target.value as PresetName);
            }}
          >
            {preset === null && <option value="">Custom</option>}
            {PRESET_NAMES.map((name) => (
              <option key={name} value={name}>
                {PRESETS[name].label}
              </option>
            ))}
          </select>
        </div>
      )}
      {!hide.includes("shape") && (
        <>
          <LayerEditor spec={spec} onChange={setSpec} />
          <div className="control">
            <label htmlFor={outId}>Output</label>
            <select
              id={outId}
              value={spec.output}
              onChange={(e) => setSpec({ ...spec, output: e.target.value as OutputActivation })}
            >
              {OUTPUT_ACTIVATIONS.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </div>
          <div className="control">
            <label htmlFor={costId}>Cost</label>
            <select
              id={costId}
              value={spec.cost}
              onChange={(e) => setSpec({ ...spec, cost: e.target.value as Cost })}
            >
              {COSTS.map((c) => (
                <option key={c} value={c}>
                  {COST_LABEL[c]}
                </option>
              ))}
            </select>
          </div>
          <p className="hint">
            {spec.sizes.join("-")} · {fmtInt.format(parameterCount(spec))} weights and biases. Changing the
            network starts it untrained.
          </p>
        </>
      )}
    </div>
  );
}
