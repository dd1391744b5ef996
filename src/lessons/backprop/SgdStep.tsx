// Step "taking the step": the lab applies one SGD step with the chosen η to the checkpoint on the mini-batch of
// the table, and reports the batch's cost before and after, and each image's.
import type { BatchTrace } from "../../engine/network.ts";
import { formatFixed } from "../../render/format.ts";
import type { LessonExample } from "../example.ts";
import { Num } from "../views/Num.tsx";
import { Digit } from "./Digit.tsx";

/** The learning rates offered; 1.5 is what the checkpoint was trained with. */
export const ETAS = [0.03, 0.1, 0.3, 1, 1.5, 3, 10, 30] as const;
export const DEFAULT_ETA_INDEX = 4;

/** What the step produced: the lab's costs of the batch before and after, and each image's after. */
export interface StepResult {
  readonly before: number;
  readonly after: number;
  readonly costsAfter: readonly number[];
}

export function EtaControl({ index, onChange }: { index: number; onChange: (index: number) => void }) {
  const eta = ETAS[index]!;
  return (
    <label className="eta-control">
      <span>Learning rate η</span>
      <input
        type="range"
        min={0}
        max={ETAS.length - 1}
        step={1}
        value={index}
        aria-valuetext={`η = ${eta}`}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
      <output className="num">η = {eta}</output>
    </label>
  );
}

export function SgdStep({
  batch,
  bt,
  step,
  eta,
}: {
  batch: readonly LessonExample[];
  /** The batch's traces before the step (the table's). */
  bt: BatchTrace;
  /** The step's result, or null while the lab works. */
  step: StepResult | null;
  eta: number;
}) {
  const width = (c: number) => `${(100 * c) / Math.max(bt.cost, step?.after ?? 0, 1e-12)}%`;
  return (
    <div className="sgd-step">
      <div className="cost-before-after" aria-live="polite">
        <div className="cost-row">
          <span>before</span>
          <span className="track">
            <span className="fill before" style={{ width: width(bt.cost) }} />
          </span>
          <Num term="batch-cost-before" value={step?.before ?? bt.cost} digits={4} precise />
        </div>
        <div className="cost-row">
          <span>after</span>
          <span className="track">
            {step ? <span className="fill after" style={{ width: width(step.after) }} /> : null}
          </span>
          {step ? (
            <Num term="batch-cost-after" value={step.after} digits={4} precise />
          ) : (
            <span className="hint" role="status">
              stepping…
            </span>
          )}
        </div>
        <p className="hint">
          The average cost C of the {batch.length} images, before and after one step with η = {eta} (the same
          network and images as the table).
          {step
            ? step.after < step.before
              ? ` It fell by ${formatFixed((100 * (step.before - step.after)) / step.before, 1)} %.`
              : " It rose: this step overshot."
            : ""}
        </p>
      </div>
      <CostsTable batch={batch} bt={bt} step={step} />
    </div>
  );
}

/** Each image of the batch with its cost C₀ before the step and, once stepped, after it. */
function CostsTable({
  batch,
  bt,
  step,
}: {
  batch: readonly LessonExample[];
  bt: BatchTrace;
  step: StepResult | null;
}) {
  return (
    <table className="step-table">
      <caption>Each image's cost C₀ before and after the step</caption>
      <thead>
        <tr>
          <th scope="col">image</th>
          <th scope="col">before</th>
          <th scope="col">after</th>
          <th scope="col">
            <span className="visually-hidden">change</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {batch.map((e, i) => {
          const before = bt.examples[i]!.cost;
          const after = step?.costsAfter[i];
          return (
            <tr key={e.key}>
              <th scope="row">
                <Digit example={e} cell={1} />
                <span className="hint">a {e.label}</span>
              </th>
              <td>
                <Num term={`cost-before-${i}`} value={before} digits={4} precise />
              </td>
              <td>
                {after === undefined ? (
                  "…"
                ) : (
                  <Num term={`cost-after-${i}`} value={after} digits={4} precise />
                )}
              </td>
              <td className={after === undefined ? "" : after <= before ? "better" : "worse"}>
                {after === undefined ? "" : after <= before ? "better" : "worse"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
