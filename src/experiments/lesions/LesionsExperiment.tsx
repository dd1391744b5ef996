// "Break it": damage the trained network on purpose (silence neurons, zero a layer's biases or the weights into
// it, add noise to every weight) and see what it costs: the test accuracy (the first 1,000 images at once, then
// all 10,000), a drawing's answer, and which single hidden neurons the network misses most. All in the URL.
import { useCallback, useMemo, useState } from "react";
import { answer, type Answer } from "../../engine/analysis.ts";
import { drawingToMnist, type Strokes } from "../../engine/drawing.ts";
import {
  lesionNetwork,
  NO_LESION,
  rankByDrop,
  type Lesion,
  type SilencedScore,
} from "../../engine/lesions.ts";
import { forward, type Network } from "../../engine/network.ts";
import { PAD_SIDE, SketchPad } from "../../components/SketchPad.tsx";
import { DRAWINGS } from "../../render/drawings.ts";
import { formatCount, formatPercent } from "../../render/format.ts";
import type { Checkpoint } from "../../worker/models.ts";
import { useModel, useResource } from "../data.tsx";
import { useExperimentServices } from "../ExperimentsProvider.tsx";
import { formatConfidence, Loaded, SeedControl } from "../parts.tsx";
import type { ParamChanges } from "../url.ts";
import { layerName, LesionControls, toggleNeuron } from "./LesionControls.tsx";
import { lesionParams } from "./params.ts";
import { QUICK_COUNT, useLesionAccuracy, type LesionAccuracy, type Score } from "./useLesionAccuracy.ts";
import "./lesions.css";

/** Rows of the ranked table. */
const RANKED = 10;

/** A change in accuracy in percentage points, with its sign: "−3.2", "+0.1". */
function formatDrop(before: Score, after: Score): { text: string; className: string } {
  const d = 100 * (after.correct / after.count - before.correct / before.count);
  const text = `${d < 0 ? "\u2212" : "+"}${Math.abs(d).toFixed(1)}`;
  return { text, className: d < 0 ? "down" : d > 0 ? "up" : "same" };
}

function ScoreCell({ score, base }: { score: Score | null; base?: Score | null }) {
  if (!score) return <td className="pending">measuring…</td>;
  const drop = base ? formatDrop(base, score) : null;
  return (
    <td data-correct={score.correct} data-count={score.count}>
      <span className="num">{formatPercent(score.correct / score.count)}</span>{" "}
      <span className="hint num">
        ({formatCount(score.correct)} of {formatCount(score.count)})
      </span>
      {drop ? <span className={`num drop ${drop.className}`}>{drop.text} points</span> : null}
    </td>
  );
}

function Accuracy({ intact, damaged }: { intact: LesionAccuracy; damaged: LesionAccuracy }) {
  const error = intact.error ?? damaged.error;
  if (error)
    return (
      <div className="notice error" role="alert">
        <p>{error}</p>
      </div>
    );
  return (
    <table
      className="lesion-accuracy"
      data-status={damaged.full ? "full" : damaged.quick ? "quick" : "loading"}
    >
      <caption>Test accuracy</caption>
      <thead>
        <tr>
          <th scope="col">Network</th>
          <th scope="col">First {formatCount(QUICK_COUNT)} test images</th>
          <th scope="col">All 10,000</th>
        </tr>
      </thead>
      <tbody>
        <tr data-network="intact">
          <th scope="row">As trained</th>
          <ScoreCell score={intact.quick} />
          <ScoreCell score={intact.full} />
        </tr>
        <tr data-network="damaged">
          <th scope="row">Damaged</th>
          <ScoreCell score={damaged.quick} base={intact.quick} />
          <ScoreCell score={damaged.full} base={intact.full} />
        </tr>
      </tbody>
    </table>
  );
}

function AnswerLine({ term, name, a }: { term: string; name: string; a: Answer }) {
  return (
    <p className="drawing-answer" data-term={term} data-digit={a.digit}>
      {name} says <strong className="num answer">{a.digit}</strong>{" "}
      <span className="num">({formatConfidence(a.confidence)})</span>
    </p>
  );
}

/** A drawing's answer from the network as trained and as damaged. */
function DrawingAnswers({ net, damaged }: { net: Network<Float32Array>; damaged: Network<Float32Array> }) {
  const [strokes, setStrokes] = useState<Strokes | null>(null);
  const x = useMemo(() => (strokes ? drawingToMnist(strokes) : null), [strokes]);
  return (
    <div className="lesion-drawing">
      <SketchPad onDrawing={setStrokes} drawings={DRAWINGS} size={Math.min(PAD_SIDE, 220)} />
      {x ? (
        <div aria-live="polite">
          <AnswerLine term="intact" name="As trained it" a={answer(forward(net, x), net.spec.output)} />
          <AnswerLine term="damaged" name="Damaged it" a={answer(forward(damaged, x), net.spec.output)} />
        </div>
      ) : (
        <p className="hint">Draw a digit, or pick one, to see what each network makes of it.</p>
      )}
    </div>
  );
}

