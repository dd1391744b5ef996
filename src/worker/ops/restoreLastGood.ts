// restoreLastGood: back to the last weights whose costs and parameters were all finite (after a divergence).
// Counters carry on; momentum restarts; the cost curve gets a point evaluating the restored weights.

import { cloneNetwork } from "../../engine/network.ts";
import type { TrainingSession } from "../session.ts";

export function restoreLastGood(s: TrainingSession): void {
  if (!s.lastGood) throw new Error("there are no weights to restore yet");
  s.stop("command");
  s.installNetwork(cloneNetwork(s.lastGood), true);
  s.markGood();
  s.requestPoint(true);
  s.flushFrame();
}
