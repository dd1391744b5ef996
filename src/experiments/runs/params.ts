// The run experiments' own URL parameters: `runLimit` (training images) and `runEpochs` (passes) shrink a run,
// for quick demonstrations and the end-to-end tests. Invalid values are ignored.
import { SERIES } from "../../render/theme.ts";

export interface RunSizeParams {
  readonly trainLimit?: number;
  readonly epochs?: number;
}

function whole(text: string | null, max: number): number | undefined {
  if (text === null || !/^\d{1,6}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= max ? n : undefined;
}

/** `?runLimit=1000&runEpochs=2` → { trainLimit: 1000, epochs: 2 }. */
export function parseRunSizeParams(search: string): RunSizeParams {
  const params = new URLSearchParams(search);
  const trainLimit = whole(params.get("runLimit"), 60_000);
  const epochs = whole(params.get("runEpochs"), 1_000);
  return {
    ...(trainLimit === undefined ? {} : { trainLimit }),
    ...(epochs === undefined ? {} : { epochs }),
  };
}

/** Run colours: the theme's chart series, which never mean a sign, the selection or a verdict. */
export const RUN_COLORS = SERIES;

export function percent(v: number): string {
  return `${(v * 100).toFixed(1)} %`;
}

/** Whole percents for axis ticks. */
export function percentTick(v: number): string {
  return `${Math.round(v * 100)} %`;
}
