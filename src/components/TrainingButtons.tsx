// The training buttons: play/pause, step a mini-batch or an epoch, reset to new random weights, and reset to
// the defaults (forgetting the work saved in this browser); and how fast Play goes. They send commands through
// the store.
import { useId } from "react";
import { PACES, type Pace } from "../worker/training/pace.ts";
import { useApp, useAppStore, useSavedWork } from "./context.tsx";

/** "Full speed", "2 mini-batches a second", "1 mini-batch every 2 s". */
export function paceText(pace: Pace): string {
  if (pace === null) return "Full speed";
  if (pace < 1) return `1 mini-batch every ${1 / pace} s`;
  return `${pace} mini-batch${pace === 1 ? "" : "es"} a second`;
}

/** How fast Play trains: full speed, or slowly enough to follow one mini-batch at a time. */
export function PaceControl() {
  const store = useAppStore();
  const pace = useApp((s) => s.pace);
  const id = useId();
  const options: Pace[] = [null, ...[...PACES].reverse()];
  return (
    <div className="control pace-control">
      <label htmlFor={id}>Speed</label>
      <select
        id={id}
        value={pace === null ? "full" : String(pace)}
        onChange={(e) => store.getState().setPace(e.target.value === "full" ? null : Number(e.target.value))}
      >
        {options.map((p) => (
          <option key={String(p)} value={p === null ? "full" : String(p)}>
            {paceText(p)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The buttons the URL's `hide=` leaves: "play", "step" and "reset" (which takes "Reset to defaults" with it). */
export function TrainingButtons() {
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
  const saved = useSavedWork();
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
