// What a scene is made of: a title and steps, each step prose in our own words, math, and which live view
// the scene shows beside it.
import type { LessonDrawing } from "../store/drawingLink.ts";
import type { LessonData } from "./data.ts";
import type { Tex } from "./tex.ts";

/** One step of a scene. */
export interface StepDef<View extends string = string> {
  /** Short heading, also the step's name in the list of steps. */
  readonly title: string;
  /** Paragraphs of prose. */
  readonly prose: readonly string[];
  /** Display math shown under the prose (constant TeX). */
  readonly math?: readonly Tex[];
  /** The live view the scene shows during this step. */
  readonly view: View;
}

/** A scene: an id for the URL (`?scene=<id>`), a title, a one-line summary for the index, and its steps. */
export interface SceneDef<View extends string = string> {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly StepDef<View>[];
}

/** What a scene's component gets: the current step's view, the loaded data and the learner's drawing when the
 * link carried one (scenes that take it: SceneEntry.takesDrawing). Its own state (the chosen image, neuron …)
 * lives on across steps. */
export interface SceneProps<View extends string = string> {
  readonly view: View;
  readonly data: LessonData;
  readonly drawing: LessonDrawing | null;
}
