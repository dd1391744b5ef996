// Shows the partly trained network's loading state, and renders its children once it is ready: both
// backpropagation scenes wait for it.
import type { ReactNode } from "react";
import type { Network } from "../../engine/network.ts";
import { CHECKPOINT, useCheckpoint } from "./deps.tsx";

export function CheckpointGate({
  children,
}: {
  children: (net: Network<Float32Array>, text: string) => ReactNode;
}) {
  const state = useCheckpoint();
  if (state.status === "error")
    return (
      <div className="notice error" role="alert">
        <p>{state.message}</p>
      </div>
    );
  if (state.status === "loading")
    return (
      <div className="lesson-loading" role="status">
        <p>Loading the network after {CHECKPOINT.epochs} epochs of training…</p>
      </div>
    );
  return children(state.net, state.text);
}
