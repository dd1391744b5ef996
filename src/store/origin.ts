// Where a network's weights came from, in words: the one description of a typed ModelOrigin that every label uses.

import { PRESETS } from "../engine/presets.ts";
import type { ModelOrigin } from "../worker/models.ts";

/** "1 epoch", "30 epochs", "2.5 epochs", "0.04 epochs". */
const epochs = (n: number) =>
  `${Number.isInteger(n) ? n : n < 1 ? Number(n.toPrecision(1)) : n.toFixed(1)} epoch${n === 1 ? "" : "s"}`;

/**
 * "pretrained, 30 epochs", "untrained, seed 3", "opened from my-model.json + 2 epochs", "trained from random
 * weights (seed 3), 0.4 epochs".
 */
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
    case "taught":
      return `${describeOrigin(origin.from)} + taught ${origin.drawings} drawing${origin.drawings === 1 ? "" : "s"}`;
    case "trained":
      return origin.from.kind === "untrained"
        ? `trained from random weights (seed ${origin.from.seed}), ${epochs(origin.epochs)}`
        : `${describeOrigin(origin.from)} + ${epochs(origin.epochs)}`;
  }
}

/** What Play on a finished network says as it starts again from random weights. */
export function freshStartMessage(seed: number): string {
  return (
    `Training starts from fresh random weights (seed ${seed}), as in the videos: the pretrained network had ` +
    "finished learning. The checkpoint slider brings it back."
  );
}
