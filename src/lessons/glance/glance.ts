// What a scene shows in its compact network, and the small store through which the scene's live view hands it
// to the step's column: the network and the example's trace (the engine's own), what the step is about, and the
// motion that explains it. Each new glance (a new example, step or choice) plays its motion from the start, so a
// view publishes a memoised one.
import { createContext, useContext, useEffect } from "react";
import type { GlanceScene } from "../../render/glance.ts";

export interface Glance extends GlanceScene {
  /** Where we are, in words: "Neuron 3 of layer 1", "The output layer". */
  readonly caption: string;
}

export interface GlanceStore {
  get(): Glance | null;
  set(glance: Glance | null): void;
  subscribe(listener: () => void): () => void;
}

export function createGlanceStore(): GlanceStore {
  let current: Glance | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(glance) {
      if (glance === current) return;
      current = glance;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const GlanceContext = createContext<GlanceStore | null>(null);

/** Shows `glance` in the step's compact network while the calling view is mounted (pass a memoised value). */
export function usePublishGlance(glance: Glance | null): void {
  const store = useContext(GlanceContext);
  useEffect(() => {
    store?.set(glance);
  }, [store, glance]);
  useEffect(() => () => store?.set(null), [store]);
}

/** "layer 1", "the output layer", "the input": a layer's name in a caption. */
export function layerName(l: number, layers: number): string {
  return l === 0 ? "the input" : l === layers - 1 ? "the output layer" : `hidden layer ${l}`;
}
