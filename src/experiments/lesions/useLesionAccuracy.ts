// The test accuracy of a damaged network as it comes in: first on the fixed subset of the first QUICK_COUNT test
// images, then on all of them, each asked of the page's source (the experiments worker) once the one before is in.
import { useEffect, useMemo, useState } from "react";
import type { Lesion } from "../../engine/lesions.ts";
import { MNIST_TEST_COUNT } from "../../engine/mnist.ts";
import type { Checkpoint } from "../../worker/models.ts";
import { useExperimentServices } from "../ExperimentsProvider.tsx";

/** The subset measured first: the first 1,000 test images. */
export const QUICK_COUNT = 1000;

/** Right answers out of a count of test images. */
export interface Score {
  readonly correct: number;
  readonly count: number;
}

/** What is known so far: the subset's score, then the whole test set's; or what went wrong. */
export interface LesionAccuracy {
  readonly quick: Score | null;
  readonly full: Score | null;
  readonly error: string | null;
}

const NOTHING: LesionAccuracy = { quick: null, full: null, error: null };

/** The accuracy of checkpoint `epochs` with `lesion` done to it (keep the object while the damage is the same). */
export function useLesionAccuracy(epochs: Checkpoint, lesion: Lesion): LesionAccuracy {
  const { source } = useExperimentServices();
  const [state, setState] = useState<{ for: object | null; value: LesionAccuracy }>({
    for: null,
    value: NOTHING,
  });
  const request = useMemo(() => ({ epochs, lesion }), [epochs, lesion]);
  useEffect(() => {
    let live = true;
    const set = (value: LesionAccuracy) => live && setState({ for: request, value });
    const { epochs, lesion } = request;
    source
      .lesionAccuracy(epochs, lesion, QUICK_COUNT)
      .then((quick) => {
        set({ quick, full: null, error: null });
        return source
          .lesionAccuracy(epochs, lesion, MNIST_TEST_COUNT)
          .then((full) => set({ quick, full, error: null }));
      })
      .catch((err: unknown) => set({ ...NOTHING, error: err instanceof Error ? err.message : String(err) }));
    return () => {
      live = false;
    };
  }, [source, request]);
  return state.for === request ? state.value : NOTHING;
}
