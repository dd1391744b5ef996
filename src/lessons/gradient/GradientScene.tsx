// The scene "Rolling downhill": every number comes from the lab worker (one per mount of the scene) holding the
// epoch-1 network and the test set: the batch's mean gradient (traceBatch), the cost along one weight and over two
// (costSurface), the ball's descent at the chosen η (descend) and the learning-rate finder (findLearningRate).
import { useMemo, useState } from "react";
import type { DescentStep, ParamRef } from "../../engine/experiments.ts";
import type { Gradient, NetworkSpec } from "../../engine/network.ts";
import type { LessonData } from "../data.ts";
import { formatCount } from "../format.ts";
import { usePrefersReducedMotion } from "../motion.ts";
import type { SceneProps } from "../types.ts";
import { Num } from "../views/Num.tsx";
import { batchRefs } from "./batch.ts";
import { BatchStrip } from "./BatchStrip.tsx";
import { CostCurve } from "./CostCurve.tsx";
import { CostLandscape } from "./CostLandscape.tsx";
import { chooseWeights } from "./descent.ts";
import { Computing, LabStarting } from "../lab/LabStatus.tsx";
import { LargestNudges } from "./LargestNudges.tsx";
import { components, describe, largest, largestSize, paramText, sizeCounts } from "./nudges.ts";
import { NudgeVector } from "./NudgeVector.tsx";
import { CostBySteps, RateScrubber, Verdict } from "./RateControl.tsx";
import { RateFinder } from "./RateFinder.tsx";
import { GRADIENT_MODEL, GRADIENT_SETTINGS as S, type GradientView } from "./steps.ts";
import { START_MODEL, useLabQuery, useLabSession, type Lab, type LabAnswer } from "../lab/useLab.tsx";
import { useReveal } from "./useReveal.ts";
import "./gradient.css";

/** Time between two hops of the ball, ms. */
const HOP_INTERVAL = 110;
/** Rows of the largest nudges. */
const TOP_COUNT = 12;

