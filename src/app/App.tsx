// The main page: the explorable of a real network that you draw into, train and watch. Its settings come from
// the URL (and go back to it); `?embed=1&view=…` shows one view, or the explorable without the page's chrome.
import { useState } from "react";
import { useApp } from "../components/context.tsx";
import { Columns, Embedded } from "../components/Layout.tsx";
import { LoadingBar, Notice } from "../components/Notice.tsx";
import { startBridge } from "../embed/bridge.ts";
import { reportHeight } from "../embed/resize.ts";
import "../embed/embed.css";
import type { AppStore } from "../store/appStore.ts";
import { initialOverrides, syncSettings } from "../store/urlSync.ts";
import { parseUrlSettings, type ParsedUrl } from "../store/urlState.ts";
import { MODELS_FOLDER } from "../worker/models.ts";
import { Explorable, type Connect } from "./Explorable.tsx";
import type { Lease } from "./groups.ts";
import { pageSavedWork } from "./savedWork.ts";
import type { ExplorableOptions } from "./startExplorable.ts";
import { MNIST_DATA_FOLDER } from "../worker/data.ts";

/**
 * Where the app finds its data and its starting network, relative to the page (document.baseURI), and the work
 * saved on the last visit (not in an embed: every student of a classroom link gets the same start).
 */
export function optionsFor(parsed: ParsedUrl): ExplorableOptions {
  const { settings } = parsed;
  return {
    dataUrl: new URL(MNIST_DATA_FOLDER, document.baseURI).href,
    modelsUrl: new URL(MODELS_FOLDER, document.baseURI).href,
    checkpoint: settings.model === "none" ? null : settings.model,
    initial: initialOverrides(settings),
    ...(settings.embed ? {} : { saved: pageSavedWork(parsed) }),
    ...(settings.group === null ? {} : { group: settings.group }),
  };
}

/** Shows the URL's problems, keeps the URL in step with the store, and (in a frame) starts the host bridge. */
function connectTo(parsed: ParsedUrl): Connect {
  return ({ store }) => {
    // An embed fills its frame: no page margins, 100% of the frame's width and height (styles.css).
    if (parsed.settings.embed) document.documentElement.classList.add("embedded");
    if (parsed.problems.length) showProblems(store, parsed.problems);
    const sync = syncSettings(store, parsed, { writeUrl: true });
    const inFrame = window.parent !== window;
    const stopBridge = inFrame ? startBridge(store, sync, parsed.settings.origins) : null;
    const embedRoot = document.querySelector<HTMLElement>(".app.embed");
    const stopResize = inFrame && embedRoot ? reportHeight(embedRoot) : null;
    return () => {
      stopResize?.();
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

const NUMBER_WORDS = ["no", "one", "two", "three", "four"];

/** "two hidden layers of 16 neurons", "hidden layers of 32 and 16 neurons", "no hidden layer": the network's shape. */
export function hiddenInWords(hidden: readonly number[]): string {
  if (hidden.length === 0) return "no hidden layer";
  if (hidden.length === 1) return `one hidden layer of ${hidden[0]} neurons`;
  if (hidden.every((n) => n === hidden[0]))
    return `${NUMBER_WORDS[hidden.length] ?? hidden.length} hidden layers of ${hidden[0]} neurons`;
  return `hidden layers of ${hidden.slice(0, -1).join(", ")} and ${hidden.at(-1)} neurons`;
}

/** The page's opening sentence, about the network as it is now. */
function Lede() {
  const sizes = useApp((s) => s.spec.sizes);
  return (
    <p className="lede">
      A real network of {sizes[0]} inputs, {hiddenInWords(sizes.slice(1, -1))} and {sizes.at(-1)} outputs,
      trained on the 60,000 handwritten digits of MNIST, right here in your browser. Draw a digit to see what
      it thinks; press Play to watch it learn.
    </p>
  );
}

/**
 * The explorable of `search` (the page's URL by default). An embedding that is not the page (the `<nn-explorable>`
 * element) passes its own search, where to find the data and models, and what to connect instead of the URL.
 */
export function App({
  search = window.location.search,
  options: givenOptions,
  lease,
  connect: givenConnect,
}: { search?: string; options?: ExplorableOptions; lease?: () => Lease; connect?: Connect } = {}) {
  const [parsed] = useState(() => parseUrlSettings(search));
  const [options] = useState(() => givenOptions ?? optionsFor(parsed));
  const [connect] = useState(() => givenConnect ?? connectTo(parsed));
  const { embed, view } = parsed.settings;
  return (
    <Explorable options={options} connect={connect} {...(lease ? { lease } : {})}>
      {embed ? (
        <Embedded view={view} />
      ) : (
        <div className="app">
          <header className="app-header">
            {/* The first tab stops: straight to the pad, or past the pad and the answer to Play. */}
            <div className="skip-links">
              <a href="#draw">Skip to the drawing pad</a>
              <a href="#training">Skip to the training controls</a>
            </div>
            <nav className="app-nav" aria-label="Sections">
              <a href="?lessons">Lessons: the videos' chapters, step by step</a>
              <a href="?experiments">Experiments: where it fails</a>
              <a href="?teachers">For teachers</a>
            </nav>
            <h1>How a neural network learns</h1>
            <Lede />
          </header>
          <LoadingBar />
          <Notice />
          <Columns />
        </div>
      )}
    </Explorable>
  );
}
