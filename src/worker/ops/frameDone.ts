// frameDone: the main thread painted the last frame, so the next may go (one frame in flight at most).

import type { TrainingSession } from "../session.ts";

export function frameDone(s: TrainingSession): void {
  s.frameAcknowledged();
}
