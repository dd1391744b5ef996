// Experiment "My digits": the learner draws and labels digits of their own, kept in the browser across reloads,
// and sees how the chosen network does on them: the accuracy, a 10 × 10 confusion matrix and each digit's answer,
// and whether training on augmented images does better on them.
import { LabelPicker } from "../../components/LabelPicker.tsx";
import { useCallback, useEffect, useMemo, useState } from "react";
import { answer } from "../../engine/analysis.ts";
import { forward, type Network } from "../../engine/network.ts";
import { drawingToMnist, type Strokes } from "../../engine/drawing.ts";
import type { AugmentationSize } from "../../engine/runs.ts";
import { formatCount, formatPercent } from "../../render/format.ts";
import type { Checkpoint } from "../../worker/models.ts";
import { ConfusionMatrix, type Cell } from "../ConfusionMatrix.tsx";
import { useModel, type Resource } from "../data.tsx";
import { useExperimentServices } from "../ExperimentsProvider.tsx";
import { DRAWINGS } from "../../render/drawings.ts";
import { formatConfidence, GrayImage, Loaded } from "../parts.tsx";
import { SketchPad } from "../../components/SketchPad.tsx";
import "../failures.css";
import "../preprocessing.css";
import { AugmentationComparison } from "./AugmentationComparison.tsx";
import { scoreDigits } from "./score.ts";
import type { DigitStore, MyDigit } from "./storage.ts";
import "./myDigits.css";

/** The collection as loaded from the store. */
type Collection =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly digits: readonly MyDigit[] }
  | { readonly status: "error"; readonly message: string };

const message = (err: unknown) =>
  `Your digits could not be read or saved in this browser (${err instanceof Error ? err.message : String(err)}).`;

function Preview({ net, input }: { net: Network<Float32Array>; input: Float32Array }) {
  const { digit, confidence } = answer(forward(net, input), net.spec.output);
  return (
    <p className="my-preview" aria-live="polite">
      <GrayImage values={input} size={56} label="Your drawing as the network sees it, 28 by 28 pixels" />
      <span>
        It would say <strong className="num">{digit}</strong>{" "}
        <span className="num">({formatConfidence(confidence)})</span>
      </span>
    </p>
  );
}

