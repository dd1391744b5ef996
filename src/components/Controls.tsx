// Training controls: the buttons, the hyper-parameters, the counters, model files and the network's shape,
// each part in its own file; this one lays them out and leaves out those the URL's `hide=` lists.
import { describeOrigin } from "../store/origin.ts";
import type { ControlId } from "../store/urlState.ts";
import { useApp } from "./context.tsx";
import { BatchSize, LearningRate, MoreHyper } from "./HyperControls.tsx";
import { ModelFiles } from "./ModelFiles.tsx";
import { NetworkShape } from "./NetworkShape.tsx";
import { PaceControl, TrainingButtons } from "./TrainingButtons.tsx";

const fmtInt = new Intl.NumberFormat("en-US");

/** Epoch, examples seen and speed since these weights were loaded or reset, and where the weights came from. */
function Counters() {
  const stats = useApp((s) => s.stats);
  const source = describeOrigin(useApp((s) => s.origin));
  return (
    <dl className="counters mono" title="Counted since these weights were loaded or reset">
      <div>
        <dt>epoch</dt>
        <dd>{stats.epoch}</dd>
      </div>
      <div>
        <dt>examples</dt>
        <dd>{fmtInt.format(stats.examplesSeen)}</dd>
      </div>
      <div>
        <dt>speed</dt>
        <dd>
          {stats.examplesPerSecond > 0 ? `${fmtInt.format(Math.round(stats.examplesPerSecond))}/s` : "—"}
        </dd>
      </div>
      {stats.batch ? (
        <div className="source">
          <dt>this mini-batch</dt>
          <dd>
            {fmtInt.format(stats.batch.done)} of {fmtInt.format(stats.batch.total)} examples (Pause stops it)
          </dd>
        </div>
      ) : null}
      {/* Always there (the page must not move when the network arrives). */}
      <div className="source">
        <dt>weights</dt>
        <dd>{source || "loading…"}</dd>
      </div>
    </dl>
  );
}

/** All training controls, but those the URL's `hide=` lists. */
export function Controls() {
  const hide = useApp((s) => s.hide);
  const shown = (id: ControlId) => !hide.includes(id);
  return (
    <section className="controls" aria-label="Controls">
      {(shown("play") || shown("step") || shown("reset")) && <TrainingButtons />}
      {shown("play") && <PaceControl />}
      {shown("lr") && <LearningRate />}
      {shown("batch") && <BatchSize />}
      {shown("more") && <MoreHyper />}
      {shown("counters") && <Counters />}
      {shown("files") && <ModelFiles />}
      {(shown("preset") || shown("shape")) && <NetworkShape />}
    </section>
  );
}
