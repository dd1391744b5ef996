// Shows the partly trained network's loading state, and renders its children once it is ready and of the videos'
// kind: both backpropagation scenes wait for it.
import type { ReactNode } from "react";
import type { Network } from "../../engine/network.ts";
import { useCheckpoint } from "../lab/useLab.tsx";
import { BACKPROP_CHECKPOINT, notVideosNetwork } from "./checkpoint.ts";

export function CheckpointGate({ children }: { children: (net: Network<Float32Array>) => ReactNode }) {
  const state = useCheckpoint(BACKPROP_CHECKPOINT);
  const problem =
    state.status === "error"
      ? state.message
      : state.status === "ready"
        ? notVideosNetwork(state.value.spec)
        : null;
  if (problem !== null)
    return (
      <div className="notice error" role="alert">
        <p>{problem}</p>
      </div>
    );
  if (state.status !== "ready")
    return (
      <div className="lesson-loading" role="status">
        <p>Loading the network after {BACKPROP_CHECKPOINT} epochs of training…</p>
      </div>
    );
  return children(state.value);
}