function Results({
  digits,
  net,
  selected,
  onSelect,
  onRemove,
}: {
  digits: readonly MyDigit[];
  net: Network<Float32Array>;
  selected: Cell | null;
  onSelect: (cell: Cell) => void;
  onRemove: (id: string) => void;
}) {
  const score = useMemo(() => scoreDigits(net, digits), [net, digits]);
  const accuracy = score.correct / score.total;
  const shown = digits
    .map((d, i) => ({ d, a: score.answers[i]! }))
    .filter(({ d, a }) => !selected || (d.label === selected.label && a.digit === selected.predicted));
  return (
    <>
      <p className="score" data-correct={score.correct} data-total={score.total} data-accuracy={accuracy}>
        It answers <strong className="num">{formatCount(score.correct)}</strong> of{" "}
        <span className="num">{formatCount(score.total)}</span> of your digits right:{" "}
        <strong className="num my-accuracy">{formatPercent(accuracy)}</strong>
      </p>
      <div className="matrix-scroll">
        <ConfusionMatrix
          matrix={score.matrix}
          perClass={score.perClass}
          selected={selected}
          onSelect={onSelect}
        />
      </div>
      <p className="hint">
        A row with none of your digits shows 0 % in its last column. Select a cell to see only its digits;
        select it again to see them all.
      </p>
      <ul className="my-gallery" aria-label="Your digits" data-count={shown.length}>
        {shown.map(({ d, a }) => {
          const right = a.digit === d.label;
          return (
            <li key={d.id} className={right ? "right" : "wrong"} data-label={d.label} data-answer={a.digit}>
              <GrayImage
                values={d.pixels}
                size={56}
                label={`Your ${d.label}, added ${new Date(d.time).toLocaleString()}`}
              />
              <span className="num">yours {d.label}</span>
              <span className="num">
                says <span className="answer">{a.digit}</span>{" "}
                <span className="mark" aria-label={right ? "right" : "wrong"}>
                  {right ? "✓" : "✗"}
                </span>
              </span>
              <button
                type="button"
                className="delete-one"
                aria-label={`Delete this ${d.label}`}
                onClick={() => onRemove(d.id)}
              >
                Delete
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The collection in `store`, read once, and `update(p)` to show the collection a change `p` resolves to. */
function useCollection(store: DigitStore) {
  const [collection, setCollection] = useState<Collection>({ status: "loading" });
  useEffect(() => {
    let live = true;
    store.list().then(
      (digits) => live && setCollection({ status: "ready", digits }),
      (err: unknown) => live && setCollection({ status: "error", message: message(err) }),
    );
    return () => {
      live = false;
    };
  }, [store]);
  const update = useCallback((p: Promise<MyDigit[]>) => {
    p.then(
      (digits) => setCollection({ status: "ready", digits }),
      (err: unknown) => setCollection({ status: "error", message: message(err) }),
    );
  }, []);
  return { collection, update };
}

function Intro() {
  return (
    <section className="prose">
      <p>
        MNIST’s digits were written by American census staff and students in the early 1990s. Yours were not,
        and a network that scores well on MNIST’s test set may still stumble on them. Here you can build a
        small test set of your own: draw a digit, say which digit it is, and add it.
      </p>
      <p>
        Your digits stay in this browser, on this device, and are still here when you come back. Switch the
        network above to see how much each stage of training helps on handwriting it has never seen.
      </p>
    </section>
  );
}

/** Instead of the results: the collection's error, that it is being read, or that it is empty. */
function NoDigits({ collection }: { collection: Collection }) {
  if (collection.status === "error")
    return (
      <div className="notice error" role="alert">
        <p>{collection.message}</p>
      </div>
    );
  if (collection.status === "loading") return <p role="status">Reading your digits…</p>;
  return (
    <p className="hint my-empty">
      No digits yet. The ones you add appear here with the network’s answer to each.
    </p>
  );
}

/** "Delete all", and once pressed, the question whether to delete all `count` digits. */
function DeleteAll({
  count,
  confirming,
  onConfirming,
  onDelete,
}: {
  count: number;
  confirming: boolean;
  onConfirming: (confirming: boolean) => void;
  onDelete: () => void;
}) {
  return confirming ? (
    <div className="confirm" role="alertdialog" aria-label="Delete all your digits?">
      <p>
        Delete all <span className="num">{formatCount(count)}</span> of your digits? This cannot be undone.
      </p>
      <button type="button" className="danger" onClick={onDelete}>
        Yes, delete them all
      </button>{" "}
      <button type="button" onClick={() => onConfirming(false)}>
        Cancel
      </button>
    </div>
  ) : (
    <button type="button" className="delete-all" onClick={() => onConfirming(true)}>
      Delete all
    </button>
  );
}

/** The pad (a fresh one for each `padKey`), the label to give, "Add", and what the network says of the drawing. */
function DrawDigit({
  padKey,
  onDrawing,
  label,
  onLabel,
  input,
  canAdd,
  onAdd,
  model,
}: {
  padKey: number;
  onDrawing: (strokes: Strokes | null) => void;
  label: number | null;
  onLabel: (d: number) => void;
  input: Float32Array | null;
  canAdd: boolean;
  onAdd: () => void;
  model: Resource<Network<Float32Array>>;
}) {
  return (
    <div className="my-draw">
      <SketchPad key={padKey} onDrawing={onDrawing} drawings={DRAWINGS} />
      <LabelPicker prompt="It is a" label={label} onLabel={onLabel} />
      <button
        type="button"
        className="primary add-digit"
        disabled={!input || label === null || !canAdd}
        onClick={onAdd}
      >
        Add to my digits
      </button>
      <p className="hint">
        {!input ? "Draw a digit first. " : null}
        {label === null ? "Pick the digit you drew." : null}
      </p>
      {input ? (
        <Loaded resource={model} what="Loading the network">
          {(net) => <Preview net={net} input={input} />}
        </Loaded>
      ) : null}
    </div>
  );
}

/** The collection is the page's (ExperimentsProvider); `runSize` shrinks the augmentation comparison. */
export function MyDigitsExperiment({
  epochs,
  runSize,
}: {
  epochs: Checkpoint;
  runSize?: Partial<AugmentationSize>;
}) {
  const { digits: digitStore } = useExperimentServices();
  const model = useModel(epochs);
  const { collection, update } = useCollection(digitStore);
  const [strokes, setStrokes] = useState<Strokes | null>(null);
  const [padKey, setPadKey] = useState(0);
  const [label, setLabel] = useState<number | null>(null);
  const [selected, setSelected] = useState<Cell | null>(null);
  const [confirming, setConfirming] = useState(false);
  const input = useMemo(() => (strokes ? drawingToMnist(strokes) : null), [strokes]);

  const add = () => {
    if (!input || label === null) return;
    update(digitStore.add(input, label));
    setPadKey((k) => k + 1); // a fresh pad for the next digit
    setStrokes(null);
  };
  const onSelect = (cell: Cell) =>
    setSelected((s) => (s?.label === cell.label && s.predicted === cell.predicted ? null : cell));

  const digits = collection.status === "ready" ? collection.digits : [];
  return (
    <div className="experiment my-digits">
      <Intro />
      <div className="my-layout">
        <DrawDigit
          padKey={padKey}
          onDrawing={setStrokes}
          label={label}
          onLabel={setLabel}
          input={input}
          canAdd={collection.status === "ready"}
          onAdd={add}
          model={model}
        />
        <div className="my-results">
          <h2>Your test set</h2>
          {digits.length === 0 ? (
            <NoDigits collection={collection} />
          ) : (
            <Loaded resource={model} what="Loading the network">
              {(net) => (
                <>
                  <Results
                    digits={digits}
                    net={net}
                    selected={selected}
                    onSelect={onSelect}
                    onRemove={(id) => update(digitStore.remove(id))}
                  />
                  <DeleteAll
                    count={digits.length}
                    confirming={confirming}
                    onConfirming={setConfirming}
                    onDelete={() => {
                      setConfirming(false);
                      setSelected(null);
                      update(digitStore.clear());
                    }}
                  />
                </>
              )}
            </Loaded>
          )}
        </div>
      </div>
      {collection.status === "ready" ? (
        <AugmentationComparison digits={digits} {...(runSize ? { size: runSize } : {})} />
      ) : null}
    </div>
  );
}
