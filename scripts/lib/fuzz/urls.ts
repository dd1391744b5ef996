// Random addresses over every route of the app (explorable, embeds, lessons, experiments, teachers, unknown
// paths), seeded, and what the app must show for each: a message whenever its own parsers refuse something.
import type { Rng } from "../../../src/engine/rng.ts";
import { isAppPath } from "../../../src/app/appPath.ts";
import { isExperimentUrl, parseExperimentRoute } from "../../../src/experiments/url.ts";
import { SCENE_SIZES } from "../../../src/lessons/sceneDefs.ts";
import { isLessonUrl, parseLessonRoute } from "../../../src/lessons/url.ts";
import { DRAWING_LESSONS, readDrawingParam } from "../../../src/store/drawingLink.ts";
import { parseUrlSettings, URL_PARAM_NAMES, VIEWS } from "../../../src/store/urlState.ts";
import { isTeachersUrl } from "../../../src/teachers/snippets.ts";
import { hostileText, pick } from "./payloads.ts";

export interface UrlCase {
  /** Path and query, e.g. "/?lr=abc". */
  readonly url: string;
  /** The app refuses part of it, so a message must show. */
  readonly expectsMessage: boolean;
}

/** Values a parameter may validly take: the fuzz mixes them in so that valid pages with odd neighbours load. */
const VALID: Readonly<Record<string, readonly string[]>> = {
  preset: ["3b1b", "best"],
  hidden: ["16,16", "32", "100", ""],
  activation: ["relu", "tanh", "sigmoid"],
  output: ["softmax", "sigmoid"],
  cost: ["crossEntropy", "mse"],
  lr: ["0.5", "3"],
  batch: ["1", "32"],
  seed: ["7"],
  image: ["0", "9999"],
  model: ["none", "5", "best"],
  hide: ["play,reset", "network"],
  embed: ["1"],
  view: [...VIEWS],
  scene: SCENE_SIZES.map((s) => s.id),
  step: ["1", "3", "99"],
  experiment: ["noise", "runs", "mine"],
  epochs: ["5"],
  label: ["7"],
};

const OTHER_NAMES = [
  "scene",
  "step",
  "experiment",
  "epochs",
  "drawing",
  "label",
  "teachers",
  "lessons",
  "experiments",
];
const ROUTES = ["", "embed=1", "lessons", "experiments", "teachers"] as const;
const PATHS = [
  "/",
  "/",
  "/",
  "/",
  "/index.html",
  "/lessons",
  "/scene/cost",
  "/foo/bar/",
  "/%3Cb%20data-fuzz%3E",
];

/** One random address. */
export function randomUrl(rng: Rng): string {
  const params = new URLSearchParams(pick(rng, ROUTES));
  const count = 1 + rng.int(4);
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    const name =
      r < 0.6
        ? pick(rng, URL_PARAM_NAMES)
        : r < 0.85
          ? pick(rng, OTHER_NAMES)
          : r < 0.95
            ? pick(rng, URL_PARAM_NAMES).toUpperCase()
            : pick(rng, ["__proto__[polluted]", "constructor[prototype][polluted]", "__proto__.polluted"]);
    const valid = VALID[name];
    const value = valid && rng.next() < 0.4 ? pick(rng, valid) : hostileText(rng);
    params.append(name, value);
  }
  const path = rng.next() < 0.85 ? "/" : pick(rng, PATHS);
  return `${path}?${params.toString()}`;
}

/** Whether the app must show a message for this address, by its own parsers and routes. */
export function expectsMessage(url: string): boolean {
  const { pathname, search } = new URL(url, "http://app.test");
  if (!isAppPath(pathname, "/")) return true;
  if (isExperimentUrl(search)) {
    const route = parseExperimentRoute(search);
    return route.notices.length > 0 || route.page.kind === "unknown";
  }
  if (isTeachersUrl(search)) return false;
  if (isLessonUrl(search)) {
    const route = parseLessonRoute(search, SCENE_SIZES);
    if (route.kind === "unknownScene") return true;
    if (route.kind !== "scene") return false;
    const takesDrawing = DRAWING_LESSONS.some((l) => l.scene === route.id);
    return route.invalidStep !== null || (takesDrawing && readDrawingParam(search).kind === "invalid");
  }
  return parseUrlSettings(search).problems.length > 0;
}

/** `count` addresses from `seed`'s generator, each with what it must show. */
export function urlCases(rng: Rng, count: number): UrlCase[] {
  return Array.from({ length: count }, () => {
    const url = randomUrl(rng);
    return { url, expectsMessage: expectsMessage(url) };
  });
}
