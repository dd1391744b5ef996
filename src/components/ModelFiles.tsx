// Networks in and out: a timeline of the shipped checkpoints of the videos' network, opening a model file, and
// saving the current weights. The worker validates every file; a bad one is reported and changes nothing.
import { useId, useRef, useState } from "react";
import { modelToJson } from "../engine/model.ts";
import type { AppStore } from "../store/appStore.ts";
import { downloadBlob } from "../store/exports.ts";
import { describeOrigin } from "../store/origin.ts";
import { CHECKPOINTS, type Checkpoint, type ModelOrigin } from "../worker/models.ts";
import type { TrainingClient } from "../worker/training/client.ts";
import { useApp, useAppStore, useClient } from "./context.tsx";

/** The timeline's position (0…3) of a pretrained checkpoint, or null for a network that is not one. */
export function timelinePosition(origin: ModelOrigin | null): number | null {
  if (origin?.kind !== "pretrained" || origin.checkpoint === "best") return null;
  return CHECKPOINTS.indexOf(origin.checkpoint);
}

/** The checkpoint at a timeline position, clamped to the ends. */
export function checkpointAt(position: number): Checkpoint {
  const i = Math.min(CHECKPOINTS.length - 1, Math.max(0, Math.round(position)));
  return CHECKPOINTS[i]!;
}

const epochsText = (epoch: number) => `${epoch} epoch${epoch === 1 ? "" : "s"}`;

/** Writes the current weights (as the last frame shows them) to a model file; null and why if they can't be. */
function modelFileText(store: AppStore, client: TrainingClient): { text: string } | { error: string } | null {
  const frame = client.frame;
  if (!frame) return null;
  try {
    const text = modelToJson(
      { spec: store.getState().spec, w: frame.weights.w, b: frame.weights.b },
      {
        savedFrom: "the explorable",
        origin: describeOrigin(frame.stats.origin),
        examplesSeen: frame.stats.examplesSeen,
        epoch: frame.stats.epoch,
      },
    );
    return { text };
  } catch (err) {
    return { error: `The network cannot be saved: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The shipped checkpoints as a slider: it shows the network's own checkpoint, or the last one asked for. */
function CheckpointTimeline() {
  const store = useAppStore();
  const ready = useApp((s) => s.phase === "ready");
  const origin = useApp((s) => s.origin);
  const checkpointId = useId();
  /** The position last asked for, and the network's origin then: it shows until the network changes. */
  const [asked, setAsked] = useState<{ position: number; origin: ModelOrigin | null } | null>(null);
  const position =
    asked !== null && asked.origin === origin
      ? asked.position
      : (timelinePosition(origin) ?? asked?.position ?? CHECKPOINTS.length - 1);
  // Off the timeline (trained since, or another network): the value says so and the thumb dims.
  const onTimeline = (asked !== null && asked.origin === origin) || timelinePosition(origin) !== null;
  return (
    <div className="control checkpoint-timeline">
      <label htmlFor={checkpointId}>
        Videos&apos; network after{" "}
        <span className="value mono">{onTimeline ? epochsText(checkpointAt(position)) : "—"}</span>
      </label>
      <input
        id={checkpointId}
        type="range"
        min={0}
        max={CHECKPOINTS.length - 1}
        step={1}
        value={position}
        disabled={!ready}
        aria-label="Checkpoint"
        aria-valuetext={
          onTimeline ? epochsText(checkpointAt(position)) : "not a checkpoint: pick one to load it"
        }
        data-off={onTimeline ? undefined : ""}
        onChange={(e) => {
          const p = Number(e.target.value);
          setAsked({ position: p, origin });
          void store.getState().loadCheckpoint(checkpointAt(p));
        }}
      />
      <div className="scale mono" aria-hidden="true" style={{ position: "relative", height: "1.4em" }}>
        {CHECKPOINTS.map((epoch, i) => {
          const t = i / (CHECKPOINTS.length - 1);
          // Each label under its thumb position; the ends aligned inwards so they stay inside.
          return (
            <span
              key={epoch}
              style={{
                position: "absolute",
                left: `${t * 100}%`,
                transform: `translateX(${-t * 100}%)`,
                whiteSpace: "nowrap",
              }}
            >
              {epoch === CHECKPOINTS.at(-1) ? epochsText(epoch) : epoch}
            </span>
          );
        })}
      </div>
    </div>
  );
}

export function ModelFiles() {
  const client = useClient();
  const store = useAppStore();
  const ready = useApp((s) => s.phase === "ready");
  const fileInput = useRef<HTMLInputElement>(null);
  const tell = (message: string) => store.setState({ notice: { kind: "model", message, action: null } });

  const openFile = async (file: File) => {
    if (file.size > 50e6) {
      tell(`${file.name} is ${(file.size / 1e6).toFixed(0)} MB: too large to be a model file of this app.`);
      return;
    }
    store.getState().loadModelText(await file.text(), file.name);
  };

  const save = () => {
    const made = modelFileText(store, client);
    if (!made) return;
    if ("error" in made) return tell(made.error);
    const name = `network-${store.getState().spec.sizes.join("-")}.json`;
    downloadBlob(new Blob([made.text], { type: "application/json" }), name);
  };

  return (
    <div className="model-files">
      <CheckpointTimeline />
      <div className="control-row">
        <button type="button" disabled={!ready} onClick={() => fileInput.current?.click()}>
          Open model…
        </button>
        <button type="button" disabled={!ready} onClick={save}>
          Save model
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Model file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void openFile(file);
          }}
        />
      </div>
    </div>
  );
}
