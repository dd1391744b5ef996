// Where a network's weights came from, in words: the one description of a typed ModelOrigin that every label uses.

import { PRESETS } from "../engine/presets.ts";
import type { ModelOrigin } from "../worker/models.ts";

const epochs = (n: number) => `${n} epoch${n === 1 ? "" : "s"}`;

/** "pretrained, 30 epochs", "untrained, seed 3", "opened from my-model.json", "untrained, seed 3 + 2 epochs". */
export function describeOrigin(origin: ModelOrigin | null): string {
  if (!origin) return "";
  switch (origin.kind) {
    case "pretrained":
      if (origin.checkpoint === "best")
        return `the better network, pretrained ${epochs(PRESETS.best.epochs)}`;
      return origin.checkpoint === 0
        ? "the videos' network, untrained"
        : `pretrained, ${epochs(origin.checkpoint)}`;
    case "untrained":
      return `untrained, seed ${origin.seed}`;
    case "file":
      return `opened from ${origin.name}${origin.epochs === null ? "" : ` (${epochs(origin.epochs)})`}`;
    case "trained":
      return `${describeOrigin(origin.from)} + ${epochs(origin.epochs)}`;
  }
}
