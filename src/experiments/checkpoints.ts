// The shipped checkpoints of the videos' network (public/models) that the experiments can look at.

/** Epochs of training before the checkpoint was saved. */
export type Checkpoint = 0 | 1 | 5 | 30;
export const CHECKPOINTS: readonly Checkpoint[] = [30, 5, 1, 0];
export const DEFAULT_CHECKPOINT: Checkpoint = 30;

/** The model file of a checkpoint, relative to the page. */
export function modelPath(epochs: Checkpoint): string {
  return `models/3b1b-epoch-${epochs}.json`;
}

/** How a checkpoint is named in the page's menu. */
export function checkpointName(epochs: Checkpoint): string {
  return epochs === 0 ? "untrained (random weights)" : `after ${epochs} epoch${epochs === 1 ? "" : "s"}`;
}
