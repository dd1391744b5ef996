// The lessons' scenes in reading order, as definitions only (ids, titles, steps): what the URL parser, the index
// and tools outside the page read. scenes.tsx pairs each with its live component.
import { BACKPROP_SCENE } from "./backprop/steps.ts";
import { CALCULUS_SCENE } from "./calculus/steps.ts";
import { COST_SCENE } from "./cost/steps.ts";
import { GRADIENT_SCENE } from "./gradient/steps.ts";
import { NEURON_SCENE } from "./neuron/steps.ts";
import { SGD_SCENE } from "./sgd/steps.ts";
import type { SceneSize } from "./url.ts";

export const SCENE_DEFS = [
  NEURON_SCENE,
  COST_SCENE,
  GRADIENT_SCENE,
  BACKPROP_SCENE,
  CALCULUS_SCENE,
  SGD_SCENE,
] as const;

/** Ids and step counts, for the URL parser. */
export const SCENE_SIZES: readonly SceneSize[] = SCENE_DEFS.map((d) => ({
  id: d.id,
  stepCount: d.steps.length,
}));
