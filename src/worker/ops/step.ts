// step: one mini-batch, or the rest of the current epoch (in slices, so commands still get through), then
// `paused` with reason "step". Queued like play while the training set loads.

import type { CommandMap } from "../protocol.ts";
import type { TrainingSession } from "../session.ts";

export function step(s: TrainingSession, { unit }: CommandMap["step"]): void {
  s.setMode(unit === "batch" ? "stepBatch" : "stepEpoch");
}
