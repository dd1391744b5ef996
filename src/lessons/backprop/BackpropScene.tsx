// The scene "Backpropagation, intuitively": one test image (a 2 by default) through the videos' network after
// 5 epochs, its wished nudges from the output back to layer 1 (the engine's trace, on this thread), then a
// mini-batch's nudge table and one SGD step, both computed by this scene's lab worker.
import { useMemo, useState } from "react";
import type { MnistSplit } from "../../engine/idx.ts";
import { depth, type BatchTrace, type Network } from "../../engine/network.ts";
import type { ExampleRef } from "../../worker/labProtocol.ts";
import { imageLabel, traceImage } from "../testImage.ts";
import type { SceneProps } from "../types.ts";
import { ImagePicker } from "../views/ImagePicker.tsx";
import { NumberPicker } from "../views/NumberPicker.tsx";
import { Backwards } from "./Backwards.tsx";
import "./backprop.css";
import { CheckpointGate } from "./Checkpoint.tsx";
import { CHECKPOINT, LAB_MODEL, useLab, useLabResult, type Lab } from "./deps.tsx";
import { Digit } from "./Digit.tsx";
import { argmaxAbs, batchFrom, firstWithLabel } from "./nudges.ts";
import { OutputWishes } from "./OutputWishes.tsx";
import { NudgeTable } from "./NudgeTable.tsx";
import { DEFAULT_ETA_INDEX, EtaControl, ETAS, SgdStep, type StepResult } from "./SgdStep.tsx";
import type { BackpropView } from "./steps.ts";
import { SumWishes } from "./SumWishes.tsx";
import { ThreeWays } from "./ThreeWays.tsx";

/** Images in the mini-batch of the table. */
export const BATCH_SIZE = 8;

const refs = (batch: readonly number[]): ExampleRef[] => batch.map((index) => ({ split: "test", index }));

function traceBatchIn(lab: Lab, { batch }: { batch: number[] }): Promise<BatchTrace> {
  return lab.call("traceBatch", { model: LAB_MODEL, batch: refs(batch) });
}

async function stepIn(lab: Lab, { batch, eta }: { batch: number[]; eta: number }): Promise<StepResult> {
  const saveAs = `stepped-${eta}-${batch.join("-")}`;
  const step = await lab.call("sgdStep", { model: LAB_MODEL, batch: refs(batch), learningRate: eta, saveAs });
  const after = await lab.call("traceBatch", { model: saveAs, batch: refs(batch) });
  return { before: step.before, after: step.after, costsAfter: after.examples.map((t) => t.cost) };
}

export function BackpropScene({ view, data }: SceneProps<BackpropView>) {
  return (
    <CheckpointGate>
      {(net, text) => <Live view={view} test={data.test} net={net} text={text} />}
    </CheckpointGate>
  );
}

function Live({
  view,
  test,
  net,
  text,
}: {
  view: BackpropView;
  test: MnistSplit;
  net: Network<Float32Array>;
  text: string;
}) {
  const L = depth(net.spec);
  const [image, setImage] = useState(() => firstWithLabel(test.labels, test.count, 2));
  const trace = useMemo(() => traceImage(net, test, image), [net, test, image]);
  const label = imageLabel(test, image);
  // null: follow the image (its label; the neuron with the largest wish).
  const [output, setOutput] = useState<number | null>(null);
  const [hidden, setHidden] = useState<number | null>(null);
  const [first, setFirst] = useState<number | null>(null);
  const [etaIndex, setEtaIndex] = useState(DEFAULT_ETA_INDEX);
  const j = output ?? label;
  const k = hidden ?? argmaxAbs(trace.dCda[L - 1]!);
  const j1 = first ?? argmaxAbs(trace.delta[1]!);
  const eta = ETAS[etaIndex]!;

  const usesLab = view === "table" || view === "step";
  const batch = useMemo(() => batchFrom(image, BATCH_SIZE, test.count), [image, test.count]);
  const lab = useLab(text, usesLab);
  const ready = lab.status === "ready" ? lab.lab : null;
  const table = useLabResult(ready, usesLab ? { batch } : null, traceBatchIn);
  const step = useLabResult(ready, view === "step" ? { batch, eta } : null, stepIn);

  const picture = (
    <figure className="example-digit">
      <Digit test={test} index={image} cell={4} />
      <figcaption>
        test image {image}, a {label}
      </figcaption>
    </figure>
  );

  const labView = () => {
    if (lab.status === "error") return <Notice message={lab.message} />;
    if (table && "error" in table) return <Notice message={table.error} />;
    if (step && "error" in step) return <Notice message={step.error} />;
    if (!table)
      return (
        <div className="lesson-loading" role="status">
          <p>
            {lab.status === "ready"
              ? "Tracing the mini-batch in the lab…"
              : "Starting the lab worker and loading the test images…"}
          </p>
        </div>
      );
    return view === "table" ? (
      <NudgeTable spec={net.spec} test={test} batch={batch} bt={table.value} />
    ) : (
      <SgdStep test={test} batch={batch} bt={table.value} step={step ? step.value : null} eta={eta} />
    );
  };

  const nOut = net.spec.sizes[L]!;
  return (
    <div className="backprop-scene" data-checkpoint={CHECKPOINT.file}>
      <div className="live-controls">
        <ImagePicker test={test} value={image} onChange={setImage} />
        {view === "bias" || view === "weights" || view === "activations" ? (
          <NumberPicker label="Output" value={j} min={0} max={nOut - 1} onChange={setOutput} />
        ) : null}
        {view === "sum" ? (
          <NumberPicker
            label="Hidden neuron"
            value={k}
            min={0}
            max={net.spec.sizes[L - 1]! - 1}
            onChange={setHidden}
          />
        ) : null}
        {view === "backwards" ? (
          <NumberPicker
            label="Layer-1 neuron"
            value={j1}
            min={0}
            max={net.spec.sizes[1]! - 1}
            onChange={setFirst}
          />
        ) : null}
        {view === "step" ? <EtaControl index={etaIndex} onChange={setEtaIndex} /> : null}
        <span className="hint">network after {CHECKPOINT.epochs} epochs of training</span>
      </div>
      {view === "wishes" ? (
        <div className="row">
          {picture}
          <OutputWishes trace={trace} />
        </div>
      ) : null}
      {view === "bias" || view === "weights" || view === "activations" ? (
        <ThreeWays net={net} trace={trace} j={j} lever={view} />
      ) : null}
      {view === "sum" ? <SumWishes net={net} trace={trace} k={k} onChoose={setHidden} /> : null}
      {view === "backwards" ? (
        <Backwards net={net} trace={trace} j1={j1} onChoose={setFirst} side={test.cols} />
      ) : null}
      {usesLab ? (
        <>
          <p className="hint batch-note">
            The mini-batch: test image {image} and the {batch.length - 1} after it. Pick another test image to
            change it.
          </p>
          {labView()}
        </>
      ) : null}
    </div>
  );
}

function Notice({ message }: { message: string }) {
  return (
    <div className="notice error" role="alert">
      <p>{message}</p>
    </div>
  );
}
