// The main page: the explorable of a real network that you draw into, train and watch.
import { Controls } from "./Controls.tsx";
import { CostCurve } from "./CostCurve.tsx";
import { DrawingPad } from "./DrawingPad.tsx";
import { Explorable } from "./Explorable.tsx";
import { NetworkView } from "./NetworkView.tsx";
import { LoadingBar, Notice } from "./Notice.tsx";
import { OutputBars } from "./OutputBars.tsx";
import { TestImagePicker } from "./TestImagePicker.tsx";
import { WeightHeatmaps } from "./WeightHeatmaps.tsx";

/** Where the app finds its data and its pretrained network, relative to the page. */
export const DEFAULT_OPTIONS = {
  dataUrl: new URL("data/mnist", document.baseURI).href,
  modelUrl: new URL("models/3b1b-epoch-30.json", document.baseURI).href,
};

export function App() {
  return (
    <Explorable options={DEFAULT_OPTIONS}>
      <div className="app">
        <header className="app-header">
          <nav className="app-nav" aria-label="Sections">
            <a href="?lessons">Lessons: the videos' chapters, step by step →</a>
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
        <main className="columns">
          <div className="column left">
            <section className="panel input-panel" aria-label="Input">
              <h2>Input</h2>
              <DrawingPad />
              <TestImagePicker />
            </section>
            <section className="panel heatmap-panel" aria-label="Weights of the first hidden layer">
              <h2>What the first hidden layer looks for</h2>
              <WeightHeatmaps />
            </section>
          </div>
          <div className="column center">
            <section className="panel network-panel" aria-label="Network">
              <h2>Network</h2>
              <NetworkView />
            </section>
            <section className="panel curve-panel">
              <CostCurve />
            </section>
          </div>
          <div className="column right">
            <section className="panel output-panel" aria-label="Output">
              <h2>Output</h2>
              <OutputBars />
            </section>
            <section className="panel controls-panel">
              <h2>Training</h2>
              <Controls />
            </section>
          </div>
        </main>
      </div>
    </Explorable>
  );
}
