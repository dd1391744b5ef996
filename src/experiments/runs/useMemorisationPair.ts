// The true-label/shuffled-label pair both memorisation experiments train: its size (the experiment's, the URL's
// runLimit/runEpochs, a host's override), its seed (the host's URL or its own), and its runs.
import { useState } from "react";
import type { MemorisationSize } from "../../engine/runs.ts";
import { useExperimentServices } from "../ExperimentsProvider.tsx";
import { memorisationRuns } from "./labels.ts";
import { parseRunSizeParams } from "./params.ts";
import { useRuns } from "./useRuns.ts";

/** A memorisation experiment's props: `seed`/`onSeed` let a host keep the seed in its URL, `size` shrinks the runs. */
export interface PairProps {
  readonly seed?: number;
  readonly onSeed?: (n: number) => void;
  readonly size?: Partial<MemorisationSize>;
}

/** The pair of `base` size, with the host's seed and size (PairProps). */
export function useMemorisationPair(base: MemorisationSize, { seed: hostSeed, onSeed, size }: PairProps) {
  const { runs, running, start, stop } = useRuns(useExperimentServices().runs);
  const [ownSeed, setOwnSeed] = useState(1);
  const seed = hostSeed ?? ownSeed;
  const setSeed = onSeed ?? setOwnSeed;
  const full: MemorisationSize = {
    ...base,
    ...parseRunSizeParams(typeof window === "undefined" ? "" : window.location.search),
    ...size,
  };
  const toggle = () => (running ? stop() : start(memorisationRuns(seed, full)));
  return { runs, running, toggle, seed, setSeed, full };
}
