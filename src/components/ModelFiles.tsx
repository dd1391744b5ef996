// Networks in and out: the shipped checkpoints of the videos' network, opening a model file, and saving the
// current weights. The worker validates every file; a bad one is reported and changes nothing.
import { useId, useRef, useState } from "react";
import { modelToJson } from "../engine/model.ts";
import { useApp, useAppStore, useClient } from "./context.tsx";

/** The checkpoints `npm run models` writes to public/models. */
export const CHECKPOINTS = [0, 1, 5, 30] as const;

export function checkpointUrl(epoch: number): string {
  return new URL(`models/3b1b-epoch-${epoch}.json`, document.baseURI).href;
}

export function ModelFiles() {
  const client = useClient();
  const store = useAppStore();
  const ready = useApp((s) => s.phase === "ready");
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const checkpointId = useId();

  const tell = (message: string) => store.setState({ notice: { kind: "model", message, action: null } });

  const loadCheckpoint = async (epoch: number) => {
    setBusy(true);
    try {
      const res = await fetch(checkpointUrl(epoch));
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      store.getState().pause();
      client.send({ op: "loadModel", text: await res.text(), label: "checkpoint of" });
    } catch (err) {
      tell(
        `The checkpoint after ${epoch} epochs could not be loaded: ${err instanceof Error ? err.message : String(err)}.`,
      );
    } finally {
      setBusy(false);
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
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `network-${store.getState().spec.sizes.join("-")}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="model-files">
      <div className="control">
        <label htmlFor={checkpointId}>Videos&apos; network after</label>
        <select
          id={checkpointId}
          disabled={!ready || busy}
          value=""
          onChange={(e) => {
            if (e.target.value !== "") void loadCheckpoint(Number(e.target.value));
          }}
        >
          <option value="">load a checkpoint…</option>
          {CHECKPOINTS.map((epoch) => (
            <option key={epoch} value={epoch}>
              {epoch === 0 ? "0 epochs (untrained)" : `${epoch} epoch${epoch === 1 ? "" : "s"}`}
            </option>
          ))}
        </select>
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
