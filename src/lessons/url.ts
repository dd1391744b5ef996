// The lessons' URL: `?scene=<id>&step=<n>` (n 1-based) shows a scene at a step, `?lessons` the index.
// Parsing never throws: an unknown scene or an invalid step comes back as such, for a notice. The learner's
// drawing (`&drawing=…&label=…`, src/store/drawingLink.ts) rides along from step to step and to the next scene.
import { DRAWING_PARAM, LABEL_PARAM, type LessonDrawing } from "../store/drawingLink.ts";

/** What the parser needs to know about each scene. */
export interface SceneSize {
  readonly id: string;
  readonly stepCount: number;
}

export type LessonRoute =
  | { readonly kind: "index" }
  | { readonly kind: "unknownScene"; readonly requested: string }
  | {
      readonly kind: "scene";
      readonly id: string;
      /** 0-based; the URL's step minus 1. */
      readonly stepIndex: number;
      /** The URL's step text when it named no step of this scene (then stepIndex is 0), else null. */
      readonly invalidStep: string | null;
    };

/** True when the page should show the lessons instead of the explorable: `?scene=…` or `?lessons`. */
export function isLessonUrl(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has("scene") || params.has("lessons");
}

/** The route of a location's query string (with or without its "?"). */
export function parseLessonRoute(search: string, scenes: readonly SceneSize[]): LessonRoute {
  const params = new URLSearchParams(search);
  const id = params.get("scene");
  if (id === null) return { kind: "index" };
  const scene = scenes.find((s) => s.id === id);
  if (!scene) return { kind: "unknownScene", requested: id };
  const step = params.get("step");
  if (step === null) return { kind: "scene", id, stepIndex: 0, invalidStep: null };
  const n = /^\d{1,6}$/.test(step) ? Number(step) : Number.NaN;
  return n >= 1 && n <= scene.stepCount
    ? { kind: "scene", id, stepIndex: n - 1, invalidStep: null }
    : { kind: "scene", id, stepIndex: 0, invalidStep: step };
}

/** `search` with its step set to stepIndex + 1, other parameters kept: "?scene=cost&step=3". */
export function searchWithStep(search: string, stepIndex: number): string {
  const params = new URLSearchParams(search);
  params.set("step", String(stepIndex + 1));
  return `?${params.toString()}`;
}

/** The query string of a scene at its first step, with the learner's drawing when one is given. */
export function sceneSearch(id: string, drawing: LessonDrawing | null = null): string {
  const params = new URLSearchParams({ scene: id });
  if (drawing) {
    params.set(DRAWING_PARAM, drawing.code);
    params.set(LABEL_PARAM, String(drawing.label));
  }
  return `?${params.toString()}`;
}

/** The learner's drawing's parameters of a query string alone ("" when it has none): what readDrawingParam reads. */
export function drawingPart(search: string): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const name of [DRAWING_PARAM, LABEL_PARAM]) {
    const value = params.get(name);
    if (value !== null) kept.set(name, value);
  }
  return kept.toString();
}

/** The query string of the index of lessons. */
export const INDEX_SEARCH = "?lessons";
