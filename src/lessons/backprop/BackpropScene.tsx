// The scene "Backpropagation, intuitively": one example (a test image, a 2 by default, or the learner's drawing
// from the link) through the videos' network after 5 epochs, its wished nudges from the output back to layer 1 (the engine's trace, on this thread), then a
// mini-batch's nudge table and one SGD step, both computed by this scene's lab worker.
import { useMemo, useState } from "react";
import type { MnistSplit } from "../../engine/idx.ts";
import { depth, type BatchTrace, type NetworkSpec } from "../../engine/network.ts";
import {
  batchKey,
  traceLessonExample,
  useLessonExamples,
  type LessonExample,
  type LessonExamples,
} from "../example.ts";
import { START_MODEL, type Lab } from "../lab/lab.ts";
import { useLabQuery, useLabSession, type LabAnswer, type LabState } from "../lab/useLab.tsx";
import { usePublishGlance } from "../glance/glance.ts";
import { backpropGlance } from "../glance/sceneGlances.ts";
import { ExamplePicker } from "../views/ImagePicker.tsx";
import { NumberPicker } from "../views/NumberPicker.tsx";
import { Backwards } from "./Backwards.tsx";
import "./backprop.css";
import "./layers.css";
import "./minibatch.css";
import { checkpointScene, type CheckpointSceneProps } from "./Checkpoint.tsx";
import { BACKPROP_CHECKPOINT, BACKPROP_FILE } from "./checkpoint.ts";
import { Digit } from "./Digit.tsx";
import { argmaxAbs } from "./nudges.ts";
import { OutputWishes } from "./OutputWishes.tsx";
import { NudgeTable } from "./NudgeTable.tsx";
import { DEFAULT_ETA_INDEX, EtaControl, ETAS, SgdStep, type StepResult } from "./SgdStep.tsx";
import type { BackpropView } from "./steps.ts";
import { SumWishes } from "./SumWishes.tsx";
import { ThreeWays } from "./ThreeWays.tsx";

/** Images in the mini-batch of the table. */
export const BATCH_SIZE = 8;

const refs = (batch: readonly LessonExample[]) => batch.map((e) => e.ref);

function traceBatchIn(lab: Lab, batch: readonly LessonExample[]): Promise<BatchTrace> {
  return lab.call("traceBatch", { model: START_MODEL, batch: refs(batch) });
}

async function stepIn(lab: Lab, batch: readonly LessonExample[], eta: number): Promise<StepResult> {
  const saveAs = `stepped-${eta}-${batchKey(batch)}`;
  const step = await lab.call("sgdStep", {
    model: START_MODEL,
    batch: refs(batch),
    learningRate: eta,
    saveAs,
  });
  const after = await lab.call("traceBatch", { model: saveAs, batch: refs(batch) });
  return { before: step.before, after: step.after, costsAfter: after.examples.map((t) => t.cost) };
}

export const BackpropScene = checkpointScene(Live);

function Live({ view, test, drawing, net }: CheckpointSceneProps<BackpropView>) {
  const L = depth(net.spec);
  const examples = useLessonExamples(test, drawing, BATCH_SIZE);
  const { example, batch } = examples;
  const trace = useMemo(() => traceLessonExample(net, example), [net, example]);
  const label = example.label;
  // null: follow the image (its label; the neuron with the largest wish).
  const [output, setOutput] = useState<number | null>(null);
  const [hidden, setHidden] = useState<number | null>(null);
  const [first, setFirst] = useState<number | null>(null);
  const [etaIndex, setEtaIndex] = useState(DEFAULT_ETA_INDEX);
  const j = output ?? label;
  const k = hidden ?? argmaxAbs(trace.dCda[L - 1]!);
  const j1 = first ?? argmaxAbs(trace.delta[1]!);
  const eta = ETAS[etaIndex]!;
  usePublishGlance(
    useMemo(() => backpropGlance(net, trace, view, { j, k, j1 }), [net, trace, view, j, k, j1]),
  );

  const usesLab = view === "table" || view === "step";
  const lab = useLabSession({ checkpoint: BACKPROP_CHECKPOINT, trainLimit: 0, wanted: usesLab });
  const ready = lab.status === "ready" ? lab.lab : null;
  const tableKey = ready && usesLab ? batchKey(batch) : null;
  const table = current(
    useLabQuery(tableKey, () => traceBatchIn(ready!, batch)),
    tableKey,
  );
  const stepKey = ready && view === "step" ? `${batchKey(batch)}@${eta}` : null;
  const step = current(
    useLabQuery(stepKey, () => stepIn(ready!, batch, eta)),
    stepKey,
  );

  const picture = (
    <figure className="example-digit">
      <Digit example={example} cell={4} />
      <figcaption>
        {example.name}, a {label}
      </figcaption>
    </figure>
  );

  return (
    <div className="backprop-scene" data-checkpoint={BACKPROP_FILE}>
      <Controls
        view={view}
        spec={net.spec}
        test={test}
        examples={examples}
        picked={{ j, k, j1, etaIndex }}
        on={{ j: setOutput, k: setHidden, j1: setFirst, etaIndex: setEtaIndex }}
      />
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
          <p className="hint batch-note">{batchNote(batch)}</p>
          <LabView view={view} lab={lab} table={table} step={step} spec={net.spec} batch={batch} eta={eta} />
        </>
      ) : null}
    </div>
  );
}

