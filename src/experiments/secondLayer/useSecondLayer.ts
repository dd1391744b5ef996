// The second layer's numbers as they come in from the experiments worker: each neuron's most exciting test images
// and loop-digit means, what silencing each costs, then the gradient ascent on the input for one neuron after
// another (from a blank image), each shown as soon as it is done.
import { useEffect, useState } from "react";
import { startAscent, type AscentOptions, type AscentState } from "../../engine/inputAscent.ts";
import { NO_LESION, type SilencedScore } from "../../engine/lesions.ts";
import { MNIST_PIXELS, MNIST_TEST_COUNT } from "../../engine/mnist.ts";
import type { Network } from "../../engine/network.ts";
import type { NeuronProfile } from "../../engine/secondLayer.ts";
import type { Checkpoint } from "../../worker/models.ts";
import { useExperimentServices } from "../ExperimentsProvider.tsx";

/** The hidden layer looked at. */
export const LAYER = 2;
/** Test images shown per neuron. */
export const TOP_COUNT = 6;
/** Ascent steps per neuron, at most (fewer if it stalls at a top). */
export const ASCENT_STEPS = 200;
/** Steps asked of the worker per request. */
const CHUNK = 50;

export interface SecondLayerData {
  readonly profiles: readonly NeuronProfile[] | null;
  readonly scores: readonly SilencedScore[] | null;
  /** Right answers of the intact network on all test images. */
  readonly intact: { readonly correct: number; readonly count: number } | null;
  /** Each neuron's finished ascent, in order; shorter while they are still coming. */
  readonly ascents: readonly AscentState[];
  readonly error: string | null;
}

const NOTHING: SecondLayerData = { profiles: null, scores: null, intact: null, ascents: [], error: null };

/** The second layer of checkpoint `epochs` (whose network is `net`, once loaded), measured in the worker. */
export function useSecondLayer(epochs: Checkpoint, net: Network<Float32Array> | null): SecondLayerData {
  const { source } = useExperimentServices();
  const [state, setState] = useState<{ for: Network | null; data: SecondLayerData }>({
    for: null,
    data: NOTHING,
  });
  useEffect(() => {
    if (!net) return;
    let live = true;
    let data = NOTHING;
    const set = (change: Partial<SecondLayerData>) => {
      data = { ...data, ...change };
      if (live) setState({ for: net, data });
    };
    const fail = (err: unknown) => set({ error: err instanceof Error ? err.message : String(err) });
    const ascent = async (j: number): Promise<AscentState> => {
      const o: AscentOptions = { digit: j, layer: LAYER, roughness: 0 };
      let s = startAscent(net, new Float32Array(MNIST_PIXELS), o);
      while (live && !s.stalled && s.steps < ASCENT_STEPS)
        s = (await source.ascend(epochs, s, o, Math.min(CHUNK, ASCENT_STEPS - s.steps))).state;
      return s;
    };
    void (async () => {
      try {
        set({ profiles: await source.neuronProfiles(epochs, LAYER, TOP_COUNT) });
        const [scores, intact] = await Promise.all([
          source.silencedScores(epochs),
          source.lesionAccuracy(epochs, NO_LESION, MNIST_TEST_COUNT),
        ]);
        set({ scores, intact });
        for (let j = 0; j < net.spec.sizes[LAYER]! && live; j++) {
          const s = await ascent(j);
          set({ ascents: [...data.ascents, s] });
        }
      } catch (err) {
        fail(err);
      }
    })();
    return () => {
      live = false;
    };
  }, [source, epochs, net]);
  return state.for === net ? state.data : NOTHING;
}
