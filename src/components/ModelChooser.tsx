// Which network reads the drawing: the videos' network or the better one, one click apart. Choosing one applies
// its preset (architecture, training settings and its trained weights, store.applyPreset); the pressed button is
// the preset of the network shown.
import { PRESET_NAMES, PRESETS } from "../engine/presets.ts";

import "./firstMinute.css";
import { useApp, useAppStore } from "./context.tsx";

export function ModelChooser() {
  const store = useAppStore();
  const preset = useApp((s) => s.preset);
  const ready = useApp((s) => s.phase === "ready");
  return (
    <div className="model-chooser" role="group" aria-label="Network that reads your drawing">
      <span className="hint">Read by</span>
      {PRESET_NAMES.map((name) => (
        <button
          key={name}
          type="button"
          aria-pressed={preset === name}
          disabled={!ready}
          title={PRESETS[name].description}
          onClick={() => {
            if (store.getState().preset !== name) store.getState().applyPreset(name);
          }}
        >
          <span className="model-name">{PRESETS[name].label}</span>{" "}
          <span className="num model-shape">{PRESETS[name].spec.sizes.join("-")}</span>
        </button>
      ))}
    </div>
  );
}
