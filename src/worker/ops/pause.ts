// pause: stop training after the current mini-batch (answered by `paused` with reason "command").

import type { TrainingSession } from "../session.ts";

export function pause(s: TrainingSession): void {
  s.stop("command");
  s.flushFrame();
}