/** The mini-batch in words: the example picked and the test images after it. */
function batchNote(batch: readonly LessonExample[]): string {
  const [first, ...rest] = batch;
  if (first?.id === "drawing")
    return `The mini-batch: your drawing and ${rest.map((e) => e.name.replace("test image ", "#")).join(", ")}. Pick a test image to change them.`;
  return `The mini-batch: ${first?.name ?? "nothing"} and the ${rest.length} after it. Pick another test image to change it.`;
}

/** What the reader picks besides the example: the output, the hidden and the first-layer neuron, η's index. */
interface Picked {
  readonly j: number;
  readonly k: number;
  readonly j1: number;
  readonly etaIndex: number;
}

/** The test image, and the pickers the view uses. */
function Controls({
  view,
  spec,
  test,
  examples,
  picked,
  on,
}: {
  view: BackpropView;
  spec: NetworkSpec;
  test: MnistSplit;
  examples: LessonExamples;
  picked: Picked;
  on: { readonly [K in keyof Picked]: (v: number) => void };
}) {
  const L = depth(spec);
  return (
    <div className="live-controls">
      <ExamplePicker test={test} examples={examples} />
      {view === "bias" || view === "weights" || view === "activations" ? (
        <NumberPicker label="Output" value={picked.j} min={0} max={spec.sizes[L]! - 1} onChange={on.j} />
      ) : null}
      {view === "sum" ? (
        <NumberPicker
          label="Hidden neuron"
          value={picked.k}
          min={0}
          max={spec.sizes[L - 1]! - 1}
          onChange={on.k}
        />
      ) : null}
      {view === "backwards" ? (
        <NumberPicker
          label="Layer-1 neuron"
          value={picked.j1}
          min={0}
          max={spec.sizes[1]! - 1}
          onChange={on.j1}
        />
      ) : null}
      {view === "step" ? <EtaControl index={picked.etaIndex} onChange={on.etaIndex} /> : null}
      <span className="hint">network after {BACKPROP_CHECKPOINT} epochs of training</span>
    </div>
  );
}

type LabResult<R> = { value: R } | { error: string } | null;

/** The mini-batch's nudge table (table) or its SGD step (step) from the lab, or why they are not there yet. */
function LabView({
  view,
  lab,
  table,
  step,
  spec,
  batch,
  eta,
}: {
  view: BackpropView;
  lab: LabState;
  table: LabResult<BatchTrace>;
  step: LabResult<StepResult>;
  spec: NetworkSpec;
  batch: readonly LessonExample[];
  eta: number;
}) {
  if (lab.status === "error") return <Notice message={`The lab could not start: ${lab.message}.`} />;
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
    <NudgeTable spec={spec} batch={batch} bt={table.value} />
  ) : (
    <SgdStep batch={batch} bt={table.value} step={step ? step.value : null} eta={eta} />
  );
}

/** The answer to `key` alone (an older one is not shown), or its error; null while it is computed. */
function current<R>(answer: LabAnswer<R>, key: string | null): { value: R } | { error: string } | null {
  if (answer.error !== null) return { error: answer.error };
  return answer.key === key && answer.value !== null ? { value: answer.value } : null;
}

function Notice({ message }: { message: string }) {
  return (
    <div className="notice error" role="alert">
      <p>{message}</p>
    </div>
  );
}
