// The <nn-explorable> element's attributes: the URL table's parameter names (hidden="16,16" lr="1.5" view="network")
// read as a query string, plus where the element finds its data and models. Pure, so Node tests can call it.
import { parseUrlSettings, URL_PARAM_NAMES, URL_PARAMS } from "../store/urlState.ts";
import { MNIST_DATA_FOLDER } from "../worker/data.ts";
import { MODELS_FOLDER } from "../worker/models.ts";

/** The custom element's tag name. */
export const ELEMENT_NAME = "nn-explorable";

/** Folder with the prepared MNIST files (manifest.json); default MNIST_DATA_FOLDER relative to the page. */
export const DATA_URL_ATTRIBUTE = "data-url";
/** Folder with the checkpoints 3b1b-epoch-N.json; default "models" relative to the page. */
export const MODEL_URL_BASE_ATTRIBUTE = "model-url-base";

/** Elements of one page with the same group share one network (src/app/groups.ts): the URL's `group`. */
export const GROUP_ATTRIBUTE = "group";

/** Parameters an element has no use for: it is always embedded, and talks to its page by events, not messages. */
const NOT_ATTRIBUTES: readonly string[] = ["embed", "origins"];
/** The URL parameters an element takes as attributes. */
export const PARAMETER_ATTRIBUTES: readonly string[] = URL_PARAM_NAMES.filter(
  (n) => !NOT_ATTRIBUTES.includes(n),
);

/**
 * Changing one of these restarts the element (a new store and worker): they decide what it shows and what it
 * loads at start. The other parameters are applied to the running explorable, as the postMessage `set` does.
 */
export const RESTART_ATTRIBUTES: readonly string[] = [
  "view",
  GROUP_ATTRIBUTE,
  "model",
  DATA_URL_ATTRIBUTE,
  MODEL_URL_BASE_ATTRIBUTE,
];

/** Every attribute the element watches. */
export const OBSERVED_ATTRIBUTES: readonly string[] = [
  ...PARAMETER_ATTRIBUTES,
  DATA_URL_ATTRIBUTE,
  MODEL_URL_BASE_ATTRIBUTE,
];

/** The query string of an element's parameter attributes, always with embed=1: "?embed=1&hidden=16%2C16&lr=1.5". */
export function searchOf(attribute: (name: string) => string | null): string {
  const params = new URLSearchParams({ embed: "1" });
  for (const name of PARAMETER_ATTRIBUTES) {
    const value = attribute(name);
    if (value !== null) params.set(name, value);
  }
  return `?${params.toString()}`;
}

/** Absolute folder URLs for the element's data and models, from its attributes relative to `baseUri`. */
export function assetUrls(
  attribute: (name: string) => string | null,
  baseUri: string,
): { dataUrl: string; modelUrlBase: string } {
  const folder = (name: string, fallback: string) =>
    new URL(attribute(name)?.trim() || fallback, baseUri).href.replace(/\/$/, "");
  return {
    dataUrl: folder(DATA_URL_ATTRIBUTE, MNIST_DATA_FOLDER),
    modelUrlBase: folder(MODEL_URL_BASE_ATTRIBUTE, MODELS_FOLDER),
  };
}

/** The URL text of parameter `name` as `search` sets it, defaults included: textOf("?lr=2", "batch") = "10". */
export function textOf(search: string, name: string): string {
  const key = URL_PARAM_NAMES.find((n) => n === name);
  if (key === undefined) return "";
  const param = URL_PARAMS[key] as { format(value: unknown): string };
  return param.format(parseUrlSettings(search).settings[key]);
}
