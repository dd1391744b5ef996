// The scene "Backpropagation calculus": pick any weight or bias of the videos' network (after 5 epochs) and read
// its chain rule with the engine's numbers for one example (a test image or the learner's drawing) — factors, bias, sums over the next layer, the
// recursion to deeper layers, the mini-batch average and a finite-difference check.
import { useMemo, useState } from "react";
import type { ParamRef } from "../../engine/experiments.ts";
import { depth } from "../../engine/network.ts";
import { checkpointScene, type CheckpointSceneProps } from "../backprop/Checkpoint.tsx";
import { BACKPROP_CHECKPOINT, BACKPROP_FILE } from "../backprop/checkpoint.ts";
import { rowCol } from "../backprop/nudges.ts";
import { traceLessonExample, useLessonExamples } from "../example.ts";
import { ExamplePicker } from "../views/ImagePicker.tsx";
import { BatchAverage } from "./BatchAverage.tsx";
import { ChainNudge } from "./ChainNudge.tsx";
import "../backprop/backprop.css";
import "../backprop/layers.css";
import "../backprop/minibatch.css";
import "./calculus.css";
import { ChainFactors } from "./ChainFactors.tsx";
import { DEFAULT_STEP_INDEX, defaultParam, largestWeight, sumFocus } from "./chain.ts";
import { Deeper } from "./Deeper.tsx";
import { FiniteDifference } from "./FiniteDifference.tsx";
import { NetworkPicker } from "./NetworkPicker.tsx";
import { PathSum } from "./PathSum.tsx";
import type { CalculusView } from "./steps.ts";
import { Tree } from "./Tree.tsx";
import { usePublishGlance } from "../glance/glance.ts";
import { calculusGlance } from "../glance/sceneGlances.ts";

/** Images in the mini-batch of the "averaging" step. */
const BATCH_SIZE = 8;

export const CalculusScene = checkpointScene(Live);

function Live({ view, test, drawing, net }: CheckpointSceneProps<CalculusView>) {
  const examples = useLessonExamples(test, drawing, BATCH_SIZE);
  const { example, batch } = examples;
  const trace = useMemo(() => traceLessonExample(net, example), [net, example]);
  // null: the default weight for this image.
  const [chosen, setChosen] = useState<ParamRef | null>(null);
  const [hIndex, setHIndex] = useState(DEFAULT_STEP_INDEX);
  const L = depth(net.spec);
  // Deeper layers open on a weight one layer back (the largest there), the others on the output's weight.
  const p = chosen ?? (view === "deep" && L > 1 ? largestWeight(trace, L - 1) : defaultParam(net, trace));
  const { j } = rowCol(net.spec, p);
  const focus = sumFocus(net.spec, trace, p);
  // p is made afresh each render when it follows the image: the glance changes only when it names another one.
  const pKey = `${p.kind}${p.layer}:${p.index}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  usePublishGlance(useMemo(() => calculusGlance(net, trace, view, p), [net, trace, view, pKey]));

  return (
    <div className="calculus-scene" data-checkpoint={BACKPROP_FILE}>
      <div className="live-controls">
        <ExamplePicker test={test} examples={examples} />
        <span className="hint">network after {BACKPROP_CHECKPOINT} epochs of training</span>
      </div>
      <div className={view === "deep" ? "calculus-body wide" : "calculus-body"}>
        <NetworkPicker
          net={net}
          trace={trace}
          value={p}
          onChange={setChosen}
          paths={view === "sum" ? focus : null}
        />
        <div className="calculus-detail">
          {view === "tree" ? <Tree net={net} trace={trace} p={p} /> : null}
          {view === "chain" ? (
            <>
              <ChainNudge net={net} trace={trace} p={p} />
              <ChainFactors net={net} trace={trace} p={p} />
            </>
          ) : null}
          {view === "bias" ? (
            <>
              <ChainFactors
                net={net}
                trace={trace}
                p={{ kind: "b", layer: p.layer, index: j }}
                prefix="bias-"
              />
              {p.kind === "w" ? (
                <>
                  <p className="hint">and, for comparison, the weight selected:</p>
                  <ChainFactors net={net} trace={trace} p={p} />
                </>
              ) : null}
            </>
          ) : null}
          {view === "sum" ? <PathSum net={net} trace={trace} m={focus.layer} k={focus.k} /> : null}
          {view === "deep" ? <Deeper net={net} trace={trace} p={p} onPick={setChosen} /> : null}
          {view === "batch" ? <BatchAverage net={net} batch={batch} p={p} /> : null}
          {view === "check" ? (
            <FiniteDifference net={net} trace={trace} p={p} hIndex={hIndex} onH={setHIndex} />
          ) : null}
          {view === "sum" && p.layer === L && p.kind === "b" ? (
            <p className="hint">
              A bias of the output layer feeds no sum; shown: the hidden neuron with the largest ∂C₀/∂a.
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
