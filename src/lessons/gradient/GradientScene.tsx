// The scene "Rolling downhill": every number comes from the lab worker (one per mount of the scene) holding the
// epoch-1 network and the test set: the batch's mean gradient (traceBatch), the cost along one weight and over two
// (costSurface), the ball's descent at the chosen η (descend) and the learning-rate finder (findLearningRate).
import { useState, type ReactNode } from "react";
import type { ParamRef } from "../../engine/experiments.ts";
import type { Gradient, NetworkSpec } from "../../engine/network.ts";
import type { LessonData } from "../data.ts";
import { formatCount } from "../../render/format.ts";
import type { Lab } from "../lab/lab.ts";
import { Computing, LabStarting } from "../lab/LabStatus.tsx";
import { useLabSession } from "../lab/useLab.tsx";
import { usePrefersReducedMotion } from "../motion.ts";
import type { SceneProps } from "../types.ts";
import { Num } from "../views/Num.tsx";
import { BatchStrip } from "./BatchStrip.tsx";
import { CostCurve } from "./CostCurve.tsx";
import { Descent1D, Descent2D } from "./Descent.tsx";
import { LargestNudges } from "./LargestNudges.tsx";
import { describe, paramText } from "./nudges.ts";
import { NudgeVector } from "./NudgeVector.tsx";
import { RateScrubber } from "./RateControl.tsx";
import { RateFinder } from "./RateFinder.tsx";
import { GRADIENT_CHECKPOINT, GRADIENT_SETTINGS as S, type GradientView } from "./steps.ts";
import { useGradientLab, type GradientLab } from "./useGradientLab.ts";
import { gradientGlance } from "../glance/sceneGlances.ts";
import { useCheckpointGlance } from "../glance/useCheckpointGlance.ts";
import "./gradient.css";
import "./tables.css";
import "./nudges.css";
import "./rateFinder.css";

export function GradientScene({ view, data }: SceneProps<GradientView>) {
  const session = useLabSession({ checkpoint: GRADIENT_CHECKPOINT, trainLimit: 0 });
  if (session.status === "error")
    return (
      <div className="notice error" role="alert">
        <p>The lab could not start: {session.message}</p>
      </div>
    );
  if (session.status === "loading")
    return <LabStarting stage={session.stage} what="the network after one epoch of training" />;
  return <GradientLive lab={session.lab} spec={session.spec} view={view} data={data} />;
}

/** A gradient's component for one parameter: the lab's number, read off its arrays. */
function at(grad: Gradient, p: ParamRef): number {
  return (p.kind === "w" ? grad.dw : grad.db)[p.layer]![p.index]!;
}

/** The cost along the weight with its tangent where the weight is now, and the slope read out in words. */
function SlopeHere({
  surface,
  slope,
  cost,
  name,
  where,
}: {
  surface: Parameters<typeof CostCurve>[0]["surface"];
  slope: number;
  cost: number;
  name: string;
  where: string;
}) {
  return (
    <>
      <CostCurve surface={surface} path={null} index={0} tangent={{ slope, cost }} weightName={name} />
      <p className="readout">
        At its current value <span className="sym">{name}</span> ={" "}
        <Num term="weight-now" value={surface.centre[0]!} digits={3} /> the batch's cost is C ={" "}
        <Num term="batch-cost" value={cost} digits={4} /> and the slope is ∂C/∂w ={" "}
        <Num term="slope-now" value={slope} digits={4} precise signed />:{" "}
        {slope > 0
          ? "positive, so a smaller weight means a lower cost."
          : "negative, so a larger weight means a lower cost."}
      </p>
      <p className="hint">
        {name} is the weight {where}; the other parameters stay fixed.
      </p>
    </>
  );
}

/** The η scrubber, and once the reader has moved the ball's start, a button (`children`) to move it back. */
function RateControls({
  eta,
  onEta,
  moved,
  onBack,
  children,
}: {
  eta: number;
  onEta: (eta: number) => void;
  moved: boolean;
  onBack: () => void;
  children: ReactNode;
}) {
  return (
    <div className="live-controls">
      <RateScrubber eta={eta} onChange={onEta} />
      {moved ? (
        <button type="button" onClick={onBack}>
          {children}
        </button>
      ) : null}
    </div>
  );
}

interface LiveProps {
  readonly lab: Lab;
  readonly spec: NetworkSpec;
  readonly view: GradientView;
  readonly data: LessonData;
}

