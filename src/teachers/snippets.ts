// The teachers' page's catalogue: every lesson scene, experiment and explorable view as an embed URL, and the
// copy-paste snippets (an iframe, or the <nn-explorable> element) built from it. Pure text; the page shows it as text.
import { HOST_RESIZE_SCRIPT } from "../embed/resize.ts";
import { VIEWS, type ViewName } from "../store/urlState.ts";
import { MNIST_DATA_FOLDER } from "../worker/data.ts";
import { MODELS_FOLDER } from "../worker/models.ts";

/** True when the page should show the teachers' page: `?teachers`. */
export function isTeachersUrl(search: string): boolean {
  return new URLSearchParams(search).has("teachers");
}

/** Where the library build (dist/lib, made by `npm run build` with the app) is, relative to the app. */
export const LIB_PATH = "lib/nn-explorable.js";

/** One thing a teacher can embed. */
export interface Embeddable {
  readonly kind: "scene" | "experiment" | "view";
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** The embed's query string, "?scene=neuron&embed=1". */
  readonly search: string;
  /** The frame's suggested size in CSS pixels. */
  readonly width: number;
  readonly height: number;
}

/** The explorable's views, in words. */
export const VIEW_SUMMARIES: Record<ViewName, string> = {
  all: "The whole explorable: input, heatmaps, network, cost curve, output and training controls.",
  network: "The network's neurons and weights, lit by the current input.",
  heatmaps: "What each neuron of the first hidden layer looks for, as a heatmap of its weights.",
  curve: "The training and test cost, and the test accuracy, as the network learns.",
  pad: "A drawing pad and the MNIST test images, to give the network an input.",
  output: "The ten output neurons and the network's answer.",
  controls: "Play, step, reset, the learning rate and the network's shape.",
  "pad+output": "Draw a digit and read the network's answer beside it.",
  "pad+network+output": "Draw a digit and watch it flow through the network to the answer.",
};

const VIEW_SIZES: Record<ViewName, readonly [number, number]> = {
  all: [1200, 900],
  network: [640, 420],
  heatmaps: [360, 460],
  curve: [640, 360],
  pad: [360, 620],
  output: [360, 360],
  controls: [360, 640],
  "pad+output": [720, 620],
  "pad+network+output": [1200, 640],
};

/** The explorable's views, as embeds (`?embed=1&view=…`). */
export function viewEmbeds(): Embeddable[] {
  return VIEWS.map((view) => {
    const [width, height] = VIEW_SIZES[view];
    const words =
      view === "all"
        ? "everything"
        : view
            .split("+")
            .join(", ")
            .replace(/, (\w+)$/, " and $1");
    const title = words[0]!.toUpperCase() + words.slice(1);
    return {
      kind: "view",
      id: view,
      title,
      summary: VIEW_SUMMARIES[view],
      search: `?embed=1&view=${view}`,
      width,
      height,
    };
  });
}

/** The absolute URL of an embed, against the app's own address (its origin and path, without query or hash). */
export function embedUrl(appUrl: string, search: string): string {
  const url = new URL(appUrl);
  return `${url.origin}${url.pathname}${search}`;
}

/** `text` safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The iframe to paste into a lesson page, and the few lines of host script that size it to its content (the
 * embed reports its height with a `resize` event); the width is the view's natural width, or the page's if less.
 */
export function iframeSnippet(appUrl: string, e: Embeddable): string {
  const src = escapeAttribute(embedUrl(appUrl, e.search));
  return (
    `<iframe src="${src}" title="${escapeAttribute(e.title)}" width="${e.width}" height="${e.height}"` +
    ` loading="lazy" data-nn-explorable style="border: 0; max-width: 100%"></iframe>\n${HOST_RESIZE_SCRIPT}`
  );
}

/** The <nn-explorable> element for a view: the library's script and the element with its asset folders. */
export function elementSnippet(appUrl: string, view: ViewName): string {
  const at = (path: string) => escapeAttribute(new URL(path, embedUrl(appUrl, "")).href);
  return (
    `<script type="module" src="${at(LIB_PATH)}"></script>\n` +
    `<nn-explorable view="${view}" data-url="${at(MNIST_DATA_FOLDER)}" model-url-base="${at(MODELS_FOLDER)}"></nn-explorable>`
  );
}
