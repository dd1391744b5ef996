// The compact network of a scene whose network lives in the lab worker (gradient descent, SGD): the same
// checkpoint, loaded once on this thread for the picture, with no single example traced.
import { useMemo } from "react";
import type { Network } from "../../engine/network.ts";
import type { Checkpoint } from "../../worker/models.ts";
import { useCheckpoint } from "../lab/useLab.tsx";
import { usePublishGlance, type Glance } from "./glance.ts";

export function useCheckpointGlance(
  checkpoint: Checkpoint,
  make: (net: Network<Float32Array>) => Glance,
  /** Names what `make` shows: a new key makes a new glance (and plays its motion). */
  key: string,
): void {
  const state = useCheckpoint(checkpoint);
  const net = state.status === "ready" ? state.value : null;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  usePublishGlance(useMemo(() => (net ? make(net) : null), [net, key]));
}
