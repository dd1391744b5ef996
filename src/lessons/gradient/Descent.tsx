// The ball rolling downhill in the scene "Rolling downhill": along one weight (the curve, with the table of its
// steps or the verdict on η) and over two (the landscape). The lab computed the path; these views reveal it hop by
// hop, or all at once with reduced motion.
import type { DescentStep, ParamRef } from "../../engine/experiments.ts";
import type { NetworkSpec } from "../../engine/network.ts";
import type { LabAnswer } from "../lab/useLab.tsx";
import { Num } from "../views/Num.tsx";
import { CostCurve } from "./CostCurve.tsx";
import { CostLandscape } from "./CostLandscape.tsx";
import { describe } from "./nudges.ts";
import { CostBySteps, Verdict } from "./RateControl.tsx";
import { useReveal } from "./useReveal.ts";

/** Time between two hops of the ball, ms. */
const HOP_INTERVAL = 110;

/** The rows of the step table: the last few steps up to the ball's. */
const TABLE_ROWS = 6;

export function Descent1D({
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
  const domain = [surface.axes[0]![0]!, surface.axes[0]!.at(-1)!] as const;
  const inside = (p: DescentStep) => p.values[0]! >= domain[0] && p.values[0]! <= domain[1];
  const off = !inside(ball);
  const anyOff = path.slice(0, index + 1).some((p) => !inside(p));
  return (
    <>
      <CostCurve surface={surface} path={path} index={index} weightName={weightName} onPick={onPick} />
      <div className="descent-row">
        {view === "roll" ? (
          <StepTable path={path} index={index} busy={busy} weightName={weightName} />
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

export function Descent2D({
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

/** The last TABLE_ROWS steps up to the ball's, each with its weight, cost and slope. */
function StepTable({
  path,
  index,
  busy,
  weightName,
}: {
  path: readonly DescentStep[];
  index: number;
  busy: boolean;
  weightName: string;
}) {
  const first = Math.max(0, index + 1 - TABLE_ROWS);
  return (
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
                <Num term={`step-slope-${first + i}`} value={p.gradient[0]!} digits={4} precise signed />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Click the curve to start the ball elsewhere.</p>
    </div>
  );
}
