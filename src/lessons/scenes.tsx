// The lessons' scenes, in reading order: each scene's definition (steps, prose) and its live component.
import type { ComponentType, ReactNode } from "react";
import { BackpropScene } from "./backprop/BackpropScene.tsx";
import { BACKPROP_SCENE } from "./backprop/steps.ts";
import { CalculusScene } from "./calculus/CalculusScene.tsx";
import { CALCULUS_SCENE } from "./calculus/steps.ts";
import { CostScene } from "./cost/CostScene.tsx";
import { COST_SCENE } from "./cost/steps.ts";
import type { LessonDrawing } from "../store/drawingLink.ts";
import type { LessonData } from "./data.ts";
import { GradientScene } from "./gradient/GradientScene.tsx";
import { GRADIENT_SCENE } from "./gradient/steps.ts";
import { NeuronScene } from "./neuron/NeuronScene.tsx";
import { NEURON_SCENE } from "./neuron/steps.ts";
import { SgdScene } from "./sgd/SgdScene.tsx";
import { SGD_SCENE } from "./sgd/steps.ts";
import { SCENE_DEFS } from "./sceneDefs.ts";
import type { SceneDef, SceneProps } from "./types.ts";

export interface SceneEntry {
  readonly def: SceneDef;
  /** The scene can follow the learner's drawing (`&drawing=…&label=…`) instead of a test image (the store's
   * DRAWING_LESSONS, those the explorable links a taught drawing to, are among them). */
  readonly takesDrawing: boolean;
  /** The scene's live view for step `stepIndex` (the same component for every step, so its state stays). */
  readonly render: (stepIndex: number, data: LessonData, drawing: LessonDrawing | null) => ReactNode;
}

function scene<View extends string>(
  def: SceneDef<View>,
  Component: ComponentType<SceneProps<View>>,
  { takesDrawing = false }: { readonly takesDrawing?: boolean } = {},
): SceneEntry {
  return {
    def,
    takesDrawing,
    render: (stepIndex, data, drawing) => (
      <Component view={def.steps[stepIndex]!.view} data={data} drawing={takesDrawing ? drawing : null} />
    ),
  };
}

/** Each scene's entry, by id: its definition with its live component. */
const ENTRIES = new Map(
  [
    scene(NEURON_SCENE, NeuronScene, { takesDrawing: true }),
    scene(COST_SCENE, CostScene, { takesDrawing: true }),
    scene(GRADIENT_SCENE, GradientScene),
    scene(BACKPROP_SCENE, BackpropScene, { takesDrawing: true }),
    scene(CALCULUS_SCENE, CalculusScene, { takesDrawing: true }),
    scene(SGD_SCENE, SgdScene),
  ].map((e) => [e.def.id, e]),
);

/** The scenes in reading order (sceneDefs.ts). */
export const SCENES: readonly SceneEntry[] = SCENE_DEFS.map((def) => {
  const entry = ENTRIES.get(def.id);
  if (!entry) throw new Error(`the scene ${def.id} has no live component`);
  return entry;
});
