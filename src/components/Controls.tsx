// Training controls: play/pause, step, reset, the live learning-rate scrubber, batch size, the network's
// shape and functions, presets, and the counters. React renders these; they send commands via the store.
import { useId, type ChangeEvent } from "react";
import {
  ACTIVATIONS,
  OUTPUT_ACTIVATIONS,
  type Activation,
  type OutputActivation,
} from "../engine/activations.ts";
import { COSTS, type Cost } from "../engine/costs.ts";
import { MAX_HIDDEN_LAYERS, MAX_NEURONS, parameterCount, type NetworkSpec } from "../engine/network.ts";
import { PRESET_NAMES, PRESETS, type PresetName } from "../engine/presets.ts";
import { savedWorkControls } from "../store/savedWork.ts";
import { LR_RANGE, type ControlId } from "../store/urlState.ts";
import { useApp, useAppStore } from "./context.tsx";
import { ModelFiles } from "./ModelFiles.tsx";

/** The scrubber's range: η from 10⁻³ to 10, on a log scale. */
export const [LR_MIN, LR_MAX] = LR_RANGE;
const LR_STEPS = 1000;

/** Slider position 0…LR_STEPS ↔ η, logarithmically. */
export function lrFromSlider(pos: number): number {
  const t = pos / LR_STEPS;
  const eta = LR_MIN * Math.pow(LR_MAX / LR_MIN, t);
  // Round to 3 significant figures so the number shown is the number used.
  return Number(eta.toPrecision(3));
}
export function sliderFromLr(eta: number): number {
  const clamped = Math.min(LR_MAX, Math.max(LR_MIN, eta));
  return Math.round((Math.log(clamped / LR_MIN) / Math.log(LR_MAX / LR_MIN)) * LR_STEPS);
}

const BATCH_SIZES = [1, 2, 5, 10, 20, 32, 50, 100, 250, 1000];
const COST_LABEL: Record<Cost, string> = { mse: "squared error Σ(a − y)²", crossEntropy: "cross-entropy" };
const fmtInt = new Intl.NumberFormat("en-US");

/** η as the scrubber shows it: at most 3 significant figures, no trailing zeros (0.001, 0.0251, 1.5, 10). */
export function formatLr(eta: number): string {
  return String(Number(eta.toPrecision(3)));
}

function PlayControls() {
  const hide = useApp((s) => s.hide);
  const running = useApp((s) => s.running);
  const ready = useApp((s) => s.phase === "ready");
  const store = useAppStore();
  return (
    <div className="control-row" role="group" aria-label="Training">
      {!hide.includes("play") && (
        <button
          type="button"
          className="primary"
          onClick={() => store.getState().togglePlay()}
          disabled={!ready}
        >
          {running ? "Pause" : "Play"}
        </button>
      )}
      {!hide.includes("step") && (
        <>
          <button
            type="button"
            onClick={() => store.getState().step("batch")}
            disabled={!ready || running}
            title="Train on one mini-batch"
          >
            Step
          </button>
          <button
            type="button"
            onClick={() => store.getState().step("epoch")}
            disabled={!ready || running}
            title="Train to the end of this epoch"
          >
            Step epoch
          </button>
        </>
      )}
      {!hide.includes("reset") && (
        <button
          type="button"
          onClick={() => store.getState().reset()}
          disabled={!ready}
          title="Start again from new random weights"
        >
          Reset
        </button>
      )}
      {!hide.includes("reset") && <ResetToDefaults />}
    </div>
  );
}

/** Forgets the work saved in this browser and starts again from the pretrained model and preset settings. */
function ResetToDefaults() {
  const store = useAppStore();
  const saved = savedWorkControls(store);
  if (!saved) return null;
  return (
    <button
      type="button"
      onClick={() => void saved.resetToDefaults()}
      title="Forget the work saved in this browser: the pretrained network and the preset's settings again"
    >
      Reset to defaults
    </button>
  );
}

