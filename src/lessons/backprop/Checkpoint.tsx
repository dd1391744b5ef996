// Shows the partly trained network's loading state, and renders its children once it is ready and of the videos'
// kind: both backpropagation scenes wait for it.
import type { ComponentType, ReactNode } from "react";
import type { MnistSplit } from "../../engine/idx.ts";
import type { Network } from "../../engine/network.ts";
import type { LessonDrawing } from "../../store/drawingLink.ts";
import type { SceneProps } from "../types.ts";
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

/** What a backpropagation scene's live view gets: the step's view, the test images, the drawing, the network. */
export interface CheckpointSceneProps<View extends string> {
  readonly view: View;
  readonly test: MnistSplit;
  readonly drawing: LessonDrawing | null;
  readonly net: Network<Float32Array>;
}

/** A scene that shows `Live` once the partly trained network is ready. */
export function checkpointScene<View extends string>(
  Live: ComponentType<CheckpointSceneProps<View>>,
): ComponentType<SceneProps<View>> {
  return function CheckpointScene({ view, data, drawing }: SceneProps<View>) {
    return (
      <CheckpointGate>
        {(net) => <Live view={view} test={data.test} drawing={drawing} net={net} />}
      </CheckpointGate>
    );
  };
}
