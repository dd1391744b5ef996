// "Ask it to draw a 5": the weights stay fixed and the 784 pixels climb the gradient of one output aⱼ
// (engine/inputAscent.ts, run in the experiments worker). The image and aⱼ are painted as they change; beside
// them the average training image of the digit; at the end, what this run showed, in words.
import { useCallback, useMemo, useRef, useState } from "react";
import { answer, noiseImages } from "../../engine/analysis.ts";
import { meanDifference, type DigitAverages } from "../../engine/inputAscent.ts";
import { MNIST_PIXELS, MNIST_SIDE } from "../../engine/mnist.ts";
import { drawingToMnist, type Strokes } from "../../engine/drawing.ts";
import { forward, type Network } from "../../engine/network.ts";
import { SketchPad } from "../../components/SketchPad.tsx";
import { DRAWINGS } from "../../render/drawings.ts";
import { LabelPicker } from "../../components/LabelPicker.tsx";
import { CERTAIN, paintAscentChart } from "../../render/ascentChart.ts";
import { devicePixelRatio, fitCanvas } from "../../render/canvas.ts";
import { paintGrayscale } from "../../render/pad.ts";
import { formatValue } from "../../render/theme.ts";
import type { Checkpoint } from "../../worker/models.ts";
import { useAverages, useModel, type Resource } from "../data.tsx";
import { formatConfidence, GrayImage, Loaded, SeedControl } from "../parts.tsx";
import {
  ASCENT_STARTS,
  MAX_ROUGHNESS,
  type AscentStart,
  type ExperimentRoute,
  type ParamChanges,
} from "../url.ts";
import { MAX_STEPS, useAscent, type AscentProgress } from "./useAscent.ts";
import "./draw.css";

const START_NAMES: Record<AscentStart, string> = {
  noise: "Noise (from the seed)",
  blank: "A blank image",
  average: "The average training digit",
  drawing: "Your drawing",
};

const IMAGE_SIZE = 196;
/** The drawing pad's side when the run starts from a drawing, CSS px. */
const PAD_SIZE = 196;
const CHART = { width: 300, height: 150 };

/** The page's settings, read from and written to the URL. */
export interface DrawDigitProps {
  epochs: Checkpoint;
  seed: number;
  route: Pick<ExperimentRoute, "digit" | "start" | "roughness">;
  onSeed: (seed: number) => void;
  /** Changes URL parameters (a string each; the defaults are dropped from the URL). */
  onParams: (changes: ParamChanges) => void;
}

/**
 * The ascent's first image: noise of the seed, a blank image, the average of all training digits, or the
 * learner's drawing as the network sees it; null while there is none yet.
 */
function startImage(
  start: AscentStart,
  seed: number,
  averages: Resource<DigitAverages>,
  strokes: Strokes | null,
): Float32Array | null {
  if (start === "noise") return noiseImages(seed, 1);
  if (start === "blank") return new Float32Array(MNIST_PIXELS);
  if (start === "drawing") return strokes ? drawingToMnist(strokes) : null;
  return averages.status === "ready" ? averages.value.all : null;
}

