// The explorable's views laid out: three columns on the page, or one view filling an embed's frame. Views listed in
// the URL's `hide=` are left out. Structure only: the views paint themselves from the store and the client.
import type { ReactNode } from "react";
import "./layout.css";
import type { ControlId, ViewName } from "../store/urlState.ts";
import { useApp } from "./context.tsx";
import { PacedBatch } from "./PacedBatch.tsx";
import { Controls } from "./Controls.tsx";
import { CostCurve } from "./CostCurve.tsx";
import { DrawingPad } from "./DrawingPad.tsx";
import { NetworkView } from "./NetworkView.tsx";
import { LoadingBar, Notice } from "./Notice.tsx";
import { ModelChooser } from "./ModelChooser.tsx";
import { OutputBars } from "./OutputBars.tsx";
import { TeachDigit } from "./TeachDigit.tsx";
import { WhyAnswer } from "./WhyAnswer.tsx";
import { TestImagePicker } from "./TestImagePicker.tsx";
import { WeightHeatmaps } from "./WeightHeatmaps.tsx";

/** The `hide=` ids that remove each panel when all of them are listed (the controls panel always shows). */
const PANEL_IDS = {
  pad: ["pad", "picker"],
  heatmaps: ["heatmaps"],
  network: ["network"],
  curve: ["curve"],
  output: ["output"],
  controls: [],
} as const satisfies Record<string, readonly ControlId[]>;
type PanelName = keyof typeof PANEL_IDS;

/** Whether `hide` removes everything these ids name (false for none: a panel without ids always shows). */
function allHidden(ids: ControlId | readonly ControlId[], hide: readonly ControlId[]): boolean {
  const list: readonly ControlId[] = typeof ids === "string" ? [ids] : ids;
  return list.length > 0 && list.every((i) => hide.includes(i));
}

/** A view unless `hide=` lists it. */
function Shown({ id, children }: { id: ControlId | readonly ControlId[]; children: ReactNode }) {
  const hide = useApp((s) => s.hide);
  return allHidden(id, hide) ? null : children;
}

function InputPanel() {
  return (
    <Shown id={PANEL_IDS.pad}>
      <section className="panel input-panel" aria-label="Input" id="draw" tabIndex={-1}>
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
    <Shown id={PANEL_IDS.heatmaps}>
      <section className="panel heatmap-panel" aria-label="Weights of the first hidden layer">
        <h2>What the first hidden layer looks for</h2>
        <WeightHeatmaps />
      </section>
    </Shown>
  );
}
function NetworkPanel() {
  return (
    <Shown id={PANEL_IDS.network}>
      <section className="panel network-panel" aria-label="Network">
        <h2>Network</h2>
        <NetworkView />
        <PacedBatch />
      </section>
    </Shown>
  );
}
function CurvePanel() {
  return (
    <Shown id={PANEL_IDS.curve}>
      <section className="panel curve-panel">
        <CostCurve />
      </section>
    </Shown>
  );
}
function OutputPanel() {
  return (
    <Shown id={PANEL_IDS.output}>
      <section className="panel output-panel" aria-label="Output">
        <h2>Output</h2>
        <OutputBars />
        <WhyAnswer />
        <TeachDigit />
        <Shown id="preset">
          <ModelChooser />
        </Shown>
      </section>
    </Shown>
  );
}
function ControlsPanel() {
  return (
    <section className="panel controls-panel" id="training" tabIndex={-1}>
      <h2>Training</h2>
      <Controls />
    </section>
  );
}

/**
 * The explorable's page: three columns on a wide screen (input and heatmaps | network and curve | output and
 * controls), one on a narrow one. The document order is the reading and keyboard order — pad, answer, network,
 * controls, then the heatmaps — and the grid places each part in its column (styles.css).
 */
export function Columns() {
  return (
    <main className="columns">
      <div className="column input-column">
        <InputPanel />
      </div>
      <div className="column output-column">
        <OutputPanel />
      </div>
      <div className="column center">
        <NetworkPanel />
        <CurvePanel />
      </div>
      <div className="column controls-column">
        <ControlsPanel />
      </div>
      <div className="column heatmap-column">
        <HeatmapPanel />
      </div>
    </main>
  );
}

const PANELS = {
  network: NetworkPanel,
  heatmaps: HeatmapPanel,
  curve: CurvePanel,
  pad: InputPanel,
  output: OutputPanel,
  controls: ControlsPanel,
} as const satisfies Record<PanelName, () => ReactNode>;

/** The names of an embed's view's panels: one, or a combination such as "pad+output" side by side. */
function panelNames(view: Exclude<ViewName, "all">): PanelName[] {
  return view.split("+") as PanelName[];
}

/** An embed: one view, a combination, or all of them, filling its frame, with the notices but not the header. */
export function Embedded({ view }: { view: ViewName }) {
  const hide = useApp((s) => s.hide);
  const names = view === "all" ? null : panelNames(view);
  const panels = names?.map((name) => PANELS[name]) ?? null;
  const hidden = names?.filter((name) => allHidden(PANEL_IDS[name], hide)) ?? [];
  return (
    <div className={`app embed embed-${view.replace(/\+/g, "-")}`}>
      <LoadingBar />
      <Notice />
      {names !== null && hidden.length === names.length ? (
        <p className="notice error embed-empty" role="alert">
          This embed shows nothing: view={view} is hidden by hide=
          {hidden.flatMap((n) => PANEL_IDS[n]).join(",")}.
        </p>
      ) : null}
      {panels === null ? (
        <Columns />
      ) : panels.length === 1 ? (
        panels.map((Panel, i) => <Panel key={i} />)
      ) : (
        <main className="embed-combination">
          {panels.map((Panel, i) => (
            <Panel key={i} />
          ))}
        </main>
      )}
    </div>
  );
}
