// The hyper-parameter controls: the live learning-rate scrubber (log scale) with its schedule, the mini-batch
// size, and weight decay and momentum tucked away. Each change goes to the store's setHyper.
import { useId, useState, type ChangeEvent } from "react";
import { HYPER_RULES, type Hyper } from "../engine/hyper.ts";
import { scheduleFor, type LrSchedule } from "../engine/presets.ts";
import { formatLr } from "../render/format.ts";
import { useApp, useAppStore } from "./context.tsx";

/** The scrubber's range: η from 10⁻³ to 10 (the hyper-parameter table's bounds), on a log scale. */
export const { min: LR_MIN, max: LR_MAX } = HYPER_RULES.learningRate;
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

/** The scale's labels under the scrubber: each power of ten from LR_MIN to LR_MAX. */
const DECADES: readonly string[] = Array.from(
  { length: Math.round(Math.log10(LR_MAX / LR_MIN)) + 1 },
  (_, i) => formatLr(LR_MIN * 10 ** i),
);

const BATCH_SIZES = [1, 2, 5, 10, 20, 32, 50, 100, 250, 1000];
const WEIGHT_DECAYS = [0, 1e-5, 5e-5, 1e-4, 5e-4, 1e-3];
const MOMENTA = [0, 0.5, 0.9, 0.95, 0.99];

/** A select's choices: `list`, with the current value slotted in if it is not one of them (set by a URL). */
function choicesWith(list: readonly number[], value: number): number[] {
  return list.includes(value) ? [...list] : [...list, value].sort((a, b) => a - b);
}

/** The learning rate η, live while training runs. */
export function LearningRate() {
  const eta = useApp((s) => s.hyper.learningRate);
  const store = useAppStore();
  const id = useId();
  // The slider's position as last moved, until the worker echoes that value: key presses in quick succession
  // each step from the one before, not from an echo still on its way. The label shows the η in force.
  // `known` holds η before the first move and every η sent since: an echo of anything else (a preset, a link)
  // is a change from elsewhere, which the slider follows at once.
  const [moved, setMoved] = useState<{ position: number; known: readonly number[] } | null>(null);
  if (moved !== null && (eta === moved.known.at(-1) || !moved.known.includes(eta))) setMoved(null);
  const position = moved?.position ?? sliderFromLr(eta);
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
        value={position}
        aria-label="Learning rate"
        aria-valuetext={`η = ${formatLr(eta)}`}
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          const next = Number(e.target.value);
          const learningRate = lrFromSlider(next);
          setMoved((m) => ({ position: next, known: [...(m?.known ?? [eta]), learningRate] }));
          store.getState().setHyper({ learningRate });
        }}
      />
      <div className="scale mono" aria-hidden="true">
        {DECADES.map((d) => (
          <span key={d}>{d}</span>
        ))}
      </div>
      <Schedule eta={eta} />
    </div>
  );
}

/** "15, 22 and 27". */
function passList(after: readonly number[]): string {
  return after.length < 2 ? after.join("") : `${after.slice(0, -1).join(", ")} and ${after.at(-1)}`;
}

/** What the schedule does, in words: "Lower η ×0.3 after passes 15, 22 and 27". */
export function scheduleWords(schedule: LrSchedule): string {
  const passes = schedule.after.length === 1 ? "pass" : "passes";
  return `Lower η ×${schedule.factor} after ${passes} ${passList(schedule.after)}`;
}

/**
 * The η schedule of the network's preset (scheduleFor), on or off, and the η in force as the worker reports it
 * for the pass it is training.
 */
function Schedule({ eta }: { eta: number }) {
  const on = useApp((s) => s.hyper.lrSchedule === 1);
  const schedule = scheduleFor(useApp((s) => s.spec));
  const inForce = useApp((s) => s.stats.learningRate ?? null);
  const pass = useApp((s) => s.stats.pass ?? null);
  const store = useAppStore();
  if (!schedule) return null;
  return (
    <div className="schedule">
      <label>
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => store.getState().setHyper({ lrSchedule: e.target.checked ? 1 : 0 })}
        />
        <span>{scheduleWords(schedule)}</span>
      </label>
      <p className="hint mono" data-testid="eta-in-force">
        {inForce === null || pass === null
          ? "\u00a0"
          : on
            ? `pass ${pass}: η in force = ${formatLr(inForce)}`
            : `η stays ${formatLr(eta)} on every pass`}
      </p>
    </div>
  );
}

/** A select of one hyper-parameter's values; the choice goes to the store's setHyper. */
function HyperSelect({
  setting,
  label,
  list,
}: {
  setting: keyof Hyper;
  label: string;
  list: readonly number[];
}) {
  const value = useApp((s) => s.hyper[setting]);
  const store = useAppStore();
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => store.getState().setHyper({ [setting]: Number(e.target.value) })}
      >
        {choicesWith(list, value).map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The mini-batch size m. */
export function BatchSize() {
  return <HyperSelect setting="batchSize" label="Mini-batch size" list={BATCH_SIZES} />;
}

/** L2 weight decay λ and momentum μ: the refinements the presets use, tucked away for the curious. */
export function MoreHyper() {
  const { weightDecay, momentum } = useApp((s) => s.hyper);
  return (
    <details className="more">
      <summary>
        Weight decay λ = {weightDecay}, momentum μ = {momentum}
      </summary>
      <HyperSelect setting="weightDecay" label="Weight decay λ" list={WEIGHT_DECAYS} />
      <HyperSelect setting="momentum" label="Momentum μ" list={MOMENTA} />
    </details>
  );
}
