// <nn-explorable>: the explorable as a custom element for lesson pages. Its attributes are the URL's parameters;
// each element has its own shadow root, React root, store and training worker, so several on a page stay apart.
import { createRoot, type Root } from "react-dom/client";
import { runCommand, watchEvents } from "../embed/commands.ts";
import embedCss from "../embed/embed.css?inline";
import {
  assetUrls,
  ELEMENT_NAME,
  OBSERVED_ATTRIBUTES,
  RESTART_ATTRIBUTES,
  searchOf,
  textOf,
} from "../embed/elementAttributes.ts";
import { envelope, type Command, type ExplorableEvent } from "../embed/messages.ts";
import type { AppStore } from "../store/appStore.ts";
import { initialOverrides, syncSettings, type SettingsSync } from "../store/urlSync.ts";
import { parseUrlSettings } from "../store/urlState.ts";
import layoutCss from "../components/layout.css?inline";
import appCss from "../styles.css?inline";
import { themeStyleSheet } from "../render/theme.ts";
import { App } from "./App.tsx";
import type { Connect } from "./Explorable.tsx";
import { PAGE_GROUPS } from "./groups.ts";
import { startExplorable, type ExplorableOptions } from "./startExplorable.ts";

/** The palette's variables and the page's styles, with :root moved to the shadow host, and the host sized as a block. */
const SHADOW_CSS = `${themeStyleSheet(":host")}\n${appCss.replace(/:root\b/g, ":host")}\n${embedCss}\n${layoutCss}\n:host { display: block; }`;

function showProblems(store: AppStore, problems: readonly string[]) {
  if (!problems.length) return;
  store.setState({
    notice: {
      kind: "url",
      message: "Some attributes of this explorable could not be applied as written:",
      action: null,
      details: problems,
    },
  });
}

/**
 * `<nn-explorable hidden="16,16" lr="1.5" view="network" data-url="…/data/mnist" model-url-base="…/models">`.
 * Methods play(), pause(), step(unit), reset(seed); events "ready", "epochended", "prediction", "settings"
 * (CustomEvents whose detail is the postMessage API's event, with its type and version).
 */
export class NnExplorableElement extends HTMLElement {
  static readonly observedAttributes = OBSERVED_ATTRIBUTES;

  readonly #shadow: ShadowRoot;
  #root: Root | null = null;
  #store: AppStore | null = null;
  #sync: SettingsSync | null = null;
  #command: ((command: Command) => void) | null = null;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = SHADOW_CSS;
    this.#shadow.append(style);
  }

  connectedCallback() {
    this.#mount();
  }

  disconnectedCallback() {
    this.#unmount();
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null) {
    if (before === after || !this.#root) return;
    if (RESTART_ATTRIBUTES.includes(name) || !this.#sync) {
      this.#unmount();
      this.#mount();
      return;
    }
    // As the postMessage `set` does: an invalid value keeps the setting as it was, new layer sizes keep the current
    // activations, and the notice says what about this attribute only; a removed attribute goes back to the value
    // the other attributes imply (its default).
    const search = searchOf((n) => this.getAttribute(n));
    const { problems } = this.#sync.set({ [name]: after ?? textOf(search, name) });
    if (this.#store) showProblems(this.#store, problems);
  }

  play() {
    this.#command?.({ command: "play" });
  }
  pause() {
    this.#command?.({ command: "pause" });
  }
  /** One mini-batch, or the rest of the epoch. */
  step(unit: "batch" | "epoch" = "batch") {
    this.#command?.({ command: "step", unit });
  }
  /** New untrained weights from `seed`, or from the next seed. */
  reset(seed: number | null = null) {
    this.#command?.({ command: "reset", seed });
  }

  #mount() {
    if (this.#root) return;
    const attribute = (name: string) => this.getAttribute(name);
    const search = searchOf(attribute);
    const parsed = parseUrlSettings(search);
    const { dataUrl, modelUrlBase } = assetUrls(attribute, document.baseURI);
    const options: ExplorableOptions = {
      dataUrl,
      modelsUrl: modelUrlBase,
      checkpoint: parsed.settings.model === "none" ? null : parsed.settings.model,
      initial: initialOverrides(parsed.settings),
    };
    const connect: Connect = ({ store }) => {
      showProblems(store, parsed.problems);
      const sync = syncSettings(store, parsed);
      // The embedding API with this element as both ends: commands from the methods, events as DOM events.
      const emit = (event: ExplorableEvent) =>
        this.dispatchEvent(new CustomEvent(event.event.toLowerCase(), { detail: envelope(event) }));
      const stopEvents = watchEvents(store, emit);
      this.#store = store;
      this.#sync = sync;
      this.#command = (command) =>
        void runCommand(store, sync, command).then((reply) => reply && emit(reply));
      return () => {
        stopEvents();
        sync.dispose();
        this.#store = this.#sync = this.#command = null;
      };
    };
    const container = document.createElement("div");
    container.className = "nn-explorable-root";
    this.#shadow.append(container);
    this.#root = createRoot(container);
    // group="a": the elements of this page with that group share one explorable (the first one's settings).
    const { group } = parsed.settings;
    const lease = group ? () => PAGE_GROUPS.join(group, () => startExplorable(options)) : undefined;
    this.#root.render(
      <App search={search} options={options} connect={connect} {...(lease ? { lease } : {})} />,
    );
  }

  #unmount() {
    this.#root?.unmount();
    this.#root = null;
    this.#shadow.querySelector(".nn-explorable-root")?.remove();
  }
}

if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, NnExplorableElement);