function LearningRate() {
  const eta = useApp((s) => s.hyper.learningRate);
  const store = useAppStore();
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>
        Learning rate <span className="value mono">η = {formatLr(eta)}</span>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={LR_STEPS}
        step={1}
        value={sliderFromLr(eta)}
        aria-label="Learning rate"
        aria-valuetext={`η = ${formatLr(eta)}`}
        onChange={(e: ChangeEvent<HTMLInputElement>) =>
          store.getState().setHyper({ learningRate: lrFromSlider(Number(e.target.value)) })
        }
      />
      <div className="scale mono" aria-hidden="true">
        <span>0.001</span>
        <span>0.01</span>
        <span>0.1</span>
        <span>1</span>
        <span>10</span>
      </div>
    </div>
  );
}

const WEIGHT_DECAYS = [0, 1e-5, 5e-5, 1e-4, 5e-4, 1e-3];
const MOMENTA = [0, 0.5, 0.9, 0.95, 0.99];

/** L2 weight decay λ and momentum μ: the refinements the presets use, tucked away for the curious. */
function MoreHyper() {
  const { weightDecay, momentum } = useApp((s) => s.hyper);
  const store = useAppStore();
  const wdId = useId();
  const muId = useId();
  const options = (list: number[], value: number) =>
    list.includes(value) ? list : [...list, value].sort((a, b) => a - b);
  return (
    <details className="more">
      <summary>
        Weight decay λ = {weightDecay}, momentum μ = {momentum}
      </summary>
      <div className="control">
        <label htmlFor={wdId}>Weight decay λ</label>
        <select
          id={wdId}
          value={weightDecay}
          onChange={(e) => store.getState().setHyper({ weightDecay: Number(e.target.value) })}
        >
          {options(WEIGHT_DECAYS, weightDecay).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor={muId}>Momentum μ</label>
        <select
          id={muId}
          value={momentum}
          onChange={(e) => store.getState().setHyper({ momentum: Number(e.target.value) })}
        >
          {options(MOMENTA, momentum).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
    </details>
  );
}

function BatchSize() {
  const batch = useApp((s) => s.hyper.batchSize);
  const store = useAppStore();
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>Mini-batch size</label>
      <select
        id={id}
        value={batch}
        onChange={(e) => store.getState().setHyper({ batchSize: Number(e.target.value) })}
      >
        {(BATCH_SIZES.includes(batch) ? BATCH_SIZES : [...BATCH_SIZES, batch].sort((a, b) => a - b)).map(
          (m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ),
        )}
      </select>
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
          <label>
            Layer {i + 1} neurons
            <input
              type="number"
              min={1}
              max={MAX_NEURONS}
              value={n}
              onChange={(e) => {
                const v = Math.round(Number(e.target.value));
                if (!Number.isFinite(v) || v < 1 || v > MAX_NEURONS) return;
                const sizes = [...hiddenSizes];
                sizes[i] = v;
                set(sizes, [...spec.hidden]);
              }}
            />
          </label>
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

function NetworkShape() {
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

function Counters() {
  const stats = useApp((s) => s.stats);
  const source = useApp((s) => s.modelSource);
  return (
    <dl className="counters mono" title="Counted since these weights were loaded or reset">
      <div>
        <dt>epoch</dt>
        <dd>{stats.epoch}</dd>
      </div>
      <div>
        <dt>examples</dt>
        <dd>{fmtInt.format(stats.examplesSeen)}</dd>
      </div>
      <div>
        <dt>speed</dt>
        <dd>
          {stats.examplesPerSecond > 0 ? `${fmtInt.format(Math.round(stats.examplesPerSecond))}/s` : "—"}
        </dd>
      </div>
      {source && (
        <div className="source">
          <dt>weights</dt>
          <dd>{source}</dd>
        </div>
      )}
    </dl>
  );
}

/** All training controls, but those the URL's `hide=` lists. */
export function Controls() {
  const hide = useApp((s) => s.hide);
  const shown = (id: ControlId) => !hide.includes(id);
  return (
    <section className="controls" aria-label="Controls">
      {(shown("play") || shown("step") || shown("reset")) && <PlayControls />}
      {shown("lr") && <LearningRate />}
      {shown("batch") && <BatchSize />}
      {shown("more") && <MoreHyper />}
      {shown("counters") && <Counters />}
      {shown("files") && <ModelFiles />}
      {(shown("preset") || shown("shape")) && <NetworkShape />}
    </section>
  );
}
