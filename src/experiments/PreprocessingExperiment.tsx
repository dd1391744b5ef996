// Experiment 4: preprocessing as a lesson. A drawing's path to the network (its strokes re-inked with a pen fitted
// to its size, the ink's box, the box scaled into 20 × 20, the result placed in 28 × 28 by its centre of mass),
// each step switchable, and what the network answers with the steps chosen and with all three.
import { useMemo, useState, type ReactNode } from "react";
import { ALL_STEPS, answer, type PreprocessSteps } from "../engine/analysis.ts";
import {
  drawingStages,
  inkStrokes,
  padFrame,
  strokesBox,
  type DrawingStages,
  type Strokes,
} from "../engine/drawing.ts";
import { forward, type Network } from "../engine/network.ts";
import { MNIST_BOX, MNIST_SIDE } from "../engine/preprocess.ts";
import { formatValue } from "../render/theme.ts";
import type { Checkpoint } from "../worker/models.ts";
import { useModel } from "./data.tsx";
import { PreprocessingExamples } from "./PreprocessingExamples.tsx";
import { DRAWINGS } from "../render/drawings.ts";
import { formatConfidence, GrayImage, Loaded } from "./parts.tsx";
import { PAD_SIDE, SketchPad } from "../components/SketchPad.tsx";
import "./preprocessing.css";

/** Side of each stage's frame on screen, CSS px. */
const FRAME = 140;

const STEP_LABELS: Record<keyof PreprocessSteps, string> = {
  crop: "Crop to the ink",
  scale: "Scale into 20 × 20",
  centre: "Centre the centre of mass",
};

/** A whole number with a true minus sign: "3", "−2". */
function signed(n: number): string {
  return n < 0 ? `\u2212${-n}` : String(n);
}

function Stage({
  n,
  title,
  note,
  children,
  stage,
}: {
  n: number | null;
  title: string;
  note: string;
  children: ReactNode;
  stage: string;
}) {
  return (
    <figure className="stage" data-stage={stage}>
      <div className="stage-frame" style={{ width: FRAME, height: FRAME }}>
        {children}
      </div>
      <figcaption>
        <span className="stage-title">
          {n === null ? null : <span className="num step-number">{n}</span>} {title}
        </span>
        <span className="hint num stage-note">{note}</span>
      </figcaption>
    </figure>
  );
}

/** Stage 0: the strokes inked again on the pad with the drawing's own pen, and the box cropped from it. */
function ReinkedStage({ strokes, stages }: { strokes: Strokes; stages: DrawingStages }) {
  const { padBox, pen } = stages;
  const ink = useMemo(() => inkStrokes(strokes, pen, padFrame(PAD_SIDE)), [strokes, pen]);
  const drawn = strokesBox(strokes);
  const size = drawn ? Math.round(Math.max(drawn.width, drawn.height)) : 0;
  const k = FRAME / PAD_SIDE;
  return (
    <Stage
      n={0}
      stage="pad"
      title="Re-inked with a pen for its size"
      note={`pen ${formatValue(pen, 1)} px for a ${size} px drawing`}
    >
      <GrayImage
        values={ink.pixels}
        width={ink.width}
        height={ink.height}
        size={FRAME}
        label={`Your strokes re-inked on the ${PAD_SIDE} by ${PAD_SIDE} pad with a pen ${formatValue(pen, 1)} pixels wide`}
      />
      <svg className="overlay" viewBox={`0 0 ${FRAME} ${FRAME}`} aria-hidden="true">
        <rect
          x={padBox.x * k}
          y={padBox.y * k}
          width={padBox.width * k}
          height={padBox.height * k}
          className="box"
        />
      </svg>
    </Stage>
  );
}

function Stages({ strokes, stages }: { strokes: Strokes; stages: DrawingStages }) {
  const { steps, padBox, cropped, scaled, offset, input } = stages;
  const box = { width: Math.round(padBox.width), height: Math.round(padBox.height) };
  const fit = FRAME / Math.max(cropped.width, cropped.height);
  const unit = FRAME / MNIST_SIDE; // CSS px per MNIST pixel
  const centreX = offset.x + stages.centreOfMass.x;
  const centreY = offset.y + stages.centreOfMass.y;
  return (
    <div className="stages">
      <ReinkedStage strokes={strokes} stages={stages} />
      <Stage
        n={1}
        stage="crop"
        title={steps.crop ? "The ink’s box" : "No crop: the whole pad"}
        note={`${box.width} × ${box.height} px`}
      >
        <GrayImage
          values={cropped.pixels}
          width={cropped.width}
          height={cropped.height}
          size={cropped.width * fit}
          label={`The box cut from the pad, ${box.width} by ${box.height} pixels`}
          className="centred"
        />
      </Stage>
      <Stage
        n={2}
        stage="scale"
        title={steps.scale ? "Scaled into 20 × 20" : "No scaling: its size on the pad"}
        note={`${scaled.width} × ${scaled.height} px`}
      >
        <GrayImage
          values={scaled.pixels}
          width={scaled.width}
          height={scaled.height}
          size={scaled.width * unit}
          label={`The box resampled to ${scaled.width} by ${scaled.height} pixels`}
          className="centred"
        />
        <svg className="overlay" viewBox={`0 0 ${FRAME} ${FRAME}`} aria-hidden="true">
          <rect
            x={((MNIST_SIDE - MNIST_BOX) / 2) * unit}
            y={((MNIST_SIDE - MNIST_BOX) / 2) * unit}
            width={MNIST_BOX * unit}
            height={MNIST_BOX * unit}
            className="guide"
          />
        </svg>
      </Stage>
      <Stage
        n={3}
        stage="centre"
        title={steps.centre ? "Centred by its mass" : "No centring: where it was drawn"}
        note={`box at (${signed(offset.x)}, ${signed(offset.y)})`}
      >
        <div data-offset={`${offset.x},${offset.y}`} className="input-image">
          <GrayImage values={input} size={FRAME} label="What the network sees: 28 by 28 pixels" />
        </div>
        <svg className="overlay" viewBox={`0 0 ${FRAME} ${FRAME}`} aria-hidden="true">
          <line x1={FRAME / 2} x2={FRAME / 2} y1={0} y2={FRAME} className="guide" />
          <line x1={0} x2={FRAME} y1={FRAME / 2} y2={FRAME / 2} className="guide" />
          <circle cx={centreX * unit} cy={centreY * unit} r={4} className="mass" />
        </svg>
      </Stage>
    </div>
  );
}