/** The hidden neurons whose silence alone costs most accuracy on the 10,000 test images. */
function Ranking({
  scores,
  intact,
  lesion,
  onLesion,
}: {
  scores: readonly SilencedScore[];
  intact: Score | null;
  lesion: Lesion;
  onLesion: (lesion: Lesion) => void;
}) {
  const ranked = useMemo(() => rankByDrop(scores).slice(0, RANKED), [scores]);
  return (
    <table className="lesion-ranking">
      <caption>The {RANKED} hidden neurons the trained network misses most, each silenced on its own</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Neuron</th>
          <th scope="col">Without it</th>
          <th scope="col">Change (points)</th>
        </tr>
      </thead>
      <tbody>
        {ranked.map((s, i) => {
          const score = { correct: s.correct, count: intact?.count ?? 0 };
          const silenced = lesion.silenced.some((n) => n.layer === s.layer && n.neuron === s.neuron);
          return (
            <tr
              key={`${s.layer}.${s.neuron}`}
              data-neuron={`${s.layer}.${s.neuron}`}
              data-correct={s.correct}
            >
              <td className="num">{i + 1}</td>
              <td>
                <button
                  type="button"
                  aria-pressed={silenced}
                  aria-label={`Neuron ${s.neuron} of ${layerName(s.layer)}, ranked ${i + 1}`}
                  title={silenced ? "Hear it again" : "Silence it"}
                  onClick={() => onLesion(toggleNeuron(lesion, s))}
                >
                  layer {s.layer} · neuron {s.neuron}
                </button>
              </td>
              {intact ? (
                <>
                  <td className="num">{formatPercent(s.correct / intact.count)}</td>
                  <td className={`num drop ${formatDrop(intact, score).className}`}>
                    {formatDrop(intact, score).text}
                  </td>
                </>
              ) : (
                <td colSpan={2} className="pending">
                  measuring…
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function LesionsExperiment({
  epochs,
  lesion: parsed,
  onSeed,
  onParams,
}: {
  epochs: Checkpoint;
  lesion: Lesion;
  onSeed: (seed: number) => void;
  onParams: (changes: ParamChanges) => void;
}) {
  // The URL is parsed afresh on every render: one object per distinct lesion, so results are asked for once.
  const key = JSON.stringify(parsed);
  const lesion = useMemo(() => JSON.parse(key) as Lesion, [key]);
  const intactLesion = useMemo(() => ({ ...NO_LESION, seed: lesion.seed }), [lesion.seed]);
  const model = useModel(epochs);
  const { source } = useExperimentServices();
  const scores = useResource(useCallback(() => source.silencedScores(epochs), [source, epochs]));
  const intact = useLesionAccuracy(epochs, intactLesion);
  const damaged = useLesionAccuracy(epochs, lesion);
  const onLesion = useCallback((l: Lesion) => onParams(lesionParams(l)), [onParams]);
  const changed = key !== JSON.stringify(intactLesion);
  return (
    <div className="experiment lesions">
      <section className="prose">
        <p>
          A trained network is 13,002 numbers. How many of them does it need? Silence a hidden neuron (the
          next layer then hears 0 from it), zero a layer’s biases or every weight into it, or add random noise
          to all the weights, and see what is left: the share of the test digits it still gets right, and what
          it makes of a digit you draw.
        </p>
      </section>
      <LesionControls lesion={lesion} onLesion={onLesion} />
      {lesion.noise > 0 ? <SeedControl seed={lesion.seed} onSeed={onSeed} /> : null}
      <button type="button" disabled={!changed} onClick={() => onLesion(intactLesion)}>
        Reset: undo all damage
      </button>
      <div className="lesion-results">
        <Accuracy intact={intact} damaged={damaged} />
        <Loaded resource={model} what="Loading the network">
          {(net) => <DamagedDrawing net={net} lesion={lesion} />}
        </Loaded>
      </div>
      <Loaded resource={scores} what="Silencing each hidden neuron in turn on the 10,000 test images">
        {(s) => <Ranking scores={s} intact={intact.full} lesion={lesion} onLesion={onLesion} />}
      </Loaded>
    </div>
  );
}

function DamagedDrawing({ net, lesion }: { net: Network<Float32Array>; lesion: Lesion }) {
  const damaged = useMemo(() => lesionNetwork(net, lesion), [net, lesion]);
  return <DrawingAnswers net={net} damaged={damaged} />;
}
