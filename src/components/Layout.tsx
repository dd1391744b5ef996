// The explorable's views laid out: three columns on the page, or one view filling an embed's frame. Views listed in
// the URL's `hide=` are left out. Structure only: the views paint themselves from the store and the client.
import type { ReactNode } from "react";
import type { ControlId, ViewName } from "../store/urlState.ts";
import { useApp } from "./context.tsx";
import { Controls } from "./Controls.tsx";
import { CostCurve } from "./CostCurve.tsx";
import { DrawingPad } from "./DrawingPad.tsx";
import { NetworkView } from "./NetworkView.tsx";
import { LoadingBar, Notice } from "./Notice.tsx";
import { OutputBars } from "./OutputBars.tsx";
import { TestImagePicker } from "./TestImagePicker.tsx";
import { WeightHeatmaps } from "./WeightHeatmaps.tsx";

/** A view unless `hide=` lists it. */
function Shown({ id, children }: { id: ControlId | readonly ControlId[]; children: ReactNode }) {
  const hide = useApp((s) => s.hide);
  const ids: readonly ControlId[] = typeof id === "string" ? [id] : id;
  return ids.every((i) => hide.includes(i)) ? null : children;
}

function InputPanel() {
  return (
    <Shown id={["pad", "picker"]}>
      <section className="panel input-panel" aria-label="Input">
        <h2>Input</h2>
        <Shown id="pad">
          <DrawingPad />
        </Shown>
        <Shown id="picker">
          <TestImagePicker />
        </Shown>
      </section>
    </Shown>
  );
}
function HeatmapPanel() {
  return (
    <Shown id="heatmaps">
      <section className="panel heatmap-panel" aria-label="Weights of the first hidden layer">
        <h2>What the first hidden layer looks for</h2>
        <WeightHeatmaps />
      </section>
    </Shown>
  );
}
function NetworkPanel() {
  return (
    <Shown id="network">
      <section className="panel network-panel" aria-label="Network">
        <h2>Network</h2>
        <NetworkView />
      </section>
    </Shown>
  );
}
function CurvePanel() {
  return (
    <Shown id="curve">
      <section className="panel curve-panel">
        <CostCurve />
      </section>
    </Shown>
  );
}
function OutputPanel() {
  return (
    <Shown id="output">
      <section className="panel output-panel" aria-label="Output">
        <h2>Output</h2>
        <OutputBars />
      </section>
    </Shown>
  );
}
function ControlsPanel() {
  return (
    <section className="panel controls-panel">
      <h2>Training</h2>
      <Controls />
    </section>
  );
}

export function Columns() {
  return (
    <main className="columns">
      <div className="column left">
        <InputPanel />
        <HeatmapPanel />
      </div>
      <div className="column center">
        <NetworkPanel />
        <CurvePanel />
      </div>
      <div className="column right">
        <OutputPanel />
        <ControlsPanel />
      </div>
    </main>
  );
}

const SINGLE_VIEWS: Record<Exclude<ViewName, "all">, () => ReactNode> = {
  network: NetworkPanel,
  heatmaps: HeatmapPanel,
  curve: CurvePanel,
  pad: InputPanel,
  output: OutputPanel,
  controls: ControlsPanel,
};

/** An embed: one view (or all of them) filling its frame, with the notices but without the page's header. */
export function Embedded({ view }: { view: ViewName }) {
  const View = view === "all" ? null : SINGLE_VIEWS[view];
  return (
    <div className={`app embed embed-${view}`}>
      <LoadingBar />
      <Notice />
      {View ? <View /> : <Columns />}
    </div>
  );
}
