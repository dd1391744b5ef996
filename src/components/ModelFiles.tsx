// Networks in and out: a timeline of the shipped checkpoints of the videos' network, opening a model file, and
// saving the current weights. The worker validates every file; a bad one is reported and changes nothing.
import { useId, useRef, useState } from "react";
import { modelToJson } from "../engine/model.ts";
import { downloadBlob } from "../store/exports.ts";
import { CHECKPOINTS } from "../store/urlState.ts";
import { checkpointUrl, modelFromSource } from "../store/urlSync.ts";
import { useApp, useAppStore, useClient } from "./context.tsx";

type Checkpoint = (typeof CHECKPOINTS)[number];

/** The timeline's position (0…3) of a checkpoint, or null for a network that is not one. */
export function timelinePosition(source: string): number | null {
  const model = modelFromSource(source);
  const i = CHECKPOINTS.findIndex((c) => c === model);
  return i < 0 ? null : i;
}

/** The checkpoint at a timeline position, clamped to the ends. */
export function checkpointAt(position: number): Checkpoint {
  const i = Math.min(CHECKPOINTS.length - 1, Math.max(0, Math.round(position)));
  return CHECKPOINTS[i]!;
}

const epochsText = (epoch: number) => `${epoch} epoch${epoch === 1 ? "" : "s"}`;

export function ModelFiles() {
  const client = useClient();
  const store = useAppStore();
  const ready = useApp((s) => s.phase === "ready");
  const fileInput = useRef<HTMLInputElement>(null);
  const checkpointId = useId();
  const source = useApp((s) => s.modelSource);
  /** The position last asked for, and the network's source then: it shows until the network changes. */
  const [asked, setAsked] = useState<{ position: number; source: string } | null>(null);
  const latest = useRef(0);
  const position =
    asked !== null && asked.source === source
      ? asked.position
      : (timelinePosition(source) ?? asked?.position ?? CHECKPOINTS.length - 1);

  const tell = (message: string) => store.setState({ notice: { kind: "model", message, action: null } });

  /** Loads a checkpoint; while scrubbing, only the last one asked for is sent (the slider stays enabled). */
  const loadCheckpoint = async (epoch: Checkpoint) => {
    const request = ++latest.current;
    try {
      const res = await fetch(checkpointUrl(epoch));
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      const text = await res.text();
      if (request !== latest.current) return;
      store.getState().pause();
      client.send({ op: "loadModel", text, label: "checkpoint of" });
    } catch (err) {
      tell(
        `The checkpoint after ${epoch} epochs could not be loaded: ${err instanceof Error ? err.message : String(err)}.`,
      );
    }
  };

  const openFile = async (file: File) => {
    if (file.size > 50e6) {
      tell(`${file.name} is ${(file.size / 1e6).toFixed(0)} MB: too large to be a model file of this app.`);
      return;
    }
    store.getState().pause();
    client.send({ op: "loadModel", text: await file.text(), label: file.name });
  };

  const save = () => {
    const frame = client.frame;
    if (!frame) return;
    let text: string;
    try {
      text = modelToJson(
        { spec: store.getState().spec, w: frame.weights.w, b: frame.weights.b },
        { savedFrom: "the explorable", examplesSeen: frame.stats.examplesSeen, epoch: frame.stats.epoch },
      );
    } catch (err) {
      tell(`The network cannot be saved: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    downloadBlob(
      new Blob([text], { type: "application/json" }),
      `network-${store.getState().spec.sizes.join("-")}.json`,
    );
  };

  return (
    <div className="model-files">
      <div className="control checkpoint-timeline">
        <label htmlFor={checkpointId}>
          Videos&apos; network after{" "}
          <span className="value mono">
            {timelinePosition(source) === null ? "—" : epochsText(checkpointAt(position))}
          </span>
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
          aria-valuetext={epochsText(checkpointAt(position))}
          onChange={(e) => {
            const p = Number(e.target.value);
            setAsked({ position: p, source });
            void loadCheckpoint(checkpointAt(p));
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