export function GradientScene({ view, data }: SceneProps<GradientView>) {
  const session = useLabSession({ model: GRADIENT_MODEL, trainLimit: 0 });
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

function key(parts: readonly (number | string | null | undefined | readonly number[])[]): string {
  return JSON.stringify(parts);
}

/** A gradient's component for one parameter: the lab's number, read off its arrays. */
function at(grad: Gradient, p: ParamRef): number {
  return (p.kind === "w" ? grad.dw : grad.db)[p.layer]![p.index]!;
}

interface LiveProps {
  readonly lab: Lab;
  readonly spec: NetworkSpec;
  readonly view: GradientView;
  readonly data: LessonData;
}

function GradientLive({ lab, spec, view, data }: LiveProps) {
  const reduced = usePrefersReducedMotion();
  const batch = useMemo(() => batchRefs(data.test), [data.test]);
  const model = START_MODEL;

  const trace = useLabQuery("trace", () => lab.call("traceBatch", { model, batch }));
  const mean = trace.value?.mean ?? null;
  const weights = useMemo(() => (mean ? chooseWeights(mean) : null), [mean]);

  const curve = useLabQuery(weights ? "curve" : null, () =>
    lab.call("costSurface", { model, batch, params: [weights![0]], span: S.span, steps: S.points1d }),
  );

  const [eta, setEta] = useState<number>(S.defaultRate);
  const [start1, setStart1] = useState<number | null>(null);
  const [start2, setStart2] = useState<[number, number] | null>(null);

  const path1Key = weights && view !== "surface" ? key(["1", eta, start1]) : null;
  const path1 = useLabQuery(path1Key, () =>
    lab.call("descend", {
      model,
      batch,
      params: [weights![0]],
      learningRate: eta,
      steps: S.descentSteps,
      ...(start1 === null ? {} : { start: [start1] }),
    }),
  );
  const finder = useLabQuery("finder", () =>
    lab.call("findLearningRate", { model, batch, startRate: S.finderStart }),
  );
  const surface = useLabQuery(weights ? "surface" : null, () =>
    lab.call("costSurface", { model, batch, params: weights!, span: S.span, steps: S.points2d }),
  );
  const path2Key = weights && view === "surface" ? key(["2", eta, start2]) : null;
  const path2 = useLabQuery(path2Key, () =>
    lab.call("descend", {
      model,
      batch,
      params: weights!,
      learningRate: eta,
      steps: S.descentSteps,
      ...(start2 === null ? {} : { start: start2 }),
    }),
  );

  const all = useMemo(() => (mean ? components(mean) : null), [mean]);
  const nudges = useMemo(() => {
    if (!all) return null;
    const top = largest(all, TOP_COUNT);
    return { top, max: largestSize(all), counts: sizeCounts(all), total: all.length };
  }, [all]);
  const [neuron, setNeuron] = useState<number | null>(null);

  if (!trace.value || !mean || !weights || !nudges)
    return <Computing what="the gradient on the batch" error={trace.error} />;

  const names: [string, string] = [paramText(spec, weights[0]), paramText(spec, weights[1])];
  const biggest = nudges.top[0]!;
  const largestName = `${paramText(spec, biggest)}, ${describe(spec, biggest)}`;
  const L = spec.sizes.length - 1;
  // The output neuron shown first: the one whose bias has the largest nudge.
  const defaultNeuron = Array.from(mean.db[L]!).reduce(
    (best, g, j, db) => (Math.abs(g) > Math.abs(db[best]!) ? j : best),
    0,
  );

  const scrubber = <RateScrubber eta={eta} onChange={setEta} />;

  switch (view) {
    case "curve":
      return (
        <div className="gradient-scene">
          <BatchStrip test={data.test} batch={batch} />
          {curve.value ? (
            <>
              <CostCurve
                surface={curve.value}
                path={null}
                index={0}
                tangent={{ slope: at(mean, weights[0]), cost: trace.value.cost }}
                weightName={names[0]}
              />
              <p className="readout">
                At its current value <span className="sym">{names[0]}</span> ={" "}
                <Num term="weight-now" value={curve.value.centre[0]!} digits={3} /> the batch's cost is C ={" "}
                <Num term="batch-cost" value={trace.value.cost} digits={4} /> and the slope is ∂C/∂w ={" "}
                <Num term="slope-now" value={at(mean, weights[0])} digits={4} precise signed />:{" "}
                {at(mean, weights[0]) > 0
                  ? "positive, so a smaller weight means a lower cost."
                  : "negative, so a larger weight means a lower cost."}
              </p>
              <p className="hint">
                {names[0]} is the weight {describe(spec, weights[0])}; the other parameters stay fixed.
              </p>
            </>
          ) : (
            <Computing what="the cost along the weight" error={curve.error} />
          )}
        </div>
      );
    case "roll":
    case "rate":
      return (
        <div className="gradient-scene">
          <div className="live-controls">
            {scrubber}
            {start1 !== null ? (
              <button type="button" onClick={() => setStart1(null)}>
                Start from the current value
              </button>
            ) : null}
          </div>
          {curve.value && path1.value ? (
            <Descent1D
              view={view}
              surface={curve.value}
              path={path1.value}
              busy={path1.busy}
              reduced={reduced}
              runKey={path1.key ?? ""}
              weightName={names[0]}
              onPick={setStart1}
            />
          ) : (
            <Computing what="the descent" error={curve.error ?? path1.error} />
          )}
        </div>
      );
    case "surface":
      return (
        <div className="gradient-scene">
          <div className="live-controls">
            {scrubber}
            {start2 !== null ? (
              <button type="button" onClick={() => setStart2(null)}>
                Start from the current values
              </button>
            ) : null}
          </div>
          {surface.value && path2.value ? (
            <Descent2D
              surface={surface.value}
              path={path2}
              reduced={reduced}
              names={names}
              onPick={setStart2}
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

/** The rows of the step table: the last few steps up to the ball's. */
const TABLE_ROWS = 6;

function Descent1D({
  view,
  surface,
  path,
  busy,
  reduced,
  runKey,
  weightName,
  onPick,
}: {
  view: "roll" | "rate";
  surface: Parameters<typeof CostCurve>[0]["surface"];
  path: readonly DescentStep[];
  busy: boolean;
  reduced: boolean;
  runKey: string;
  weightName: string;
  onPick: (w: number) => void;
}) {
  const { index, done, replay } = useReveal(path.length, runKey, { reduced, interval: HOP_INTERVAL });
  const ball = path[index]!;
  const first = Math.max(0, index + 1 - TABLE_ROWS);
  const domain = [surface.axes[0]![0]!, surface.axes[0]!.at(-1)!] as const;
  const inside = (p: DescentStep) => p.values[0]! >= domain[0] && p.values[0]! <= domain[1];
  const off = !inside(ball);
  const anyOff = path.slice(0, index + 1).some((p) => !inside(p));
  return (
    <>
      <CostCurve surface={surface} path={path} index={index} weightName={weightName} onPick={onPick} />
      <div className="descent-row">
        {view === "roll" ? (
          <div className="step-table-box">
            <table className="step-table">
              <caption>
                Step {index} of {path.length - 1}
                {busy ? " (updating…)" : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">step</th>
                  <th scope="col">{weightName}</th>
                  <th scope="col">cost C</th>
                  <th scope="col">slope ∂C/∂w</th>
                </tr>
              </thead>
              <tbody>
                {path.slice(first, index + 1).map((p, i) => (
                  <tr key={first + i} className={first + i === index ? "current" : undefined}>
                    <td>{first + i}</td>
                    <td>
                      <Num term={`step-w-${first + i}`} value={p.values[0]!} digits={3} />
                    </td>
                    <td>
                      <Num term={`step-cost-${first + i}`} value={p.cost} digits={4} />
                    </td>
                    <td>
                      <Num
                        term={`step-slope-${first + i}`}
                        value={p.gradient[0]!}
                        digits={4}
                        precise
                        signed
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="hint">Click the curve to start the ball elsewhere.</p>
          </div>
        ) : (
          <>
            <Verdict path={path} busy={busy} />
            <CostBySteps path={path} />
          </>
        )}
      </div>
      {anyOff ? (
        <p className="hint">
          Triangles mark steps that landed beyond the chart, drawn at its edge.
          {off ? (
            <>
              {" "}
              The ball is now at {weightName} = <Num term="ball-w" value={ball.values[0]!} digits={1} />.
            </>
          ) : null}
        </p>
      ) : null}
      {reduced ? null : (
        <button type="button" onClick={replay} disabled={!done}>
          Replay the descent
        </button>
      )}
    </>
  );
}

function Descent2D({
  surface,
  path,
  reduced,
  names,
  onPick,
  spec,
  weights,
}: {
  surface: Parameters<typeof CostLandscape>[0]["surface"];
  path: LabAnswer<DescentStep[]>;
  reduced: boolean;
  names: [string, string];
  onPick: (v: [number, number]) => void;
  spec: NetworkSpec;
  weights: readonly [ParamRef, ParamRef];
}) {
  const steps = path.value!;
  const { index, done, replay } = useReveal(steps.length, path.key ?? "", {
    reduced,
    interval: HOP_INTERVAL,
  });
  const start = steps[0]!;
  const ball = steps[index]!;
  return (
    <div className="landscape-row">
      <CostLandscape surface={surface} path={steps} index={index} names={names} onPick={onPick} />
      <div className="landscape-side">
        <Verdict path={steps} busy={path.busy} />
        <p className="readout">
          Start: {names[0]} = <Num term="start-w1" value={start.values[0]!} digits={2} />, {names[1]} ={" "}
          <Num term="start-w2" value={start.values[1]!} digits={2} />
        </p>
        <p className="readout">
          −∇C there = (<Num term="start-nudge-1" value={-start.gradient[0]!} digits={4} precise signed />,{" "}
          <Num term="start-nudge-2" value={-start.gradient[1]!} digits={4} precise signed />)
        </p>
        <p className="readout">
          Step {index}: C = <Num term="ball-cost" value={ball.cost} digits={4} />
        </p>
        <p className="hint">
          Across: {names[0]}, {describe(spec, weights[0])}. Up: {names[1]}, {describe(spec, weights[1])}. Dark
          is low cost; the dot marks the weights&apos; current values. Click the map to start elsewhere.
        </p>
        {reduced ? null : (
          <button type="button" onClick={replay} disabled={!done}>
            Replay the descent
          </button>
        )}
      </div>
    </div>
  );
}
