// setProbe: choose the image the frames' activations show (the drawing pad or a test image); its activations go
// back at once as `probed`, and a frame follows unless one is in flight. A test image also comes back as `testImage`, once the test set is in.

import type { CommandMap } from "../protocol.ts";
import type { TrainingSession } from "../session.ts";

export function setProbe(s: TrainingSession, { probe, id }: CommandMap["setProbe"]): void {
  s.applyProbe(probe, id);
  s.emitProbed();
  s.flushFrame();
}
