// The main page: the explorable of a real network that you draw into, train and watch. Its settings come from
// the URL (and go back to it); `?embed=1&view=…` shows one view, or the explorable without the page's chrome.
import { useState, type ReactNode } from "react";
import { startBridge } from "../embed/bridge.ts";
import "../embed/embed.css";
import type { AppStore } from "../store/appStore.ts";
import { pageSavedWork } from "../store/savedWork.ts";
import { checkpointUrl, initialOverrides, syncSettings } from "../store/urlSync.ts";
import { parseUrlSettings, type ControlId, type ParsedUrl, type ViewName } from "../store/urlState.ts";
import { useApp } from "./context.tsx";
import { Controls } from "./Controls.tsx";
import { CostCurve } from "./CostCurve.tsx";
import { DrawingPad } from "./DrawingPad.tsx";
import { Explorable, type Connect, type ExplorableOptions } from "./Explorable.tsx";
import { NetworkView } from "./NetworkView.tsx";
import { LoadingBar, Notice } from "./Notice.tsx";
import { OutputBars } from "./OutputBars.tsx";
import { TestImagePicker } from "./TestImagePicker.tsx";
import { WeightHeatmaps } from "./WeightHeatmaps.tsx";

/**
 * Where the app finds its data and its starting network, relative to the page (document.baseURI), and the work
 * saved on the last visit (not in an embed: every student of a classroom link gets the same start).
 */
export function optionsFor(parsed: ParsedUrl): ExplorableOptions {
  const { settings } = parsed;
  return {
    dataUrl: new URL("data/mnist", document.baseURI).href,
    modelUrl: settings.model === "none" ? null : checkpointUrl(settings.model),
    initial: initialOverrides(settings),
    ...(settings.embed ? {} : { saved: pageSavedWork(parsed) }),
  };
}

/** Shows the URL's problems, keeps the URL in step with the store, and (in a frame) starts the host bridge. */
function connectTo(parsed: ParsedUrl): Connect {
  return ({ store, client }) => {
    // An embed fills its frame: no page margins, 100% of the frame's width and height (styles.css).
    if (parsed.settings.embed) document.documentElement.classList.add("embedded");
    if (parsed.problems.length) showProblems(store, parsed.problems);
    const sync = syncSettings(store, client, parsed, { writeUrl: true });
    const inFrame = window.parent !== window;
    const stopBridge = inFrame ? startBridge(store, sync, parsed.settings.origins) : null;
    return () => {
      stopBridge?.();
      sync.dispose();
    };
  };
}

function showProblems(store: AppStore, problems: readonly string[]) {
  store.setState({
    notice: {
      kind: "url",
      message: `Some settings in this page's address were not understood and were left out:`,
      action: null,
      details: problems,
    },
  });
}

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

function Columns() {
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
function Embedded({ view }: { view: ViewName }) {
  const View = view === "all" ? null : SINGLE_VIEWS[view];
  return (
    <div className={`app embed embed-${view}`}>
      <LoadingBar />
      <Notice />
      {View ? <View /> : <Columns />}
    </div>
  );
}

/**
 * The explorable of `search` (the page's URL by default). An embedding that is not the page (the `<nn-explorable>`
 * element) passes its own search, where to find the data and models, and what to connect instead of the URL.
 */
export function App({
  search = window.location.search,
  options: givenOptions,
  connect: givenConnect,
}: { search?: string; options?: ExplorableOptions; connect?: Connect } = {}) {
  const [parsed] = useState(() => parseUrlSettings(search));
  const [options] = useState(() => givenOptions ?? optionsFor(parsed));
  const [connect] = useState(() => givenConnect ?? connectTo(parsed));
  const { embed, view } = parsed.settings;
  return (
    <Explorable options={options} connect={connect}>
      {embed ? (
        <Embedded view={view} />
      ) : (
        <div className="app">
          <header className="app-header">
            <nav className="app-nav" aria-label="Sections">
              <a href="?lessons">Lessons: the videos' chapters, step by step</a>
              <a href="?experiments">Experiments: where it fails</a>
              <a href="?teachers">For teachers</a>
            </nav>
            <h1>How a neural network learns</h1>
            <p className="lede">
              A real network of 784 inputs, two hidden layers of 16 neurons and 10 outputs, trained on the
              60,000 handwritten digits of MNIST, right here in your browser. Draw a digit to see what it
              thinks; press Play to watch it learn.
            </p>
          </header>
          <LoadingBar />
          <Notice />
          <Columns />
        </div>
      )}
    </Explorable>
  );
}
