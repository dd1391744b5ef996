// The shipped checkpoints of the videos' network (src/worker/models.ts) as the experiments show them: the menu's
// order, the default, and each one's name.
import { CHECKPOINTS, type Checkpoint } from "../worker/models.ts";

/** The checkpoints in the page's menu, most trained first. */
export const CHECKPOINT_MENU: readonly Checkpoint[] = [...CHECKPOINTS].reverse();
export const DEFAULT_CHECKPOINT: Checkpoint = 30;

/** How a checkpoint is named in the page's menu. */
export function checkpointName(epochs: Checkpoint): string {
  return epochs === 0 ? "untrained (random weights)" : `after ${epochs} epoch${epochs === 1 ? "" : "s"}`;
}