function Outputs({
  net,
  input,
  caption,
  term,
}: {
  net: Network<Float32Array>;
  input: Float32Array;
  caption: string;
  term: string;
}) {
  const a = forward(net, input);
  const { digit, confidence } = answer(a, net.spec.output);
  return (
    <figure className="answer" data-term={term} data-digit={digit} data-confidence={confidence}>
      <figcaption>
        {caption}: <strong className="num answer">{digit}</strong>{" "}
        <span className="num">({formatConfidence(confidence)})</span>
      </figcaption>
      <ol className="bars" aria-label={`${caption}: the ten outputs`}>
        {Array.from(a, (v, j) => (
          <li key={j} className={j === digit ? "top" : undefined}>
            <span className="num digit">{j}</span>
            <span className="bar">
              <span style={{ width: `${100 * Math.min(1, Math.max(0, v))}%` }} />
            </span>
            <span className="num">{formatValue(v, 2)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

export function PreprocessingExperiment({ epochs }: { epochs: Checkpoint }) {
  const model = useModel(epochs);
  const [strokes, setStrokes] = useState<Strokes | null>(null);
  const [steps, setSteps] = useState<PreprocessSteps>(ALL_STEPS);
  const stages = useMemo(() => (strokes ? drawingStages(strokes, PAD_SIDE, steps) : null), [strokes, steps]);
  const full = useMemo(() => (strokes ? drawingStages(strokes, PAD_SIDE) : null), [strokes]);
  const allOn = steps.crop && steps.scale && steps.centre;
  return (
    <div className="experiment preprocessing">
      <section className="prose">
        <p>
          The network only ever saw MNIST’s digits, and those were prepared in a particular way: each scanned
          digit was cut to the box around its ink, scaled so its longer side is 20 pixels (keeping its shape,
          and smoothing the edges), and put in a 28 × 28 field so that its centre of mass lands in the middle.
          A drawing has to go through the same steps before the network can make sense of it.
        </p>
        <p>
          One step comes first, because a pen is not a scanner: MNIST’s strokes end up about two and a half
          pixels wide in the 20-pixel box, whatever size the writer used. So your strokes are kept as lines
          and inked again with a pen whose width grows with your drawing; a small digit in a corner then
          reaches the network as thick as a large one in the middle.
        </p>
        <p>
          Draw a digit, or pick a ready-made one, then switch steps off to see what each one is for. Small
          digits, digits drawn in a corner and digits that fill the pad are where it shows most. The table
          says what this network makes of each ready-made drawing, with every step and without each.
        </p>
      </section>
      <Loaded resource={model} what="Loading the network">
        {(net) => <PreprocessingExamples net={net} />}
      </Loaded>
      <div className="preprocess-layout">
        <SketchPad onDrawing={setStrokes} drawings={DRAWINGS} />
        <div className="preprocess-side">
          <fieldset className="steps">
            <legend>Steps</legend>
            {(Object.keys(STEP_LABELS) as (keyof PreprocessSteps)[]).map((key) => (
              <label key={key}>
                <input
                  type="checkbox"
                  checked={steps[key]}
                  onChange={(e) => setSteps({ ...steps, [key]: e.target.checked })}
                />{" "}
                {STEP_LABELS[key]}
              </label>
            ))}
          </fieldset>
          {strokes && stages && full ? (
            <>
              <Stages strokes={strokes} stages={stages} />
              <Loaded resource={model} what="Loading the network">
                {(net) => (
                  <div className="answers" aria-live="polite">
                    <Outputs
                      net={net}
                      input={stages.input}
                      caption="With these steps it says"
                      term="chosen"
                    />
                    {allOn ? null : (
                      <Outputs net={net} input={full.input} caption="With all three it says" term="all" />
                    )}
                  </div>
                )}
              </Loaded>
            </>
          ) : (
            <p className="hint empty-pad">
              Each stage of the drawing’s path, and the network’s answer, appear here once there is ink on the
              pad.
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