function GradientLive({ lab, spec, view, data }: LiveProps) {
  const reduced = usePrefersReducedMotion();
  const g = useGradientLab(lab, view, data.test);
  const { trace, mean, weights, nudges, curve, finder } = g;
  const [neuron, setNeuron] = useState<number | null>(null);
  const glanceKey = `${view} ${weights?.map((p) => `${p.kind}${p.layer}:${p.index}`).join(" ")}`;
  useCheckpointGlance(GRADIENT_CHECKPOINT, (net) => gradientGlance(net, view, weights ?? []), glanceKey);

  if (!trace.value || !mean || !weights || !nudges)
    return <Computing what="the gradient on the batch" error={trace.error} />;

  const names: [string, string] = [paramText(spec, weights[0]), paramText(spec, weights[1])];
  const biggest = nudges.top[0]!;
  const largestName = `${paramText(spec, biggest)}, ${describe(spec, biggest)}`;
  const L = spec.sizes.length - 1;
  // The output neuron shown first: the one whose bias has the largest nudge.
  const defaultNeuron = Array.from(mean.db[L]!).reduce(
    (best, gj, j, db) => (Math.abs(gj) > Math.abs(db[best]!) ? j : best),
    0,
  );

  switch (view) {
    case "curve":
      return (
        <div className="gradient-scene">
          <BatchStrip test={data.test} batch={g.batch} />
          {curve.value ? (
            <SlopeHere
              surface={curve.value}
              slope={at(mean, weights[0])}
              cost={trace.value.cost}
              name={names[0]}
              where={describe(spec, weights[0])}
            />
          ) : (
            <Computing what="the cost along the weight" error={curve.error} />
          )}
        </div>
      );
    case "roll":
    case "rate":
      return <RollAlongOne g={g} view={view} name={names[0]} reduced={reduced} />;
    case "surface":
      return <RollOverTwo g={g} names={names} spec={spec} reduced={reduced} />;
    case "vector":
      return (
        <div className="gradient-scene">
          <NudgeVector
            spec={spec}
            mean={mean}
            max={nudges.max}
            largestName={largestName}
            neuron={neuron ?? defaultNeuron}
            onNeuron={setNeuron}
            marked={[weights[0]]}
            total={nudges.total}
          />
        </div>
      );
    case "largest":
      return (
        <div className="gradient-scene">
          <LargestNudges
            spec={spec}
            top={nudges.top}
            counts={nudges.counts}
            max={nudges.max}
            largestName={largestName}
            total={nudges.total}
          />
        </div>
      );
    case "finder":
      return (
        <div className="gradient-scene">
          {finder.value ? (
            <RateFinder trials={finder.value} reduced={reduced} />
          ) : (
            <Computing what="the learning-rate trials" error={finder.error} />
          )}
        </div>
      );
  }
}

/** The ball along one weight at the chosen η: its steps (roll) or the verdict on η (rate). */
function RollAlongOne({
  g,
  view,
  name,
  reduced,
}: {
  g: GradientLab;
  view: "roll" | "rate";
  name: string;
  reduced: boolean;
}) {
  const { curve, path1 } = g;
  return (
    <div className="gradient-scene">
      <RateControls eta={g.eta} onEta={g.setEta} moved={g.start1 !== null} onBack={() => g.setStart1(null)}>
        Start from the current value
      </RateControls>
      {curve.value && path1.value ? (
        <Descent1D
          view={view}
          surface={curve.value}
          path={path1.value}
          busy={path1.busy}
          reduced={reduced}
          runKey={path1.key ?? ""}
          weightName={name}
          onPick={g.setStart1}
        />
      ) : (
        <Computing what="the descent" error={curve.error ?? path1.error} />
      )}
    </div>
  );
}

/** The ball over the landscape of two weights at the chosen η. */
function RollOverTwo({
  g,
  names,
  spec,
  reduced,
}: {
  g: GradientLab;
  names: [string, string];
  spec: NetworkSpec;
  reduced: boolean;
}) {
  const { surface, path2, weights } = g;
  return (
    <div className="gradient-scene">
      <RateControls eta={g.eta} onEta={g.setEta} moved={g.start2 !== null} onBack={() => g.setStart2(null)}>
        Start from the current values
      </RateControls>
      {surface.value && path2.value && weights ? (
        <Descent2D
          surface={surface.value}
          path={path2}
          reduced={reduced}
          names={names}
          onPick={g.setStart2}
          spec={spec}
          weights={weights}
        />
      ) : (
        <Computing
          what={`the cost over the two weights (${formatCount(S.points2d ** 2)} points)`}
          error={surface.error ?? path2.error}
        />
      )}
    </div>
  );
}