export function DrawDigitExperiment({ epochs, seed, route, onSeed, onParams }: DrawDigitProps) {
  const { digit, start, roughness } = route;
  const model = useModel(epochs);
  const averages = useAverages();
  const [strokes, setStrokes] = useState<Strokes | null>(null);
  const x0 = useMemo(() => startImage(start, seed, averages, strokes), [start, seed, averages, strokes]);
  return (
    <div className="experiment draw-digit">
      <section className="prose">
        <p>
          Training changes the weights so that the outputs match the pictures. Here the weights stay as they
          are and the picture changes instead: every pixel is nudged in the direction that raises one output
          neuron, the gradient of that output with respect to the 784 inputs, computed by the same backward
          pass as backpropagation. Pixels stay between black (0) and white (1).
        </p>
        <p>
          If the network had learned what a {digit} looks like, the picture that convinces it most should look
          like a {digit}. Does it?
        </p>
      </section>
      <div className="draw-controls">
        <LabelPicker
          prompt="Ask for the digit"
          label={digit}
          onLabel={(d) => onParams({ digit: String(d) })}
        />
        <label>
          Start from{" "}
          <select value={start} onChange={(e) => onParams({ start: e.target.value })}>
            {ASCENT_STARTS.map((s) => (
              <option key={s} value={s}>
                {START_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Roughness penalty λ{" "}
          <input
            type="range"
            min={0}
            max={MAX_ROUGHNESS}
            step={1}
            value={roughness}
            onChange={(e) => onParams({ roughness: e.target.value })}
          />
          <span className="num">{roughness}</span>
        </label>
      </div>
      {start === "noise" ? <SeedControl seed={seed} onSeed={onSeed} /> : null}
      {start === "drawing" ? (
        <div className="start-pad">
          <SketchPad onDrawing={setStrokes} drawings={DRAWINGS} size={PAD_SIZE} />
        </div>
      ) : null}
      <Loaded resource={model} what="Loading the network">
        {(net) => (
          <AscentView
            waiting={
              start === "drawing"
                ? "The run starts from your drawing once there is ink on the pad."
                : "The run starts once the training digits are in."
            }
            net={net}
            epochs={epochs}
            x0={x0}
            digit={digit}
            roughness={roughness}
            averages={averages}
          />
        )}
      </Loaded>
    </div>
  );
}

/** The live view's elements, and `paint(progress)` that updates them outside React's render path. */
function useAscentCanvases() {
  const imageRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<HTMLCanvasElement>(null);
  const outputRef = useRef<HTMLOutputElement>(null);
  const stepRef = useRef<HTMLSpanElement>(null);
  const paint = useCallback((p: AscentProgress) => {
    const image = imageRef.current?.getContext("2d");
    if (image) paintGrayscale(image, p.state.x, MNIST_SIDE, MNIST_SIDE);
    const chart =
      chartRef.current && fitCanvas(chartRef.current, CHART.width, CHART.height, devicePixelRatio());
    if (chart) paintAscentChart(chart, p.startOutput, p.outputs, { ...CHART, maxSteps: MAX_STEPS });
    if (outputRef.current) outputRef.current.textContent = formatValue(p.state.output, 4);
    if (stepRef.current) stepRef.current.textContent = String(p.state.steps);
  }, []);
  return { imageRef, chartRef, outputRef, stepRef, paint };
}

function AscentView({
  waiting,
  net,
  epochs,
  x0,
  digit,
  roughness,
  averages,
}: {
  /** What the view waits for while there is no first image. */
  waiting: string;
  net: Network<Float32Array>;
  epochs: Checkpoint;
  x0: Float32Array | null;
  digit: number;
  roughness: number;
  averages: Resource<DigitAverages>;
}) {
  const { imageRef, chartRef, outputRef, stepRef, paint } = useAscentCanvases();
  const [run, setRun] = useState(0);
  const options = useMemo(() => ({ digit, roughness }), [digit, roughness]);
  const status = useAscent(net, epochs, x0, options, run, paint);
  const done = status.kind === "done" ? status.progress : null;
  return (
    <>
      <div
        className="ascent"
        data-status={x0 ? status.kind : "waiting"}
        data-digit={digit}
        {...(done ? { "data-output": done.state.output, "data-steps": done.state.steps } : {})}
      >
        <figure className="ascent-image">
          <canvas
            ref={imageRef}
            className="pixels"
            width={MNIST_SIDE}
            height={MNIST_SIDE}
            role="img"
            aria-label={`The image the network is asked to call a ${digit}`}
            style={{ width: IMAGE_SIZE, height: IMAGE_SIZE }}
          />
          <figcaption>
            Step <span ref={stepRef} className="num" /> · output {digit}:{" "}
            <output ref={outputRef} className="num answer" aria-label={`Output ${digit}`} />
          </figcaption>
        </figure>
        <figure className="ascent-chart">
          <canvas
            ref={chartRef}
            role="img"
            aria-label={`Output ${digit} after each step, from 0 to 1; the dashed line is ${CERTAIN}`}
            style={{ width: CHART.width, height: CHART.height }}
          />
          <figcaption className="hint">
            Output {digit} after each step; dashed: {CERTAIN}
          </figcaption>
        </figure>
        <AverageFigure averages={averages} digit={digit} />
      </div>
      {status.kind === "error" ? (
        <div className="notice error" role="alert">
          <p>{status.message}</p>
        </div>
      ) : null}
      {x0 === null ? <p className="hint">{waiting}</p> : null}
      {done && x0 ? <Conclusion net={net} digit={digit} x0={x0} done={done} averages={averages} /> : null}
      <button type="button" disabled={status.kind === "running"} onClick={() => setRun((r) => r + 1)}>
        Run it again
      </button>
    </>
  );
}

/** The average training image of `digit`, once the training digits are in. */
function AverageFigure({ averages, digit }: { averages: Resource<DigitAverages>; digit: number }) {
  return (
    <figure className="ascent-average">
      <Loaded resource={averages} what="Downloading the 60,000 training digits">
        {(a) => (
          <GrayImage
            values={a.digits.subarray(digit * MNIST_PIXELS, (digit + 1) * MNIST_PIXELS)}
            size={IMAGE_SIZE}
            label={`The average of the training images labelled ${digit}`}
          />
        )}
      </Loaded>
      <figcaption>The average training {digit}</figcaption>
    </figure>
  );
}

/** What this run showed, from its own numbers. */
function Conclusion({
  net,
  digit,
  x0,
  done,
  averages,
}: {
  net: Network<Float32Array>;
  digit: number;
  x0: Float32Array;
  done: AscentProgress;
  averages: Resource<DigitAverages>;
}) {
  const { state, outputs, startOutput } = done;
  const a = forward(net, state.x);
  const said = answer(a, net.spec.output);
  const certainAt = outputs.findIndex((v) => v >= CERTAIN);
  const average =
    averages.status === "ready"
      ? averages.value.digits.subarray(digit * MNIST_PIXELS, (digit + 1) * MNIST_PIXELS)
      : null;
  return (
    <div className="prose conclusion" data-certain-step={certainAt + 1}>
      <p>
        After <span className="num">{state.steps}</span> steps
        {state.stalled ? " (no step raised it further)" : ""} output {digit} reads{" "}
        <strong className="num">{formatValue(state.output, 4)}</strong>, up from{" "}
        <span className="num">{formatValue(startOutput, 4)}</span>
        {certainAt >= 0 ? (
          <>
            {" "}
            (above {CERTAIN} from step <span className="num">{certainAt + 1}</span>)
          </>
        ) : (
          <> (it never reached {CERTAIN})</>
        )}
        . The network’s answer is <strong className="num">{said.digit}</strong>, with{" "}
        <span className="num">{formatConfidence(said.confidence)}</span> confidence.
      </p>
      {average ? (
        <DifferenceSentence
          digit={digit}
          said={said.digit}
          before={meanDifference(x0, average)}
          after={meanDifference(state.x, average)}
        />
      ) : null}
    </div>
  );
}

/** A fall in mean difference the conclusion calls "closer" rather than "only a little closer". */
const CLEARLY_CLOSER = 0.1;

/** How far the run moved the picture towards the average digit, beside how far it moved the output. */
function DifferenceSentence({
  digit,
  said,
  before,
  after,
}: {
  digit: number;
  said: number;
  before: number;
  after: number;
}) {
  return (
    <p>
      Pixel for pixel, the image differs from the average training {digit} by{" "}
      <span className="num">{formatValue(after, 3)}</span> on average (0 is the same picture, 1 its negative);
      the starting image differed by <span className="num">{formatValue(before, 3)}</span>.{" "}
      {said !== digit
        ? `Even so, the network’s answer is not ${digit}.`
        : before - after >= CLEARLY_CLOSER
          ? `The network is now sure it sees a ${digit}, and the picture came closer to the average ${digit} beside it.`
          : `The network is now sure it sees a ${digit}, yet the picture came ${after < before ? "only a little" : "no"} closer to the average ${digit} beside it: what convinces the network is a pattern of pixels its weights reward, not the shape of a ${digit}.`}
    </p>
  );
}
