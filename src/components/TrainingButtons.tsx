// The training buttons: play/pause, step a mini-batch or an epoch, reset to new random weights, and reset to
// the defaults (forgetting the work saved in this browser). They send commands through the store.
import { useApp, useAppStore, useSavedWork } from "./context.tsx";

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
