// play: train continuously. Before the training set is in, the request waits and training starts with `ready`.

import type { TrainingSession } from "../session.ts";

export function play(s: TrainingSession): void {
  s.setMode("playing");
  s.flushFrame();
}
